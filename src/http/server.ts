/**
 * HTTP API (Fastify + TypeBox) and the web application on the same port. Routes are thin:
 * validate, call one use case, respond. Each area registers its routes from src/http/routes/.
 * Every /api route declares who may call it (auth-roles.ts); errors are RFC 9457 problem
 * documents with a stable code.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyRequest } from 'fastify';
import { listCompanies } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { DomainError, httpStatusOf } from '#app/errors';
import type { Runtime } from '#app/runtime';
import { type ApiServer, HttpProblem } from './api-types.ts';
import { registerAuth } from './auth.ts';
import { registerAllRoutes } from './routes/index.ts';

/** Where `vite build` puts the web application. */
export const WEB_DIST_DIR = join(import.meta.dirname, '..', '..', 'web', 'dist');

export interface ServerOptions {
  logger?: boolean;
  /** Directory of the built web application; none is served when it has no index.html. */
  webRoot?: string | null;
}

export async function buildServer(runtime: Runtime, options: ServerOptions = {}): Promise<ApiServer> {
  const app = Fastify({ logger: options.logger ?? false }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Encours API', version: '0.1.0', description: 'Credit risk and receivables' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'encours_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (enc_…)' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const contextOf = async (request: FastifyRequest): Promise<AppContext> => {
    const principal = request.principal;
    if (principal) {
      const ctx = await runtime.contextFor(principal.companyId, principal.user.email);
      return { ...ctx, user: principal.user };
    }
    const header = request.headers['x-encours-company'];
    return runtime.contextFor(typeof header === 'string' ? header : undefined, 'api');
  };
  const api = Object.assign(app, { runtime, contextOf, routeAccess: [] }) as unknown as ApiServer;

  app.setErrorHandler((error, request, reply) => {
    const validation = (error as { validation?: unknown }).validation;
    const problem = error instanceof HttpProblem ? error : null;
    const status = problem?.status ?? (validation ? 400 : httpStatusOf(error));
    const code =
      problem?.code ??
      (validation ? 'invalid_input' : error instanceof DomainError ? error.code : 'internal');
    if (status >= 500) request.log.error(error);
    if (problem) reply.headers(problem.headers);
    reply
      .status(status)
      .type('application/problem+json')
      .send({
        type: `https://encours.dev/problems/${code}`,
        title: code.replace(/_/g, ' '),
        status,
        code,
        detail:
          status >= 500 && !(error instanceof DomainError) ? 'internal error' : (error as Error).message,
        // A rejected file lists every problem (file, line, column, value, reason).
        ...rejectedRows(error),
      });
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  await registerAuth(api);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.String(),
            companies: Type.Array(Type.String()),
          }),
        },
      },
    },
    async () => {
      const companies = await listCompanies({ db: runtime.handle.db });
      return {
        status: 'ok' as const,
        database: runtime.handle.kind,
        companies: companies.map((c) => c.companyId),
      };
    },
  );

  await registerAllRoutes(api);
  await registerWebApplication(api, options.webRoot === undefined ? WEB_DIST_DIR : options.webRoot);
  return api;
}

/** The built single-page application: its files, and index.html for any other non-API path. */
async function registerWebApplication(app: ApiServer, root: string | null): Promise<void> {
  const hasWeb = root !== null && existsSync(join(root, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      setHeaders(reply, path) {
        // Vite names assets by content hash; index.html must always be revalidated.
        reply.header(
          'cache-control',
          path.includes(`${join('dist', 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/');
    if (hasWeb && isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    throw new DomainError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`);
  });
}

function rejectedRows(error: unknown): { errors?: unknown[] } {
  if (!(error instanceof DomainError) || error.code !== 'import_rejected') return {};
  const errors = (error.details as { errors?: unknown[] } | undefined)?.errors;
  return errors ? { errors } : {};
}
