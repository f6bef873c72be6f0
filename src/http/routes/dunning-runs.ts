/**
 * Dunning runs over HTTP: a run's preview and execution, the log of the actions it took (and their
 * cancelling), and the letters it archived. Registered by dunning.ts.
 */
import { Type } from '@fastify/type-provider-typebox';
import { executeDunningRun } from '#app/dunning/execute-run';
import { previewDunningRun } from '#app/dunning/plan-run';
import { cancelDunningAction, getLetter, listDunningActions } from '#app/dunning/queries';
import type { Role } from '#core/types';
import { type ApiServer, Problem } from '../api-types.ts';
import { ALL_ROLES } from '../auth-roles.ts';
import { sendDocument } from '../download.ts';
import { readerLang } from '../reader-lang.ts';
import { Currency, IsoDate, Minor } from '../schemas/common.ts';

const COLLECTION: readonly Role[] = ['admin', 'credit_manager', 'collector'];
// The auditor reads too; writes drop it (auth-roles.ts effectiveAccess).
const READERS: readonly Role[] = ['admin', 'credit_manager', 'collector', 'director', 'auditor'];

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

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
  raisedBy: Type.Optional(
    Type.Union(
      [
        Type.Object({ kind: Type.Literal('account_notice'), noticeDate: Type.Union([IsoDate, Type.Null()]) }),
        Type.Object({ kind: Type.Literal('catch_up') }),
        Type.Object({
          kind: Type.Literal('resend'),
          failedOn: IsoDate,
          channel: Type.String({
            description: 'how the step goes again: letter when the customer has a postal address, else email',
          }),
        }),
      ],
      {
        description:
          'a planned invoice past the step after its last one: joined the account’s formal notice (the date of the latest on an open invoice; null: the first one, sent by this run), or caught up with its lateness (never reminded: the last amicable step its days late reached); or its step sent again, its e-mail of failedOn having failed for good',
      },
    ),
  ),
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
  lateProbabilityBp: Type.Optional(
    Type.Integer({
      description: 'a pre-due reminder: highest predicted probability of lateness of its items (bp)',
    }),
  ),
});
/** A credit an action deducts, as the ledger signs it (a payment on account or a credit note). */
const DeductedCredit = Type.Object({
  documentRef: Type.String(),
  issueDate: IsoDate,
  openMinor: Minor,
  currency: Currency,
});
const CustomerCredits = Type.Object({
  customerCode: Type.String(),
  credits: Type.Array(DeductedCredit, {
    description:
      'oldest first; open amounts at the run’s date, negative; they add up to the actions’ creditsMinor',
  }),
});
/** One file of a run's print batch (also in an approved proposal's answer). */
export const BatchFile = Type.Object({
  letterId: Type.Integer(),
  path: Type.String(),
  filename: Type.String(),
  part: Type.Integer(),
  parts: Type.Integer(),
  firstLetter: Type.Integer(),
  letters: Type.Integer(),
});

/** What a run claims in one currency (src/core/dunning/run-totals.ts). */
export const RunTotals = Type.Object({
  currency: Currency,
  principalMinor: Minor,
  interestMinor: Minor,
  indemnityMinor: Minor,
  creditsMinor: Minor,
  totalDueMinor: Minor,
  callTaskOpenMinor: Minor,
  courtesyOpenMinor: Minor,
});

export const RunView = Type.Object({
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
      pausedUntil: Type.Optional(IsoDate),
      pauseReason: Type.Optional(Type.String()),
      pauseId: Type.Optional(Type.Integer()),
      lateProbabilityBp: Type.Optional(
        Type.Integer({ description: 'likely_on_time: predicted probability (bp)' }),
      ),
      minimumLateProbabilityBp: Type.Optional(
        Type.Integer({ description: 'likely_on_time: the step’s minimum (bp)' }),
      ),
    }),
  ),
  deductedCredits: Type.Array(CustomerCredits, {
    description:
      'per customer, once: the unallocated credits its actions deduct (each action in its currency deducts them all)',
  }),
  lateProbabilitySource: Type.Optional(
    Type.Object(
      {
        kind: Type.Union([
          Type.Literal('stored_predictions'),
          Type.Literal('stored_model'),
          Type.Literal('none'),
        ]),
        asOf: Type.Optional(IsoDate),
        trainedAsOf: Type.Optional(IsoDate),
      },
      {
        description: 'where the pre-due steps’ probabilities of lateness came from (when a policy uses them)',
      },
    ),
  ),
  notices: Type.Optional(
    Type.Array(Type.String(), {
      description: 'e.g. late_probability_unavailable: no prediction at most 7 days old',
    }),
  ),
  totals: Type.Array(RunTotals, {
    description:
      'per currency, what the run claims: the open amounts, interest and indemnities of its reminders, formal notices and written hand-overs, each customer’s credits deducted once; a courtesy e-mail (invoices not yet due) and a call task claim nothing: their open amounts are apart (courtesyOpenMinor, callTaskOpenMinor)',
  }),
  tasksCreated: Type.Integer(),
  batchLetterId: NullableInt,
  batchPath: NullableString,
  batchFiles: Type.Array(BatchFile, {
    description: 'the print batch in files of at most 1,000 letters, in print order',
  }),
  proposal: Type.Optional(
    Type.Union(
      [
        Type.Object({
          proposalId: Type.Integer(),
          asOf: IsoDate,
          status: Type.String(),
          customers: Type.Integer(),
          actions: Type.Integer(),
          totals: Type.Array(Type.Object({ currency: Currency, totalDueMinor: Minor })),
        }),
        Type.Null(),
      ],
      {
        description:
          'only when the company reviews before sending: nothing was sent, the run was stored as this pending proposal (GET /api/dunning/proposals/{id}); null: nothing was due',
      },
    ),
  ),
});
const runFields = {
  asOf: Type.Optional(IsoDate),
  customerCodes: Type.Optional(
    Type.Array(Type.String(), { description: 'only these customers (reviewed selection)' }),
  ),
};
// A run that sends uses the customers' own risk classes: a class given in the request would
// choose a milder policy for a customer with no trace, so the run's body refuses it, and only
// the preview (nothing sent) takes it, as a what-if.
const RunBody = Type.Object(runFields, { additionalProperties: false });
const PreviewBody = Type.Object(
  {
    ...runFields,
    riskClasses: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: 'what-if: the risk class to plan each listed customer with, instead of its own',
      }),
    ),
  },
  // A misspelt selection would preview every customer as if it were the chosen ones.
  { additionalProperties: false },
);

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
  taskStatus: Type.Union([Type.String(), Type.Null()], {
    description:
      'a call task’s action (nothing sent): the status of the task it created in the agenda (open, done or cancelled); null for any other action',
  }),
  delivery: Type.Union(
    [
      Type.Literal('sent'),
      Type.Literal('failed'),
      Type.Literal('held'),
      Type.Literal('pending'),
      Type.Null(),
    ],
    {
      description:
        'an e-mail: sent (accepted by the mail server), failed (for good), held (no mail server) or pending (to send, or failed with a retry to come); null: no e-mail',
    },
  ),
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

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const errors = { 400: Problem, 404: Problem };

export function registerDunningRunRoutes(app: ApiServer): void {
  app.post(
    '/api/dunning/runs/preview',
    {
      config: { access: READERS },
      schema: {
        description: 'The reminders due on a date, nothing sent.',
        body: PreviewBody,
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
          'Executes the run of a date (all customers, or the reviewed selection): e-mails queued, letters archived. ' +
          'Refused before the last run’s date or after today. When the company reviews before sending, nothing is ' +
          'sent: the run becomes the pending proposal (`proposal`), which the credit department approves.',
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
        description:
          'Cancels an action (not posted): the step will be planned again. 409 when already cancelled, or when ' +
          'it is a registered letter whose La Poste number is recorded (the letter is at the post office).',
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
        querystring: Type.Object({
          lang: Type.Optional(
            Type.String({ description: 'a print batch’s file name: fr or en (default: Accept-Language)' }),
          ),
        }),
        response: { 200: Type.String({ description: 'application/pdf' }), ...errors },
      },
    },
    async (request, reply) => {
      // A print batch is named in the reader's language (`?lang=`, else Accept-Language).
      const letter = await getLetter(await app.contextOf(request), request.params.id, readerLang(request));
      return sendDocument(reply, {
        fileName: letter.filename,
        format: 'pdf',
        body: letter.content,
        inline: true,
      });
    },
  );
}
