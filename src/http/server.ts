/**
 * HTTP API (Fastify + TypeBox). Routes are thin: validate, call one use case, respond.
 * Each area registers its routes from src/http/routes/. Errors are RFC 9457 problem documents
 * with a stable code.
 */
import swagger from '@fastify/swagger';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyRequest } from 'fastify';
import { listCompanies } from '#app/companies';
import type { AppContext } from '#app/context';
import { DomainError, httpStatusOf } from '#app/errors';
import type { Runtime } from '#app/runtime';
import type { ApiServer } from './api-types.ts';
import { registerAllRoutes } from './routes/index.ts';

export async function buildServer(runtime: Runtime, options: { logger?: boolean } = {}): Promise<ApiServer> {
  const app = Fastify({ logger: options.logger ?? false }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Encours API', version: '0.1.0', description: 'Credit risk and receivables' },
    },
  });

  const contextOf = (request: FastifyRequest): Promise<AppContext> => {
    const header = request.headers['x-encours-company'];
    return runtime.contextFor(typeof header === 'string' ? header : undefined, 'api');
  };
  const api = Object.assign(app, { runtime, contextOf }) as unknown as ApiServer;

  app.setErrorHandler((error, request, reply) => {
    const validation = (error as { validation?: unknown }).validation;
    const status = validation ? 400 : httpStatusOf(error);
    const code = validation ? 'invalid_input' : error instanceof DomainError ? error.code : 'internal';
    if (status >= 500) request.log.error(error);
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
      });
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/health',
    {
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
  return api;
}
