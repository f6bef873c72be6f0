/** Customer routes: the portfolio list and the customer file, as of any date. */
import { Type } from '@fastify/type-provider-typebox';
import { getCustomerFile, listCustomers } from '#app/customers/customers';
import type { CustomerSort } from '#db/customers/customer-list';
import { type ApiServer, Problem } from '../api-types.ts';
import { ALL_ROLES } from '../auth-roles.ts';
import { DocumentSchema, registerCustomerDetailRoutes } from './customer-details.ts';

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
  openItems: Type.Array(Type.Object({ ...DocumentSchema.properties, daysPastDue: Type.Integer() })),
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
      createdBy: Nullable(Type.String()),
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

export function registerCustomerRoutes(app: ApiServer): void {
  registerCustomerDetailRoutes(app);
  app.get(
    '/api/customers',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'Customers with balance and overdue amount as of a date; a salesperson sees only theirs.',
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
      return listCustomers(await app.contextOf(request), {
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
      config: { access: ALL_ROLES },
      schema: {
        params: Type.Object({ code: Type.String() }),
        querystring: Type.Object({ asOf: Type.Optional(Type.String({ format: 'date' })) }),
        response: { 200: CustomerFileSchema, 404: Problem },
      },
    },
    async (request) => getCustomerFile(await app.contextOf(request), request.params.code, request.query.asOf),
  );
}
