/**
 * The procedure review's written reports (issue 16): the dysfunctions report and the measures
 * report, as a data model (the JSON preview) or as a document, PDF or editable DOCX. The model is
 * computed from the analytics as of the date; each section opens with the company's template
 * (or the shipped one) fed with the formatted figures, followed by the computed tables.
 */
import type { DysfunctionsModel, MeasuresModel } from '#core/procedure/reports-model';
import type { ReportBlock, ReportDocument } from '#render/reports/report-document';
import { renderReportDocx } from '#render/reports/report-docx';
import { renderReportPdf } from '#render/reports/report-pdf';
import { type Lang, toLang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { type DocumentSetting, documentSetting } from '../reports/report-tables.ts';
import {
  dysfunctionsKeyFigures,
  dysfunctionsSections,
  dysfunctionsVariables,
} from './reports-document-dysfunctions.ts';
import { measuresKeyFigures, measuresSections, measuresVariables } from './reports-document-measures.ts';
import { buildDysfunctionsModel } from './reports-dysfunctions.ts';
import { buildMeasuresModel, type MeasuresInput } from './reports-measures.ts';
import {
  isReportKind,
  type ReportKind,
  renderSection,
  reportTemplates,
  type TemplateVariables,
} from './reports-templates.ts';
import { longDate } from './reports-words.ts';

export type ReportFormat = 'pdf' | 'docx';
export const REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'docx'];
export const REPORT_KINDS: readonly ReportKind[] = ['dysfunctions', 'measures'];

export interface ProcedureReportRequest extends Omit<MeasuresInput, 'lang'> {
  report: string;
  lang?: string | undefined;
}

export type ProcedureReportModel =
  | { report: 'dysfunctions'; model: DysfunctionsModel }
  | { report: 'measures'; model: MeasuresModel };

function kindOf(report: string): ReportKind {
  if (!isReportKind(report))
    throw new DomainError('invalid_input', { key: 'errors.procedure.unknownReport', params: { report } });
  return report;
}

/** The report's figures, as the document states them (the web preview and `--json`). */
export async function getProcedureReportModel(
  ctx: AppContext,
  request: ProcedureReportRequest,
): Promise<ProcedureReportModel> {
  const report = kindOf(request.report);
  const input = { ...request, lang: toLang(request.lang) };
  if (report === 'dysfunctions') return { report, model: (await buildDysfunctionsModel(ctx, input)).model };
  return { report, model: await buildMeasuresModel(ctx, input) };
}

async function prose(ctx: AppContext, report: ReportKind, lang: Lang, variables: TemplateVariables) {
  const templates = await reportTemplates(ctx, report, lang);
  const blocks: Record<string, ReportBlock[]> = {};
  for (const [section, template] of Object.entries(templates))
    blocks[section] = await renderSection(template, variables);
  return blocks;
}

function shell(
  setting: DocumentSetting,
  report: ReportKind,
  asOf: string,
  from: string | null,
): Omit<ReportDocument, 'summary' | 'sections'> {
  const { lang } = setting;
  const t = translator(lang);
  const f = (key: string) => t(`procedureReports.fact.${key}`);
  return {
    lang,
    company: setting.company,
    title: t(`procedureReports.${report}.title`),
    subtitle: t('procedureReports.subtitle', { date: longDate(lang, asOf) }),
    titleFacts: [
      { label: f('company'), value: setting.company.name },
      { label: f('recipient'), value: f('recipientValue') },
      { label: f('author'), value: f('authorValue') },
      ...(from
        ? [
            {
              label: f('period'),
              value: t('procedureReports.fact.periodValue', {
                from: formatDate(lang, from),
                to: formatDate(lang, asOf),
              }),
            },
          ]
        : [{ label: f('asOf'), value: formatDate(lang, asOf) }]),
      { label: f('printedOn'), value: longDate(lang, setting.printedOn) },
    ],
    contentsTitle: t('procedureReports.contents'),
    summaryTitle: t('procedureReports.summary'),
    footerText: t('procedureReports.footer', { date: formatDate(lang, setting.printedOn) }),
    pageLabel: t('export.page', { page: '{page}', pages: '{pages}' }),
  };
}

/** The laid-out document of a report model, in the setting's language. */
export async function procedureReportDocument(
  ctx: AppContext,
  built: ProcedureReportModel,
  setting: DocumentSetting,
): Promise<ReportDocument> {
  const { lang } = setting;
  const company = setting.company.name;
  if (built.report === 'dysfunctions') {
    const model = built.model;
    const text = await prose(ctx, 'dysfunctions', lang, dysfunctionsVariables(model, lang, company));
    return {
      ...shell(setting, 'dysfunctions', model.asOf, model.from),
      summary: [...(text['summary'] ?? []), dysfunctionsKeyFigures(model, lang)],
      sections: dysfunctionsSections(model, setting, text),
    };
  }
  const model = built.model;
  const text = await prose(ctx, 'measures', lang, measuresVariables(model, lang, company));
  return {
    ...shell(setting, 'measures', model.asOf, null),
    summary: [...(text['summary'] ?? []), measuresKeyFigures(model, lang)],
    sections: measuresSections(model, lang, text),
  };
}

export interface GeneratedReport {
  built: ProcedureReportModel;
  file: Buffer;
  fileName: string;
  contentType: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The report as a file: the model, worded and laid out, rendered as PDF or DOCX. */
export async function generateProcedureReport(
  ctx: AppContext,
  request: ProcedureReportRequest & { format: string },
): Promise<GeneratedReport> {
  if (!REPORT_FORMATS.includes(request.format as ReportFormat))
    throw new DomainError('invalid_input', {
      key: 'errors.procedure.format',
      params: { value: String(request.format), formats: REPORT_FORMATS.join(', ') },
    });
  const format = request.format as ReportFormat;
  const built = await getProcedureReportModel(ctx, request);
  const setting = await documentSetting(ctx, request.lang);
  const document = await procedureReportDocument(ctx, built, setting);
  const file = format === 'pdf' ? await renderReportPdf(document) : await renderReportDocx(document);
  return {
    built,
    file,
    fileName: `${built.report}-${built.model.asOf}.${format}`,
    contentType: CONTENT_TYPES[format],
  };
}
