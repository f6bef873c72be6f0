/**
 * One row → one typed record, per entity. Builders always return a record (placeholders where a
 * cell was bad) and report problems through the RowContext; the caller keeps the record only if
 * the file turns out clean.
 */
import { formatPaymentTermsSpec, parsePaymentTerms } from '../core/ledger/payment-terms.ts';
import type { CurrencyCode, Customer, IsoDate, LedgerDocument, Order } from '../core/types.ts';
import { ChannelColumn } from './channel-column.ts';
import { problem } from './problems.ts';
import type { RowContext } from './row-context.ts';
import { parseCurrencyText, parseEmails, parseList, parseSiren, parseSiret } from './values.ts';
import {
  CUSTOMER_STATUS_WORDS,
  CUSTOMER_TYPE_WORDS,
  ORDER_STATUS_WORDS,
  parseCountry,
  parseLanguage,
  type Vocabulary,
  YES_NO_WORDS,
} from './vocabulary.ts';

export type ParsedCustomer = Customer & { line: number };
/** Invoices and credit notes. dueDate null = to compute from the customer's payment terms. */
export type ParsedDocument = Omit<LedgerDocument, 'dueDate'> & {
  dueDate: IsoDate | null;
  /** Credit notes: the invoice they cancel, when the file says. */
  originalInvoiceRef: string | null;
  /** Invoices said to be disputed: the date the dispute was opened (absent when not disputed). */
  disputedOn?: IsoDate;
  /**
   * Invoices: a Channel cell that says no channel (a sales channel, a comment; see
   * channel-column.ts). One such cell leaves the whole column out (import-writer.ts), as a
   * "Litige" column of comments is.
   */
  unknownChannel?: string;
  line: number;
};
/** A payment: amount negative, dueDate = payment date; empty invoiceRefs = unapplied cash. */
export type ParsedPayment = LedgerDocument & { kind: 'payment'; invoiceRefs: string[]; line: number };
export type ParsedOrder = Order & { line: number };

export interface BuildOptions {
  /** Source recorded when the file has no Source column: the format ("csv", "xlsx"). */
  defaultSource: string;
  /** Invoices: the pass's reader of the channel column, when the file has one. */
  channels?: ChannelColumn;
}

const DEFAULT_PAYMENT_TERMS = 'net:30';

function currencyOf(row: RowContext): CurrencyCode {
  const text = row.text('currency');
  if (text === null) return 'EUR';
  const currency = parseCurrencyText(text);
  if (currency === null) {
    row.fail('currency', problem('invalid_currency'));
  }
  return currency ?? 'EUR';
}

function enumValue<T extends string>(row: RowContext, field: string, words: Vocabulary<T>, fallback: T): T {
  const text = row.text(field);
  if (text === null) return fallback;
  const code = words.lookup(text);
  if (code === undefined) {
    // Codes with labels are named by them, in the reader's language (the codes are accepted too).
    const params: Record<string, string> = words.domain
      ? { domain: words.domain, codes: words.codes.join(',') }
      : { accepted: words.describe() };
    row.fail(field, problem('unknown_enum_value', params));
  }
  return code ?? fallback;
}

function paymentTermsOf(row: RowContext): string {
  const text = row.text('paymentTerms');
  if (text === null) return DEFAULT_PAYMENT_TERMS;
  // A bare number is how ERPs export a payment delay: that many days net ("30" → 30 jours nets).
  const bareDays = /^\d{1,3}$/.test(text.trim()) ? `net:${Number(text.trim())}` : null;
  const terms = parsePaymentTerms(bareDays ?? text);
  if (terms === null) {
    row.fail('paymentTerms', problem('invalid_payment_terms'));
    return DEFAULT_PAYMENT_TERMS;
  }
  return formatPaymentTermsSpec(terms);
}

function identifiersOf(row: RowContext): { siren: string | null; siret: string | null } {
  const sirenText = row.text('siren');
  const siretText = row.text('siret');
  const siren = sirenText === null ? null : parseSiren(sirenText);
  const siret = siretText === null ? null : parseSiret(siretText);
  if (siren && 'problem' in siren) row.fail('siren', siren.problem);
  if (siret && 'problem' in siret) row.fail('siret', siret.problem);
  const sirenValue = siren && 'value' in siren ? siren.value : null;
  const siretValue = siret && 'value' in siret ? siret.value : null;
  if (sirenValue && siretValue && !siretValue.startsWith(sirenValue)) {
    row.fail('siret', problem('siret_siren_mismatch', { siren: sirenValue }));
  }
  // The SIRET starts with the SIREN, so one column is enough.
  return { siren: sirenValue ?? siretValue?.slice(0, 9) ?? null, siret: siretValue };
}

function emailsOf(row: RowContext, field: string): string | null {
  const text = row.text(field);
  if (text === null) return null;
  const emails = parseEmails(text);
  if (emails === null) row.fail(field, problem('invalid_email'));
  return emails;
}

function countryOf(row: RowContext): string {
  const text = row.text('country');
  if (text === null) return 'FR';
  const country = parseCountry(text);
  if (country === null) {
    row.fail('country', problem('unknown_country'));
  }
  return country ?? 'FR';
}

function languageOf(row: RowContext): string {
  const text = row.text('language');
  if (text === null) return 'fr';
  const language = parseLanguage(text);
  if (language === null) {
    row.fail('language', problem('unknown_language'));
  }
  return language ?? 'fr';
}

export function buildCustomer(row: RowContext): ParsedCustomer {
  const code = row.required('code') ?? '';
  const name = row.required('name') ?? '';
  const currency = currencyOf(row);
  const contactEmail = emailsOf(row, 'contactEmail');
  const contactName = row.text('contactName');
  const contactPhone = row.text('contactPhone');
  const hasContact = contactName !== null || contactPhone !== null || contactEmail !== null;
  const customer: ParsedCustomer = {
    line: row.line,
    code,
    name,
    ...identifiersOf(row),
    vatNumber:
      row
        .text('vatNumber')
        ?.replace(/[\s.-]/g, '')
        .toUpperCase() ?? null,
    customerType: enumValue(row, 'customerType', CUSTOMER_TYPE_WORDS, 'other'),
    groupCode: row.text('groupCode'),
    salesperson: row.text('salesperson'),
    paymentTerms: paymentTermsOf(row),
    currency,
    creditLimitMinor: null,
    // A generic "E-mail" column is where invoices go when no billing address is given.
    billingEmail: emailsOf(row, 'billingEmail') ?? contactEmail,
    // An unnamed contact (only a phone or an e-mail) is named after the company.
    contacts: hasContact
      ? [{ name: contactName ?? name, role: null, email: contactEmail, phone: contactPhone }]
      : [],
    address: {
      line1: row.text('addressLine1'),
      line2: row.text('addressLine2'),
      postalCode: row.text('postalCode'),
      city: row.text('city'),
      country: countryOf(row),
    },
    language: languageOf(row),
    status: enumValue(row, 'status', CUSTOMER_STATUS_WORDS, 'active'),
  };
  row.amount(
    'creditLimit',
    currency,
    false,
    (amountMinor) => {
      customer.creditLimitMinor = amountMinor;
    },
    (amountMinor) => (amountMinor < 0 ? problem('negative_credit_limit') : null),
  );
  return customer;
}

/** Fields shared by invoices, credit notes and payments. */
function documentBase(row: RowContext, options: BuildOptions, dateField: string) {
  return {
    line: row.line,
    source: row.text('source') ?? options.defaultSource,
    externalRef: row.required('externalRef') ?? '',
    customerCode: row.required('customerCode') ?? '',
    issueDate: row.date(dateField, true) ?? '',
    valueDate: null as IsoDate | null,
    amountMinor: 0,
    currency: currencyOf(row),
    label: row.text('label'),
  };
}

export function buildInvoice(row: RowContext, options: BuildOptions): ParsedDocument {
  const invoice: ParsedDocument = {
    ...documentBase(row, options, 'issueDate'),
    kind: 'invoice',
    dueDate: row.date('dueDate', false),
    originalInvoiceRef: null,
  };
  if (invoice.dueDate !== null && invoice.issueDate !== '' && invoice.dueDate < invoice.issueDate) {
    row.fail('dueDate', problem('due_before_issue', { issueDate: invoice.issueDate }));
  }
  row.amount(
    'amount',
    invoice.currency,
    true,
    (amountMinor) => {
      invoice.amountMinor = amountMinor;
    },
    (amountMinor) => (amountMinor < 0 ? problem('negative_invoice_amount') : null),
  );
  const disputedOn = disputeDateOf(row, invoice.issueDate);
  if (disputedOn !== null) invoice.disputedOn = disputedOn;
  const channelText = row.text('channel');
  if (channelText !== null) {
    const channels = options.channels ?? new ChannelColumn(row.columnOf('channel'));
    const reading = channels.read(channelText);
    if (reading !== null && 'channel' in reading) invoice.channel = reading.channel;
    else if (reading !== null) invoice.unknownChannel = reading.unknown;
  }
  return invoice;
}

/**
 * When the file says the invoice is disputed: its dispute date, else the invoice date (so a
 * forecast as of a past date knows of it from then). A dispute date alone says it is disputed.
 */
function disputeDateOf(row: RowContext, issueDate: IsoDate | ''): IsoDate | null {
  const disputeDate = row.date('disputeDate', false);
  const said = row.text('disputed') === null ? null : enumValue(row, 'disputed', YES_NO_WORDS, 'no');
  if (said === 'no' || (said === null && disputeDate === null) || issueDate === '') return null;
  if (disputeDate !== null && disputeDate < issueDate) {
    row.fail('disputeDate', problem('dispute_before_issue', { issueDate }));
    return null;
  }
  return disputeDate ?? issueDate;
}

export function buildCreditNote(row: RowContext, options: BuildOptions): ParsedDocument {
  const base = documentBase(row, options, 'issueDate');
  // A credit is usable from its date: there is nothing to compute from payment terms.
  const creditNote: ParsedDocument = {
    ...base,
    kind: 'credit_note',
    dueDate: base.issueDate === '' ? null : base.issueDate,
    originalInvoiceRef: row.text('originalInvoiceRef'),
  };
  row.amount('amount', creditNote.currency, true, (amountMinor) => {
    // Files write credit notes positive or negative; the ledger wants credits negative.
    creditNote.amountMinor = -Math.abs(amountMinor);
  });
  return creditNote;
}

export function buildPayment(row: RowContext, options: BuildOptions): ParsedPayment {
  const base = documentBase(row, options, 'paymentDate');
  const method = row.text('paymentMethod');
  const label = [method, base.label].filter((part) => part !== null).join(' – ');
  const payment: ParsedPayment = {
    ...base,
    kind: 'payment',
    dueDate: base.issueDate,
    valueDate: row.date('valueDate', false),
    label: label === '' ? null : label,
    invoiceRefs: parseList(row.text('invoiceRefs') ?? ''),
  };
  row.amount(
    'amount',
    payment.currency,
    true,
    (amountMinor) => {
      payment.amountMinor = -Math.abs(amountMinor);
    },
    (amountMinor) => (amountMinor === 0 ? problem('zero_payment') : null),
  );
  return payment;
}

export function buildOrder(row: RowContext): ParsedOrder {
  const order: ParsedOrder = {
    line: row.line,
    number: row.required('number') ?? '',
    customerCode: row.required('customerCode') ?? '',
    orderDate: row.date('orderDate', true) ?? '',
    amountMinor: 0,
    currency: currencyOf(row),
    status: enumValue(row, 'status', ORDER_STATUS_WORDS, 'pending'),
  };
  row.amount(
    'amount',
    order.currency,
    true,
    (amountMinor) => {
      order.amountMinor = amountMinor;
    },
    (amountMinor) => (amountMinor < 0 ? problem('negative_order_amount') : null),
  );
  return order;
}
