/** How each domain record maps to staged columns (see bulk.ts / upsert.ts). */
import { type Kysely, sql } from 'kysely';
import type { Customer, CustomerEvent, LedgerDocument, Order } from '#core/types';
import type { ColumnSpec } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';
import type { UpsertSpec } from './upsert.ts';

export type WithLine<T> = T & { line: number };

const line = <T extends { line: number }>(): ColumnSpec<T> => ({
  name: 'line',
  type: 'int4',
  value: (r) => r.line,
});

export const CUSTOMER_UPSERT: UpsertSpec<WithLine<Customer>> = {
  table: 'customers',
  entity: 'customer',
  keyColumns: ['code'],
  touchColumn: 'updated_at',
  columns: [
    line(),
    { name: 'code', type: 'text', value: (c) => c.code },
    { name: 'name', type: 'text', value: (c) => c.name },
    { name: 'siren', type: 'text', value: (c) => c.siren },
    { name: 'siret', type: 'text', value: (c) => c.siret },
    { name: 'vat_number', type: 'text', value: (c) => c.vatNumber },
    { name: 'customer_type', type: 'text', value: (c) => c.customerType },
    { name: 'group_code', type: 'text', value: (c) => c.groupCode },
    { name: 'salesperson', type: 'text', value: (c) => c.salesperson },
    { name: 'payment_terms', type: 'text', value: (c) => c.paymentTerms },
    { name: 'currency', type: 'text', value: (c) => c.currency },
    { name: 'credit_limit_minor', type: 'int8', value: (c) => c.creditLimitMinor },
    { name: 'billing_email', type: 'text', value: (c) => c.billingEmail },
    { name: 'contacts', type: 'jsonb', value: (c) => c.contacts },
    { name: 'address_line1', type: 'text', value: (c) => c.address.line1 },
    { name: 'address_line2', type: 'text', value: (c) => c.address.line2 },
    { name: 'postal_code', type: 'text', value: (c) => c.address.postalCode },
    { name: 'city', type: 'text', value: (c) => c.address.city },
    { name: 'country', type: 'text', value: (c) => c.address.country },
    { name: 'language', type: 'text', value: (c) => c.language },
    { name: 'status', type: 'text', value: (c) => c.status },
  ],
};

/**
 * The customers columns a file's fields write. A field gives a column that derives from it too:
 * the SIREN from a SIRET, the billing e-mail from a contact e-mail, the contacts from any of theirs.
 */
const CUSTOMER_COLUMNS_BY_FIELD: Readonly<Record<string, readonly string[]>> = {
  code: ['code'],
  name: ['name'],
  siren: ['siren'],
  siret: ['siret', 'siren'],
  vatNumber: ['vat_number'],
  customerType: ['customer_type'],
  groupCode: ['group_code'],
  salesperson: ['salesperson'],
  paymentTerms: ['payment_terms'],
  currency: ['currency'],
  creditLimit: ['credit_limit_minor'],
  billingEmail: ['billing_email'],
  contactName: ['contacts'],
  contactPhone: ['contacts'],
  contactEmail: ['contacts', 'billing_email'],
  addressLine1: ['address_line1'],
  addressLine2: ['address_line2'],
  postalCode: ['postal_code'],
  city: ['city'],
  country: ['country'],
  language: ['language'],
  status: ['status'],
};

/** The columns of existing customers that a file with these fields may change. */
export function customerColumnsOf(fields: readonly string[]): string[] {
  return [...new Set(fields.flatMap((field) => CUSTOMER_COLUMNS_BY_FIELD[field] ?? []))];
}

export const DOCUMENT_UPSERT: UpsertSpec<WithLine<LedgerDocument>> = {
  table: 'documents',
  entity: 'document',
  keyColumns: ['source', 'external_ref'],
  insertOnlyColumns: ['kind'],
  // The log names an invoice « Facture F-12 », not a document « import/F-12 ».
  auditEntityColumn: 'kind',
  auditKeyColumns: ['external_ref'],
  columns: [
    line(),
    { name: 'kind', type: 'text', value: (d) => d.kind },
    { name: 'source', type: 'text', value: (d) => d.source },
    { name: 'external_ref', type: 'text', value: (d) => d.externalRef },
    { name: 'customer_code', type: 'text', value: (d) => d.customerCode },
    { name: 'issue_date', type: 'date', value: (d) => d.issueDate },
    { name: 'due_date', type: 'date', value: (d) => d.dueDate },
    { name: 'value_date', type: 'date', value: (d) => d.valueDate },
    { name: 'amount_minor', type: 'int8', value: (d) => d.amountMinor },
    { name: 'currency', type: 'text', value: (d) => d.currency },
    { name: 'label', type: 'text', value: (d) => d.label },
  ],
};

/**
 * Invoices also store how they were sent. Not in DOCUMENT_UPSERT: the FEC import upserts from its
 * own stage with DOCUMENT_UPSERT's columns, and a ledger export says nothing of the channel.
 */
export const INVOICE_UPSERT: UpsertSpec<WithLine<LedgerDocument>> = {
  ...DOCUMENT_UPSERT,
  columns: [...DOCUMENT_UPSERT.columns, { name: 'channel', type: 'text', value: (d) => d.channel ?? null }],
};

/**
 * The columns of existing invoices a file may change (undefined: all). Without a channel column
 * the stored channels stay, as a customers file without a column leaves that field alone.
 */
export function invoiceColumnsOf(withChannel: boolean): string[] | undefined {
  if (withChannel) return undefined;
  return INVOICE_UPSERT.columns.map((column) => column.name).filter((name) => name !== 'channel');
}

export const ORDER_UPSERT: UpsertSpec<WithLine<Order>> = {
  table: 'orders',
  entity: 'order',
  keyColumns: ['order_number'],
  touchColumn: 'updated_at',
  columns: [
    line(),
    { name: 'order_number', type: 'text', value: (o) => o.number },
    { name: 'customer_code', type: 'text', value: (o) => o.customerCode },
    { name: 'order_date', type: 'date', value: (o) => o.orderDate },
    { name: 'amount_minor', type: 'int8', value: (o) => o.amountMinor },
    { name: 'currency', type: 'text', value: (o) => o.currency },
    { name: 'status', type: 'text', value: (o) => o.status },
  ],
};

export const EVENT_COLUMNS: ColumnSpec<CustomerEvent>[] = [
  { name: 'customer_code', type: 'text', value: (e) => e.customerCode },
  { name: 'kind', type: 'text', value: (e) => e.kind },
  { name: 'event_date', type: 'date', value: (e) => e.eventDate },
  { name: 'document_ref', type: 'text', value: (e) => e.documentRef },
  { name: 'detail', type: 'text', value: (e) => e.detail },
  // The catalogue message the line was worded from (null on imported lines): migration 0067.
  { name: 'message_key', type: 'text', value: (e) => e.message?.key ?? null },
  { name: 'message_params', type: 'jsonb', value: (e) => e.message?.params ?? null },
];

/**
 * A blank channel cell says nothing, so it keeps what is stored: the staged rows without a channel
 * take their document's stored one before the upsert compares them (an export that always carries
 * an empty "Canal" column must not reset every invoice it touches, nor count it as updated).
 */
export async function keepStoredChannels(
  trx: Kysely<Database>,
  companyId: string,
  stage: string,
): Promise<void> {
  await sql`
    update ${sql.table(stage)} s set channel = d.channel
    from documents d
    where d.company_id = ${companyId} and d.source = s.source and d.external_ref = s.external_ref
      and s.channel is null and d.channel is not null`.execute(trx);
}
