/**
 * A run's delivery over HTTP: what it sent and where its e-mails stand, the deposit list of its
 * registered letters (PDF to hand over with them, CSV or XLSX to fill in the numbers), and what
 * became of each registered letter: its La Poste number, deposit and outcome, recorded one
 * recording after the other (registered-tracking.ts).
 */
import { Type } from '@fastify/type-provider-typebox';
import {
  getRegisteredTracking,
  recordRegisteredOutcome,
  recordTrackingNumber,
} from '#app/dunning/registered-tracking';
import { getRunDelivery, registeredLetterFile } from '#app/dunning/run-delivery';
import { EXPORT_FORMATS, type ExportFormat } from '#app/reports/report-tables';
import { REGISTERED_OUTCOMES, type RegisteredOutcome } from '#core/dunning/registered-mail';
import type { Role } from '#core/types';
import { type ApiServer, Problem } from '../api-types.ts';
import { STAFF } from '../auth-roles.ts';
import { sendDocument } from '../download.ts';
import { Currency, Instant, IsoDate, Minor, Nullable, StringEnum } from '../schemas/common.ts';
import { RunTotals } from './dunning-runs.ts';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const errors = { 400: Problem, 404: Problem };
/** Those who send the letters record what became of them (the use case checks it too). */
const COLLECTION: readonly Role[] = ['admin', 'credit_manager', 'collector'];

const trackingFields = {
  trackingNumber: Type.String({ description: 'La Poste’s number in the slip’s groups: 1A 123 456 7890 1' }),
  depositedOn: IsoDate,
  outcome: Type.Unsafe<RegisteredOutcome | null>({
    type: ['string', 'null'],
    enum: [...REGISTERED_OUTCOMES, null],
    description:
      'null until the post office reports: delivered, returned_unclaimed, returned_unknown_address',
  }),
  outcomeOn: Nullable(
    Type.String({ description: 'date, YYYY-MM-DD: the receipt signed, or the letter returned' }),
  ),
  recordedBy: Type.String(),
  recordedAt: Instant,
};
const TrackingRecord = Type.Object(trackingFields);

const viewFields = {
  actionId: Type.Integer(),
  tracking: Nullable(TrackingRecord),
  history: Type.Array(TrackingRecord, { description: 'every recording, oldest first (corrections added)' }),
};
const Tracking = Type.Object(viewFields);
const Recorded = Type.Object({
  ...viewFields,
  recorded: Type.Boolean({ description: 'false: the same values were already recorded' }),
});

const RegisteredLetter = Type.Object({
  position: Type.Integer({ description: 'Place in the print batch (registered letters come first).' }),
  actionId: Type.Integer(),
  letterId: Nullable(Type.Integer()),
  customerCode: Type.String(),
  customerName: Type.String(),
  addressLine1: Nullable(Type.String()),
  addressLine2: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  city: Nullable(Type.String()),
  country: Type.String(),
  totalDueMinor: Minor,
  currency: Currency,
  tracking: Nullable(
    Type.Object({ ...trackingFields, entries: Type.Integer({ description: 'recordings made' }) }),
  ),
});

const Delivery = Type.Object({
  runId: Type.Integer(),
  asOf: IsoDate,
  createdAt: Instant,
  createdBy: Type.String({ description: 'who carried it out (an e-mail, or the job that did)' }),
  letters: Type.Integer(),
  batchFiles: Type.Array(Type.Object({ letterId: Type.Integer(), path: Type.String() })),
  registeredLetters: Type.Array(RegisteredLetter),
  emails: Type.Object({
    queued: Type.Integer(),
    sent: Type.Integer(),
    failed: Type.Integer(),
    held: Type.Integer(),
  }),
  totals: Type.Object(
    {
      customers: Type.Integer(),
      actions: Type.Integer({ description: 'actions not cancelled' }),
      claimed: Type.Integer({ description: 'reminders, formal notices, written hand-overs and texts' }),
      courtesy: Type.Integer({ description: 'courtesy e-mails (invoices not yet due)' }),
      callTasks: Type.Integer({ description: 'call tasks: nothing sent' }),
      byCurrency: Type.Array(RunTotals),
    },
    { description: 'what the run claims, as its preview showed it, and its actions by kind' },
  ),
});

export function registerDunningDeliveryRoutes(app: ApiServer): void {
  app.get(
    '/api/dunning/runs/:id/delivery',
    {
      config: { access: STAFF },
      schema: {
        description: 'A run’s print batch files, registered letters and e-mails as they stand in the outbox.',
        params: IdParams,
        response: { 200: Delivery, ...errors },
      },
    },
    async (request) => getRunDelivery(await app.contextOf(request), request.params.id),
  );
  app.get(
    '/api/dunning/runs/:id/registered-letters',
    {
      config: { access: STAFF },
      schema: {
        description: 'The deposit list of a run’s registered letters, in the print batch’s order.',
        params: IdParams,
        querystring: Type.Object({
          format: Type.Optional(Type.Union(EXPORT_FORMATS.map((format) => Type.Literal(format)))),
          lang: Type.Optional(Type.String({ description: 'fr (default) or en' })),
        }),
        response: { 200: Type.String({ description: 'PDF, CSV or XLSX' }), ...errors },
      },
    },
    async (request, reply) => {
      const format: ExportFormat = request.query.format ?? 'pdf';
      const file = await registeredLetterFile(
        await app.contextOf(request),
        request.params.id,
        format,
        request.query.lang,
      );
      return sendDocument(reply, {
        fileName: file.filename,
        format,
        body: file.body,
        inline: format === 'pdf',
      });
    },
  );
  registerTrackingRoutes(app);
}

function registerTrackingRoutes(app: ApiServer): void {
  app.get(
    '/api/dunning/registered-letters/:id/tracking',
    {
      config: { access: STAFF },
      schema: {
        description:
          'What became of a registered letter (the id of its dunning action), with every recording.',
        params: IdParams,
        response: { 200: Tracking, ...errors },
      },
    },
    async (request) => getRegisteredTracking(await app.contextOf(request), request.params.id),
  );
  app.post(
    '/api/dunning/registered-letters/:id/tracking-number',
    {
      config: { access: COLLECTION },
      schema: {
        description:
          'Records or corrects a registered letter’s La Poste number (13 characters, spaces ignored) and deposit ' +
          'day. A number names one letter of the company (409 otherwise); a correction is a new recording.',
        params: IdParams,
        body: Type.Object(
          { trackingNumber: Type.String({ maxLength: 40 }), depositedOn: IsoDate },
          { additionalProperties: false },
        ),
        response: { 200: Recorded, ...errors, 409: Problem },
      },
    },
    async (request) =>
      recordTrackingNumber(await app.contextOf(request), { actionId: request.params.id, ...request.body }),
  );
  app.post(
    '/api/dunning/registered-letters/:id/outcome',
    {
      config: { access: COLLECTION },
      schema: {
        description:
          'Records or corrects what the post office reports of a registered letter whose number is recorded: ' +
          'delivered (outcomeOn: the receipt signed) or returned (unclaimed, addressee unknown; outcomeOn: returned).',
        params: IdParams,
        body: Type.Object(
          { outcome: StringEnum(REGISTERED_OUTCOMES), outcomeOn: IsoDate },
          { additionalProperties: false },
        ),
        response: { 200: Recorded, ...errors },
      },
    },
    async (request) =>
      recordRegisteredOutcome(await app.contextOf(request), { actionId: request.params.id, ...request.body }),
  );
}
