/**
 * The limit history of a customers import: the limits a file gives or changes are captured from
 * the staged rows before the upsert (which overwrites the previous value), then written to the
 * history after it (a new customer must exist before its history row). Set-based, so a file of
 * 100,000 customers costs two statements.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

const CHANGES = 'stage_limit_changes';

/**
 * Before the upsert: the staged customers whose limit differs from the stored one (existing
 * customers only when the file has a limit column), and new customers given a limit.
 */
export async function captureImportedLimitChanges(
  trx: Kysely<Database>,
  companyId: string,
  stage: string,
  fileHasLimits: boolean,
): Promise<void> {
  await sql`
    create temp table ${sql.table(CHANGES)} on commit drop as
    select s.code, t.credit_limit_minor as previous_minor, s.credit_limit_minor as amount_minor,
           coalesce(t.currency, s.currency) as currency
      from ${sql.table(stage)} s
      left join customers t on t.company_id = ${companyId} and t.code = s.code
     where (t.code is null and s.credit_limit_minor is not null)
        or (${fileHasLimits} and t.code is not null and t.credit_limit_minor is distinct from s.credit_limit_minor)`.execute(
    trx,
  );
}

/** After the upsert: one permanent history entry per captured change; returns how many. */
export async function recordImportedLimitChanges(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  change: { validFrom: string; reason: string },
): Promise<number> {
  const result = await sql`
    insert into credit_limit_history
      (company_id, customer_code, kind, amount_minor, previous_minor, currency, valid_from, reason, created_by)
    select ${companyId}, c.code, 'permanent', c.amount_minor, c.previous_minor, c.currency,
           ${change.validFrom}::date, ${change.reason}, ${actor}
      from ${sql.table(CHANGES)} c order by c.code`.execute(trx);
  await sql`drop table ${sql.table(CHANGES)}`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}
