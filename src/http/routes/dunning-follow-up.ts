/**
 * The collector's follow-up over HTTP (split from dunning.ts): promises to pay, call tasks and
 * calls (disputes are in disputes.ts, the agenda in agenda.ts). A salesperson reads and writes
 * their own customers' cases (the use cases narrow them).
 */
import { Type } from '@fastify/type-provider-typebox';
import { listImportedPromisePage, MAX_IMPORTED_PROMISE_PAGE } from '#app/dunning/imported-promises';
import { listPromises, recordPromise } from '#app/dunning/promises';
import { completeCallTask, listCallTasks, logCall, MAX_TASK_PAGE } from '#app/dunning/queries';
import { IMPORTED_PROMISE_STATUSES, UNVERIFIABLE_REASONS } from '#core/dunning/imported-promises';
import { type ApiServer, Problem } from '../api-types.ts';
import { ALL_ROLES } from '../auth-roles.ts';
import { Currency, IsoDate, Minor, Nullable, StringEnum } from '../schemas/common.ts';
import { registerDisputeRoutes } from './disputes.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const errors = { 400: Problem, 404: Problem };

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
const PromiseStatus = Type.String({ description: 'pending, kept, partially_kept or broken' });
const Promise_ = Type.Object({
  promiseId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  madeOn: IsoDate,
  currency: Currency,
  note: Type.String(),
  instalments: Type.Array(Type.Object({ dueDate: IsoDate, amountMinor: Minor })),
  documentRefs: Type.Array(Type.String()),
  assessment: Type.Object({
    status: PromiseStatus,
    promisedMinor: Minor,
    paidMinor: Minor,
    shortfallMinor: Minor,
    /** Each instalment in order: payments fill them in turn, each counting until its deadline. */
    instalments: Type.Array(
      Type.Object({
        dueDate: IsoDate,
        deadline: Type.String({ description: 'the last day a payment counts: the due date plus the grace' }),
        amountMinor: Minor,
        paidMinor: Minor,
        status: PromiseStatus,
      }),
    ),
  }),
});
/** A promise line of the imported customer story: read-only, never a recorded promise. */
const ImportedPromise = Type.Object({
  source: Type.Literal('imported'),
  eventId: Type.Integer({ description: 'the story line’s number' }),
  customerCode: Type.String(),
  customerName: Type.String(),
  madeOn: IsoDate,
  promisedOn: Nullable(
    Type.String({ description: 'the date the line promises, YYYY-MM-DD; null: it names none' }),
  ),
  amountMinor: Nullable(Type.Integer({ description: 'the amount the line states; null: it states none' })),
  currency: Currency,
  documentRef: Nullable(Type.String()),
  note: Type.String({ description: 'the line’s words, as imported' }),
  status: StringEnum(IMPORTED_PROMISE_STATUSES, {
    description:
      'kept: paid in full after the line and by the promised date (a line stating no amount: the invoices it names settled by then); broken: not; pending: that date has not passed; unverifiable: the line or the ledger cannot tell',
  }),
  unverifiableReason: Nullable(
    Type.String({ description: `${UNVERIFIABLE_REASONS.join(', ')}; null unless unverifiable` }),
  ),
  paidMinor: Nullable(
    Type.Integer({
      description: 'paid after the line’s day, by the promised date (net of bounced payments)',
    }),
  ),
  invoiceCheck: Nullable(
    Type.Object(
      {
        refs: Type.Array(Type.String(), {
          description: 'the invoices the line names, as the ledger has them',
        }),
        on: IsoDate,
        openMinor: Type.Integer({
          description: 'what they still owed on `on`, net of bounced payments by then',
        }),
        currency: Currency,
        settledOn: Nullable(
          Type.String({
            description: 'the day the last of them was settled, YYYY-MM-DD; null: not all were',
          }),
        ),
      },
      {
        description:
          'a line stating no amount, judged on the invoices it names at the promised date (or the as-of date, if earlier); null otherwise',
      },
    ),
  ),
});
const ImportedPromisePage = Type.Object({
  total: Type.Integer({ description: 'how many lines the filter keeps, over every page' }),
  counts: Type.Object(
    { pending: Type.Integer(), kept: Type.Integer(), broken: Type.Integer(), unverifiable: Type.Integer() },
    { description: 'how many lines each status holds, whatever the status asked for' },
  ),
  items: Type.Array(ImportedPromise),
});
export function registerCaseRoutes(app: ApiServer): void {
  registerDisputeRoutes(app);
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
  app.get(
    '/api/dunning/promises/imported',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'A page of the promises to pay of the imported customer story, read from their words (newest first), with how many the filter keeps in all and how many each status holds: shown beside the recorded ones, they pause no dunning.',
        querystring: Type.Object({
          asOf: Type.Optional(IsoDate),
          customerCode: Type.Optional(Type.String()),
          status: Type.Optional(
            Type.String({
              description: 'only the lines of this status (a recorded promise’s status keeps none)',
            }),
          ),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_IMPORTED_PROMISE_PAGE, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: ImportedPromisePage, ...errors },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return listImportedPromisePage(await app.contextOf(request), {
        ...filter,
        limit: limit ?? 50,
        offset: offset ?? 0,
      });
    },
  );
  app.post(
    '/api/dunning/promises',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'Records a promise to pay (instalments; invoices covered, none: all): their dunning pauses until then.',
        // A misspelt field is refused, not dropped: `documentRef` would cover every open invoice.
        body: Type.Object(
          {
            customerCode: Type.String(),
            instalments: Type.Array(
              Type.Object({ dueDate: IsoDate, amountMinor: Type.Integer({ minimum: 1 }) }),
              { minItems: 1 },
            ),
            documentRefs: Type.Optional(Type.Array(Type.String())),
            note: Type.Optional(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
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
        description: 'A page of the call tasks in due order, with how many the filter keeps in all.',
        querystring: Type.Object({
          status: Type.Optional(Type.String()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_TASK_PAGE, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(Task) }), 400: Problem },
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
        body: Type.Object(
          { outcome: Type.String(), note: Type.Optional(Type.String({ maxLength: 4000 })) },
          { additionalProperties: false },
        ),
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
        body: Type.Object(
          {
            customerCode: Type.String(),
            outcome: Type.String(),
            note: Type.Optional(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Task, ...errors },
      },
    },
    async (request) => logCall(await app.contextOf(request), request.body),
  );
}
