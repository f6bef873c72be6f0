/**
 * The text of `predict backtest`: the range used, the methods against the baselines, the base
 * rate and what the balanced accuracy means in words, the calibration bins, and the coverage on
 * every open invoice by age. An empty back-test says so and leaves the figures empty.
 */
import type { BacktestAnswer } from '#app/forecast/backtest';
import type { BacktestWeights } from '#core/forecast/backtest-long-late';
import { distinction } from '#core/forecast/backtest-scores';
import { agingBucketLabel } from '#text/aging-buckets';
import { type Lang, translator } from '#text/catalogue';
import { formatDate, formatNumber, formatPercent } from '#text/format';
import { plain, type TableColumn, tableLines } from './output.ts';

/** Aligned columns, as `printTable` draws them, returned as lines (no-break spaces made plain). */
function tableText<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[]): string[] {
  const lines = tableLines(
    rows,
    columns.map((column) => ({ ...column, value: (row: Row) => plain(column.value(row)) })),
  );
  return [lines.header, lines.rule, ...lines.rows];
}

// A result stored before the weights were added (a back-test job's) lacks them.
type Result = Omit<BacktestAnswer, 'asOf' | 'defaultRange' | keyof BacktestWeights> &
  Partial<BacktestWeights> & { asOf?: string; defaultRange?: boolean };

/**
 * What the headline's count is made of: evaluations, not invoices, and those of invoices paid very
 * late, whose share of the error moves the mean when old debts are settled (backtest-long-late.ts).
 */
export function weightLines(result: Result, lang: Lang): string[] {
  const t = translator(lang);
  if (result.distinctInvoices === undefined || result.invoices === 0) return [];
  const lines = [
    t('forecastBacktest.evaluations', { evaluations: result.invoices, invoices: result.distinctInvoices }),
  ];
  const late = result.paidLongLate;
  if (late && late.evaluations > 0)
    lines.push(
      t('forecastBacktest.paidLongLate', {
        invoices: late.invoices,
        days: late.days,
        evaluations: late.evaluations,
        share: formatPercent(lang, late.modelErrorShare, 0),
      }),
    );
  return lines;
}

/** The range used: the default one says why it stops before the as-of date. */
export function rangeLine(result: Result, lang: Lang): string {
  const t = translator(lang);
  if (result.defaultRange && result.asOf)
    return t('forecastBacktest.defaultRange', { asOf: formatDate(lang, result.asOf) });
  return t('forecastBacktest.givenRange', {
    from: formatDate(lang, result.from),
    to: formatDate(lang, result.to),
  });
}

function methodLines(result: Result, lang: Lang): string[] {
  const t = translator(lang);
  const percent = (value: number | null | undefined) => formatPercent(lang, value ?? null, 1);
  const lines = tableText(result.methods, [
    { header: t('forecastBacktest.col.method'), value: (row) => t(`forecast.cli.method.${row.method}`) },
    {
      header: t('forecastBacktest.col.mae'),
      value: (row) => formatNumber(lang, row.maeDays, 1),
      align: 'right',
    },
    { header: t('forecastBacktest.col.accuracy'), value: (row) => percent(row.lateAccuracy), align: 'right' },
    {
      header: t('forecastBacktest.col.balancedAccuracy'),
      value: (row) => percent(row.balancedAccuracy),
      align: 'right',
    },
  ]);
  if (result.lateBaseRate !== null && result.lateBaseRate !== undefined)
    lines.push('', t('forecastBacktest.baseRate', { rate: percent(result.lateBaseRate) }));
  const balanced = result.methods.find((m) => m.method === 'model')?.balancedAccuracy;
  const words = distinction(balanced);
  if (words) lines.push(t(`forecastBacktest.verdict.${words}`, { balanced: percent(balanced) }));
  if (result.brierScore !== null)
    lines.push(t('forecastBacktest.brier', { brier: formatNumber(lang, result.brierScore, 3) }));
  return lines;
}

function calibrationLines(result: Result, lang: Lang): string[] {
  const t = translator(lang);
  const bins = result.calibration.filter((bin) => bin.invoices > 0);
  if (bins.length === 0) return [];
  return [
    '',
    t('forecastBacktest.calibration'),
    ...tableText(bins, [
      {
        header: t('forecastBacktest.col.bin'),
        value: (bin) =>
          t('forecastBacktest.bin', {
            from: formatPercent(lang, bin.fromProbability),
            to: formatPercent(lang, bin.toProbability),
          }),
      },
      {
        header: t('forecastBacktest.col.invoices'),
        value: (bin) => formatNumber(lang, bin.invoices, 0),
        align: 'right',
      },
      {
        header: t('forecastBacktest.col.meanPredicted'),
        value: (bin) => formatPercent(lang, bin.meanPredicted, 1),
        align: 'right',
      },
      {
        header: t('forecastBacktest.col.observedLate'),
        value: (bin) => formatPercent(lang, bin.observedLateRate, 1),
        align: 'right',
      },
    ]),
  ];
}

export function bucketLabel(lang: Lang, bucket: string): string {
  if (bucket === 'all') return translator(lang)('forecastBacktest.bucket.all');
  return agingBucketLabel(lang, bucket) ?? bucket;
}

function coverageLines(result: Result, lang: Lang): string[] {
  const rows = result.coverage ?? [];
  if (rows.length === 0 || !result.censoredOn) return [];
  const t = translator(lang);
  const censoredOn = formatDate(lang, result.censoredOn);
  const share = (part: { invoices: number; paid: number; share: number | null }) =>
    part.share === null
      ? formatPercent(lang, null)
      : t('forecastBacktest.share', {
          share: formatPercent(lang, part.share, 1),
          paid: formatNumber(lang, part.paid, 0),
          invoices: formatNumber(lang, part.invoices, 0),
        });
  return [
    '',
    t('forecastBacktest.coverage', { censoredOn }),
    ...tableText(rows, [
      { header: t('forecastBacktest.col.bucket'), value: (row) => bucketLabel(lang, row.bucket) },
      {
        header: t('forecastBacktest.col.open'),
        value: (row) => formatNumber(lang, row.invoices, 0),
        align: 'right',
      },
      { header: t('forecastBacktest.col.paidByP50'), value: (row) => share(row.paidByP50), align: 'right' },
      { header: t('forecastBacktest.col.paidByP90'), value: (row) => share(row.paidByP90), align: 'right' },
      {
        header: t('forecastBacktest.col.expected13'),
        value: (row) => formatPercent(lang, row.paidWithin13Weeks.expected, 1),
        align: 'right',
      },
      {
        header: t('forecastBacktest.col.actual13'),
        value: (row) => formatPercent(lang, row.paidWithin13Weeks.actual, 1),
        align: 'right',
      },
    ]),
    t('forecastBacktest.coverageNote', { censoredOn }),
  ];
}

/** The whole report as text, one line per entry (plain spaces: columns line up in a terminal). */
export function backtestText(result: Result, lang: Lang): string {
  const t = translator(lang);
  const lines = [
    // The first and last cut-offs: the range's own bounds are in the next line.
    t('forecastBacktest.heading', {
      from: formatDate(lang, result.cutoffs[0] ?? result.from),
      to: formatDate(lang, result.cutoffs.at(-1) ?? result.to),
      cutoffs: result.cutoffs.length,
      invoices: result.invoices,
    }),
    rangeLine(result, lang),
    ...weightLines(result, lang),
  ];
  if (result.invoices === 0) lines.push(t('forecastBacktest.empty'));
  lines.push(
    '',
    ...methodLines(result, lang),
    ...calibrationLines(result, lang),
    ...coverageLines(result, lang),
  );
  return `${lines.map(plain).join('\n')}\n`;
}

export function printBacktest(result: Result, lang: Lang): void {
  process.stdout.write(backtestText(result, lang));
}
