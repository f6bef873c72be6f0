/**
 * Changing an open dispute over HTTP: its particulars (one invoice's dispute, or every invoice of a
 * case still open) and removing a document attached to it. Audited by the use cases; a salesperson
 * changes only their own customers' disputes.
 */
import { Type } from '@fastify/type-provider-typebox';
import { detachFromDispute } from '#app/dunning/dispute-attachments';
import { editDispute, editDisputeCase } from '#app/dunning/dispute-edit';
import { recordView } from '#app/dunning/dispute-list';
import { toLang } from '#text/catalogue';
import { type ApiServer, Problem } from '../api-types.ts';
import { ALL_ROLES } from '../auth-roles.ts';
import { Attachment, Dispute, EditBody, errors, IdParams } from './dispute-schemas.ts';

const LangQuery = Type.Object({
  lang: Type.Optional(
    Type.String({ description: 'fr or en: the language of a refusal (default: Accept-Language)' }),
  ),
});
const langOf = (lang: string | undefined, accepted: string | undefined) => toLang(lang ?? accepted);

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
