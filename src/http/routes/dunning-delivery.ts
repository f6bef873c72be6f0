/**
 * A run's delivery over HTTP: what it sent and where its e-mails stand, and the deposit list of
 * its registered letters (PDF to hand over with them, CSV or XLSX to fill in the numbers).
 */
import { Type } from '@fastify/type-provider-typebox';
import { getRunDelivery, registeredLetterFile } from '#app/dunning/run-delivery';
import { EXPORT_FORMATS, type ExportFormat } from '#app/reports/report-tables';
import { type ApiServer, Problem } from '../api-types.ts';
import { STAFF } from '../auth-roles.ts';
import { sendDocument } from '../download.ts';
import { Currency, Instant, IsoDate, Minor, Nullable } from '../schemas/common.ts';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const errors = { 400: Problem, 404: Problem };

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
}
