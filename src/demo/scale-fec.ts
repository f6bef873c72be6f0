/**
 * Writes a scale data set as a FEC (tab, UTF-8, decimal comma, YYYYMMDD) of about N lines, for the
 * FEC import benchmark: each invoice is a sales entry of three lines (customer, revenue, VAT) and,
 * four times out of five, a bank entry of two lines paying it by its due date, lettered with it.
 * Deterministic: the same options write the same bytes.
 */
import { open } from 'node:fs/promises';
import { maxDate, minDate } from '../core/calendar.ts';
import { FEC_REQUIRED_COLUMNS } from '../core/fec/fec-format.ts';
import type { LedgerDocument } from '../core/types.ts';
import { generateScale } from './scale.ts';

export const FEC_HEADER = FEC_REQUIRED_COLUMNS.join('\t');

export interface ScaleFecOptions {
  /** Lines to write (about: an entry is never split). */
  lines: number;
  customers: number;
  seed?: number;
}

export interface ScaleFecResult {
  lines: number;
  invoices: number;
  payments: number;
  /** Σ debit − credit of the customer accounts, the figure the import must reproduce. */
  controlBalanceMinor: number;
}

const CHUNK_CHARS = 1 << 20;

const fecDate = (date: string) => date.replace(/-/g, '');
const fecAmount = (minor: number) => `${Math.trunc(minor / 100)},${String(minor % 100).padStart(2, '0')}`;

/** Letters of a customer's lettering: A…Z, AA…ZZ, AAA… */
function letterCode(index: number): string {
  let code = '';
  for (let rest = index; ; rest = Math.floor(rest / 26) - 1) {
    code = String.fromCharCode(65 + (rest % 26)) + code;
    if (rest < 26) return code;
  }
}

export async function writeScaleFec(filePath: string, options: ScaleFecOptions): Promise<ScaleFecResult> {
  // At least 3 lines per invoice: enough invoices to reach the line count; the rest is never generated.
  const invoices = Math.ceil(options.lines / 3) + 1;
  const scale = generateScale({ customers: options.customers, invoices, seed: options.seed ?? 1 });
  const names = new Map(scale.customers.map((customer) => [customer.code, customer.name]));
  const letters = new Map<string, number>();
  const result: ScaleFecResult = { lines: 0, invoices: 0, payments: 0, controlBalanceMinor: 0 };
  const handle = await open(filePath, 'w');
  let chunk = `${FEC_HEADER}\n`;
  const row = (fields: readonly string[]) => {
    chunk += `${fields.join('\t')}\n`;
    result.lines++;
  };
  const entryLines = (invoice: LedgerDocument, index: number) => {
    const name = names.get(invoice.customerCode) ?? invoice.customerCode;
    const date = fecDate(invoice.issueDate);
    const vatMinor = Math.round(invoice.amountMinor / 6);
    const paid = index % 5 !== 4 && invoice.dueDate <= scale.asOf;
    let letter = '';
    let paidOn = '';
    if (paid) {
      const count = letters.get(invoice.customerCode) ?? 0;
      letters.set(invoice.customerCode, count + 1);
      letter = letterCode(count);
      paidOn = fecDate(minDate(scale.asOf, maxDate(invoice.issueDate, invoice.dueDate)));
    }
    const head = ['VE', 'Ventes', String(index + 1), date];
    const piece = [invoice.externalRef, date, `Facture ${invoice.externalRef}`];
    row([
      ...head,
      '411000',
      'Clients',
      invoice.customerCode,
      name,
      ...piece,
      fecAmount(invoice.amountMinor),
      '0,00',
      letter,
      paidOn,
      date,
      '',
      '',
    ]);
    row([
      ...head,
      '706000',
      'Prestations de services',
      '',
      '',
      ...piece,
      '0,00',
      fecAmount(invoice.amountMinor - vatMinor),
      '',
      '',
      date,
      '',
      '',
    ]);
    row([
      ...head,
      '445710',
      'TVA collectée',
      '',
      '',
      ...piece,
      '0,00',
      fecAmount(vatMinor),
      '',
      '',
      date,
      '',
      '',
    ]);
    result.invoices++;
    result.controlBalanceMinor += invoice.amountMinor;
    if (!paid) return;
    const bank = ['BQ', 'Banque', String(result.payments + 1), paidOn];
    const payment = [`VIR ${invoice.externalRef}`, paidOn, `Virement ${name}`];
    row([
      ...bank,
      '512000',
      'Banque',
      '',
      '',
      ...payment,
      fecAmount(invoice.amountMinor),
      '0,00',
      '',
      '',
      paidOn,
      '',
      '',
    ]);
    row([
      ...bank,
      '411000',
      'Clients',
      invoice.customerCode,
      name,
      ...payment,
      '0,00',
      fecAmount(invoice.amountMinor),
      letter,
      paidOn,
      paidOn,
      '',
      '',
    ]);
    result.payments++;
    result.controlBalanceMinor -= invoice.amountMinor;
  };
  try {
    let index = 0;
    for (const batch of scale.invoiceBatches(10_000)) {
      for (const invoice of batch) {
        if (result.lines >= options.lines) break;
        entryLines(invoice, index++);
        if (chunk.length >= CHUNK_CHARS) {
          await handle.write(chunk, null, 'utf8');
          chunk = '';
        }
      }
    }
    await handle.write(chunk, null, 'utf8');
  } finally {
    await handle.close();
  }
  return result;
}
