/**
 * Legal hand-over over HTTP: partners and their terms, legal files (hand-over, detail with the
 * injunction checklist, pieces confirmed), what partners report (one by one, a list through the
 * API, or their CSV/XLSX status file), the file package as PDF and the reconciliation with the
 * partners' figures. The staff reads; the credit department hands over and records.
 */
import { Type } from '@fastify/type-provider-typebox';
import { handOver, listLegalFiles, listPartners, savePartner } from '#app/legal/handover';
import { getLegalFileDetail } from '#app/legal/handover-checklist';
import { renderHandoverPackage } from '#app/legal/handover-package';
import { reconcileLegalFiles } from '#app/legal/handover-reconciliation';
import { importPartnerReport, recordStepReports, setFileDetails } from '#app/legal/handover-steps';
import { checkHandOver } from '#app/legal/handover-warnings';
import { toLang } from '#text/catalogue';
import type { ApiServer } from '../api-types.ts';
import { CREDIT_DEPARTMENT, STAFF } from '../auth-roles.ts';
import { sendDocument } from '../download.ts';
import { IsoDate, StringEnum } from '../schemas/common.ts';
import {
  FileUpdateBody,
  HandedOverSchema,
  HandOverBody,
  HandOverCheckSchema,
  LegalFileDetailSchema,
  LegalFileSchema,
  PartnerBody,
  PartnerSchema,
  ReconciliationSchema,
  RecordedSchema,
  ReportsBody,
  StepBody,
} from '../schemas/legal-handover.ts';
import { Problem, RejectedProblem } from '../schemas/problem.ts';
import { enableUploads, withUploadedFile } from '../uploads.ts';

const FileParams = Type.Object({ fileId: Type.Integer({ minimum: 1 }) });
const AsOf = Type.Object({ asOf: Type.Optional(IsoDate) });
const Lang = Type.Optional(StringEnum(['fr', 'en'] as const));

function registerPartnerRoutes(app: ApiServer): void {
  app.get(
    '/api/legal/partners',
    {
      config: { access: STAFF },
      schema: {
        description:
          'Lawyers and collection agencies, with the terms agreed (commission by phase, fixed fees).',
        response: { 200: Type.Object({ items: Type.Array(PartnerSchema) }) },
      },
    },
    async (request) => ({ items: await listPartners(await app.contextOf(request)) }),
  );
  app.post(
    '/api/legal/partners',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Adds a partner, or changes the terms of the one with that name (files keep theirs).',
        body: PartnerBody,
        response: { 200: PartnerSchema, 400: Problem },
      },
    },
    async (request) =>
      savePartner(await app.contextOf(request), {
        ...request.body,
        email: request.body.email ?? null,
        addressLines: request.body.addressLines ?? [],
        fileFeeMinor: request.body.fileFeeMinor ?? 0,
        judicialFeeMinor: request.body.judicialFeeMinor ?? 0,
        currency: request.body.currency ?? 'EUR',
      }),
  );
}

function registerFileRoutes(app: ApiServer): void {
  app.get(
    '/api/legal/files',
    {
      config: { access: STAFF },
      schema: {
        description:
          'Legal files handed over by the date, newest first, with their state and partner charges.',
        querystring: Type.Object({ ...AsOf.properties, customer: Type.Optional(Type.String()) }),
        response: { 200: Type.Object({ items: Type.Array(LegalFileSchema) }) },
      },
    },
    async (request) => ({
      items: await listLegalFiles(await app.contextOf(request), {
        asOf: request.query.asOf,
        customerCode: request.query.customer,
      }),
    }),
  );
  app.get(
    '/api/legal/files/:fileId',
    {
      config: { access: STAFF },
      schema: {
        description: 'One legal file with its injunction-to-pay checklist.',
        params: FileParams,
        querystring: AsOf,
        response: { 200: LegalFileDetailSchema, 404: Problem },
      },
    },
    async (request) =>
      getLegalFileDetail(await app.contextOf(request), {
        fileId: request.params.fileId,
        asOf: request.query.asOf,
      }),
  );
  app.post(
    '/api/legal/files',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'Hands a customer’s overdue invoices (or the ones named) to a partner; the dunning run skips them from then on.',
        body: HandOverBody,
        response: { 200: HandedOverSchema, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => handOver(await app.contextOf(request), request.body),
  );
  app.post(
    '/api/legal/files/check',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'What the hand-over would take and what to check first (no reminder, no formal notice, a note asking not to chase the customer); records nothing.',
        body: HandOverBody,
        response: { 200: HandOverCheckSchema, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => checkHandOver(await app.contextOf(request), request.body),
  );
  app.patch(
    '/api/legal/files/:fileId',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'Confirms injunction pieces in the file (order, proof of delivery…) or sets the partner’s reference.',
        params: FileParams,
        body: FileUpdateBody,
        response: { 200: LegalFileSchema, 400: Problem, 404: Problem },
      },
    },
    async (request) =>
      setFileDetails(await app.contextOf(request), { fileId: request.params.fileId, ...request.body }),
  );
  app.get(
    '/api/legal/files/:fileId/package.pdf',
    {
      config: { access: [...CREDIT_DEPARTMENT, 'director'] },
      schema: {
        params: FileParams,
        querystring: Type.Object({ lang: Lang, date: Type.Optional(IsoDate) }),
        response: {
          200: {
            description:
              'The file package: cover letter to the partner, statement with interest and indemnities, reminders, formal notice, exchanges, injunction checklist, the listing of the dispute documents, then those documents (PDF pages and images) under their piece numbers.',
            content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
          },
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const ctx = await app.contextOf(request);
      const found = await renderHandoverPackage(ctx, {
        fileId: request.params.fileId,
        lang: toLang(request.query.lang),
        date: request.query.date,
      });
      return sendDocument(reply, { fileName: found.fileName, format: 'pdf', body: found.pdf });
    },
  );
  app.get(
    '/api/legal/reconciliation',
    {
      config: { access: STAFF },
      schema: {
        description:
          'Our outstanding per legal file against the partner’s last reported outstanding, differences explained.',
        querystring: Type.Object({
          ...AsOf.properties,
          partnerId: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: ReconciliationSchema, 400: Problem },
      },
    },
    async (request) => reconcileLegalFiles(await app.contextOf(request), request.query),
  );
}

function registerReportRoutes(app: ApiServer): void {
  app.post(
    '/api/legal/files/:fileId/steps',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'Records a step the partner reported (by phone or letter): recovered, costs, its outstanding.',
        params: FileParams,
        body: StepBody,
        response: { 200: RecordedSchema, 400: Problem, 404: Problem },
      },
    },
    async (request) =>
      recordStepReports(
        await app.contextOf(request),
        [{ fileId: request.params.fileId, ...request.body }],
        'manual',
      ),
  );
  app.post(
    '/api/legal/reports',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'The partners’ reports through the API (e.g. a token of the credit department): each recorded once under its reportId.',
        body: ReportsBody,
        response: { 200: RecordedSchema, 400: Problem, 404: Problem },
      },
    },
    async (request) => recordStepReports(await app.contextOf(request), request.body.reports, 'api'),
  );
}

/** A partner's status file (multipart field `file`, CSV or XLSX): all lines or none. */
export async function registerLegalHandoverRoutes(api: ApiServer): Promise<void> {
  registerPartnerRoutes(api);
  registerFileRoutes(api);
  registerReportRoutes(api);
  await api.register(async (scope) => {
    await enableUploads(scope);
    const app = scope as unknown as ApiServer;
    app.post(
      '/api/legal/reports/file',
      {
        config: { access: CREDIT_DEPARTMENT },
        schema: {
          description:
            'Imports a partner’s status file (file number or partner reference, step, date, recovered, costs, outstanding); a line already imported adds nothing.',
          consumes: ['multipart/form-data'],
          querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()), lang: Lang }),
          response: {
            200: Type.Object({ ...RecordedSchema.properties, file: Type.String(), dryRun: Type.Boolean() }),
            422: RejectedProblem,
          },
        },
      },
      async (request) =>
        withUploadedFile(request, async (filePath, fileName) =>
          importPartnerReport(await api.contextOf(request), {
            filePath,
            fileName,
            dryRun: request.query.dryRun ?? false,
            lang: toLang(request.query.lang),
          }),
        ),
    );
  });
}
