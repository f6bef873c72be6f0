/**
 * Writes scale data sets as the CSV files a French ERP export would give the importer: semicolon
 * separator, decimal comma, DD/MM/YYYY dates, French headers and wordings, UTF-8.
 */
import { open } from 'node:fs/promises';
import { parsePaymentTerms } from '../core/ledger/payment-terms.ts';
import { minorToDecimalString } from '../core/money.ts';
import type { Customer, CustomerType, IsoDate, LedgerDocument } from '../core/types.ts';
import { generateScale, type ScaleOptions } from './scale.ts';

export const CUSTOMERS_CSV_HEADER = [
  'Code client',
  'Raison sociale',
  'Type de client',
  'Commercial',
  'Conditions de paiement',
  'Plafond',
  'Devise',
] as const;
export const INVOICES_CSV_HEADER = [
  'N° facture',
  'Code client',
  'Date facture',
  "Date d'échéance",
  'Montant TTC',
  'Devise',
] as const;

export const FRENCH_CUSTOMER_TYPES: Readonly<Record<CustomerType, string>> = {
  large_retail: 'Grande distribution',
  wholesaler: 'Grossiste',
  independent_retailer: 'Détaillant indépendant',
  sme: 'PME',
  public_body: 'Secteur public',
  export: 'Export',
  other: 'Autre',
};

/** Flush to disk in chunks of about this many characters. */
const CHUNK_CHARS = 1 << 20;
const INVOICE_BATCH_SIZE = 10_000;

export function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function frenchCsvDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

export function frenchCsvAmount(amountMinor: number, currency: string): string {
  return minorToDecimalString(amountMinor, currency).replace('.', ',');
}

/**
 * "net:30" → "30 jours nets", "eom:45" → "45 jours fin de mois": the wording an ERP export has
 * (this is input for the importer, not text for a person); other specs as they are, which the
 * importer reads too.
 */
export function frenchPaymentTerms(spec: string): string {
  const terms = parsePaymentTerms(spec);
  if (terms?.kind === 'net' && terms.days > 1) return `${terms.days} jours nets`;
  if (terms?.kind === 'eom' && terms.method === 'A' && terms.days > 1)
    return `${terms.days} jours fin de mois`;
  if (terms?.kind === 'eom_plus' && terms.days > 1 && terms.plusDays >= 1 && terms.plusDays <= 28)
    return `${terms.days} jours fin de mois le ${terms.plusDays}`;
  return spec;
}

function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(';')}\n`;
}

export function customerCsvLine(customer: Customer): string {
  return csvLine([
    customer.code,
    customer.name,
    FRENCH_CUSTOMER_TYPES[customer.customerType],
    customer.salesperson ?? '',
    frenchPaymentTerms(customer.paymentTerms),
    customer.creditLimitMinor === null ? '' : frenchCsvAmount(customer.creditLimitMinor, customer.currency),
    customer.currency,
  ]);
}

export function invoiceCsvLine(invoice: LedgerDocument): string {
  return csvLine([
    invoice.externalRef,
    invoice.customerCode,
    frenchCsvDate(invoice.issueDate),
    frenchCsvDate(invoice.dueDate),
    frenchCsvAmount(invoice.amountMinor, invoice.currency),
    invoice.currency,
  ]);
}

async function writeLines(
  filePath: string,
  header: readonly string[],
  lines: Iterable<string>,
): Promise<number> {
  const handle = await open(filePath, 'w');
  try {
    let chunk = csvLine(header);
    let rowCount = 0;
    for (const line of lines) {
      chunk += line;
      rowCount++;
      if (chunk.length >= CHUNK_CHARS) {
        await handle.write(chunk, null, 'utf8');
        chunk = '';
      }
    }
    if (chunk.length > 0) await handle.write(chunk, null, 'utf8');
    return rowCount;
  } finally {
    await handle.close();
  }
}

/** Writes the customers of a scale data set; resolves to the number of data rows. */
export function writeScaleCustomersCsv(filePath: string, options: ScaleOptions): Promise<number> {
  const { customers } = generateScale(options);
  return writeLines(filePath, CUSTOMERS_CSV_HEADER, customers.map(customerCsvLine));
}

/** Writes the invoices of a scale data set, streaming; resolves to the number of data rows. */
export function writeScaleInvoicesCsv(filePath: string, options: ScaleOptions): Promise<number> {
  const dataset = generateScale(options);
  function* lines(): Generator<string> {
    for (const batch of dataset.invoiceBatches(INVOICE_BATCH_SIZE)) {
      for (const invoice of batch) yield invoiceCsvLine(invoice);
    }
  }
  return writeLines(filePath, INVOICES_CSV_HEADER, lines());
}
