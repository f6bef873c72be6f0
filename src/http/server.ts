/**
 * HTTP API (Fastify + TypeBox). Routes are thin: validate, call one use case, respond.
 * Errors are RFC 9457 problem documents with a stable code.
 */
import swagger from '@fastify/swagger';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { listCompanies } from '#app/companies';
import type { AppContext } from '#app/context';
import { getCustomerFile, listCustomers } from '#app/customers';
import { DomainError, httpStatusOf } from '#app/errors';
import type { Runtime } from '#app/runtime';
import type { CustomerSort } from '#db/ledger-queries';

const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String(),
  detail: Type.String(),
});

const CustomerSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  customerType: Type.String(),
  salesperson: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  creditLimitMinor: Type.Union([Type.Integer(), Type.Null()]),
  balanceMinor: Type.Integer(),
  overdueMinor: Type.Integer(),
  currency: Type.String(),
});

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const CustomerFileSchema = Type.Object({
  asOf: Type.String(),
  customer: Type.Record(Type.String(), Type.Unknown()),
  balanceMinor: Type.Integer(),
  overdueMinor: Type.Integer(),
  currency: Type.String(),
  openItems: Type.Array(
    Type.Object({
      documentId: Type.Integer(),
      kind: Type.String(),
      source: Type.String(),
      externalRef: Type.String(),
      issueDate: Type.String(),
      dueDate: Type.String(),
      amountMinor: Type.Integer(),
      openMinor: Type.Integer(),
      currency: Type.String(),
      label: Nullable(Type.String()),
      daysPastDue: Type.Integer(),
    }),
  ),
  orders: Type.Array(
    Type.Object({
      number: Type.String(),
      orderDate: Type.String(),
      amountMinor: Type.Integer(),
      status: Type.String(),
    }),
  ),
  events: Type.Array(
    Type.Object({
      kind: Type.String(),
      eventDate: Type.String(),
      documentRef: Nullable(Type.String()),
      detail: Type.String(),
    }),
  ),
});

const ListQuery = Type.Object({
  asOf: Type.Optional(Type.String({ format: 'date' })),
  search: Type.Optional(Type.String({ maxLength: 200 })),
  salesperson: Type.Optional(Type.String()),
  customerType: Type.Optional(Type.String()),
  overdue: Type.Optional(Type.Boolean()),
  sort: Type.Optional(
    Type.Union([
      Type.Literal('code'),
      Type.Literal('name'),
      Type.Literal('balance'),
      Type.Literal('overdue'),
    ]),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

export async function buildServer(
  runtime: Runtime,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
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

  app.get(
    '/api/customers',
    {
      schema: {
        querystring: ListQuery,
        response: {
          200: Type.Object({
            asOf: Type.String(),
            total: Type.Integer(),
            items: Type.Array(CustomerSummary),
          }),
          400: Problem,
        },
      },
    },
    async (request) => {
      const query = request.query;
      return listCustomers(await contextOf(request), {
        asOf: query.asOf,
        filter: {
          search: query.search,
          salesperson: query.salesperson,
          customerType: query.customerType,
          overdueOnly: query.overdue,
        },
        sort: (query.sort ?? 'code') as CustomerSort,
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
    },
  );

  app.get(
    '/api/customers/:code',
    {
      schema: {
        params: Type.Object({ code: Type.String() }),
        querystring: Type.Object({ asOf: Type.Optional(Type.String({ format: 'date' })) }),
        response: { 200: CustomerFileSchema, 404: Problem },
      },
    },
    async (request) => getCustomerFile(await contextOf(request), request.params.code, request.query.asOf),
  );

  return app;
}
