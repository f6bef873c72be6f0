/** Reads of unapplied cash: receipts waiting in the bank, credits open on customer accounts. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface DatedAmount {
  source: 'bank' | 'account';
  date: string;
  currency: string;
  amountMinor: number;
  count: number;
}

/** Every unapplied amount, summed by source, day and currency (the aging reads these). */
export async function unappliedByDay(db: Kysely<Database>, companyId: string): Promise<DatedAmount[]> {
  const result = await sql<DatedAmount>`
    select 'bank' as source, booking_date as date, currency, sum(amount_minor)::int8 as "amountMinor",
      count(*)::int8 as count
    from bank_transactions
    where company_id = ${companyId} and direction = 'receipt' and status in ('open', 'suggested')
    group by booking_date, currency
    union all
    select 'account', d.issue_date, d.currency, sum(-o.open_minor)::int8, count(*)::int8
    from open_items o join documents d on d.company_id = o.company_id and d.document_id = o.document_id
    where o.company_id = ${companyId} and o.open_minor < 0
    group by d.issue_date, d.currency`.execute(db);
  return result.rows.map((row) => ({
    ...row,
    amountMinor: Number(row.amountMinor),
    count: Number(row.count),
  }));
}

export interface OpenCreditRow {
  documentId: number;
  customerCode: string;
  customerName: string;
  kind: string;
  ref: string;
  issueDate: string;
  amountMinor: number;
  /** Positive: what is left to apply. */
  unappliedMinor: number;
  currency: string;
  label: string | null;
  /** The customer's open debits, against which the credit could be netted. */
  openDebitsMinor: number;
  openDebitCount: number;
}

/** Credits open on customer accounts, oldest first, with what the customer owes beside them. */
export async function openCredits(
  db: Kysely<Database>,
  companyId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: OpenCreditRow[]; total: number }> {
  const rows = await sql<OpenCreditRow>`
    with credits as (
      select d.document_id, d.customer_code, d.kind, d.external_ref, d.issue_date, d.amount_minor,
        -o.open_minor as unapplied_minor, d.currency, d.label
      from open_items o join documents d on d.company_id = o.company_id and d.document_id = o.document_id
      where o.company_id = ${companyId} and o.open_minor < 0
      order by d.issue_date, d.document_id limit ${page.limit} offset ${page.offset}
    )
    select c.document_id as "documentId", c.customer_code as "customerCode", cu.name as "customerName",
      c.kind, c.external_ref as ref, c.issue_date as "issueDate", c.amount_minor as "amountMinor",
      c.unapplied_minor as "unappliedMinor", c.currency, c.label,
      coalesce(debits.total, 0)::int8 as "openDebitsMinor", coalesce(debits.n, 0)::int as "openDebitCount"
    from credits c
    join customers cu on cu.company_id = ${companyId} and cu.code = c.customer_code
    left join lateral (
      select sum(o.open_minor) as total, count(*) as n
      from documents d join open_items o on o.company_id = d.company_id and o.document_id = d.document_id
      where d.company_id = ${companyId} and d.customer_code = c.customer_code and o.open_minor > 0
        and d.currency = c.currency
    ) debits on true
    order by c.issue_date, c.document_id`.execute(db);
  const count = await sql<{ total: number }>`
    select count(*)::int8 as total from open_items where company_id = ${companyId} and open_minor < 0`.execute(
    db,
  );
  return {
    rows: rows.rows.map((row) => ({ ...row, openDebitsMinor: Number(row.openDebitsMinor) })),
    total: Number(count.rows[0]?.total ?? 0),
  };
}
