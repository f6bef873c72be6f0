/**
 * Exports of the reports through the document port (src/render): each report becomes a table
 * (CSV, XLSX, the CLI's text table) and a business document (PDF) with the company header,
 * labels from the catalogue and French formats. One file per report: export-*.ts.
 */

import { renderCsv } from '#render/csv';
import type { BusinessDocument, CompanyHeader, TabularReport, WorkbookSheet } from '#render/document';
import { renderPdf } from '#render/pdf';
import { renderWorkbook } from '#render/xlsx';
import { type Lang, toLang } from '#text/catalogue';
import { findCompany } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'pdf'];

/** What every document of a company shows besides its content. */
export interface DocumentSetting {
  lang: Lang;
  company: CompanyHeader;
  printedOn: string;
}

export async function documentSetting(ctx: AppContext, lang: string | undefined): Promise<DocumentSetting> {
  const company = await findCompany(ctx, ctx.companyId);
  const cityLine = [company?.postalCode, company?.city].filter(Boolean).join(' ');
  const addressLines = [company?.addressLine1, company?.addressLine2, cityLine].filter(
    (line): line is string => !!line,
  );
  return {
    lang: toLang(lang),
    company: { name: company?.name ?? ctx.companyId, siren: company?.siren ?? null, addressLines },
    printedOn: ctx.clock.today(),
  };
}

/** A report as both shapes: the flat table for spreadsheets and the laid-out document for print. */
export interface ReportExport {
  table: TabularReport;
  document: () => BusinessDocument;
  /** The XLSX tabs when they are more than the table (headline figures, typed evidence…). */
  workbook?: () => WorkbookSheet[];
}

export async function renderExport(report: ReportExport, format: ExportFormat, lang: Lang): Promise<Buffer> {
  if (format === 'csv') return renderCsv(report.table, lang);
  if (format === 'xlsx') return renderWorkbook(report.workbook?.() ?? [report.table], lang);
  return renderPdf(report.document());
}

/** The file of a report in a format: the company's header, the reader's language. */
export async function renderReport<R>(
  ctx: AppContext,
  build: (report: R, setting: DocumentSetting) => ReportExport,
  report: R,
  format: ExportFormat,
  lang: string | undefined,
): Promise<Buffer> {
  const setting = await documentSetting(ctx, lang);
  return renderExport(build(report, setting), format, setting.lang);
}

export { agingExport, agingTable } from './export-aging.ts';
export { anomaliesExport, anomaliesTable } from './export-anomalies.ts';
export { crosstabExport, crosstabTable } from './export-crosstab.ts';
export { kpisExport, kpiTable } from './export-kpis.ts';
export { riskExport, riskTableTable } from './export-risk.ts';
