/** Reads of the reconciliations: bank lines and sub-ledger payments of a period, balances at a date. */
import { type Kysely, sql } from 'kysely';
import type { BankReceiptFigure, LedgerPaymentFigure } from '#core/cash/reconcile';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

/** The days an account's statements cover, from the first to the last (within a period asked for). */
export interface AccountCoverage {
  accountKey: string;
  from: string;
  to: string;
}

/** The windows as three parallel arrays, for `unnest` (a window per account). */
function windowArrays(windows: readonly AccountCoverage[]) {
  return {
    keys: windows.map((window) => window.accountKey),
    froms: windows.map((window) => window.from),
    tos: windows.map((window) => window.to),
  };
}

/**
 * Per account, the first and last day its statements overlapping the period cover: each statement
 * from the earlier of its start date and its first booking to the later of its end date and its
 * last booking (a file's balance dates do not always frame its entries). Not clipped to the period.
 */
export async function statementCoverage(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  to: string,
): Promise<AccountCoverage[]> {
  const result = await sql<AccountCoverage>`
    with spans as (
      select s.account_id,
        least(s.from_date, s.to_date, x.first_day) as first_day,
        greatest(s.from_date, s.to_date, x.last_day) as last_day
      from bank_statements s
      left join lateral (select min(t.booking_date) as first_day, max(t.booking_date) as last_day
        from bank_transactions t where t.company_id = s.company_id and t.statement_id = s.statement_id) x on true
      where s.company_id = ${companyId})
    select a.account_key as "accountKey", min(p.first_day) as "from", max(p.last_day) as "to"
    from spans p join bank_accounts a on a.company_id = ${companyId} and a.account_id = p.account_id
    where p.first_day <= ${to} and p.last_day >= ${from}
    group by a.account_key order by a.account_key`.execute(db);
  return result.rows;
}

/**
 * Receipts and returns the bank booked within the windows (each account's lines within its own),
 * with the document each became.
 */
export async function bankLinesOfPeriod(
  db: Kysely<Database>,
  companyId: string,
  windows: readonly AccountCoverage[],
): Promise<BankReceiptFigure[]> {
  if (windows.length === 0) return [];
  const { keys, froms, tos } = windowArrays(windows);
  // A receipt's payments are its applications in force (several for a group receipt).
  const result = await sql<BankReceiptFigure>`
    select t.transaction_id as "transactionId", t.booking_date as "bookingDate", t.amount_minor as "amountMinor",
      t.direction, t.status, coalesce(t.counterparty_name, t.label) as label,
      case when t.direction = 'receipt' then array(
          select a.payment_document_id from cash_applications a
          where a.company_id = t.company_id and a.transaction_id = t.transaction_id
            and a.reversed_by_decision_id is null order by a.application_id)
        -- A return line sends back a whole line: every payment it became bounced with it (0034).
        when t.bounced_document_id is not null then coalesce((
          select array_agg(b.bounced_document_id order by b.application_id)
          from cash_applications a join cash_applications b
            on b.company_id = a.company_id and b.decision_id = a.decision_id and b.bounced_document_id is not null
          where a.company_id = t.company_id and a.bounced_document_id = t.bounced_document_id),
          array[t.bounced_document_id])
        else '{}'::int8[] end as "documentIds"
    from bank_transactions t
    join bank_accounts b on b.company_id = t.company_id and b.account_id = t.account_id
    where t.company_id = ${companyId} and t.direction in ('receipt', 'return')
      and t.status <> 'not_applicable'
      and exists (select 1 from unnest(${keys}::text[], ${froms}::date[], ${tos}::date[]) w(account_key, first_day, last_day)
        where w.account_key = b.account_key and t.booking_date between w.first_day and w.last_day)
    order by t.booking_date, t.transaction_id`.execute(db);
  return result.rows.map((row) => ({ ...row, documentIds: row.documentIds.map(Number) }));
}

/**
 * Payments and bounced payments the sub-ledger recorded on a day some statement covers (the ledger
 * does not say which account a payment reached), except a payment whose match was reversed (cash
 * application cancels it with an adjustment `CANCEL-<id>`): the bank receipt behind it is matched
 * anew under another payment.
 */
export async function ledgerPaymentsOfPeriod(
  db: Kysely<Database>,
  companyId: string,
  windows: readonly AccountCoverage[],
): Promise<LedgerPaymentFigure[]> {
  if (windows.length === 0) return [];
  const { keys, froms, tos } = windowArrays(windows);
  const result = await sql<LedgerPaymentFigure>`
    select d.document_id as "documentId", d.kind, d.external_ref as "externalRef",
      d.customer_code as "customerCode", d.issue_date as "issueDate", d.amount_minor as "amountMinor"
    from documents d
    where d.company_id = ${companyId} and d.kind in ('payment', 'bounced_payment')
      and exists (select 1 from unnest(${keys}::text[], ${froms}::date[], ${tos}::date[]) w(account_key, first_day, last_day)
        where d.issue_date between w.first_day and w.last_day)
      and not exists (select 1 from documents x where x.company_id = d.company_id and x.source = 'cash'
        and x.kind = 'adjustment' and x.external_ref = 'CANCEL-' || d.document_id)
    order by d.issue_date, d.document_id`.execute(db);
  return result.rows;
}

export interface StatementFigure {
  accountKey: string;
  statementRef: string;
  fromDate: string | null;
  toDate: string | null;
  openingMinor: number | null;
  closingMinor: number | null;
  currency: string | null;
}

/** Statements overlapping the period, per account in date order. */
export async function statementsOfPeriod(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  to: string,
): Promise<StatementFigure[]> {
  const result = await sql<StatementFigure>`
    select a.account_key as "accountKey", s.statement_ref as "statementRef", s.from_date as "fromDate",
      s.to_date as "toDate", s.opening_minor as "openingMinor", s.closing_minor as "closingMinor", s.currency
    from bank_statements s join bank_accounts a on a.company_id = s.company_id and a.account_id = s.account_id
    where s.company_id = ${companyId} and coalesce(s.to_date, s.from_date) >= ${from}
      and coalesce(s.from_date, s.to_date) <= ${to}
    order by a.account_key, s.from_date, s.statement_id`.execute(db);
  return result.rows;
}

/** Every customer's balance at the date (sum of its documents issued by then). */
export async function customerBalancesAt(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<Map<string, number>> {
  const result = await sql<{ customerCode: string; balanceMinor: number }>`
    select customer_code as "customerCode", sum(amount_minor)::int8 as "balanceMinor"
    from documents where company_id = ${companyId} and issue_date <= ${asOf}
    group by customer_code`.execute(db);
  return new Map(result.rows.map((row) => [row.customerCode, Number(row.balanceMinor)]));
}

/**
 * The documents of these customers that can explain a gap at the date: those open then (what makes
 * up their balance) and those the general ledger names (`refs`, to compare its amount). A document
 * settled by the date and unknown to the general ledger nets to zero with what settled it.
 */
export async function customerDocumentsAt(
  db: Kysely<Database>,
  companyId: string,
  customerCodes: readonly string[],
  asOf: string,
  refs: readonly string[] = [],
): Promise<
  { customerCode: string; externalRef: string; amountMinor: number; label: string | null; open: boolean }[]
> {
  if (customerCodes.length === 0) return [];
  const result = await sql<{
    customerCode: string;
    externalRef: string;
    amountMinor: number;
    label: string | null;
    open: boolean;
  }>`
    select d.customer_code as "customerCode", d.external_ref as "externalRef", d.amount_minor as "amountMinor",
      d.label, o.document_id is not null as open
    from documents d
    left join (${openItemsAsOf({ companyId, asOf })}) o on o.document_id = d.document_id
    where d.company_id = ${companyId} and d.issue_date <= ${asOf}
      and d.customer_code = any(${[...customerCodes]}::text[])
      and (o.document_id is not null or d.external_ref = any(${[...refs]}::text[]))`.execute(db);
  return result.rows;
}
