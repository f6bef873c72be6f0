/** Sign-in, sign-out, who am I, my mentions, and API tokens for integrations. */
import { Type } from '@fastify/type-provider-typebox';
import { createApiToken, listApiTokens, login, logout, revokeApiToken } from '#app/auth/auth';
import { listMyMentions } from '#app/customers/customer-notes';
import { type ApiServer, HttpProblem, Problem } from '../api-types.ts';
import { clearSessionCookies, SESSION_COOKIE, setSessionCookies } from '../auth.ts';
import { ADMINS, ALL_ROLES } from '../auth-roles.ts';
import { createLoginThrottle } from '../auth-throttle.ts';
import { ApiTokenSchema as ApiToken, CreatedTokenSchema, MeSchema as Me } from '../schemas/auth.ts';
import { MentionSchema } from '../schemas/customers.ts';

export function registerAuthRoutes(app: ApiServer): void {
  const throttle = createLoginThrottle();

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        description: 'Signs in with e-mail and password; sets the session and CSRF cookies.',
        body: Type.Object({
          email: Type.String({ minLength: 3, maxLength: 320 }),
          password: Type.String({ minLength: 1, maxLength: 1000 }),
          company: Type.Optional(Type.String({ maxLength: 40 })),
        }),
        response: { 200: Me, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const { email, password, company } = request.body;
      // Counted before the (slow) password check, so parallel attempts cannot all slip through.
      const { wait, attempt } = throttle.begin(request.ip, email);
      if (wait > 0 || !attempt)
        throw new HttpProblem(
          429,
          'too_many_attempts',
          { key: 'errors.http.tooManySignIns', params: { seconds: wait } },
          { 'retry-after': String(wait) },
        );
      const header = request.headers['x-encours-company'];
      const companyId = company ?? (typeof header === 'string' ? header : undefined);
      const deps = { db: app.runtime.handle.db, clock: app.runtime.clock };
      const result = await login(deps, { email, password, companyId });
      if (!result)
        throw new HttpProblem(401, 'invalid_credentials', { key: 'errors.http.invalidCredentials' });
      throttle.succeed(attempt);
      setSessionCookies(request, reply, result);
      return {
        companyId: result.principal.companyId,
        user: result.principal.user,
        csrfToken: result.csrfToken,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: ALL_ROLES }, schema: { response: { 204: Type.Null() } } },
    async (request, reply) => {
      const session = request.cookies[SESSION_COOKIE];
      if (session) await logout({ db: app.runtime.handle.db, clock: app.runtime.clock }, session);
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: ALL_ROLES }, schema: { response: { 200: Me, 401: Problem } } },
    async (request) => {
      const principal = request.principal!;
      return { companyId: principal.companyId, user: principal.user, csrfToken: principal.csrfToken };
    },
  );

  app.get(
    '/api/auth/mentions',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Notes that mention the signed-in user (@e-mail), newest first.',
        response: {
          200: Type.Array(MentionSchema),
        },
      },
    },
    async (request) => listMyMentions(await app.contextOf(request)),
  );

  app.get(
    '/api/tokens',
    { config: { access: ADMINS }, schema: { response: { 200: Type.Array(ApiToken) } } },
    async (request) => listApiTokens(await app.contextOf(request)),
  );

  app.post(
    '/api/tokens',
    {
      config: { access: ADMINS },
      schema: {
        description:
          'Creates an API token acting as a user (default: you), valid `expiresInDays` (default 90); ' +
          'a change of the owner’s password revokes it. The token is shown only in this answer. ' +
          'Refused (409) when the user already holds a live token of that name.',
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 200 }),
          email: Type.Optional(Type.String()),
          expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
        }),
        response: {
          201: CreatedTokenSchema,
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(await app.contextOf(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: ADMINS },
      schema: { params: Type.Object({ id: Type.Integer() }), response: { 204: Type.Null(), 404: Problem } },
    },
    async (request, reply) => {
      await revokeApiToken(await app.contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
