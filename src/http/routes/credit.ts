/**
 * Credit decisions over HTTP: the real-time order check (idempotency key for order creation), the
 * held-orders queue with release and refusal, limit requests and their decisions; with them it
 * registers the customer's risk panel, covers and financial data (credit-risk.ts) and the versioned
 * configuration with the preview of a scoring method (credit-config.ts). Roles are checked here;
 * the delegation matrix by the use cases (403).
 */
import { type TProperties, Type } from '@fastify/type-provider-typebox';
import { listOrderDecisionViews, resolveHeldOrder } from '#app/credit/held-orders';
import { listLimitRequestViews } from '#app/credit/limit-request-queue';
import { decideLimit, getLimitHistory, requestLimit, setLimit } from '#app/credit/limits';
import { checkOrder } from '#app/credit/order-check';
import type { Role } from '#core/types';
import { type ApiServer, Problem } from '../api-types.ts';
import { ALL_ROLES } from '../auth-roles.ts';
import { readerLang } from '../reader-lang.ts';
import { registerCreditConfigRoutes } from './credit-config.ts';
import { registerCreditRiskRoutes } from './credit-risk.ts';

const APPROVERS: readonly Role[] = ['admin', 'credit_manager', 'collector', 'director'];
const REQUESTERS: readonly Role[] = ['admin', 'credit_manager', 'collector', 'salesperson', 'director'];
const LIMIT_SETTERS: readonly Role[] = ['admin', 'credit_manager', 'director'];

/** An object whose undeclared fields are serialised too (rich read models documented by their key fields). */
const Open = <T extends TProperties>(properties: T) =>
  Type.Object(properties, { additionalProperties: true });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const LangQuery = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])) });
const Minor = Type.Integer({ description: 'minor units' });

const ReasonSchema = Type.Object({
  code: Type.String(),
  message: Type.String({ description: 'in the language of the request' }),
  figures: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()])),
});

export const OrderCheckSchema = Open({
  decision: Type.Union([Type.Literal('approve'), Type.Literal('hold'), Type.Literal('refuse')]),
  reasons: Type.Array(ReasonSchema),
  waived: Type.Array(ReasonSchema),
  approverRole: Nullable(Type.String()),
  exposureMinor: Minor,
  exposureAfterOrderMinor: Type.Integer({
    description:
      'minor units: the exposure once the order counts, at what it weighs against the limit (an order on a promotion’s longer terms weighs more than its amount)',
  }),
  limitMinor: Nullable(Minor),
  availableMinor: Nullable(Minor),
  availableAfterOrderMinor: Nullable(
    Type.Integer({ description: 'minor units: limit − exposure after the order, negative beyond it' }),
  ),
  class: Nullable(Type.String()),
  score: Nullable(Type.Number()),
  currency: Type.String(),
  customerCode: Type.String(),
  orderRef: Nullable(Type.String()),
  status: Nullable(Type.String()),
  rulesVersion: Type.String(),
  created: Type.Boolean(),
});

/** A recorded decision of the queue, with whether the reader may release or refuse it. */
const OrderDecisionSchema = Open({
  ...OrderCheckSchema.properties,
  mayDecide: Type.Boolean({
    description:
      'held, and the reader’s role is the one the delegation matrix names for it, or above (else the decision routes answer 403)',
  }),
});

const CheckBody = Type.Object({
  customerCode: Type.String({ minLength: 1 }),
  amountMinor: Type.Integer({ minimum: 0 }),
  currency: Type.Optional(Type.String({ minLength: 3, maxLength: 3 })),
  payment: Type.Optional(Type.Union([Type.Literal('prepaid'), Type.Literal('cod'), Type.Literal('terms')])),
  orderRef: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  elements: Type.Optional(Type.Array(Type.String())),
  promotionCode: Type.Optional(
    Type.String({ minLength: 1, maxLength: 40, description: 'an approved promotion the order uses' }),
  ),
});

const LimitRequestSchema = Open({
  requestId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  requestedMinor: Minor,
  currency: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  requiredRole: Type.String(),
  justification: Type.String(),
});

/** A request of the queue, with whether the reader may approve or refuse it. */
const QueuedLimitRequestSchema = Open({
  ...LimitRequestSchema.properties,
  mayDecide: Type.Boolean({
    description:
      'pending, and the reader’s role is the one the delegation matrix names for it, or above (else the decision route answers 403)',
  }),
});

const CodeParams = Type.Object({ code: Type.String() });

export function registerCreditRoutes(app: ApiServer): void {
  app.post(
    '/api/orders/check',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'Approve, hold or refuse an order, with the reasons. With `orderRef` the decision is recorded (header `Idempotency-Key` replays it).',
        querystring: LangQuery,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })) }),
        body: CheckBody,
        response: { 200: OrderCheckSchema, 404: Problem, 409: Problem },
      },
    },
    async (request) =>
      checkOrder(await app.contextOf(request), {
        ...request.body,
        idempotencyKey: request.headers['idempotency-key'],
        lang: readerLang(request),
      }),
  );

  app.get(
    '/api/credit/orders',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Recorded order decisions (the held-orders queue with status=held).',
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union(['approved', 'held', 'released', 'refused'].map((s) => Type.Literal(s))),
          ),
          customerCode: Type.Optional(Type.String()),
          lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
        }),
        response: { 200: Type.Object({ items: Type.Array(OrderDecisionSchema) }) },
      },
    },
    async (request) => ({
      items: await listOrderDecisionViews(await app.contextOf(request), {
        status: request.query.status as never,
        customerCode: request.query.customerCode,
        lang: readerLang(request),
      }),
    }),
  );

  app.post(
    '/api/credit/orders/:ref/:action',
    {
      config: { access: APPROVERS },
      schema: {
        description:
          'Releases or refuses a held order: the role the delegation matrix names, or above (403 otherwise).',
        params: Type.Object({
          ref: Type.String(),
          action: Type.Union([Type.Literal('release'), Type.Literal('refuse')]),
        }),
        querystring: LangQuery,
        body: Type.Optional(Type.Object({ comment: Type.Optional(Type.String({ maxLength: 2000 })) })),
        response: { 200: OrderCheckSchema, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) =>
      resolveHeldOrder(await app.contextOf(request), {
        orderRef: request.params.ref,
        action: request.params.action,
        comment: request.body?.comment,
        lang: readerLang(request),
      }),
  );

  registerLimitRoutes(app);
  registerCreditRiskRoutes(app);
  registerCreditConfigRoutes(app);
}

function registerLimitRoutes(app: ApiServer): void {
  app.get(
    '/api/credit/limit-requests',
    {
      config: { access: ALL_ROLES },
      schema: {
        querystring: Type.Object({
          status: Type.Optional(Type.String()),
          customerCode: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Object({ items: Type.Array(QueuedLimitRequestSchema) }) },
      },
    },
    async (request) => ({ items: await listLimitRequestViews(await app.contextOf(request), request.query) }),
  );
  app.post(
    '/api/credit/limit-requests',
    {
      config: { access: REQUESTERS },
      schema: {
        description: 'Asks for a credit limit; it goes to the role the delegation matrix names.',
        body: Type.Object({
          customerCode: Type.String(),
          requestedMinor: Type.Integer({ minimum: 0 }),
          kind: Type.Optional(Type.Union([Type.Literal('permanent'), Type.Literal('temporary')])),
          expiresOn: Type.Optional(Type.String({ format: 'date' })),
          justification: Type.String({ minLength: 1, maxLength: 2000 }),
          orderRef: Type.Optional(Type.String()),
        }),
        response: { 201: LimitRequestSchema, 404: Problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await requestLimit(await app.contextOf(request), request.body)),
  );
  app.post(
    '/api/credit/limit-requests/:id/decision',
    {
      config: { access: APPROVERS },
      schema: {
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({
          approve: Type.Boolean(),
          comment: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
        response: { 200: LimitRequestSchema, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) =>
      decideLimit(await app.contextOf(request), { requestId: request.params.id, ...request.body }),
  );
  app.post(
    '/api/credit/customers/:code/limit',
    {
      config: { access: LIMIT_SETTERS },
      schema: {
        description:
          'Sets a limit by hand (permanent, or temporary with an expiry); held orders are re-judged.',
        params: CodeParams,
        body: Type.Object({
          amountMinor: Nullable(Type.Integer({ minimum: 0 })),
          kind: Type.Optional(Type.Union([Type.Literal('permanent'), Type.Literal('temporary')])),
          expiresOn: Type.Optional(Type.String({ format: 'date' })),
          reason: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
        response: { 200: Type.Object({ released: Type.Array(Type.String()) }), 404: Problem },
      },
    },
    async (request) =>
      setLimit(await app.contextOf(request), { customerCode: request.params.code, ...request.body }),
  );
  app.get(
    '/api/credit/customers/:code/limit-history',
    {
      config: { access: ALL_ROLES },
      schema: {
        params: CodeParams,
        response: { 200: Type.Object({ items: Type.Array(Open({ kind: Type.String() })) }) },
      },
    },
    async (request) => ({
      items: await getLimitHistory(await app.contextOf(request), request.params.code, readerLang(request)),
    }),
  );
}
