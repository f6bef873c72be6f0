/**
 * `encours predict payments` as text: one table row per open invoice, followed by an indented line
 * with the prediction's reasons (the JSON has had them from the start; a collector reading the
 * table needs to see why a date was predicted, not only the date).
 */
import type { PaymentPredictions } from '#app/forecast/predictions';
import { type Lang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { latenessCells } from '#text/prediction-lateness';
import { money, plain, type TableColumn, tableLines } from './output.ts';

type Row = PaymentPredictions['items'][number];

function columnsOf(lang: Lang, asOf: string): TableColumn<Row>[] {
  const t = translator(lang);
  // Already late, or already past 30 days late, is a fact: said so, not « 100 % » (prediction-lateness.ts).
  const lateness = (row: Row) => latenessCells(lang, { ...row, asOf });
  return [
    { header: t('forecast.cli.col.customer'), value: (row) => row.customerCode },
    { header: t('forecast.cli.col.document'), value: (row) => row.documentRef },
    { header: t('forecast.cli.col.due'), value: (row) => formatDate(lang, row.dueDate) },
    {
      header: t('forecast.cli.col.open'),
      value: (row) => money(row.openMinor, row.currency, lang),
      align: 'right',
    },
    {
      header: t('forecast.cli.col.predicted'),
      // A claim from before an insolvency judgment, or an invoice so old that most invoices as old
      // stayed unpaid a year on, has no ordinary payment date (its first reason says why).
      value: (row) =>
        row.paymentExpected === false
          ? t(
              row.reasons[0]?.code === 'no_payment_expected'
                ? 'forecastModel.noPaymentWithinYear'
                : 'forecast.cli.noPaymentExpected',
            )
          : formatDate(lang, row.predictedDate),
    },
    {
      header: t('forecast.cli.col.range'),
      value: (row) => {
        if (row.paymentExpected === false) return '—';
        const ends = { p10: formatDate(lang, row.p10Date), p90: formatDate(lang, row.p90Date) };
        // A P90 at the horizon is where the calculation stops: « au-delà du », not a range's end.
        return row.p90AtHorizon ? t('forecast.cli.rangeToHorizon', ends) : `${ends.p10} – ${ends.p90}`;
      },
    },
    {
      header: t('forecast.cli.col.late'),
      value: (row) => plain(lateness(row).late),
      align: 'right',
    },
    {
      header: plain(t('forecast.cli.col.over30')),
      value: (row) => plain(lateness(row).over30),
      align: 'right',
    },
  ];
}

/** The text lines of the predictions: heading, table, and under each row its reasons. */
export function predictionLines(answer: PaymentPredictions, lang: Lang): string[] {
  const t = translator(lang);
  const lines = [
    plain(
      t('forecast.cli.predictionsHeading', {
        asOf: formatDate(lang, answer.asOf),
        model: answer.modelVersion,
      }),
    ),
  ];
  if (answer.items.length === 0) return [...lines, t('forecast.cli.none')];
  const table = tableLines(answer.items, columnsOf(lang, answer.asOf));
  lines.push(table.header, table.rule);
  answer.items.forEach((item, index) => {
    lines.push(table.rows[index] ?? '');
    if (item.reasons.length > 0) {
      const reasons = item.reasons.map((reason) => reason.message).join(t('forecast.cli.reasonSeparator'));
      // Indented under its row, so the table's columns stay readable.
      lines.push(`    ${plain(t('forecast.cli.reasonsLine', { reasons }))}`);
    }
  });
  return lines;
}

export function printPredictions(answer: PaymentPredictions, lang: Lang): void {
  process.stdout.write(`${predictionLines(answer, lang).join('\n')}\n`);
}
