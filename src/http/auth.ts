/**
 * Authentication and authorisation of every /api request, in one onRequest hook:
 * - who: the session cookie of the web application, or `Authorization: Bearer enc_…` (API token);
 * - CSRF: a state-changing request made with the cookie must repeat the session's token in the
 *   X-CSRF-Token header, which another site cannot read (double submit, bound to the session);
 * - what: the route's declared access (auth-roles.ts), checked before the body is even parsed.
 */
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticateApiToken, authenticateSession, type Principal, SESSION_HOURS } from '#app/auth/auth';
import type { WordingParam } from '#app/errors';
import type { Runtime } from '#app/runtime';
import type { Role } from '#core/types';
import { openSessionCache } from '#db/auth/session-cache';
import { label } from '#text/catalogue';
import { type ApiServer, HttpProblem } from './api-types.ts';
import { type Access, defaultAccess, effectiveAccess, isSafeMethod } from './auth-roles.ts';

export const SESSION_COOKIE = 'encours_session';
export const CSRF_COOKIE = 'encours_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/**
 * The roles a refusal names, in words only (« Administrateur, Responsable crédit »): a person
 * reads them, and the codes are the API's (its documentation lists each route's roles).
 */
export const roleChoices =
  (roles: readonly Role[]): WordingParam =>
  (lang) =>
    roles.map((role) => label(lang, 'role', role)).join(', ');

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

export function accessOf(request: FastifyRequest): Access {
  const url = request.routeOptions.url ?? '';
  return effectiveAccess(
    request.method,
    url,
    request.routeOptions.config.access ?? defaultAccess(request.method, url),
  );
}

/** Who is calling, if anyone (also for public routes that answer more to signed-in callers). */
export async function identifyRequest(runtime: Runtime, request: FastifyRequest): Promise<Principal | null> {
  const deps = { db: runtime.handle.db, clock: runtime.clock };
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authenticateApiToken(deps, authorization.slice(7).trim());
  const session = request.cookies[SESSION_COOKIE];
  return session ? authenticateSession(deps, session) : null;
}

export async function registerAuth(app: ApiServer): Promise<void> {
  await app.register(cookie);
  // On a server, session lookups are remembered while every change is heard of (session-cache.ts).
  const { handle } = app.runtime;
  if (handle.kind === 'postgres') {
    const sessions = await openSessionCache(handle.db, handle.pool);
    app.addHook('onClose', () => sessions.close());
  }
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD') return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      const access = effectiveAccess(
        method,
        route.url,
        route.config?.access ?? defaultAccess(method, route.url),
      );
      app.routeAccess.push({ method, url: route.url, access });
      // Tell API readers who may call each operation.
      if (route.schema && !route.schema.hide && access !== 'public') {
        const roles = `Roles: ${access.join(', ')}.`;
        route.schema.description = route.schema.description
          ? `${route.schema.description}\n\n${roles}`
          : roles;
        route.schema.security = [{ session: [] }, { bearer: [] }];
      }
    }
  });
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/')) return; // the web application's files and unknown paths
    const access = accessOf(request);
    if (access === 'public') return;
    const principal = await identifyRequest(app.runtime, request);
    if (!principal) throw new HttpProblem(401, 'unauthenticated', { key: 'errors.http.unauthenticated' });
    if (principal.via === 'session' && !isSafeMethod(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== principal.csrfToken)
        throw new HttpProblem(403, 'csrf_failed', {
          key: 'errors.http.csrf',
          params: { header: CSRF_HEADER },
        });
    }
    const company = request.headers['x-encours-company'];
    if (typeof company === 'string' && company !== principal.companyId)
      throw new HttpProblem(403, 'forbidden', {
        key: 'errors.http.otherCompany',
        params: { company: principal.companyId },
      });
    if (!access.includes(principal.user.role))
      throw new HttpProblem(403, 'forbidden', {
        key: 'errors.http.roles',
        params: { roles: roleChoices(access) },
      });
    request.principal = principal;
  });
}

export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { sessionToken: string; csrfToken: string },
): void {
  // Secure whenever the request came over HTTPS (directly or through a proxy that says so).
  const secure = request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
  const common = { path: '/', sameSite: 'strict' as const, secure, maxAge: SESSION_HOURS * 3600 };
  reply.setCookie(SESSION_COOKIE, session.sessionToken, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
