/** What cash application reads: receipts to apply, customers, learned payers, references, open items. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface ReceiptRow {
  transactionId: number;
  bookingDate: string;
  amountMinor: number;
  currency: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  endToEndId: string | null;
  creditorRef: string | null;
  remittance: string | null;
  label: string | null;
  chequeNumber: string | null;
  status: string;
}

const RECEIPT_COLUMNS = sql`transaction_id as "transactionId", booking_date as "bookingDate",
  amount_minor as "amountMinor", currency, counterparty_name as "counterpartyName",
  counterparty_iban as "counterpartyIban", end_to_end_id as "endToEndId", creditor_ref as "creditorRef",
  remittance, label, cheque_number as "chequeNumber", status`;

/** Receipts still to apply (open or suggested), in id order after `afterId`. */
export async function receiptsToApply(
  db: Kysely<Database>,
  companyId: string,
  afterId: number,
  limit: number,
): Promise<ReceiptRow[]> {
  const result = await sql<ReceiptRow>`
    select ${RECEIPT_COLUMNS} from bank_transactions
    where company_id = ${companyId} and direction = 'receipt' and status in ('open', 'suggested')
      and transaction_id > ${afterId}
    order by transaction_id limit ${limit}`.execute(db);
  return result.rows;
}

export async function receiptById(
  db: Kysely<Database>,
  companyId: string,
  transactionId: number,
  lock = false,
): Promise<ReceiptRow | null> {
  const result = await sql<ReceiptRow>`
    select ${RECEIPT_COLUMNS} from bank_transactions
    where company_id = ${companyId} and transaction_id = ${transactionId} ${lock ? sql`for update` : sql``}`.execute(
    db,
  );
  return result.rows[0] ?? null;
}

export interface CustomerNameRow {
  code: string;
  name: string;
  currency: string;
  groupCode: string | null;
}

export async function customerNames(db: Kysely<Database>, companyId: string): Promise<CustomerNameRow[]> {
  return db
    .selectFrom('customers')
    .select(['code', 'name', 'currency', 'group_code as groupCode'])
    .where('company_id', '=', companyId)
    .execute();
}

export interface PayerRow {
  payerKind: 'iban' | 'name';
  payerValue: string;
  customerCode: string;
  confirmations: number;
}

export async function learnedPayers(
  db: Kysely<Database>,
  companyId: string,
  ibans: readonly string[],
  nameKeys: readonly string[],
): Promise<PayerRow[]> {
  if (ibans.length === 0 && nameKeys.length === 0) return [];
  const result = await sql<PayerRow>`
    select payer_kind as "payerKind", payer_value as "payerValue", customer_code as "customerCode", confirmations
    from cash_payers where company_id = ${companyId}
      and ((payer_kind = 'iban' and payer_value = any(${[...ibans]}::text[]))
        or (payer_kind = 'name' and payer_value = any(${[...nameKeys]}::text[])))`.execute(db);
  return result.rows;
}

export interface RefDocumentRow {
  documentId: number;
  customerCode: string;
  externalRef: string;
  digits: string;
}

/**
 * Invoices and credit notes whose reference has these digits (leading zeros aside), in document
 * order. A batch's texts give thousands of digit keys: each is one probe of the expression index of
 * 0009. The lateral subquery (kept apart by `offset 0`) makes it so on any ledger: joined plainly,
 * on a ledger of a few hundred thousand documents the planner preferred to run the regular
 * expression on every document and hash them (≈ 20× the work), as it cannot price that expression.
 */
export async function documentsByRefDigits(
  db: Kysely<Database>,
  companyId: string,
  digitKeys: readonly string[],
): Promise<RefDocumentRow[]> {
  if (digitKeys.length === 0) return [];
  const result = await sql<RefDocumentRow>`
    select d.document_id as "documentId", d.customer_code as "customerCode", d.external_ref as "externalRef",
      k.digits
    from unnest(${[...new Set(digitKeys)]}::text[]) as k(digits)
    cross join lateral (
      select d.document_id, d.customer_code, d.external_ref from documents d
      where d.company_id = ${companyId} and ltrim(regexp_replace(d.external_ref, '\\D', '', 'g'), '0') = k.digits
        and d.kind in ('invoice', 'credit_note')
      offset 0) d
    order by d.document_id`.execute(db);
  return result.rows;
}

/**
 * The references of the company's latest invoices (at most `limit`, newest first): what its
 * invoice numbering is learned from (core/cash/numbering.ts). Read backwards along the key.
 */
export async function latestInvoiceRefs(
  db: Kysely<Database>,
  companyId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('documents')
    .select('external_ref')
    .where('company_id', '=', companyId)
    .where('kind', '=', 'invoice')
    .orderBy('document_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.external_ref);
}

export interface OpenItemRow {
  documentId: number;
  customerCode: string;
  ref: string;
  kind: string;
  issueDate: string;
  dueDate: string;
  openMinor: number;
  currency: string;
}

/**
 * The current open items of these customers (documents with an open amount today): found by the
 * open items' own index by customer (0033), then their documents by key — the open items are the
 * small side of the ledger, where the documents of these customers are mostly settled ones.
 */
export async function openItemsOfCustomers(
  db: Kysely<Database>,
  companyId: string,
  customerCodes: readonly string[],
): Promise<OpenItemRow[]> {
  if (customerCodes.length === 0) return [];
  const result = await sql<OpenItemRow>`
    select d.document_id as "documentId", d.customer_code as "customerCode", d.external_ref as ref, d.kind,
      d.issue_date as "issueDate", d.due_date as "dueDate", o.open_minor as "openMinor", d.currency
    from open_items o join documents d on d.company_id = o.company_id and d.document_id = o.document_id
    where o.company_id = ${companyId} and (o.customer_code collate "C") = any(${[...customerCodes]}::text[])
      and d.customer_code = any(${[...customerCodes]}::text[])`.execute(db);
  return result.rows;
}

/** Customers with a debit open for exactly one of these amounts (for receipts that name nobody). */
export async function customersOwingExactly(
  db: Kysely<Database>,
  companyId: string,
  amountsMinor: readonly number[],
): Promise<{ customerCode: string; openMinor: number }[]> {
  if (amountsMinor.length === 0) return [];
  const result = await sql<{ customerCode: string; openMinor: number }>`
    select distinct customer_code as "customerCode", open_minor as "openMinor" from open_items
    where company_id = ${companyId} and open_minor = any(${[...amountsMinor]}::int8[])`.execute(db);
  return result.rows;
}

export interface CashSettingsRow {
  autoThreshold: number;
  writeOffToleranceMinor: number;
  bounceFeeMinor: number | null;
}

export async function cashSettings(db: Kysely<Database>, companyId: string): Promise<CashSettingsRow> {
  const row = await db
    .selectFrom('cash_settings')
    .select(['auto_threshold', 'write_off_tolerance_minor', 'bounce_fee_minor'])
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return {
    autoThreshold: row?.auto_threshold ?? 90,
    writeOffToleranceMinor: row?.write_off_tolerance_minor ?? 500,
    bounceFeeMinor: row?.bounce_fee_minor ?? null,
  };
}

export interface ReceiptListRow extends ReceiptRow {
  customerCode: string | null;
  customerName: string | null;
  paymentDocumentId: number | null;
  direction: string;
  accountKey: string;
}

/** Bank receipts (and returns) for the workbench, newest first. */
export async function listReceiptRows(
  db: Kysely<Database>,
  companyId: string,
  filter: { statuses: readonly string[]; directions: readonly string[]; limit: number; offset: number },
): Promise<{ rows: ReceiptListRow[]; total: number }> {
  const where = sql`t.company_id = ${companyId} and t.status = any(${[...filter.statuses]}::text[])
    and t.direction = any(${[...filter.directions]}::text[])`;
  const rows = await sql<ReceiptListRow>`
    select t.transaction_id as "transactionId", t.booking_date as "bookingDate", t.amount_minor as "amountMinor",
      t.currency, t.counterparty_name as "counterpartyName", t.counterparty_iban as "counterpartyIban",
      t.end_to_end_id as "endToEndId", t.creditor_ref as "creditorRef", t.remittance, t.label,
      t.cheque_number as "chequeNumber", t.status, t.customer_code as "customerCode", c.name as "customerName",
      t.payment_document_id as "paymentDocumentId", t.direction, a.account_key as "accountKey"
    from bank_transactions t
    join bank_accounts a on a.company_id = t.company_id and a.account_id = t.account_id
    left join customers c on c.company_id = t.company_id and c.code = t.customer_code
    where ${where}
    order by t.booking_date desc, t.transaction_id desc limit ${filter.limit} offset ${filter.offset}`.execute(
    db,
  );
  const count = await sql<{
    total: number;
  }>`select count(*)::int8 as total from bank_transactions t where ${where}`.execute(db);
  return { rows: rows.rows, total: count.rows[0]?.total ?? 0 };
}

export interface StoredSuggestion {
  transactionId: number;
  rank: number;
  customerCode: string;
  customerName: string;
  confidence: number;
  proposal: unknown;
  evidence: unknown;
}

export async function suggestionsOf(
  db: Kysely<Database>,
  companyId: string,
  transactionIds: readonly number[],
): Promise<StoredSuggestion[]> {
  if (transactionIds.length === 0) return [];
  const result = await sql<StoredSuggestion>`
    select s.transaction_id as "transactionId", s.rank, s.customer_code as "customerCode", c.name as "customerName",
      s.confidence, s.proposal, s.evidence
    from cash_suggestions s join customers c on c.company_id = s.company_id and c.code = s.customer_code
    where s.company_id = ${companyId} and s.transaction_id = any(${[...transactionIds]}::int8[])
    order by s.transaction_id, s.rank`.execute(db);
  return result.rows;
}
