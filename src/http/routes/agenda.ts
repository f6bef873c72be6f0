/**
 * The collector's agenda over HTTP (split from dunning-follow-up.ts): the prioritised list for
 * the day, each entry with the reasons for its rank.
 */
import { Type } from '@fastify/type-provider-typebox';
import { getAgenda } from '#app/dunning/agenda';
import { setCollectionTarget } from '#app/dunning/collection-targets';
import { assignPortfolio, decideAgendaEntry, type EntryDecision } from '#app/dunning/collectors';
import { toLang } from '#text/catalogue';
import type { ApiServer } from '../api-types.ts';
import { ALL_ROLES, CREDIT_DEPARTMENT } from '../auth-roles.ts';
import { Currency, IsoDate, Minor, Nullable } from '../schemas/common.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const LangQuery = Type.Optional(Type.String({ description: 'fr (default) or en' }));

const AgendaEntry = Type.Object({
  rank: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  salesperson: NullableString,
  collector: NullableString,
  scorePoints: Type.Integer(),
  overdueMinor: Minor,
  currency: Currency,
  factors: Type.Array(
    Type.Object({
      factor: Type.String(),
      input: Type.Union([Type.Number(), Type.String(), Type.Null()]),
      points: Type.Integer(),
    }),
  ),
  reasons: Type.Array(Type.String()),
  plannedActions: Type.Array(
    Type.Object({ step: Type.String(), stepKind: Type.String(), channel: Type.String() }),
  ),
  openTasks: Type.Array(Type.Object({ taskId: Type.Integer(), kind: Type.String(), dueDate: IsoDate })),
  openDisputes: Type.Array(
    Type.Object({
      source: Type.String({ description: "record, or imported: a 'dispute' event of the imported story" }),
      disputeId: Type.Union([Type.Integer(), Type.Null()], { description: 'null for an imported dispute' }),
      caseId: Type.Union([Type.Integer(), Type.Null()]),
      eventId: Type.Union([Type.Integer({ description: 'the imported event' }), Type.Null()]),
      documentRef: Type.String(),
      reason: Type.String(),
      department: Type.String(),
      amountMinor: Minor,
      currency: Currency,
      openedOn: IsoDate,
      respondBy: Nullable(IsoDate),
    }),
    { description: 'disputes waiting, records and imported ones, oldest first' },
  ),
  heldOrders: Type.Array(
    Type.Object({
      orderRef: Type.String(),
      amountMinor: Minor,
      currency: Currency,
      heldOn: IsoDate,
      reasons: Type.Array(Type.String()),
    }),
  ),
  limitRequests: Type.Array(
    Type.Object({
      requestId: Type.Integer(),
      requestedMinor: Minor,
      currency: Currency,
      requestedOn: IsoDate,
    }),
  ),
});

const TargetProgress = Type.Object({
  collector: Type.String(),
  name: Type.String(),
  month: Type.String({ description: 'YYYY-MM' }),
  currency: Currency,
  targetMinor: Nullable(Minor),
  collectedMinor: Minor,
  progressBp: Nullable(Type.Integer({ description: 'collected / target, basis points' })),
});

const AgendaView = Type.Object({
  asOf: IsoDate,
  scope: Type.Object({ kind: Type.String(), collector: NullableString }),
  collectors: Type.Array(
    Type.Object({ email: Type.String(), name: Type.String(), customers: Type.Integer() }),
  ),
  hiddenCount: Type.Integer(),
  targets: Type.Array(TargetProgress),
  entries: Type.Array(AgendaEntry),
});

/** Who works the customers' accounts: they decide what becomes of an entry of the day. */
const COLLECTING_ROLES = ['admin', 'credit_manager', 'collector'] as const;

function decisionOf(body: {
  decision: string;
  until?: string | undefined;
  collector?: string | undefined;
}): EntryDecision {
  if (body.decision === 'snoozed') return { kind: 'snoozed', until: body.until ?? '' };
  if (body.decision === 'reassigned') return { kind: 'reassigned', collector: body.collector ?? '' };
  return { kind: 'done' };
}

export function registerAgendaRoutes(app: ApiServer): void {
  app.get(
    '/api/dunning/agenda',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'The collector’s prioritised list for the day, each entry with the reasons for its rank.',
        querystring: Type.Object({
          asOf: Type.Optional(IsoDate),
          lang: LangQuery,
          collector: Type.Optional(
            Type.String({
              description: 'a collector’s e-mail, all or unassigned; default: your own portfolio',
            }),
          ),
        }),
        response: { 200: AgendaView },
      },
    },
    async (request) =>
      getAgenda(await app.contextOf(request), {
        asOf: request.query.asOf,
        lang: toLang(request.query.lang),
        collector: request.query.collector,
      }),
  );

  app.put(
    '/api/dunning/agenda/portfolios',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Puts customers in a collector’s portfolio (collector null: takes them out of any).',
        querystring: Type.Object({ lang: LangQuery }),
        body: Type.Object({
          customerCodes: Type.Array(Type.String(), { minItems: 1, maxItems: 100_000 }),
          collector: NullableString,
        }),
        response: {
          200: Type.Object({
            collector: NullableString,
            assigned: Type.Array(Type.String()),
            unchanged: Type.Array(Type.String()),
          }),
        },
      },
    },
    async (request) =>
      assignPortfolio(await app.contextOf(request), {
        customerCodes: request.body.customerCodes,
        collector: request.body.collector,
        lang: toLang(request.query.lang),
      }),
  );

  app.put(
    '/api/dunning/agenda/targets',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Sets a collector’s collection target for a month (replacing the one set before).',
        querystring: Type.Object({ lang: LangQuery }),
        body: Type.Object({
          collector: Type.String(),
          month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }),
          amountMinor: Type.Integer({ minimum: 0 }),
        }),
        response: { 200: TargetProgress },
      },
    },
    async (request) =>
      setCollectionTarget(await app.contextOf(request), {
        ...request.body,
        lang: toLang(request.query.lang),
      }),
  );

  app.post(
    '/api/dunning/agenda/entries/:customerCode/decision',
    {
      config: { access: COLLECTING_ROLES },
      schema: {
        description:
          'Done for the day, snoozed until a date, or reassigned to another collector with the customer’s open call tasks.',
        params: Type.Object({ customerCode: Type.String() }),
        querystring: Type.Object({ lang: LangQuery }),
        body: Type.Object({
          decision: Type.Union([Type.Literal('done'), Type.Literal('snoozed'), Type.Literal('reassigned')]),
          asOf: Type.Optional(IsoDate),
          until: Type.Optional(IsoDate),
          collector: Type.Optional(Type.String()),
        }),
        response: {
          200: Type.Object({
            customerCode: Type.String(),
            asOf: IsoDate,
            decision: Type.String(),
            hiddenThrough: Type.Union([IsoDate, Type.Null()]),
            collector: NullableString,
            reassignedTaskIds: Type.Array(Type.Integer()),
          }),
        },
      },
    },
    async (request) =>
      decideAgendaEntry(await app.contextOf(request), {
        customerCode: request.params.customerCode,
        decision: decisionOf(request.body),
        asOf: request.body.asOf,
        lang: toLang(request.query.lang),
      }),
  );
}
