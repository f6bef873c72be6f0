/**
 * Changing an open dispute over HTTP: taking over an imported one (it becomes a dispute record, still
 * open), its particulars (one invoice's dispute, or every invoice of a case still open) and removing
 * a document attached to it. Audited by the use cases; a salesperson changes only their own
 * customers' disputes.
 */
import { Type } from '@fastify/type-provider-typebox';
import { detachFromDispute } from '#app/dunning/dispute-attachments';
import { editDispute, editDisputeCase } from '#app/dunning/dispute-edit';
import { recordView } from '#app/dunning/dispute-list';
import { takeOverImportedDispute } from '#app/dunning/dispute-take-over';
import { type ApiServer, Problem } from '../api-types.ts';
import { ALL_ROLES } from '../auth-roles.ts';
import {
  Attachment,
  Dispute,
  EditBody,
  errors,
  IdParams,
  LangQuery,
  langOf,
  TakeOverBody,
} from './dispute-schemas.ts';

const EditedDispute = Type.Object({
  ...Dispute.properties,
  edited: Type.Boolean({ description: 'false when every value given was already so' }),
});
const EditedCase = Type.Object({
  caseId: Type.Integer(),
  disputes: Type.Array(Dispute),
  edited: Type.Integer({ description: 'how many of its invoices changed' }),
});
const Detached = Type.Object({
  attachment: Attachment,
  fileRemoved: Type.Boolean({ description: 'true when nothing else linked the file, so it was deleted' }),
});

export function registerDisputeChangeRoutes(app: ApiServer): void {
  app.post(
    '/api/dunning/disputes/imported/:id/take-over',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          "Takes over an imported dispute (by its event) without resolving it: an open dispute record, opened on the event's date, so its invoice stays out of the reminders. Refused when a record already follows it.",
        params: IdParams,
        querystring: LangQuery,
        body: TakeOverBody,
        response: { 200: Dispute, ...errors, 409: Problem },
      },
    },
    async (request) =>
      recordView(
        await takeOverImportedDispute(await app.contextOf(request), {
          eventId: request.params.id,
          ...request.body,
          lang: langOf(request.query.lang, request.headers['accept-language']),
        }),
      ),
  );
  app.patch(
    '/api/dunning/disputes/:id',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'Changes an open dispute: reason, department, amount (at most what the invoice still owes), respond-by date (null: none), note. Refused once resolved.',
        params: IdParams,
        querystring: LangQuery,
        body: EditBody,
        response: { 200: EditedDispute, ...errors, 409: Problem },
      },
    },
    async (request) => {
      const { dispute, edited } = await editDispute(await app.contextOf(request), {
        disputeId: request.params.id,
        ...request.body,
        lang: langOf(request.query.lang, request.headers['accept-language']),
      });
      return { ...recordView(dispute), edited };
    },
  );
  app.patch(
    '/api/dunning/dispute-cases/:id',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'Changes every invoice of the dispute still open the same way (an amount only when one invoice is left open).',
        params: IdParams,
        querystring: LangQuery,
        body: EditBody,
        response: { 200: EditedCase, ...errors, 409: Problem },
      },
    },
    async (request) => {
      const found = await editDisputeCase(await app.contextOf(request), {
        caseId: request.params.id,
        ...request.body,
        lang: langOf(request.query.lang, request.headers['accept-language']),
      });
      return { caseId: found.caseId, disputes: found.disputes.map(recordView), edited: found.edited };
    },
  );
  app.delete(
    '/api/dunning/dispute-attachments/:id',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'Removes a document from an open dispute; the stored file is deleted only when nothing else links it.',
        params: IdParams,
        querystring: LangQuery,
        response: { 200: Detached, ...errors, 409: Problem },
      },
    },
    async (request) =>
      detachFromDispute(
        await app.contextOf(request),
        request.params.id,
        langOf(request.query.lang, request.headers['accept-language']),
      ),
  );
}
