/**
 * HTTP API (Fastify + TypeBox) and the web application on the same port. Routes are thin:
 * validate, call one use case, respond. Each area registers its routes from src/http/routes/.
 * Every /api route declares who may call it (auth-roles.ts); errors are RFC 9457 problem
 * documents with a stable code.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyRequest, LogController } from 'fastify';
import { listCompanies } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import type { Runtime } from '#app/runtime';
import type { ApiServer } from './api-types.ts';
import { identifyRequest, registerAuth } from './auth.ts';
import { registerHardening } from './hardening.ts';
import { replyProblem } from './problem-document.ts';
import { registerAllRoutes } from './routes/index.ts';
import { removeStaleUploads } from './uploads.ts';
import { registerWebApplication } from './web-application.ts';

/** Where `vite build` puts the web application. */
export const WEB_DIST_DIR = join(import.meta.dirname, '..', '..', 'web', 'dist');

export interface ServerOptions {
  /**
   * The log (pino, to stderr): every 5xx is written with its request id. Level from
   * ENCOURS_LOG_LEVEL, 'error' by default (requests themselves are not logged); false: none.
   */
  logger?: boolean | { level?: string; stream?: NodeJS.WritableStream };
  /** Requests per minute and address; default ENCOURS_RATE_LIMIT or 3000; 0 turns the limit off. */
  requestsPerMinute?: number;
  /** Directory of the built web application; none is served when it has no index.html. */
  webRoot?: string | null;
}

export async function buildServer(runtime: Runtime, options: ServerOptions = {}): Promise<ApiServer> {
  const app = Fastify({
    logger: loggerOptions(options.logger),
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    // Quoted by a user who reports an error, and found in the log line of that error.
    genReqId: () => randomUUID(),
    // A malformed or too long path segment gets the same problem document as any other error.
    frameworkErrors: (error, request, reply) => replyProblem(error, request, reply),
    // Fastify's Ajv drops the fields a schema with `additionalProperties: false` does not declare
    // (`removeAdditional`): a misspelt field then vanished in silence (`customers` for
    // `customerCodes` ran for every customer). Such a schema refuses them instead: a 400.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  await registerHardening(app, {
    ...(options.requestsPerMinute === undefined ? {} : { requestsPerMinute: options.requestsPerMinute }),
  });
  // What a killed server left in the upload folder (a partial upload) goes now.
  await removeStaleUploads();
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

  app.setErrorHandler(replyProblem);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
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
            /** Signed-in callers only. */
            companies: Type.Optional(Type.Array(Type.String())),
          }),
        },
      },
    },
    async (request) => {
      const health = { status: 'ok' as const, database: runtime.handle.kind };
      // The company codes are for signed-in callers only: they tell an outsider who the customers are.
      if (!(await identifyRequest(runtime, request).catch(() => null))) return health;
      const companies = await listCompanies({ db: runtime.handle.db });
      return { ...health, companies: companies.map((c) => c.companyId) };
    },
  );

  await registerAllRoutes(api);
  await registerWebApplication(api, options.webRoot === undefined ? WEB_DIST_DIR : options.webRoot);
  return api;
}

function loggerOptions(logger: ServerOptions['logger']) {
  if (logger === false) return false;
  const given = typeof logger === 'object' ? logger : {};
  return {
    level: given.level ?? process.env['ENCOURS_LOG_LEVEL'] ?? 'error',
    stream: given.stream ?? process.stderr,
  };
}
