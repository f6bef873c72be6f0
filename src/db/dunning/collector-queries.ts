/**
 * The collectors' portfolios and the day's marks on agenda entries (migration 0062). Raw SQL: the
 * tables are the agenda's own and read nowhere else.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

/** Rows per statement when a list of customer codes is written or read in bulk. */
const CHUNK = 1000;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += CHUNK) out.push(values.slice(start, start + CHUNK));
  return out;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

export interface PortfolioRow {
  customerCode: string;
  collectorEmail: string;
}

/** Every assignment of the company, or one collector's (their portfolio). */
export async function selectPortfolios(
  db: Kysely<Database>,
  companyId: string,
  collectorEmail?: string,
): Promise<PortfolioRow[]> {
  const result = await sql<PortfolioRow>`
    select customer_code as "customerCode", collector_email as "collectorEmail"
    from agenda_portfolios where company_id = ${companyId}
    ${collectorEmail === undefined ? sql`` : sql`and collector_email = ${collectorEmail}`}
    order by customer_code`.execute(db);
  return result.rows;
}

/** Of these codes, those that name a customer of the company. */
export async function selectKnownCustomerCodes(
  db: Kysely<Database>,
  companyId: string,
  codes: readonly string[],
): Promise<Set<string>> {
  const known = new Set<string>();
  for (const part of chunks(codes)) {
    const result = await sql<{ code: string }>`
      select code from customers where company_id = ${companyId} and code in (${list(part)})`.execute(db);
    for (const row of result.rows) known.add(row.code);
  }
  return known;
}

/**
 * Assigns the customers to the collector (null: unassigns them) at the use case's instant;
 * returns the collectors before.
 */
export async function writePortfolio(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  input: { customerCodes: readonly string[]; collectorEmail: string | null; at: Date },
): Promise<Map<string, string>> {
  const before = new Map<string, string>();
  for (const part of chunks(input.customerCodes)) {
    const previous = await sql<PortfolioRow>`
      select customer_code as "customerCode", collector_email as "collectorEmail" from agenda_portfolios
      where company_id = ${companyId} and customer_code in (${list(part)})`.execute(db);
    for (const row of previous.rows) before.set(row.customerCode, row.collectorEmail);
    if (input.collectorEmail === null) {
      await sql`delete from agenda_portfolios
        where company_id = ${companyId} and customer_code in (${list(part)})`.execute(db);
      continue;
    }
    const email = input.collectorEmail;
    await sql`
      insert into agenda_portfolios (company_id, customer_code, collector_email, assigned_by, assigned_at)
      values ${sql.join(
        part.map((code) => sql`(${companyId}, ${code}, ${email}, ${actor}, ${input.at})`),
        sql`, `,
      )}
      on conflict (company_id, customer_code) do update
        set collector_email = excluded.collector_email, assigned_at = excluded.assigned_at,
          assigned_by = excluded.assigned_by`.execute(db);
  }
  return before;
}

/** Hands the customer's open call tasks to the collector; returns the ids of the tasks moved. */
export async function reassignOpenTasks(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  collectorEmail: string,
): Promise<number[]> {
  const result = await sql<{ taskId: string | number }>`
    update dunning_call_tasks set assigned_to = ${collectorEmail}
    where company_id = ${companyId} and customer_code = ${customerCode} and status = 'open'
    returning task_id as "taskId"`.execute(db);
  return result.rows.map((row) => Number(row.taskId)).sort((a, b) => a - b);
}

export interface CollectorRow {
  email: string;
  name: string;
  role: string;
  customers: number;
}

/** The company's collectors, and any other user holding a portfolio, with its size. */
export async function selectCollectors(db: Kysely<Database>, companyId: string): Promise<CollectorRow[]> {
  const result = await sql<{ email: string; name: string; role: string; customers: string | number }>`
    select u.email, u.name, u.role, count(p.customer_code) as customers
    from users u
    left join agenda_portfolios p on p.company_id = u.company_id and p.collector_email = u.email
    where u.company_id = ${companyId} and u.disabled_at is null
    group by u.email, u.name, u.role
    having u.role = 'collector' or count(p.customer_code) > 0
    order by u.name, u.email`.execute(db);
  return result.rows.map((row) => ({ ...row, customers: Number(row.customers) }));
}

export type EntryMark = 'done' | 'snoozed';

export interface MarkRow {
  customerCode: string;
  mark: EntryMark;
  markedOn: string;
  hiddenThrough: string;
  markedBy: string;
}

export async function upsertEntryMark(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: { customerCode: string; mark: EntryMark; markedOn: string; hiddenThrough: string },
): Promise<MarkRow | null> {
  const previous = await selectEntryMark(db, companyId, row.customerCode);
  await sql`
    insert into agenda_entry_marks (company_id, customer_code, mark, marked_on, hidden_through, marked_by)
    values (${companyId}, ${row.customerCode}, ${row.mark}, ${row.markedOn}::date, ${row.hiddenThrough}::date, ${actor})
    on conflict (company_id, customer_code) do update
      set mark = excluded.mark, marked_on = excluded.marked_on, hidden_through = excluded.hidden_through,
        marked_at = now(), marked_by = excluded.marked_by`.execute(db);
  return previous;
}

export async function deleteEntryMark(db: Kysely<Database>, companyId: string, customerCode: string) {
  await sql`delete from agenda_entry_marks
    where company_id = ${companyId} and customer_code = ${customerCode}`.execute(db);
}

async function selectEntryMark(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
): Promise<MarkRow | null> {
  const result = await sql<MarkRow>`${markSelect(companyId)} and customer_code = ${customerCode}`.execute(db);
  return result.rows[0] ?? null;
}

const markSelect = (companyId: string) => sql`
  select customer_code as "customerCode", mark, to_char(marked_on, 'YYYY-MM-DD') as "markedOn",
    to_char(hidden_through, 'YYYY-MM-DD') as "hiddenThrough", marked_by as "markedBy"
  from agenda_entry_marks where company_id = ${companyId}`;

/** The marks that hide an entry on `asOf`. */
export async function selectMarksHidingOn(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<MarkRow[]> {
  const result = await sql<MarkRow>`${markSelect(companyId)}
    and marked_on <= ${asOf}::date and hidden_through >= ${asOf}::date
    order by customer_code`.execute(db);
  return result.rows;
}
