/**
 * Dunning over HTTP: policies (read, check, new version), the half-year rates, a run's preview and
 * execution, the log of actions and the letters, disputes, promises to pay, call tasks and the
 * collector's agenda. Collectors and the credit department work here; a salesperson reads the
 * agenda, disputes, promises and tasks of their own customers (the use cases narrow them).
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { getAgenda } from '#app/dunning/agenda';
import { listDisputes, openDispute, resolveDispute } from '#app/dunning/disputes';
import { executeDunningRun } from '#app/dunning/execute-run';
import { previewDunningRun } from '#app/dunning/plan-run';
import { getPolicies, type PolicyDraft, savePolicyVersion, validatePolicyDraft } from '#app/dunning/policies';
import { listPromises, recordPromise } from '#app/dunning/promises';
import {
  cancelDunningAction,
  completeCallTask,
  getLetter,
  listCallTasks,
  listDunningActions,
  logCall,
} from '#app/dunning/queries';
import { listRates, setRate } from '#app/dunning/settings';
import type { Role } from '#core/types';
import { toLang } from '#text/catalogue';
import { type ApiServer, Problem } from '../api-types.ts';
import { ADMINS, ALL_ROLES, CREDIT_DEPARTMENT } from '../auth-roles.ts';
import { Currency, IsoDate, Minor, Nullable } from '../schemas/common.ts';

const COLLECTION: readonly Role[] = ['admin', 'credit_manager', 'collector'];
const READERS: readonly Role[] = ['admin', 'credit_manager', 'collector', 'director'];

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

const Step = Type.Object({
  code: Type.String(),
  kind: Type.Union([
    Type.Literal('courtesy'),
    Type.Literal('reminder'),
    Type.Literal('formal_notice'),
    Type.Literal('handover'),
  ]),
  offsetDays: Type.Integer(),
  channel: Type.Union([
    Type.Literal('email'),
    Type.Literal('letter'),
    Type.Literal('registered_letter'),
    Type.Literal('call_task'),
    Type.Literal('sms'),
  ]),
  templateCode: Type.String(),
  minimumAmountMinor: Type.Integer({ minimum: 0 }),
  claimInterest: Type.Boolean(),
  claimIndemnity: Type.Boolean(),
});
const Scope = Type.Object({
  kind: Type.Union([
    Type.Literal('default'),
    Type.Literal('customer_type'),
    Type.Literal('risk_class'),
    Type.Literal('customer'),
  ]),
  customerType: Type.Optional(Type.String()),
  riskClass: Type.Optional(Type.String()),
  customerCode: Type.Optional(Type.String()),
});
const PolicyDraftSchema = Type.Object({
  code: Type.String(),
  effectiveFrom: IsoDate,
  scope: Scope,
  currency: Currency,
  steps: Type.Array(Step),
  formalNoticeLeadDays: Type.Integer(),
  minimumDaysBetweenSteps: Type.Integer(),
  promiseGraceDays: Type.Integer(),
});
const Policy = Type.Object({ ...PolicyDraftSchema.properties, version: Type.Integer() });
const PolicyProblem = Type.Object({
  code: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  policyCode: Type.String(),
  version: NullableInt,
  stepCode: NullableString,
});

const ActionItem = Type.Object({
  documentRef: Type.String(),
  dueDate: IsoDate,
  openMinor: Minor,
  daysLate: Type.Integer(),
  fromLevel: Type.Integer(),
  level: Type.Integer(),
  interestMinor: Type.Union([Minor, Type.Null()]),
  interestStatus: Type.String({ description: 'claimed, not_claimed or rate_missing' }),
  indemnityMinor: Minor,
});
const Action = Type.Object({
  actionId: NullableInt,
  status: Type.String(),
  customerCode: Type.String(),
  customerName: Type.String(),
  step: Type.String(),
  stepKind: Type.String(),
  level: Type.Integer(),
  channel: Type.String(),
  currency: Currency,
  items: Type.Array(ActionItem),
  openTotalMinor: Minor,
  interestMinor: Minor,
  indemnityMinor: Minor,
  creditsMinor: Minor,
  totalDueMinor: Minor,
  interestIncomplete: Type.Boolean(),
  outboxId: NullableInt,
  letterId: NullableInt,
  documentPath: NullableString,
});
const RunView = Type.Object({
  asOf: IsoDate,
  runId: NullableInt,
  actions: Type.Array(Action),
  skipped: Type.Array(
    Type.Object({
      customerCode: Type.String(),
      customerName: NullableString,
      documentRef: Type.String(),
      reason: Type.String(),
      level: NullableInt,
    }),
  ),
  tasksCreated: Type.Integer(),
  batchLetterId: NullableInt,
  batchPath: NullableString,
});
const RunBody = Type.Object({
  asOf: Type.Optional(IsoDate),
  customerCodes: Type.Optional(
    Type.Array(Type.String(), { description: 'only these customers (reviewed selection)' }),
  ),
  riskClasses: Type.Optional(Type.Record(Type.String(), Type.String())),
});

const LoggedAction = Type.Object({
  actionId: Type.Integer(),
  runId: NullableInt,
  customerCode: Type.String(),
  customerName: Type.String(),
  actionDate: IsoDate,
  stepCode: Type.String(),
  stepKind: Type.String(),
  level: Type.Integer(),
  channel: Type.String(),
  currency: Currency,
  openTotalMinor: Minor,
  interestTotalMinor: Minor,
  indemnityTotalMinor: Minor,
  totalDueMinor: Minor,
  status: Type.String(),
  origin: Type.String(),
  outboxId: NullableInt,
  letterId: NullableInt,
  documentPath: NullableString,
  items: Type.Array(
    Type.Object({
      documentRef: Type.String(),
      dueDate: IsoDate,
      openMinor: Minor,
      daysLate: Type.Integer(),
      level: Type.Integer(),
      interestMinor: Minor,
      indemnityMinor: Minor,
    }),
  ),
});

const Dispute = Type.Object({
  disputeId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  documentRef: Type.String(),
  reason: Type.String(),
  department: Type.String(),
  amountMinor: Minor,
  currency: Currency,
  note: Type.String(),
  openedOn: IsoDate,
  respondBy: Nullable(IsoDate),
  status: Type.String(),
  resolution: NullableString,
  resolutionNote: NullableString,
  resolvedOn: Nullable(IsoDate),
});
const Task = Type.Object({
  taskId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  kind: Type.String(),
  actionId: NullableInt,
  promiseId: NullableInt,
  dueDate: IsoDate,
  assignedTo: NullableString,
  status: Type.String(),
  outcome: NullableString,
  note: Type.String(),
  doneOn: Nullable(IsoDate),
});
const Promise_ = Type.Object({
  promiseId: Type.Integer(),
  customerCode: Type.String(),
  madeOn: IsoDate,
  currency: Currency,
  note: Type.String(),
  instalments: Type.Array(Type.Object({ dueDate: IsoDate, amountMinor: Minor })),
  documentRefs: Type.Array(Type.String()),
  assessment: Type.Object({
    status: Type.String({ description: 'pending, kept, partially_kept or broken' }),
    promisedMinor: Minor,
    paidMinor: Minor,
    shortfallMinor: Minor,
  }),
});
const AgendaEntry = Type.Object({
  rank: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  salesperson: NullableString,
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
    Type.Object({ disputeId: Type.Integer(), documentRef: Type.String(), department: Type.String() }),
  ),
});
const Rate = Type.Object({
  semester: Type.String({ description: 'YYYYH1 or YYYYH2' }),
  ecbRateBps: Type.Integer(),
  legalInterestRateBps: NullableInt,
  source: Type.String(),
});

const PolicySet = Type.Object({
  asOf: IsoDate,
  builtIn: Type.Boolean(),
  versions: Type.Array(Policy),
  inForce: Type.Array(Policy),
});
const SavedPolicy = Type.Object({ policy: Policy, problems: Type.Array(PolicyProblem) });
/** The core's policies have readonly steps and a scope union; the wire shape is the same data. */
type PolicySetDto = Static<typeof PolicySet>;
type SavedPolicyDto = Static<typeof SavedPolicy>;

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const LangQuery = Type.Optional(Type.String({ description: 'fr (default) or en' }));
const errors = { 400: Problem, 404: Problem };

export function registerDunningRoutes(app: ApiServer): void {
  app.get(
    '/api/dunning/policies',
    {
      config: { access: READERS },
      schema: {
        description: 'Every version of the dunning policies and those in force at the date.',
        querystring: Type.Object({ asOf: Type.Optional(IsoDate) }),
        response: { 200: PolicySet },
      },
    },
    async (request) => (await getPolicies(await app.contextOf(request), request.query)) as PolicySetDto,
  );
  app.post(
    '/api/dunning/policies/validate',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Checks a draft policy against the saved ones (codes of problems, errors and warnings).',
        body: PolicyDraftSchema,
        response: { 200: Type.Object({ problems: Type.Array(PolicyProblem) }) },
      },
    },
    async (request) => ({
      problems: await validatePolicyDraft(
        await app.contextOf(request),
        request.body as unknown as PolicyDraft,
      ),
    }),
  );
  app.post(
    '/api/dunning/policies',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'Saves a draft as the next version of its policy (the history is kept); refused when it has errors.',
        body: PolicyDraftSchema,
        response: { 200: SavedPolicy, 400: Problem },
      },
    },
    async (request) =>
      (await savePolicyVersion(
        await app.contextOf(request),
        request.body as unknown as PolicyDraft,
      )) as SavedPolicyDto,
  );
  app.get(
    '/api/dunning/rates',
    {
      config: { access: READERS },
      schema: {
        description: 'The half-year rate table (ECB rate and legal interest rate).',
        response: { 200: Type.Array(Rate) },
      },
    },
    async (request) => listRates(await app.contextOf(request)),
  );
  app.put(
    '/api/dunning/rates/:semester',
    {
      config: { access: ADMINS },
      schema: {
        description: 'Enters or corrects the rates of a half-year.',
        params: Type.Object({ semester: Type.String() }),
        body: Type.Object({
          ecbRateBps: Type.Integer(),
          legalInterestRateBps: NullableInt,
          source: Type.String(),
        }),
        response: { 200: Type.Array(Rate), 400: Problem },
      },
    },
    async (request) =>
      setRate(await app.contextOf(request), { semester: request.params.semester, ...request.body }),
  );
  app.post(
    '/api/dunning/runs/preview',
    {
      config: { access: READERS },
      schema: {
        description: 'The reminders due on a date, nothing sent.',
        body: RunBody,
        response: { 200: RunView, 400: Problem },
      },
    },
    async (request) => previewDunningRun(await app.contextOf(request), request.body),
  );
  app.post(
    '/api/dunning/runs',
    {
      config: { access: COLLECTION },
      schema: {
        description:
          'Executes the run of a date (all customers, or the reviewed selection): e-mails queued, letters archived.',
        body: RunBody,
        response: { 200: RunView, 400: Problem },
      },
    },
    async (request) => executeDunningRun(await app.contextOf(request), request.body),
  );
  app.get(
    '/api/dunning/actions',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'The log of dunning actions, newest first.',
        querystring: Type.Object({
          runId: Type.Optional(Type.Integer()),
          customerCode: Type.Optional(Type.String()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(LoggedAction) }) },
      },
    },
    async (request) => listDunningActions(await app.contextOf(request), request.query),
  );
  app.post(
    '/api/dunning/actions/:id/cancel',
    {
      config: { access: COLLECTION },
      schema: {
        description: 'Cancels an action (not posted): the step will be planned again.',
        params: IdParams,
        response: { 200: LoggedAction, ...errors, 409: Problem },
      },
    },
    async (request) => cancelDunningAction(await app.contextOf(request), request.params.id),
  );
  app.get(
    '/api/dunning/letters/:id',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'An archived letter or a run’s print batch, as PDF.',
        params: IdParams,
        response: { 200: Type.String({ description: 'application/pdf' }), ...errors },
      },
    },
    async (request, reply) => {
      const letter = await getLetter(await app.contextOf(request), request.params.id);
      return (
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${letter.filename}"`)
          // The schema documents a binary body; the serializer is bypassed for a Buffer.
          .send(letter.content as unknown as string)
      );
    },
  );
  registerCaseRoutes(app);
}

function registerCaseRoutes(app: ApiServer): void {
  app.get(
    '/api/dunning/disputes',
    {
      config: { access: ALL_ROLES },
      schema: {
        querystring: Type.Object({ status: Type.Optional(Type.String()) }),
        response: { 200: Type.Array(Dispute), 400: Problem },
      },
    },
    async (request) => listDisputes(await app.contextOf(request), request.query),
  );
  app.post(
    '/api/dunning/disputes',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Opens a dispute on an invoice, routed to a department; its dunning pauses.',
        body: Type.Object({
          documentRef: Type.String(),
          reason: Type.String({ description: 'quality, delivery, price, quantity or other' }),
          department: Type.Optional(Type.String()),
          amountMinor: Type.Optional(Type.Integer({ minimum: 1 })),
          note: Type.Optional(Type.String({ maxLength: 4000 })),
          respondBy: Type.Optional(IsoDate),
        }),
        response: { 200: Dispute, ...errors, 409: Problem },
      },
    },
    async (request) => openDispute(await app.contextOf(request), request.body),
  );
  app.post(
    '/api/dunning/disputes/:id/resolve',
    {
      config: { access: ALL_ROLES },
      schema: {
        params: IdParams,
        body: Type.Object({
          resolution: Type.String({ description: 'credit_note, partial_credit or rejected' }),
          note: Type.Optional(Type.String()),
        }),
        response: { 200: Dispute, ...errors, 409: Problem },
      },
    },
    async (request) =>
      resolveDispute(await app.contextOf(request), { disputeId: request.params.id, ...request.body }),
  );
  app.get(
    '/api/dunning/promises',
    {
      config: { access: ALL_ROLES },
      schema: {
        querystring: Type.Object({
          asOf: Type.Optional(IsoDate),
          customerCode: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Array(Promise_), ...errors },
      },
    },
    async (request) => listPromises(await app.contextOf(request), request.query),
  );
  app.post(
    '/api/dunning/promises',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'Records a promise to pay (instalments; invoices covered, none: all): their dunning pauses until then.',
        body: Type.Object({
          customerCode: Type.String(),
          instalments: Type.Array(
            Type.Object({ dueDate: IsoDate, amountMinor: Type.Integer({ minimum: 1 }) }),
            { minItems: 1 },
          ),
          documentRefs: Type.Optional(Type.Array(Type.String())),
          note: Type.Optional(Type.String({ maxLength: 4000 })),
        }),
        response: { 200: Promise_, ...errors },
      },
    },
    async (request) => recordPromise(await app.contextOf(request), request.body),
  );
  app.get(
    '/api/dunning/tasks',
    {
      config: { access: ALL_ROLES },
      schema: {
        querystring: Type.Object({ status: Type.Optional(Type.String()) }),
        response: { 200: Type.Array(Task) },
      },
    },
    async (request) => listCallTasks(await app.contextOf(request), request.query),
  );
  app.post(
    '/api/dunning/tasks/:id/complete',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Logs the outcome of a task (a call made, a claim declared…).',
        params: IdParams,
        body: Type.Object({ outcome: Type.String(), note: Type.Optional(Type.String({ maxLength: 4000 })) }),
        response: { 200: Task, ...errors, 409: Problem },
      },
    },
    async (request) =>
      completeCallTask(await app.contextOf(request), { taskId: request.params.id, ...request.body }),
  );
  app.post(
    '/api/dunning/calls',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Logs a call made without a task.',
        body: Type.Object({
          customerCode: Type.String(),
          outcome: Type.String(),
          note: Type.Optional(Type.String({ maxLength: 4000 })),
        }),
        response: { 200: Task, ...errors },
      },
    },
    async (request) => logCall(await app.contextOf(request), request.body),
  );
  app.get(
    '/api/dunning/agenda',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'The collector’s prioritised list for the day, each entry with the reasons for its rank.',
        querystring: Type.Object({ asOf: Type.Optional(IsoDate), lang: LangQuery }),
        response: { 200: Type.Object({ asOf: IsoDate, entries: Type.Array(AgendaEntry) }) },
      },
    },
    async (request) =>
      getAgenda(await app.contextOf(request), { asOf: request.query.asOf, lang: toLang(request.query.lang) }),
  );
}
