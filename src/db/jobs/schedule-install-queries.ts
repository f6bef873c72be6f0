/** The reads installing a company's built-in schedule needs (app/forecast/forecast-schedule.ts). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

/** Locks the company's row: two starting workers then install its schedule once. */
export async function lockCompanyRow(trx: Kysely<Database>, companyId: string): Promise<void> {
  await sql`select 1 from companies where company_id = ${companyId} for update`.execute(trx);
}

/** Whether the company has, or ever had (its audit trail says so), a schedule of this kind. */
export async function scheduleKnown(
  trx: Kysely<Database>,
  companyId: string,
  kind: string,
): Promise<boolean> {
  const known = await sql<{ found: number }>`
    select 1 as found from job_schedules where company_id = ${companyId} and kind = ${kind}
    union all
    select 1 from audit_log where company_id = ${companyId} and entity = 'job_schedule'
       and action = 'job_schedule.create' and after ->> 'kind' = ${kind}
    limit 1`.execute(trx);
  return known.rows.length > 0;
}

export async function selectCompanyIds(db: Kysely<Database>): Promise<string[]> {
  const companies = await sql<{ companyId: string }>`
    select company_id as "companyId" from companies order by company_id`.execute(db);
  return companies.rows.map((row) => row.companyId);
}
