/** Reads of bounced payments: the payment sent back, return lines waiting, receipts they may return. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface PaymentRow {
  documentId: number;
  externalRef: string;
  source: string;
  customerCode: string;
  issueDate: string;
  amountMinor: number;
  currency: string;
}

const PAYMENT_COLUMNS = sql`document_id as "documentId", external_ref as "externalRef", source,
  customer_code as "customerCode", issue_date as "issueDate", amount_minor as "amountMinor", currency`;

/** Payments with this reference (any source: a bank receipt, a CSV or FEC import). */
export async function paymentsByRef(
  db: Kysely<Database>,
  companyId: string,
  externalRef: string,
): Promise<PaymentRow[]> {
  const result = await sql<PaymentRow>`
    select ${PAYMENT_COLUMNS} from documents
    where company_id = ${companyId} and kind = 'payment' and external_ref = ${externalRef}`.execute(db);
  return result.rows;
}

export async function paymentById(
  db: Kysely<Database>,
  companyId: string,
  documentId: number,
): Promise<PaymentRow | null> {
  const result = await sql<PaymentRow>`
    select ${PAYMENT_COLUMNS} from documents
    where company_id = ${companyId} and kind = 'payment' and document_id = ${documentId}`.execute(db);
  return result.rows[0] ?? null;
}

export async function documentRefTaken(
  db: Kysely<Database>,
  companyId: string,
  source: string,
  externalRef: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('documents')
    .select('document_id')
    .where('company_id', '=', companyId)
    .where('source', '=', source)
    .where('external_ref', '=', externalRef)
    .executeTakeFirst();
  return row !== undefined;
}

export interface BankLineRow {
  transactionId: number;
  bookingDate: string;
  amountMinor: number;
  currency: string;
  direction: string;
  status: string;
  endToEndId: string | null;
  chequeNumber: string | null;
  counterpartyIban: string | null;
  counterpartyName: string | null;
  label: string | null;
  returnReason: string | null;
  customerCode: string | null;
  paymentDocumentId: number | null;
}

const LINE_COLUMNS = sql`transaction_id as "transactionId", booking_date as "bookingDate",
  amount_minor as "amountMinor", currency, direction, status, end_to_end_id as "endToEndId",
  cheque_number as "chequeNumber", counterparty_iban as "counterpartyIban",
  counterparty_name as "counterpartyName", label, return_reason as "returnReason",
  customer_code as "customerCode", payment_document_id as "paymentDocumentId"`;

export async function bankLineById(
  db: Kysely<Database>,
  companyId: string,
  transactionId: number,
): Promise<BankLineRow | null> {
  const result = await sql<BankLineRow>`
    select ${LINE_COLUMNS} from bank_transactions
    where company_id = ${companyId} and transaction_id = ${transactionId} for update`.execute(db);
  return result.rows[0] ?? null;
}

/** Return lines of the statements not dealt with yet. */
export async function returnsWaiting(db: Kysely<Database>, companyId: string): Promise<BankLineRow[]> {
  const result = await sql<BankLineRow>`
    select ${LINE_COLUMNS} from bank_transactions
    where company_id = ${companyId} and direction = 'return' and status = 'open'
    order by booking_date, transaction_id`.execute(db);
  return result.rows;
}

/** Applied receipts of these amounts (a return sends back exactly what was received). */
export async function appliedReceiptsOfAmounts(
  db: Kysely<Database>,
  companyId: string,
  amountsMinor: readonly number[],
): Promise<BankLineRow[]> {
  if (amountsMinor.length === 0) return [];
  const result = await sql<BankLineRow>`
    select ${LINE_COLUMNS} from bank_transactions
    where company_id = ${companyId} and direction = 'receipt' and status = 'applied'
      and amount_minor = any(${[...amountsMinor]}::int8[])`.execute(db);
  return result.rows;
}
