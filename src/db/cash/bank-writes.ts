/** Bank accounts, statements and transactions: idempotent writes of an imported statement file. */
import { type Kysely, sql } from 'kysely';
import { batches, type ColumnSpec, unnestSelect } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';

export interface BankAccountInput {
  accountKey: string;
  iban: string | null;
  otherId: string | null;
  currency: string | null;
  name: string | null;
}

/** The account's id, creating it when this company has never seen it. */
export async function ensureBankAccount(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  account: BankAccountInput,
): Promise<{ accountId: number; created: boolean }> {
  const inserted = await trx
    .insertInto('bank_accounts')
    .values({
      company_id: companyId,
      account_key: account.accountKey,
      iban: account.iban,
      other_id: account.otherId,
      currency: account.currency,
      name: account.name,
      created_by: actor,
    })
    .onConflict((conflict) => conflict.columns(['company_id', 'account_key']).doNothing())
    .returning('account_id')
    .executeTakeFirst();
  if (inserted) return { accountId: inserted.account_id, created: true };
  const existing = await trx
    .selectFrom('bank_accounts')
    .select('account_id')
    .where('company_id', '=', companyId)
    .where('account_key', '=', account.accountKey)
    .executeTakeFirstOrThrow();
  return { accountId: existing.account_id, created: false };
}

export interface StatementInput {
  accountId: number;
  format: string;
  statementRef: string;
  messageId: string | null;
  fromDate: string | null;
  toDate: string | null;
  openingMinor: number | null;
  closingMinor: number | null;
  currency: string | null;
  fileName: string;
  fileSha256: string;
  transactionCount: number;
}

/** Records the statement; a statement already imported keeps its first record. */
export async function insertStatement(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  statement: StatementInput,
): Promise<{ statementId: number; known: boolean }> {
  const inserted = await trx
    .insertInto('bank_statements')
    .values({
      company_id: companyId,
      account_id: statement.accountId,
      format: statement.format,
      statement_ref: statement.statementRef,
      message_id: statement.messageId,
      from_date: statement.fromDate,
      to_date: statement.toDate,
      opening_minor: statement.openingMinor,
      closing_minor: statement.closingMinor,
      currency: statement.currency,
      file_name: statement.fileName,
      file_sha256: statement.fileSha256,
      transaction_count: statement.transactionCount,
      imported_by: actor,
    })
    .onConflict((conflict) => conflict.columns(['company_id', 'account_id', 'statement_ref']).doNothing())
    .returning('statement_id')
    .executeTakeFirst();
  if (inserted) return { statementId: inserted.statement_id, known: false };
  const existing = await trx
    .selectFrom('bank_statements')
    .select('statement_id')
    .where('company_id', '=', companyId)
    .where('account_id', '=', statement.accountId)
    .where('statement_ref', '=', statement.statementRef)
    .executeTakeFirstOrThrow();
  return { statementId: existing.statement_id, known: true };
}

export interface NewBankTransaction {
  key: string;
  entryIndex: number;
  detailIndex: number;
  bookingDate: string;
  valueDate: string | null;
  amountMinor: number;
  currency: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  endToEndId: string | null;
  bankRef: string | null;
  creditorRef: string | null;
  remittance: string | null;
  label: string | null;
  bankTxCode: string | null;
  chequeNumber: string | null;
  returnReason: string | null;
  direction: 'receipt' | 'outgoing' | 'return';
}

const COLUMNS: ColumnSpec<NewBankTransaction>[] = [
  { name: 'tx_key', type: 'text', value: (t) => t.key },
  { name: 'entry_index', type: 'int4', value: (t) => t.entryIndex },
  { name: 'detail_index', type: 'int4', value: (t) => t.detailIndex },
  { name: 'booking_date', type: 'date', value: (t) => t.bookingDate },
  { name: 'value_date', type: 'date', value: (t) => t.valueDate },
  { name: 'amount_minor', type: 'int8', value: (t) => t.amountMinor },
  { name: 'currency', type: 'text', value: (t) => t.currency },
  { name: 'counterparty_name', type: 'text', value: (t) => t.counterpartyName },
  { name: 'counterparty_iban', type: 'text', value: (t) => t.counterpartyIban },
  { name: 'end_to_end_id', type: 'text', value: (t) => t.endToEndId },
  { name: 'bank_ref', type: 'text', value: (t) => t.bankRef },
  { name: 'creditor_ref', type: 'text', value: (t) => t.creditorRef },
  { name: 'remittance', type: 'text', value: (t) => t.remittance },
  { name: 'label', type: 'text', value: (t) => t.label },
  { name: 'bank_tx_code', type: 'text', value: (t) => t.bankTxCode },
  { name: 'cheque_number', type: 'text', value: (t) => t.chequeNumber },
  { name: 'return_reason', type: 'text', value: (t) => t.returnReason },
  { name: 'direction', type: 'text', value: (t) => t.direction },
  { name: 'status', type: 'text', value: (t) => (t.direction === 'outgoing' ? 'not_applicable' : 'open') },
];

/** Inserts the transactions not yet known on this account (by key); returns the keys inserted. */
export async function insertBankTransactions(
  trx: Kysely<Database>,
  companyId: string,
  accountId: number,
  statementId: number,
  transactions: readonly NewBankTransaction[],
): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const batch of batches(transactions, 2000)) {
    const names = COLUMNS.map((column) => sql.ref(column.name));
    const result = await sql<{ tx_key: string }>`
      insert into bank_transactions (company_id, account_id, statement_id, ${sql.join(names)})
      select ${companyId}, ${accountId}::int8, ${statementId}::int8, ${sql.join(names)}
      from (${unnestSelect(batch, COLUMNS)}) as staged
      on conflict (company_id, account_id, tx_key) do nothing
      returning tx_key`.execute(trx);
    for (const row of result.rows) keys.add(row.tx_key);
  }
  return keys;
}

/** A statement's number of transactions, known once the file has been read through it. */
export async function setStatementTransactionCount(
  trx: Kysely<Database>,
  companyId: string,
  statementId: number,
  transactionCount: number,
): Promise<void> {
  await trx
    .updateTable('bank_statements')
    .set({ transaction_count: transactionCount })
    .where('company_id', '=', companyId)
    .where('statement_id', '=', statementId)
    .execute();
}
