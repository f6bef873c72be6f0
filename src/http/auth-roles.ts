/**
 * Who may call what. Every route states its access in `config.access`; a route that states
 * nothing gets the conservative default below (staff reads, credit department writes), so a
 * forgotten declaration never opens a route to everyone.
 */
import { ROLES, type Role } from '#core/types';

/** 'public': no sign-in at all; otherwise the roles allowed (signed in). */
export type Access = 'public' | readonly Role[];

export const ALL_ROLES: readonly Role[] = ROLES;
/** Everyone except salespeople: portfolio-wide reads, which cannot be narrowed to one salesperson. */
export const STAFF: readonly Role[] = ['admin', 'credit_manager', 'collector', 'director', 'auditor'];
export const CREDIT_DEPARTMENT: readonly Role[] = ['admin', 'credit_manager'];
export const AUDIT_READERS: readonly Role[] = ['admin', 'credit_manager', 'director', 'auditor'];
/** The internal-audit signals (fraud and embezzlement): not for the people they may be about. */
export const AUDITORS: readonly Role[] = ['admin', 'director', 'auditor'];
export const ADMINS: readonly Role[] = ['admin'];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * The access a route really grants: the auditor's rights are read-only whatever a route declares
 * (e.g. ALL_ROLES on a note), except signing in and out.
 */
export function effectiveAccess(method: string, url: string, declared: Access): Access {
  if (declared === 'public' || isSafeMethod(method) || url.startsWith('/api/auth/')) return declared;
  return declared.filter((role) => role !== 'auditor');
}

export function defaultAccess(method: string, url: string): Access {
  // The browsable documentation and its assets describe the API; they hold no data.
  if (url === '/api/docs' || url.startsWith('/api/docs/')) return 'public';
  return isSafeMethod(method) ? STAFF : CREDIT_DEPARTMENT;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}
