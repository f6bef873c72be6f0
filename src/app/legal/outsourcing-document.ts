/** The outsourcing cost simulation as a business document (PDF): figures, comparison, details, assumptions. */
import type { CostLine, OptionCost, OutsourcingAssumptions } from '#core/legal/outsourcing-cost';
import type { Block, BusinessDocument } from '#render/document';
import { renderPdf } from '#render/pdf';
import { type Lang, translator } from '#text/catalogue';
import { formatDate, formatMoney, formatNumber, formatPercentBps } from '#text/format';
import type { RateSource } from '../companies/financing-rate.ts';
import type { AppContext } from '../context.ts';
import { documentSetting } from '../reports/report-tables.ts';
import { type OutsourcingInput, type OutsourcingSimulation, simulateOutsourcingCost } from './outsourcing.ts';

function assumptionValue(lang: Lang, key: string, value: number | boolean, currency: string): string {
  const t = translator(lang);
  if (typeof value === 'boolean') return t(value ? 'outsourcing.yes' : 'outsourcing.no');
  if (key.endsWith('Bp')) return formatPercentBps(lang, value, 2);
  if (key.endsWith('Minor')) return formatMoney(lang, value, currency);
  if (key === 'staffFteHundredths') return formatNumber(lang, value / 100, 2);
  return formatNumber(lang, value);
}

/** Every assumption with its label and value, in a stable order; the financing rate says whose it is. */
export function assumptionFacts(
  lang: Lang,
  assumptions: OutsourcingAssumptions,
  currency: string,
  financingRateSource: RateSource,
) {
  const t = translator(lang);
  const facts = [
    {
      label: t('outsourcing.assumption.financingRateBp'),
      value: t('outsourcing.rateWithSource', {
        rate: assumptionValue(lang, 'financingRateBp', assumptions.financingRateBp, currency),
        source: financingRateSource,
      }),
    },
  ];
  for (const section of ['inHouse', 'insurance', 'factoring', 'agency'] as const)
    for (const [key, value] of Object.entries(assumptions[section]))
      facts.push({
        label: t(`outsourcing.assumption.${section}.${key}`),
        value: assumptionValue(lang, key, value as number | boolean, currency),
      });
  return facts;
}

function lineTable(lang: Lang, lines: CostLine[], currency: string) {
  const t = translator(lang);
  return {
    currency,
    columns: [
      { header: t('outsourcing.col.line'), kind: 'text' as const, width: 3 },
      { header: t('outsourcing.col.base'), kind: 'money' as const, width: 1.4 },
      { header: t('outsourcing.col.rate'), kind: 'percent' as const, width: 0.8, decimals: 2 },
      { header: t('outsourcing.col.amount'), kind: 'money' as const, width: 1.4 },
    ],
    rows: lines.map((l) => [
      t(`outsourcing.line.${l.code}`),
      l.baseMinor,
      l.rateBp === null ? null : l.rateBp / 10_000,
      l.amountMinor,
    ]),
    totals: [t('outsourcing.col.total'), null, null, lines.reduce((sum, l) => sum + l.amountMinor, 0)],
  };
}

function comparison(lang: Lang, options: OptionCost[], currency: string): Block[] {
  const t = translator(lang);
  return [
    { type: 'heading', text: t('outsourcing.heading.comparison') },
    {
      type: 'charts',
      charts: [
        {
          title: t('outsourcing.chart.title'),
          kind: 'bar',
          labels: options.map((o) => t(`outsourcing.option.${o.option}`)),
          series: [{ name: t('outsourcing.chart.series'), values: options.map((o) => o.totalMinor) }],
          valueKind: 'money',
          currency,
        },
      ],
    },
    {
      type: 'table',
      table: {
        currency,
        columns: [
          { header: t('outsourcing.col.option'), kind: 'text', width: 3 },
          { header: t('outsourcing.col.total'), kind: 'money', width: 1.5 },
          { header: t('outsourcing.col.versus'), kind: 'money', width: 1.5 },
        ],
        rows: options.map((o) => [
          t(`outsourcing.option.${o.option}`),
          o.totalMinor,
          o.option === 'in_house' ? null : o.versusInHouseMinor,
        ]),
      },
    },
  ];
}

export function outsourcingDocument(
  simulation: OutsourcingSimulation,
  setting: Omit<BusinessDocument, 'title' | 'subtitle' | 'orientation' | 'blocks'>,
): BusinessDocument {
  const { lang } = setting;
  const t = translator(lang);
  const { figures: f, options, assumptions } = simulation;
  const cur = f.currency;
  const blocks: Block[] = [
    { type: 'heading', text: t('outsourcing.heading.ledger') },
    {
      type: 'facts',
      items: [
        { label: t('outsourcing.figure.sales'), value: formatMoney(lang, f.salesMinor, cur) },
        { label: t('outsourcing.figure.buyers'), value: formatNumber(lang, f.buyers) },
        {
          label: t('outsourcing.figure.averageReceivables'),
          value: formatMoney(lang, f.averageReceivablesMinor, cur),
        },
        { label: t('outsourcing.figure.badDebts'), value: formatMoney(lang, f.badDebtsMinor, cur) },
        {
          label: t('outsourcing.figure.handOver', {
            days: assumptions.agency.handOverDays,
            files: f.handOverFiles,
          }),
          value: formatMoney(lang, f.handOverMinor, cur),
        },
      ],
    },
    ...comparison(lang, options, cur),
    ...options.flatMap((o): Block[] => [
      { type: 'heading', text: t(`outsourcing.option.${o.option}`) },
      { type: 'table', table: lineTable(lang, o.lines, cur), fontSize: 8 },
    ]),
    { type: 'heading', text: t('outsourcing.heading.assumptions') },
    { type: 'facts', items: assumptionFacts(lang, assumptions, cur, simulation.financingRateSource) },
    { type: 'paragraph', text: t('outsourcing.method'), small: true },
  ];
  return {
    ...setting,
    title: t('outsourcing.title'),
    subtitle: [
      t('outsourcing.subtitle', {
        from: formatDate(lang, f.from),
        to: formatDate(lang, f.to),
        days: f.periodDays,
      }),
    ],
    orientation: 'portrait',
    blocks,
  };
}

export async function outsourcingPdf(
  ctx: AppContext,
  input: OutsourcingInput & { lang?: string | undefined },
): Promise<{ simulation: OutsourcingSimulation; pdf: Buffer }> {
  const simulation = await simulateOutsourcingCost(ctx, input);
  const setting = await documentSetting(ctx, input.lang);
  return { simulation, pdf: await renderPdf(outsourcingDocument(simulation, setting)) };
}
