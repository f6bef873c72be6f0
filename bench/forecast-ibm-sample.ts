/**
 * IBM's public accounts-receivable sample (issue 14's acceptance stand-in) as forecast records, for
 * the in-process replays of bench/forecast-ibm-variants.ts: each invoice with the columns the
 * product does not import (country, paper or electronic channel) kept beside it, what was known at
 * a cut-off, and the effects of the channel and of disputes estimated from what was paid by then.
 */
import { readFile } from 'node:fs/promises';
import { toDayNumber } from '#core/calendar';
import type { Forecaster } from '#core/forecast/forecaster';
import type { InvoiceEvent, InvoicePrediction, InvoiceRecord } from '#core/forecast/types';
import { parseAmountToMinor } from '#core/money';

export interface SampleRow {
  record: InvoiceRecord;
  disputed: boolean;
  country: string;
  /** PaperlessBill: the invoice was sent electronically (from the customer's PaperlessDate on). */
  electronic: boolean;
}

const isoOf = (usDate: string) => {
  const [month, day, year] = usDate.split('/');
  return `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
};

export async function readSample(path: string): Promise<SampleRow[]> {
  const [header, ...lines] = (await readFile(path, 'utf8')).split(/\r?\n/).filter((line) => line !== '');
  const columns = (header ?? '').split(',');
  const at = (name: string) => columns.indexOf(name);
  return lines.map((line, index) => {
    const cells = line.split(',');
    const cell = (name: string) => cells[at(name)] ?? '';
    return {
      record: {
        documentId: index + 1,
        customerCode: cell('customerID'),
        customerType: 'other',
        documentRef: cell('invoiceNumber'),
        issueDate: isoOf(cell('InvoiceDate')),
        dueDate: isoOf(cell('DueDate')),
        amountMinor: parseAmountToMinor(cell('InvoiceAmount'), { exponent: 2, decimalSeparator: '.' }) ?? 0,
        currency: 'USD',
        settledOn: isoOf(cell('SettledDate')),
        settledByPayment: true,
      },
      disputed: cell('Disputed') === 'Yes',
      country: cell('countryCode'),
      electronic: cell('PaperlessBill') === 'Electronic',
    };
  });
}

/** What one variant decides for an invoice open at the cut-off: its predicted payment day. */
export type Decide = (prediction: InvoicePrediction, row: SampleRow) => number;

/** A way of deciding, trained at the cut-off from what was known then. */
export type Variant = (ctx: CutoffContext) => Decide;

export interface CutoffContext {
  cutoff: string;
  rows: readonly SampleRow[];
  /** The rows issued by the cut-off, with settlements after it hidden (as the imports write them). */
  known: readonly SampleRow[];
  events: readonly InvoiceEvent[];
  forecaster: Forecaster;
}

/** Records as known at the cut-off: issued by then, settled only if settled by then. */
export function knownAt(rows: readonly SampleRow[], cutoff: string): SampleRow[] {
  return rows
    .filter((row) => row.record.issueDate <= cutoff)
    .map((row) =>
      row.record.settledOn !== null && row.record.settledOn <= cutoff
        ? row
        : { ...row, record: { ...row.record, settledOn: null } },
    );
}

export function disputesOf(known: readonly SampleRow[]): InvoiceEvent[] {
  return known
    .filter((row) => row.disputed)
    .map((row) => ({
      documentId: row.record.documentId,
      kind: 'dispute_opened',
      date: row.record.issueDate,
    }));
}

/**
 * Mean delay of the electronic invoices paid by the cut-off minus the paper ones', as the model
 * learns the dispute effect (model-finish.ts): company-wide, each delay weighted by its amount and
 * its recency (half-life 180 days) when `weighted`; no effect with fewer than 5 of either kind.
 */
export function companyWideEffects(
  known: readonly SampleRow[],
  cutoff: string,
  weighted = false,
): { electronic: number; disputed: number } {
  const cutoffDay = toDayNumber(cutoff);
  const paid = known.filter((row) => row.record.settledOn !== null);
  const delay = (row: SampleRow) =>
    toDayNumber(row.record.settledOn as string) - toDayNumber(row.record.dueDate);
  const weight = (row: SampleRow) =>
    weighted
      ? row.record.amountMinor * 0.5 ** ((cutoffDay - toDayNumber(row.record.settledOn as string)) / 180)
      : 1;
  const meanOf = (rows: readonly SampleRow[]) =>
    rows.reduce((s, row) => s + delay(row) * weight(row), 0) /
    Math.max(
      1e-9,
      rows.reduce((s, row) => s + weight(row), 0),
    );
  const e = paid.filter((row) => row.electronic);
  const p = paid.filter((row) => !row.electronic);
  return { electronic: e.length >= 5 && p.length >= 5 ? meanOf(e) - meanOf(p) : 0, disputed: 0 };
}

/** Within-customer delay difference electronic − paper, disputes and customers taken out (OLS by alternating means). */
export function withinCustomerEffects(known: readonly SampleRow[]): { electronic: number; disputed: number } {
  const paid = known.filter((row) => row.record.settledOn !== null);
  if (paid.length === 0) return { electronic: 0, disputed: 0 };
  const delay = paid.map(
    (row) => toDayNumber(row.record.settledOn as string) - toDayNumber(row.record.dueDate),
  );
  const customer = new Map<string, number>();
  let electronic = 0;
  let disputed = 0;
  for (let iteration = 0; iteration < 50; iteration += 1) {
    const sums = new Map<string, [number, number]>();
    paid.forEach((row, i) => {
      const r = (delay[i] ?? 0) - electronic * (row.electronic ? 1 : 0) - disputed * (row.disputed ? 1 : 0);
      const s = sums.get(row.record.customerCode) ?? [0, 0];
      sums.set(row.record.customerCode, [s[0] + r, s[1] + 1]);
    });
    for (const [code, [sum, n]] of sums) customer.set(code, sum / n);
    const coefficient = (pick: (row: SampleRow) => boolean, other: (row: SampleRow) => number) => {
      let sum = 0;
      let n = 0;
      paid.forEach((row, i) => {
        if (!pick(row)) return;
        sum += (delay[i] ?? 0) - (customer.get(row.record.customerCode) ?? 0) - other(row);
        n += 1;
      });
      return n > 0 ? sum / n : 0;
    };
    electronic = coefficient(
      (row) => row.electronic,
      (row) => disputed * (row.disputed ? 1 : 0),
    );
    disputed = coefficient(
      (row) => row.disputed,
      (row) => electronic * (row.electronic ? 1 : 0),
    );
  }
  return { electronic, disputed };
}
