/**
 * `encours forecast collections` as text: one row per day, week or month, then the horizon's total
 * expected, as the forecast page's footer gives it (« Total attendu »), so a reader of the terminal
 * does not have to add up 13 weeks to know what is coming in.
 */
import type { CollectionForecast } from '#app/forecast/collections';
import type { CollectionPeriod } from '#core/forecast/collections';
import { type Lang, translator } from '#text/catalogue';
import { ageRows } from '#text/forecast-age-rows';
import { portfolioTrendSentence } from '#text/forecast-words';
import { formatDate, formatMonthName, formatPercent } from '#text/format';
import { money, plain, type TableColumn, tableLines } from './output.ts';

export type CollectionCut = 'day' | 'week' | 'month';

type Row = Pick<CollectionPeriod, 'fromOpenItemsMinor' | 'fromFutureSalesMinor'> & {
  label: string;
  /** Null on the total line: each period's band is its own, and summing them is no horizon's band. */
  lowMinor: number | null;
  highMinor: number | null;
};

/** The lines printed for `answer` cut by `by`: heading, table with its total line, drift sentence. */
export function collectionLines(answer: CollectionForecast, by: CollectionCut, lang: Lang): string[] {
  const t = translator(lang);
  const rows = periodRows(answer, by, lang);
  const total: Row = {
    label: t('forecast.cli.totalExpected'),
    fromOpenItemsMinor: rows.reduce((sum, row) => sum + row.fromOpenItemsMinor, 0),
    fromFutureSalesMinor: rows.reduce((sum, row) => sum + row.fromFutureSalesMinor, 0),
    lowMinor: null,
    highMinor: null,
  };
  const table = tableLines([...rows, total], columnsOf(answer.currency, by, lang));
  const totalLine = table.rows.pop() ?? '';
  const lines = [
    plain(t(`forecast.cli.collectionsHeading.${by}`, { asOf: formatDate(lang, answer.asOf) })),
    table.header,
    table.rule,
    ...table.rows,
    table.rule,
    totalLine,
  ];
  const drift = portfolioTrendSentence(lang, answer.portfolioTrendDaysPerMonth);
  if (drift) lines.push(plain(drift));
  return [...lines, ...ageLines(answer, lang)];
}

/**
 * The open items by age and what each bucket brings within the horizon: a total from open items
 * that rises after receipts are applied reads as the learned shares rising (age-breakdown.ts).
 */
function ageLines(answer: CollectionForecast, lang: Lang): string[] {
  const t = translator(lang);
  const byAge = ageRows(answer.byAge, lang);
  if (!byAge) return [];
  const amount = (minor: number | null) => (minor === null ? '' : money(minor, answer.currency, lang));
  const table = tableLines(
    [...byAge.rows, byAge.total],
    [
      { header: t('forecastCuts.col.age'), value: (row) => plain(row.label) },
      { header: t('forecastCuts.col.open'), value: (row) => amount(row.openMinor), align: 'right' },
      { header: t('forecastCuts.col.expected'), value: (row) => amount(row.expectedMinor), align: 'right' },
      {
        header: t('forecastCuts.col.share'),
        value: (row) => (row.share === null ? '' : plain(formatPercent(lang, row.share, 1))),
        align: 'right',
      },
    ],
  );
  const totalLine = table.rows.pop() ?? '';
  return [
    '',
    plain(t('forecastCuts.byAgeHeading', { asOf: formatDate(lang, answer.asOf) })),
    table.header,
    table.rule,
    ...table.rows,
    table.rule,
    totalLine,
  ];
}

export function printCollections(answer: CollectionForecast, by: CollectionCut, lang: Lang): void {
  for (const line of collectionLines(answer, by, lang)) process.stdout.write(`${line}\n`);
}

function periodRows(answer: CollectionForecast, by: CollectionCut, lang: Lang): Row[] {
  const t = translator(lang);
  const periods: (Omit<CollectionPeriod, 'periodStart'> & { label: string })[] =
    by === 'day'
      ? (answer.days ?? []).map((row) => ({ ...row, label: formatDate(lang, row.date) }))
      : by === 'month'
        ? (answer.months ?? []).map((row) => ({ ...row, label: monthLabel(lang, row.month) }))
        : answer.weeks.map((row) => ({ ...row, label: formatDate(lang, row.weekStart) }));
  return periods.map((row) => ({
    label: row.partial
      ? // A period cut by the as-of date or the horizon says which days it counts.
        plain(
          t('forecast.cli.partialPeriod', {
            label: row.label,
            from: formatDate(lang, row.from),
            to: formatDate(lang, row.to),
          }),
        )
      : row.label,
    fromOpenItemsMinor: row.fromOpenItemsMinor,
    fromFutureSalesMinor: row.fromFutureSalesMinor,
    lowMinor: row.lowMinor,
    highMinor: row.highMinor,
  }));
}

function columnsOf(currency: string, by: CollectionCut, lang: Lang): TableColumn<Row>[] {
  const t = translator(lang);
  const amount = (minor: number | null) => (minor === null ? '' : money(minor, currency, lang));
  return [
    { header: t(`forecast.cli.col.${by}`), value: (row) => row.label },
    {
      header: t('forecast.cli.col.fromOpen'),
      value: (row) => amount(row.fromOpenItemsMinor),
      align: 'right',
    },
    {
      header: t('forecast.cli.col.fromSales'),
      value: (row) => amount(row.fromFutureSalesMinor),
      align: 'right',
    },
    {
      header: t('forecast.cli.col.total'),
      value: (row) => amount(row.fromOpenItemsMinor + row.fromFutureSalesMinor),
      align: 'right',
    },
    { header: t('forecast.cli.col.low'), value: (row) => amount(row.lowMinor), align: 'right' },
    { header: t('forecast.cli.col.high'), value: (row) => amount(row.highMinor), align: 'right' },
  ];
}

/** « juillet 2026 » / « July 2026 » from 'YYYY-MM'. */
function monthLabel(lang: Lang, month: string): string {
  return `${formatMonthName(lang, Number(month.slice(5, 7)))} ${month.slice(0, 4)}`;
}
