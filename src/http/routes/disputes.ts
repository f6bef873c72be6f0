/**
 * Disputes (litiges) over HTTP (split from dunning-follow-up.ts): one invoice or a case of
 * several, the imported ones, the summary (cycle time, reasons), and attachments. A salesperson
 * reads and writes their own customers' disputes (the use cases narrow them).
 */
import { Type } from '@fastify/type-provider-typebox';
import {
  attachToDispute,
  getDisputeAttachment,
  listDisputeAttachments,
} from '#app/dunning/dispute-attachments';
import { resolveImportedDispute } from '#app/dunning/dispute-imported';
import { recordView } from '#app/dunning/dispute-list';
import { getDisputeSummary } from '#app/dunning/dispute-summary';
import {
  listDisputePage,
  openDispute,
  openDisputeCase,
  requireCase,
  resolveDispute,
  resolveDisputeCase,
} from '#app/dunning/disputes';
import { type ApiServer, Problem } from '../api-types.ts';
import { ALL_ROLES } from '../auth-roles.ts';
import { sendDocument } from '../download.ts';
import { enableUploads, withUploadedFile } from '../uploads.ts';
import { registerDisputeChangeRoutes } from './dispute-changes.ts';
import {
  Attachment,
  Dispute,
  DisputeCase,
  DisputePage,
  errors,
  IdParams,
  LangQuery,
  langOf,
  OpenBody,
  ResolveBody,
  Summary,
} from './dispute-schemas.ts';

const caseView = (found: Awaited<ReturnType<typeof requireCase>>) => ({
  caseId: found.caseId,
  disputes: found.disputes.map(recordView),
});
export function registerDisputeRoutes(app: ApiServer): void {
  registerDisputeListRoutes(app);
  registerDisputeCaseRoutes(app);
  registerAttachmentRoutes(app);
  registerDisputeChangeRoutes(app);
}

function registerDisputeListRoutes(app: ApiServer): void {
  app.get(
    '/api/dunning/disputes',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'A page of the disputes, open first: the records, the imported disputes still open and those whose invoice was settled since; with how many the filter keeps in all.',
        querystring: Type.Object({
          status: Type.Optional(Type.String({ description: 'open or resolved' })),
          caseId: Type.Optional(Type.Integer({ minimum: 1 })),
          customerCode: Type.Optional(Type.String({ description: 'only this customer’s disputes' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: DisputePage, 400: Problem },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return listDisputePage(await app.contextOf(request), {
        ...filter,
        limit: limit ?? 50,
        offset: offset ?? 0,
      });
    },
  );
  app.get(
    '/api/dunning/disputes/summary',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Open disputes and the median days to resolve them, by reason and by department.',
        querystring: Type.Object({ customerCode: Type.Optional(Type.String()) }),
        response: { 200: Summary },
      },
    },
    async (request) => getDisputeSummary(await app.contextOf(request), request.query),
  );
  app.post(
    '/api/dunning/disputes',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Opens a dispute on an invoice, routed to a department; its dunning pauses.',
        body: Type.Object({ documentRef: Type.String(), ...OpenBody }),
        response: { 200: Dispute, ...errors, 409: Problem },
      },
    },
    async (request) => recordView(await openDispute(await app.contextOf(request), request.body)),
  );
  app.post(
    '/api/dunning/disputes/:id/resolve',
    {
      config: { access: ALL_ROLES },
      schema: { params: IdParams, body: ResolveBody, response: { 200: Dispute, ...errors, 409: Problem } },
    },
    async (request) =>
      recordView(
        await resolveDispute(await app.contextOf(request), { disputeId: request.params.id, ...request.body }),
      ),
  );
  app.post(
    '/api/dunning/disputes/imported/:id/resolve',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'Resolves an imported dispute (by its event): writes the dispute record that closes it, so the run reminds the invoice again.',
        params: IdParams,
        querystring: LangQuery,
        body: Type.Object({
          resolution: ResolveBody.properties.resolution,
          note: ResolveBody.properties.note,
          reason: Type.Optional(Type.String()),
          department: Type.Optional(Type.String()),
        }),
        response: { 200: Dispute, ...errors, 409: Problem },
      },
    },
    async (request) =>
      recordView(
        await resolveImportedDispute(await app.contextOf(request), {
          eventId: request.params.id,
          ...request.body,
          lang: langOf(request.query.lang, request.headers['accept-language']),
        }),
      ),
  );
}

function registerDisputeCaseRoutes(app: ApiServer): void {
  app.post(
    '/api/dunning/dispute-cases',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Opens one dispute on one or more invoices of a customer; their dunning pauses.',
        body: Type.Object({
          documentRefs: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 200 }),
          ...OpenBody,
        }),
        response: { 200: DisputeCase, ...errors, 409: Problem },
      },
    },
    async (request) => caseView(await openDisputeCase(await app.contextOf(request), request.body)),
  );
  app.get(
    '/api/dunning/dispute-cases/:id',
    {
      config: { access: ALL_ROLES },
      schema: { params: IdParams, response: { 200: DisputeCase, ...errors } },
    },
    async (request) => caseView(await requireCase(await app.contextOf(request), request.params.id)),
  );
  app.post(
    '/api/dunning/dispute-cases/:id/resolve',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Resolves every invoice of the dispute still open.',
        params: IdParams,
        body: ResolveBody,
        response: { 200: DisputeCase, ...errors, 409: Problem },
      },
    },
    async (request) =>
      caseView(
        await resolveDisputeCase(await app.contextOf(request), {
          caseId: request.params.id,
          ...request.body,
        }),
      ),
  );
}

function registerAttachmentRoutes(app: ApiServer): void {
  app.get(
    '/api/dunning/disputes/:id/attachments',
    {
      config: { access: ALL_ROLES },
      schema: { params: IdParams, response: { 200: Type.Array(Attachment), ...errors } },
    },
    async (request) => listDisputeAttachments(await app.contextOf(request), request.params.id),
  );
  app.get(
    '/api/dunning/dispute-attachments/:id',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'A file attached to a dispute, as it was sent.',
        params: IdParams,
        response: { 200: Type.String({ format: 'binary' }), ...errors },
      },
    },
    async (request, reply) => {
      const { attachment, content } = await getDisputeAttachment(
        await app.contextOf(request),
        request.params.id,
      );
      return sendDocument(reply, {
        fileName: attachment.fileName,
        contentType: attachment.mediaType,
        body: content,
      });
    },
  );
  // Uploads need the multipart parser, registered in a scope of their own as for the imports.
  void app.register(async (scope) => {
    await enableUploads(scope);
    const api = scope as unknown as ApiServer;
    api.post(
      '/api/dunning/disputes/:id/attachments',
      {
        config: { access: ALL_ROLES },
        schema: {
          description:
            'Attaches a PDF, PNG, JPEG or WebP file (at most 20 MB; multipart field "file", field "kind": proof_of_delivery, photo, complaint_letter or other).',
          consumes: ['multipart/form-data'],
          params: IdParams,
          querystring: LangQuery,
          response: { 200: Attachment, ...errors, 409: Problem },
        },
      },
      async (request) =>
        withUploadedFile(request, async (filePath, fileName, fields) =>
          attachToDispute(await api.contextOf(request), {
            disputeId: request.params.id,
            filePath,
            fileName,
            kind: fields.kind,
            lang: langOf(request.query.lang, request.headers['accept-language']),
          }),
        ),
    );
  });
}
