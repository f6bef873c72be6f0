/**
 * Dunning cases over HTTP: pausing one invoice's reminders (and lifting the pause), and recording
 * a reminder made outside Encours. Collectors and the credit department write; a salesperson
 * reads and pauses their own customers' invoices (the use cases narrow them).
 */
import { Type } from '@fastify/type-provider-typebox';
import { listInvoicePauses, pauseInvoice, unpauseInvoice } from '#app/dunning/invoice-pauses';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import type { Role } from '#core/types';
import { type ApiServer, Problem } from '../api-types.ts';
import { ALL_ROLES } from '../auth-roles.ts';
import { IsoDate } from '../schemas/common.ts';

const COLLECTION: readonly Role[] = ['admin', 'credit_manager', 'collector'];
const errors = { 400: Problem, 404: Problem };
const NullableString = Type.Union([Type.String(), Type.Null()]);

const InvoicePause = Type.Object({
  pauseId: Type.Integer(),
  customerCode: Type.String(),
  documentId: Type.Integer(),
  documentRef: Type.String(),
  reason: Type.String(),
  pausedOn: IsoDate,
  pausedUntil: IsoDate,
  createdBy: Type.String(),
  liftedOn: Type.Union([IsoDate, Type.Null()]),
  liftedBy: NullableString,
});

const ManualReminderAction = Type.Object({
  actionId: Type.Integer(),
  currency: Type.String(),
  openTotalMinor: Type.Integer(),
  interestTotalMinor: Type.Integer(),
  indemnityTotalMinor: Type.Integer(),
  creditsMinor: Type.Integer(),
  totalDueMinor: Type.Integer(),
  interestIncomplete: Type.Boolean(),
});

const ManualReminderResult = Type.Object({
  actionIds: Type.Array(Type.Integer()),
  stepCode: Type.String(),
  stepKind: Type.String(),
  level: Type.Integer(),
  documentRefs: Type.Array(Type.String()),
  actions: Type.Array(ManualReminderAction, { description: 'One per currency, with what it claimed.' }),
});

export function registerDunningCaseRoutes(app: ApiServer): void {
  app.get(
    '/api/dunning/pauses',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Pauses of single invoices, latest first; activeOn keeps those in force that day.',
        querystring: Type.Object({
          customerCode: Type.Optional(Type.String()),
          activeOn: Type.Optional(IsoDate),
        }),
        response: { 200: Type.Array(InvoicePause), 400: Problem },
      },
    },
    async (request) => listInvoicePauses(await app.contextOf(request), request.query),
  );
  app.post(
    '/api/dunning/pauses',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Pauses the reminders of one invoice until a date; the run preview shows the reason.',
        body: Type.Object({
          documentRef: Type.String({ minLength: 1 }),
          customerCode: Type.Optional(Type.String()),
          reason: Type.String({ minLength: 1, maxLength: 500 }),
          pausedUntil: IsoDate,
          pausedOn: Type.Optional(IsoDate),
        }),
        response: { 200: InvoicePause, ...errors },
      },
    },
    async (request) => pauseInvoice(await app.contextOf(request), request.body),
  );
  app.post(
    '/api/dunning/pauses/:id/lift',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Lifts a pause from today: the invoice is reminded again by the next run.',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: InvoicePause, ...errors, 409: Problem },
      },
    },
    async (request) => unpauseInvoice(await app.contextOf(request), { pauseId: request.params.id }),
  );
  app.post(
    '/api/dunning/manual-reminders',
    {
      config: { access: COLLECTION },
      schema: {
        description:
          'Records a reminder made outside Encours (call, letter, e-mail): it counts as its step for its invoices.',
        body: Type.Object({
          customerCode: Type.String(),
          channel: Type.String({ description: 'email, letter, registered_letter, call_task or sms' }),
          stepCode: Type.Optional(Type.String()),
          documentRefs: Type.Optional(Type.Array(Type.String())),
          doneOn: Type.Optional(IsoDate),
          note: Type.Optional(Type.String({ maxLength: 4000 })),
          claimInterest: Type.Optional(
            Type.Boolean({ description: 'Late-payment interest was claimed; default: as the step says.' }),
          ),
          claimIndemnity: Type.Optional(
            Type.Boolean({ description: 'The 40 € fixed indemnity was claimed; default: as the step says.' }),
          ),
        }),
        response: { 200: ManualReminderResult, ...errors },
      },
    },
    async (request) => recordManualReminder(await app.contextOf(request), request.body),
  );
}
