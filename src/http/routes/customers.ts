/** Customer routes: the portfolio list and the customer file, as of any date. */
import { Type } from '@fastify/type-provider-typebox';
import { getCustomerFile, listCustomers } from '#app/customers/customers';
import { getPortfolioSummary } from '#app/customers/portfolio-summary';
import type { CustomerSort } from '#db/customers/customer-list';
import { type ApiServer, Problem } from '../api-types.ts';
import { ALL_ROLES } from '../auth-roles.ts';
import { CustomerPageSchema, PortfolioSummarySchema } from '../schemas/customers.ts';
import { type CustomerFileWithStory, CustomerFileWithStorySchema } from '../schemas/story.ts';
import { readerLang, registerCustomerDetailRoutes, StoryLangQuery } from './customer-details.ts';

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
        response: { 200: CustomerPageSchema, 400: Problem },
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
    '/api/portfolio/summary',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'Portfolio figures over every customer the caller may see (a salesperson: their own), as of a date.',
        querystring: Type.Object({ asOf: Type.Optional(Type.String({ format: 'date' })) }),
        response: { 200: PortfolioSummarySchema, 400: Problem },
      },
    },
    async (request) => getPortfolioSummary(await app.contextOf(request), { asOf: request.query.asOf }),
  );

  app.get(
    '/api/customers/:code',
    {
      config: { access: ALL_ROLES },
      schema: {
        params: Type.Object({ code: Type.String() }),
        querystring: Type.Object({
          asOf: Type.Optional(Type.String({ format: 'date' })),
          lang: StoryLangQuery,
        }),
        response: { 200: CustomerFileWithStorySchema, 404: Problem },
      },
    },
    async (request) =>
      // The use case returns the customer's row renamed to camelCase, typed loosely; the schema names its fields.
      (await getCustomerFile(
        await app.contextOf(request),
        request.params.code,
        request.query.asOf,
        readerLang(request, request.query.lang),
      )) as CustomerFileWithStory,
  );
}
