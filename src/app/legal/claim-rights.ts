/**
 * Who may do what with the claim declarations, one list each for the API's routes and the use
 * cases: the staff reads the claims (a salesperson's scope cannot narrow a portfolio-wide list),
 * the credit department prepares and declares them, and a director may also print a letter. The
 * routes refuse before the use case runs; the use cases refuse a signed-in reader the same way,
 * which is what judges the CLI acting for a named user (`--user EMAIL`). The CLI acting for the
 * company, and the system, are not judged, as elsewhere.
 */
import { ROLES, type Role } from '#core/types';
import { wordedLabel } from '#text/error-words';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

export const CLAIM_READERS: readonly Role[] = ROLES.filter((role) => role !== 'salesperson');
export const CLAIM_DECLARERS: readonly Role[] = ['admin', 'credit_manager'];
export const CLAIM_LETTER_READERS: readonly Role[] = [...CLAIM_DECLARERS, 'director'];

export type ClaimAction = 'read' | 'declare' | 'letter';

const ALLOWED: Record<ClaimAction, readonly Role[]> = {
  read: CLAIM_READERS,
  declare: CLAIM_DECLARERS,
  letter: CLAIM_LETTER_READERS,
};

/** Refuses the signed-in reader whose role may not do `action` (forbidden: HTTP 403, CLI exit 2). */
export function checkClaimRole(ctx: Pick<AppContext, 'user'>, action: ClaimAction): void {
  const role = ctx.user?.role;
  const allowed = ALLOWED[action];
  if (role === undefined || allowed.includes(role)) return;
  throw new DomainError('forbidden', {
    key: 'errors.legal.claimRole',
    params: {
      action,
      role: wordedLabel('role', role),
      roles: (lang) => allowed.map((code) => wordedLabel('role', code)(lang)).join(', '),
    },
  });
}
