/**
 * The customer file's sub-resources (documents, matching, orders, story, audit trail), notes,
 * and changes to the file by the credit department.
 */
import { Type } from '@fastify/type-provider-typebox';
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
import { type ApiServer, Problem } from '../api-types.ts';
import { ALL_ROLES, CREDIT_DEPARTMENT, STAFF } from '../auth-roles.ts';
import { AuditPageSchema, PageQuery } from './audit.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Params = Type.Object({ code: Type.String() });
const ListQuery = Type.Object({ asOf: Type.Optional(Type.String({ format: 'date' })), ...PageQuery });
const paged = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ asOf: Type.String(), total: Type.Integer(), items: Type.Array(item) });

export const DocumentSchema = Type.Object({
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
});
const AllocationSchema = Type.Object({
  allocationId: Type.Integer(),
  allocationDate: Type.String(),
  amountMinor: Type.Integer(),
  debitRef: Type.String(),
  creditRef: Type.String(),
  reversesAllocationId: Nullable(Type.Integer()),
  source: Type.String(),
});
const OrderSchema = Type.Object({
  number: Type.String(),
  orderDate: Type.String(),
  amountMinor: Type.Integer(),
  currency: Type.String(),
  status: Type.String(),
});
const EventSchema = Type.Object({
  kind: Type.String(),
  eventDate: Type.String(),
  documentRef: Nullable(Type.String()),
  detail: Type.String(),
  createdBy: Nullable(Type.String()),
});

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
        response: { 200: paged(DocumentSchema), 404: Problem },
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
        response: { 200: paged(AllocationSchema), 404: Problem },
      },
    },
    async (request) =>
      listAllocationsOfCustomer(await app.contextOf(request), request.params.code, request.query),
  );

  app.get(
    '/api/customers/:code/orders',
    {
      config: { access: ALL_ROLES },
      schema: { params: Params, querystring: ListQuery, response: { 200: paged(OrderSchema), 404: Problem } },
    },
    async (request) => listOrdersOfCustomer(await app.contextOf(request), request.params.code, request.query),
  );

  app.get(
    '/api/customers/:code/events',
    {
      config: { access: ALL_ROLES },
      schema: { params: Params, querystring: ListQuery, response: { 200: paged(EventSchema), 404: Problem } },
    },
    async (request) => listEventsOfCustomer(await app.contextOf(request), request.params.code, request.query),
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
          200: Type.Object({
            asOf: Type.String(),
            from: Type.String(),
            currency: Type.String(),
            months: Type.Array(
              Type.Object({
                month: Type.String(),
                paidMinor: Type.Integer(),
                invoices: Type.Integer(),
                averageDelayDays: Nullable(Type.Number()),
                averageDaysToPay: Nullable(Type.Number()),
              }),
            ),
          }),
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
    async (request) => listAuditOfCustomer(await app.contextOf(request), request.params.code, request.query),
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
          200: Type.Object({ code: Type.String(), changed: Type.Array(Type.String()) }),
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
          201: Type.Object({
            eventDate: Type.String(),
            detail: Type.String(),
            mentions: Type.Array(Type.String()),
            createdBy: Type.String(),
          }),
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
