/**
 * The procedure review's written reports: `GET /api/procedure/reports/{report}` answers the data
 * model as JSON (the web preview) or, with `format=pdf|docx`, the document; the section templates
 * are read and replaced (a new version) under `/templates`.
 */
import { Type } from '@fastify/type-provider-typebox';
import { generateProcedureReport, getProcedureReportModel } from '#app/procedure/reports';
import { reportTemplates, saveReportTemplate } from '#app/procedure/reports-templates';
import type { Role } from '#core/types';
import { toLang } from '#text/catalogue';
import { type ApiServer, Problem } from '../api-types.ts';
import { sendDocument } from '../download.ts';
import { procedureReportResponses, SectionTemplateSchema } from '../schemas/procedure-reports.ts';

const READERS: readonly Role[] = ['admin', 'credit_manager', 'director'];
const EDITORS: readonly Role[] = ['admin', 'credit_manager'];
const Report = Type.Union([Type.Literal('dysfunctions'), Type.Literal('measures')]);
const Lang = Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')]));

export function registerProcedureReportRoutes(app: ApiServer): void {
  const ReportQuery = Type.Object({
    asOf: Type.Optional(Type.String({ format: 'date' })),
    lang: Lang,
    rateBps: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 100_000, description: 'annual financing rate of late payment' }),
    ),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('pdf'), Type.Literal('docx')])),
    replayJobId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'measures: a finished procedure.replay job to report on' }),
    ),
  });
  app.get(
    '/api/procedure/reports/:report',
    {
      config: { access: READERS },
      schema: {
        description:
          'The dysfunctions or measures report as of a date: its figures as JSON, or the document (format=pdf|docx).',
        params: Type.Object({ report: Report }),
        querystring: ReportQuery,
        response: { ...procedureReportResponses, 404: Problem },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const ctx = await app.contextOf(request);
      const ask = {
        report: request.params.report,
        asOf: q.asOf,
        lang: toLang(q.lang),
        rateBps: q.rateBps,
        replayJobId: q.replayJobId,
      };
      if (q.format === 'pdf' || q.format === 'docx') {
        const { fileName, contentType, file } = await generateProcedureReport(ctx, {
          ...ask,
          format: q.format,
        });
        return sendDocument(reply, { fileName, contentType, body: file });
      }
      return getProcedureReportModel(ctx, ask);
    },
  );

  app.get(
    '/api/procedure/reports/:report/templates',
    {
      config: { access: READERS },
      schema: {
        description:
          'The section templates of a report (Liquid): the company’s latest edit, else the shipped text.',
        params: Type.Object({ report: Report }),
        querystring: Type.Object({ lang: Lang }),
        response: { 200: Type.Array(SectionTemplateSchema) },
      },
    },
    async (request) =>
      Object.values(
        await reportTemplates(
          await app.contextOf(request),
          request.params.report,
          toLang(request.query.lang),
        ),
      ),
  );

  app.put(
    '/api/procedure/reports/:report/templates/:section',
    {
      config: { access: EDITORS },
      schema: {
        description: 'Saves a new version of a section template (checked first; figures stay computed).',
        params: Type.Object({ report: Report, section: Type.String({ pattern: '^[a-z_]{1,40}$' }) }),
        body: Type.Object({
          lang: Type.Union([Type.Literal('fr'), Type.Literal('en')]),
          body: Type.String({ maxLength: 20_000 }),
        }),
        response: { 200: SectionTemplateSchema },
      },
    },
    async (request) =>
      saveReportTemplate(await app.contextOf(request), {
        report: request.params.report,
        section: request.params.section,
        lang: request.body.lang,
        body: request.body.body,
      }),
  );
}
