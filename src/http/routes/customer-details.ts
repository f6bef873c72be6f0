/**
 * The customer file's sub-resources (documents, matching, orders, story, audit trail), notes,
 * and changes to the file by the credit department.
 */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  listAllocationsOfCustomer,
  listAuditOfCustomer,
  listDocumentsOfCustomer,
  listEventsOfCustomer,
  listOrdersOfCustomer,
} from '#app/customers/customer-ledger';
import { addCustomerNote } from '#app/customers/customer-notes';
import { updateCustomer } from '#app/customers/customer-update';
import { getPaymentBehaviour } from '#app/customers/payment-behaviour';
import { CUSTOMER_STATUSES, CUSTOMER_TYPES } from '#core/types';
import { type Lang, toLang } from '#text/catalogue';
import { type ApiServer, Problem } from '../api-types.ts';
import { ALL_ROLES, CREDIT_DEPARTMENT, STAFF } from '../auth-roles.ts';
import { type AuditPage, AuditPageSchema } from '../schemas/audit.ts';
import {
  AllocationPageSchema,
  CustomerChangedSchema,
  DocumentPageSchema,
  NoteAddedSchema,
  OrderPageSchema,
  PaymentBehaviourSchema,
} from '../schemas/customers.ts';
import { StoryEventPageSchema } from '../schemas/story.ts';
import { PageQuery } from './audit.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Params = Type.Object({ code: Type.String() });
const ListQuery = Type.Object({ asOf: Type.Optional(Type.String({ format: 'date' })), ...PageQuery });
export const StoryLangQuery = Type.Optional(
  Type.Union([Type.Literal('fr'), Type.Literal('en')], {
    description: 'language of the story lines (default: the Accept-Language header, else French)',
  }),
);

/** The language a reader asked for: `lang` in the query, else the Accept-Language header, else French. */
export function readerLang(request: FastifyRequest, lang: Lang | undefined): Lang {
  return lang ?? toLang(request.headers['accept-language']);
}

const ContactSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  role: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 320 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
});
const PatchSchema = Type.Object(
  {
    creditLimitMinor: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
    paymentTerms: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    contacts: Type.Optional(Type.Array(ContactSchema, { maxItems: 50 })),
    salesperson: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    customerType: Type.Optional(Type.Enum([...CUSTOMER_TYPES])),
    status: Type.Optional(Type.Enum([...CUSTOMER_STATUSES])),
    billingEmail: Type.Optional(Nullable(Type.String({ maxLength: 320 }))),
    limitReason: Type.Optional(
      Type.String({ maxLength: 2000, description: 'why the credit limit changes (limit history)' }),
    ),
  },
  { additionalProperties: false },
);

export function registerCustomerDetailRoutes(app: ApiServer): void {
  app.get(
    '/api/customers/:code/documents',
    {
      config: { access: ALL_ROLES },
      schema: {
        params: Params,
        querystring: ListQuery,
        response: { 200: DocumentPageSchema, 404: Problem },
      },
    },
    async (request) =>
      listDocumentsOfCustomer(await app.contextOf(request), request.params.code, request.query),
  );

  app.get(
    '/api/customers/:code/allocations',
    {
      config: { access: ALL_ROLES },
      schema: {
        params: Params,
        querystring: ListQuery,
        response: { 200: AllocationPageSchema, 404: Problem },
      },
    },
    async (request) =>
      listAllocationsOfCustomer(await app.contextOf(request), request.params.code, request.query),
  );

  app.get(
    '/api/customers/:code/orders',
    {
      config: { access: ALL_ROLES },
      schema: { params: Params, querystring: ListQuery, response: { 200: OrderPageSchema, 404: Problem } },
    },
    async (request) => listOrdersOfCustomer(await app.contextOf(request), request.params.code, request.query),
  );

  app.get(
    '/api/customers/:code/events',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'The customer’s story, newest first, each line in the language asked for.',
        params: Params,
        querystring: Type.Object({ ...ListQuery.properties, lang: StoryLangQuery }),
        response: { 200: StoryEventPageSchema, 404: Problem },
      },
    },
    async (request) =>
      listEventsOfCustomer(await app.contextOf(request), request.params.code, {
        ...request.query,
        lang: readerLang(request, request.query.lang),
      }),
  );

  app.get(
    '/api/customers/:code/payment-behaviour',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'Monthly payment behaviour: invoices matched each month, amount-weighted days after due date and after issue.',
        params: Params,
        querystring: Type.Object({
          asOf: Type.Optional(Type.String({ format: 'date' })),
          months: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, default: 24 })),
        }),
        response: {
          200: PaymentBehaviourSchema,
          404: Problem,
        },
      },
    },
    async (request) => getPaymentBehaviour(await app.contextOf(request), request.params.code, request.query),
  );

  app.get(
    '/api/customers/:code/audit',
    {
      config: { access: STAFF },
      schema: {
        params: Params,
        querystring: Type.Object(PageQuery),
        response: { 200: AuditPageSchema, 404: Problem },
      },
    },
    async (request) =>
      // Records or null before and after (see routes/audit.ts).
      (await listAuditOfCustomer(
        await app.contextOf(request),
        request.params.code,
        request.query,
      )) as AuditPage,
  );

  app.patch(
    '/api/customers/:code',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'Changes the customer file (credit line, payment terms, contacts, salesperson, type, status). Audited; a new credit limit is also recorded as a limit_change event.',
        params: Params,
        body: PatchSchema,
        response: {
          200: CustomerChangedSchema,
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request) => updateCustomer(await app.contextOf(request), request.params.code, request.body),
  );

  app.post(
    '/api/customers/:code/notes',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Adds a note to the customer story; @e-mail mentions colleagues.',
        params: Params,
        body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 4000 }) }),
        response: {
          201: NoteAddedSchema,
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addCustomerNote(await app.contextOf(request), request.params.code, request.body.text)),
  );
}
