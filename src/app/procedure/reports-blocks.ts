/**
 * Layout shared by the two reports' documents: tables headed from the catalogue
 * (`procedureReports.col.*`), the table of amounts by category with their shares, and the
 * numbered sections that follow the summary, each opened by its template's text.
 */
import type { Cell, CellKind, TableColumn } from '#render/document';
import type { ReportBlock, ReportSection } from '#render/reports/report-document';
import { type Lang, translator } from '#text/catalogue';

type ColumnOf = (key: string, kind: CellKind, width?: number, params?: Record<string, string>) => TableColumn;

/** Columns headed by `procedureReports.col.<key>`; without a width, the renderer's default share. */
export function columnOf(lang: Lang): ColumnOf {
  const t = translator(lang);
  return (key, kind, width, params) => ({
    header: t(`procedureReports.col.${key}`, params),
    kind,
    ...(width === undefined ? {} : { width }),
  });
}

export function tableBlock(
  currency: string,
  columns: TableColumn[],
  rows: Cell[][],
  options: { totals?: Cell[]; fontSize?: number } = {},
): ReportBlock {
  const { totals, fontSize } = options;
  return {
    type: 'table',
    ...(fontSize === undefined ? {} : { fontSize }),
    table: { currency, columns, rows, ...(totals === undefined ? {} : { totals }) },
  };
}

/**
 * Amounts by category with each one's share of the whole (customer types, sales, age buckets),
 * headed by the category's and the amount's column keys; given the total, a last line at
 * `totalShare` (100 %, or none when the shares are of another base than that total).
 */
export function shareTable(
  lang: Lang,
  currency: string,
  [categoryKey, amountKey]: [string, string],
  rows: Cell[][],
  totalMinor?: number,
  totalShare: number | null = 1,
): ReportBlock {
  const col = columnOf(lang);
  const columns = [col(categoryKey, 'text', 2), col(amountKey, 'money'), col('share', 'percent', 0.7)];
  if (totalMinor === undefined) return tableBlock(currency, columns, rows);
  const totals = [translator(lang)('procedureReports.total'), totalMinor, totalShare];
  return tableBlock(currency, columns, rows, { totals });
}

/**
 * The sentence under a table that lists only the largest of its customers, « Les 8 clients les plus
 * importants sur 22 sont listés. »: every cut table of both reports lists customers (a gap's row is
 * a customer with the sum of its orders or invoices), says it, and says it alike; `key` says of
 * which customers when the table's heading does not (`procedureReports.cut.riskCustomers`). Nothing
 * when the table lists them all.
 */
export function cutNote(
  lang: Lang,
  shown: number,
  count: number,
  key = 'procedureReports.cut.customers',
): ReportBlock[] {
  if (count <= shown) return [];
  const text = translator(lang)(key, { shown, count });
  return [{ type: 'paragraph', small: true, text }];
}

/** The sections after the summary, numbered in order, each opened by its template's text (`prose`). */
export function numberedSections(
  lang: Lang,
  parts: [key: string, blocks: ReportBlock[]][],
  prose: Record<string, ReportBlock[]>,
): ReportSection[] {
  const t = translator(lang);
  return parts.map(([key, blocks], index) => ({
    number: String(index + 1),
    title: t(`procedureReports.section.${key}`),
    blocks: [...(prose[key] ?? []), ...blocks],
  }));
}
