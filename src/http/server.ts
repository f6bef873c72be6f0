/**
 * HTTP API (Fastify + TypeBox) and the web application on the same port. Routes are thin:
 * validate, call one use case, respond. Each area registers its routes from src/http/routes/.
 * Every /api route declares who may call it (auth-roles.ts); errors are RFC 9457 problem
 * documents with a stable code.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyRequest, LogController } from 'fastify';
import { listCompanies } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { DomainError, errorText, httpStatusOf } from '#app/errors';
import type { Runtime } from '#app/runtime';
import { type ApiServer, HttpProblem } from './api-types.ts';
import { identifyRequest, registerAuth } from './auth.ts';
import { registerHardening } from './hardening.ts';
import { readerLang } from './reader-lang.ts';
import { registerAllRoutes } from './routes/index.ts';
import { removeStaleUploads } from './uploads.ts';

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

  app.setErrorHandler((error, request, reply) => {
    const { status, code } = statusAndCode(error);
    if (status >= 500) request.log.error({ err: error, status, code }, 'request failed');
    if (error instanceof HttpProblem) reply.headers(error.headers);
    reply
      .status(status)
      .type('application/problem+json')
      .send({
        type: `https://encours.dev/problems/${code}`,
        title: code.replace(/_/g, ' '),
        status,
        code,
        detail: problemDetail(error, request, status),
        // A rejected file lists every problem (file, line, column, value, reason).
        ...rejectedRows(error),
      });
  });

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
    throw new DomainError('not_found', {
      key: 'errors.http.noRoute',
      params: { method: request.method, path: request.url.split('?')[0] ?? '' },
    });
  });
}

/**
 * The problem's words: a domain error's or an HTTP refusal's in the reader's language (`?lang=`,
 * else Accept-Language); nothing of an unexpected error but the request id to quote.
 */
function problemDetail(error: unknown, request: FastifyRequest, status: number): string {
  if (error instanceof DomainError || error instanceof HttpProblem)
    return errorText(error, readerLang(request));
  if (status >= 500) return `internal error (request ${request.id})`;
  return (error as Error).message;
}

function rejectedRows(error: unknown): { errors?: unknown[] } {
  if (!(error instanceof DomainError) || error.code !== 'import_rejected') return {};
  const errors = (error.details as { errors?: unknown[] } | undefined)?.errors;
  return errors ? { errors } : {};
}

function loggerOptions(logger: ServerOptions['logger']) {
  if (logger === false) return false;
  const given = typeof logger === 'object' ? logger : {};
  return {
    level: given.level ?? process.env['ENCOURS_LOG_LEVEL'] ?? 'error',
    stream: given.stream ?? process.stderr,
  };
}

/** Fastify's own errors carry a client status (bad JSON 400, too large 413, wrong media type 415). */
const FASTIFY_CODES: Readonly<Record<number, string>> = {
  400: 'invalid_input',
  404: 'not_found',
  406: 'invalid_input',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

function statusAndCode(error: unknown): { status: number; code: string } {
  if (error instanceof HttpProblem) return { status: error.status, code: error.code };
  if (error instanceof DomainError) return { status: httpStatusOf(error), code: error.code };
  if ((error as { validation?: unknown }).validation) return { status: 400, code: 'invalid_input' };
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 600 && status !== 500)
    return { status, code: FASTIFY_CODES[status] ?? (status < 500 ? 'invalid_input' : 'unavailable') };
  return { status: 500, code: 'internal' };
}
