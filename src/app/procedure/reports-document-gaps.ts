/**
 * The dysfunctions report's lists of cases, worded: the anomalies (the anomalies export's blocks,
 * so both documents word them alike) and the gaps of the procedure. Each list prints its largest
 * cases only, and says so under its table with the reports' one sentence (`cutNote`).
 */
import type { DysfunctionsModel, ProcedureGap } from '#core/procedure/reports-model';
import type { Block, TableColumn } from '#render/document';
import type { ReportBlock } from '#render/reports/report-document';
import { hasMessage, type Lang, translator } from '#text/catalogue';
import { gapScope } from '#text/gap-scope';
import { anomaliesExport } from '../reports/export-anomalies.ts';
import type { DocumentSetting } from '../reports/report-tables.ts';
import { columnOf, cutNote, tableBlock } from './reports-blocks.ts';
import { UNREMINDED_MIN_DAYS } from './reports-gaps.ts';
import { moneyOf } from './reports-words.ts';

/** Each finding as the anomalies export prints it, then how many of its customers are listed. */
export function anomalyBlocks(model: DysfunctionsModel, setting: DocumentSetting): ReportBlock[] {
  const { lang } = setting;
  if (model.anomalies.length === 0)
    return [{ type: 'paragraph', text: translator(lang)('procedureReports.anomalies.none') }];
  return model.anomalies.flatMap((a) => {
    const report = {
      asOf: model.asOf,
      currency: model.currency,
      thresholds: model.anomalyThresholds,
      findings: [
        {
          kind: a.kind,
          severity: a.severity as 'info',
          evidence: a.evidence,
          customers: a.customers,
          title: a.title,
        },
      ],
    };
    const blocks = anomaliesExport(report, setting).document().blocks as Block[];
    return [...blocks, ...cutNote(lang, a.customers.length, a.customerCount)];
  });
}

/** A gap's title; one that leaves out what must not be reminded says so (`procedureReports.gapTitle`). */
export function gapTitle(code: string, lang: Lang): string {
  const qualified = `procedureReports.gapTitle.${code}`;
  const key = hasMessage(qualified, lang) ? qualified : `procedureReports.gap.${code}`;
  return translator(lang)(key, { days: UNREMINDED_MIN_DAYS });
}

/** What a gap leaves out as the dunning procedure must not remind it, and how much that is. */
function excludedBlocks(gap: ProcedureGap, lang: Lang, currency: string): ReportBlock[] {
  if (!gap.excluded) return [];
  const text = translator(lang)(`procedureReports.gapExcluded.${gap.code}`, {
    count: gap.excluded.count,
    amount: moneyOf(lang, currency)(gap.excluded.amountMinor),
  });
  return [{ type: 'paragraph', text }];
}

/** What a gap leaves out as the customer's open credits cover it (the dunning run writes nothing). */
function coveredBlocks(gap: ProcedureGap, lang: Lang, currency: string): ReportBlock[] {
  if (!gap.coveredByCredits?.count) return [];
  const text = translator(lang)(`procedureReports.gapCovered.${gap.code}`, {
    count: gap.coveredByCredits.count,
    amount: moneyOf(lang, currency)(gap.coveredByCredits.amountMinor),
  });
  return [{ type: 'paragraph', text }];
}

/** Where a gap's cases come from, when they have several origins (orders over the limit). */
function sourcesBlocks(gap: ProcedureGap, lang: Lang, currency: string): ReportBlock[] {
  if (!gap.sources) return [];
  const money = moneyOf(lang, currency);
  const source = (code: string) => gap.sources?.find((s) => s.code === code) ?? { count: 0, amountMinor: 0 };
  const checked = source('encours_check');
  const erp = source('erp_invoiced');
  const text = translator(lang)(`procedureReports.gapSources.${gap.code}`, {
    checked: checked.count,
    checkedAmount: money(checked.amountMinor),
    erp: erp.count,
    erpAmount: money(erp.amountMinor),
    unknown: source('erp_limit_unknown').count,
  });
  return [{ type: 'paragraph', text }];
}

function gapBlocks(gap: ProcedureGap, lang: Lang, currency: string): ReportBlock[] {
  const t = translator(lang);
  const col = columnOf(lang);
  const hasDetail = gap.items.some((i) => i.detail !== undefined && i.detail !== null);
  const blocks: ReportBlock[] = [
    { type: 'heading', text: gapTitle(gap.code, lang) },
    ...sourcesBlocks(gap, lang, currency),
    ...excludedBlocks(gap, lang, currency),
    ...coveredBlocks(gap, lang, currency),
  ];
  if (gap.count === 0) return [...blocks, { type: 'paragraph', text: t('procedureReports.gap.none') }];
  const detailKey = `procedureReports.gapDetail.${gap.code}`;
  const detail: TableColumn[] = hasDetail ? [{ header: t(detailKey), kind: 'integer', width: 0.8 }] : [];
  const columns = [col('code', 'text', 0.8), col('customer', 'text', 2.4), col('amount', 'money'), ...detail];
  const rows = gap.items.map((i) => [
    i.code,
    i.name,
    i.amountMinor,
    ...(hasDetail ? [i.detail ?? null] : []),
  ]);
  return [...blocks, tableBlock(currency, columns, rows), ...cutNote(lang, gap.items.length, gap.count)];
}

/**
 * The gaps in one table, then each with its largest cases. Each row says what it counts (a case is a
 * customer with the sum of its orders or invoices): « 419 commandes de 74 clients », « 34 clients »;
 * a bare « 74 » under « Clients concernés » read as 74 orders beside a sentence of 419.
 */
export function gapsBlocks(model: Pick<DysfunctionsModel, 'currency' | 'gaps'>, lang: Lang): ReportBlock[] {
  const col = columnOf(lang);
  const t = translator(lang);
  return [
    tableBlock(
      model.currency,
      [col('gap', 'text', 2.6), col('scope', 'text', 1.2), col('amount', 'money')],
      model.gaps.map((g) => [gapTitle(g.code, lang), gapScope(t, g), g.amountMinor]),
    ),
    ...model.gaps.flatMap((g) => gapBlocks(g, lang, model.currency)),
  ];
}
