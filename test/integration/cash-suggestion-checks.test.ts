/**
 * Migration 0058: a cash suggestion names a receipt and a customer of its company, checked once
 * per statement instead of by two foreign keys; it goes with either (as the keys' cascade did),
 * and they keep their keys while it names them. And every parent that 0044, 0045 and 0058
 * protect by triggers refuses a TRUNCATE while rows name it, as a foreign key would.
 */
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import { customer, eur } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
type Statement = RawBuilder<unknown>;

/** The statements' outcome, always rolled back: '23503', another code, or 'accepted'. */
async function outcome(...statements: Statement[]): Promise<string> {
  const rolledBack = new Error('rolled back');
  const error = await database.runtime.handle.db
    .transaction()
    .execute(async (trx) => {
      for (const statement of statements) await statement.execute(trx);
      throw rolledBack;
    })
    .catch((caught: unknown) => caught as { code?: string });
  return error === rolledBack ? 'accepted' : (error?.code ?? String(error));
}

/** How many rows `query` finds after `statements`, in the same rolled-back transaction. */
async function countAfter(query: Statement, ...statements: Statement[]): Promise<number> {
  let count = -1;
  const rolledBack = new Error('rolled back');
  await database.runtime.handle.db
    .transaction()
    .execute(async (trx) => {
      for (const statement of statements) await statement.execute(trx);
      const { rows } = await sql<{ count: number }>`select count(*)::int as count from (${query}) q`.execute(
        trx,
      );
      count = rows[0]?.count ?? -1;
      throw rolledBack;
    })
    .catch((caught: unknown) => {
      if (caught !== rolledBack) throw caught;
    });
  return count;
}

const account = sql`insert into bank_accounts (company_id, account_key, created_by)
  values ('CHK', 'FR76', 'test')`;
const bankStatement = sql`insert into bank_statements (company_id, account_id, format, statement_ref,
    file_name, file_sha256, transaction_count, imported_by)
  select 'CHK', account_id, 'camt.053', 'ST1', 'st.xml', 'x', 1, 'test' from bank_accounts where company_id = 'CHK'`;
const receipt = (key: string) => sql`insert into bank_transactions (company_id, account_id, statement_id,
    tx_key, entry_index, booking_date, amount_minor, currency, direction)
  select 'CHK', account_id, statement_id, ${key}, 1, '2026-06-15', 1000, 'EUR', 'receipt'
  from bank_statements where company_id = 'CHK'`;
const receipts = [account, bankStatement, receipt('T1'), receipt('T2')];
/** A suggestion for receipt `key` (or a transaction id that no receipt has) and `customerCode`. */
const suggestion = (key: string | number, customerCode: string, rank = 1) =>
  typeof key === 'number'
    ? sql`insert into cash_suggestions (company_id, transaction_id, rank, customer_code, confidence, proposal, evidence)
        values ('CHK', ${key}, ${rank}, ${customerCode}, 50, '{}', '[]')`
    : sql`insert into cash_suggestions (company_id, transaction_id, rank, customer_code, confidence, proposal, evidence)
        select 'CHK', transaction_id, ${rank}, ${customerCode}, 50, '{}', '[]'
        from bank_transactions where company_id = 'CHK' and tx_key = ${key}`;
const newCustomer = sql`insert into customers (company_id, code, name) values ('CHK', 'NEW-1', 'Nouveau')`;
const suggestionsOf = (column: 'customer_code' | 'tx_key', value: string) =>
  column === 'customer_code'
    ? sql`select 1 from cash_suggestions where company_id = 'CHK' and customer_code = ${value}`
    : sql`select 1 from cash_suggestions s join bank_transactions t using (company_id, transaction_id)
        where s.company_id = 'CHK' and t.tx_key = ${value}`;

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset(database.context('CHK'), {
    company: { code: 'CHK', name: 'Checks SA', currency: 'EUR', asOf: '2026-06-30' },
    customers: [customer('C1', { name: 'Alpha SARL' }), customer('C2', { name: 'Beta SA' })],
    documents: [
      {
        kind: 'invoice',
        source: 'erp',
        externalRef: 'F1',
        customerCode: 'C1',
        issueDate: '2026-05-01',
        dueDate: '2026-05-31',
        valueDate: null,
        amountMinor: eur(100),
        currency: 'EUR',
        label: null,
      },
    ],
    allocations: [],
    orders: [],
    events: [],
    users: [],
  });
});
afterAll(async () => database?.close());

describe('a cash suggestion names a receipt and a customer of its company (migration 0058)', () => {
  it('accepts a suggestion naming both, refuses one naming no receipt or no customer', async () => {
    expect(await outcome(...receipts, suggestion('T1', 'C1'), suggestion('T1', 'C2', 2))).toBe('accepted');
    expect(await outcome(...receipts, suggestion(-1, 'C1'))).toBe('23503');
    expect(await outcome(...receipts, suggestion('T1', 'NO-SUCH'))).toBe('23503');
    // Moved to another company, it names no receipt of that one.
    expect(
      await outcome(...receipts, suggestion('T1', 'C1'), sql`update cash_suggestions set company_id = 'X'`),
    ).toBe('23503');
  });

  it('refuses an update pointing a suggestion elsewhere, not one leaving its keys alone', async () => {
    const update = (set: Statement) => sql`update cash_suggestions set ${set} where company_id = 'CHK'`;
    const before = [...receipts, suggestion('T1', 'C1')];
    expect(await outcome(...before, update(sql`confidence = 60`))).toBe('accepted');
    expect(await outcome(...before, update(sql`customer_code = 'C2'`))).toBe('accepted');
    expect(await outcome(...before, update(sql`customer_code = 'NO-SUCH'`))).toBe('23503');
    expect(await outcome(...before, update(sql`transaction_id = -1`))).toBe('23503');
  });

  it('deletes the suggestions of a receipt or a customer deleted, and only theirs', async () => {
    const before = [...receipts, newCustomer, suggestion('T1', 'NEW-1'), suggestion('T2', 'C1')];
    expect(await countAfter(suggestionsOf('tx_key', 'T1'), ...before)).toBe(1);
    const removeReceipt = sql`delete from bank_transactions where company_id = 'CHK' and tx_key = 'T1'`;
    expect(await countAfter(suggestionsOf('tx_key', 'T1'), ...before, removeReceipt)).toBe(0);
    expect(await countAfter(suggestionsOf('tx_key', 'T2'), ...before, removeReceipt)).toBe(1);
    const removeCustomer = sql`delete from customers where company_id = 'CHK' and code = 'NEW-1'`;
    expect(await countAfter(suggestionsOf('customer_code', 'NEW-1'), ...before, removeCustomer)).toBe(0);
    expect(await countAfter(suggestionsOf('customer_code', 'C1'), ...before, removeCustomer)).toBe(1);
    // Through the account's cascade too (its receipts go, and their suggestions with them).
    const removeAccount = sql`delete from bank_accounts where company_id = 'CHK'`;
    expect(await countAfter(sql`select 1 from cash_suggestions`, ...before, removeAccount)).toBe(0);
  });

  it('refuses a new code of a customer a suggestion names, not of one none names', async () => {
    const recode = sql`update customers set code = 'NEW-2' where company_id = 'CHK' and code = 'NEW-1'`;
    const rename = sql`update customers set name = 'Renommé' where company_id = 'CHK' and code = 'NEW-1'`;
    expect(await outcome(...receipts, newCustomer, suggestion('T1', 'NEW-1'), recode)).toBe('23503');
    expect(await outcome(...receipts, newCustomer, suggestion('T1', 'NEW-1'), rename)).toBe('accepted');
    expect(await outcome(...receipts, newCustomer, recode)).toBe('accepted');
  });
});

describe('a parent protected by triggers refuses a TRUNCATE while rows name it (migration 0058)', () => {
  const run = sql`insert into dunning_runs (company_id, as_of, planned_actions, sent_actions, skipped_items,
    tasks_created, created_by) values ('CHK', '2026-06-30', 1, 1, 0, 0, 'test')`;
  const letter = sql`insert into dunning_letters (company_id, filename, content) values ('CHK', 'l.pdf', '\\x00')`;
  const message = sql`insert into mail_outbox (company_id, idempotency_key, category, from_address, to_addresses,
    subject, text_body, message_id_header, created_by)
    values ('CHK', 'k1', 'dunning', 'a@example.com', '{b@example.com}', 's', 't', '<m@x>', 'test')`;
  const action = sql`insert into dunning_actions (company_id, run_id, customer_code, action_date, policy_code,
      policy_version, step_code, step_kind, level, channel, lang, currency, open_total_minor,
      interest_total_minor, indemnity_total_minor, credits_minor, total_due_minor, status, origin,
      outbox_id, letter_id, created_by)
    select 'CHK', (select max(run_id) from dunning_runs where company_id = 'CHK'), 'C1', '2026-06-30', 'P', 1,
      'S1', 'reminder', 1, 'letter', 'fr', 'EUR', 10000, 0, 0, 0, 10000, 'sent', 'run',
      (select max(outbox_id) from mail_outbox where company_id = 'CHK'),
      (select max(letter_id) from dunning_letters where company_id = 'CHK'), 'test'`;
  const item = sql`insert into dunning_action_items (company_id, action_id, document_id, document_ref, due_date,
      open_minor, days_late, from_level, level, step_code, step_kind, interest_status)
    select 'CHK', (select max(action_id) from dunning_actions where company_id = 'CHK'), document_id, 'F1',
      '2026-05-31', 10000, 30, 0, 1, 'S1', 'reminder', 'not_claimed'
    from documents where company_id = 'CHK' and external_ref = 'F1'`;
  const dunning = [run, letter, message, action, item];
  // CASCADE takes the tables that real foreign keys tie to the parent, not those the triggers guard.
  const truncate = (table: string) => sql`truncate ${sql.table(table)} cascade`;

  it.each([
    ['documents', 'dunning_action_items'],
    ['dunning_actions', 'dunning_action_items'],
    ['dunning_runs', 'dunning_actions'],
    ['mail_outbox', 'dunning_actions'],
    ['dunning_letters', 'dunning_actions'],
    ['customers', 'dunning_actions'],
  ])('%s while %s names it: refused; once that table is emptied: accepted', async (parent, child) => {
    expect(await outcome(...dunning, truncate(parent))).toBe('23503');
    const emptied = child === 'dunning_actions' ? ['dunning_action_items', child] : [child];
    expect(
      await outcome(
        ...dunning,
        ...emptied.map((table) => sql`delete from ${sql.table(table)}`),
        truncate(parent),
      ),
    ).toBe('accepted');
  });

  it.each([['bank_transactions'], ['customers']])(
    '%s while a cash suggestion names it: refused; without suggestions: accepted',
    async (parent) => {
      expect(await outcome(...receipts, suggestion('T1', 'C1'), truncate(parent))).toBe('23503');
      expect(await outcome(...receipts, truncate(parent))).toBe('accepted');
    },
  );
});
