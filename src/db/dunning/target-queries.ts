/**
 * Collectors' monthly collection targets and what their portfolios brought in: the payments
 * dated in the month on the customers each collector holds now, net of bounced payments.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface TargetRow {
  collectorEmail: string;
  month: string;
  amountMinor: number;
  currency: string;
}

/** Sets the target at the use case's instant; the previous amount, or null when the target is new. */
export async function upsertTarget(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  target: TargetRow,
  at: Date,
): Promise<number | null> {
  const before = await sql<{ amountMinor: string }>`
    select amount_minor as "amountMinor" from agenda_collection_targets
    where company_id = ${companyId} and collector_email = ${target.collectorEmail} and month = ${target.month}
    for update`.execute(db);
  await sql`
    insert into agenda_collection_targets (company_id, collector_email, month, amount_minor, currency, set_by, set_at)
    values (${companyId}, ${target.collectorEmail}, ${target.month}, ${target.amountMinor}, ${target.currency}, ${actor}, ${at})
    on conflict (company_id, collector_email, month) do update
      set amount_minor = excluded.amount_minor, currency = excluded.currency, set_at = excluded.set_at,
        set_by = excluded.set_by`.execute(db);
  const previous = before.rows[0]?.amountMinor;
  return previous === undefined ? null : Number(previous);
}

export async function selectTargets(
  db: Kysely<Database>,
  companyId: string,
  month: string,
): Promise<TargetRow[]> {
  const result = await sql<TargetRow & { amountMinor: string }>`
    select collector_email as "collectorEmail", month, amount_minor as "amountMinor", currency
    from agenda_collection_targets where company_id = ${companyId} and month = ${month}
    order by collector_email`.execute(db);
  return result.rows.map((row) => ({ ...row, amountMinor: Number(row.amountMinor) }));
}

/**
 * Per collector, the payments dated from `from` to `to` (inclusive) on the customers of their
 * portfolio, less the payments that bounced in that time, in `currency` (a payment is stored
 * negative, a bounce positive: the sum's opposite is what came in).
 */
export async function selectCollectedByCollector(
  db: Kysely<Database>,
  companyId: string,
  input: { from: string; to: string; currency: string },
): Promise<Map<string, number>> {
  const result = await sql<{ collectorEmail: string; collectedMinor: string }>`
    select p.collector_email as "collectorEmail",
      -sum(d.amount_minor) as "collectedMinor"
    from agenda_portfolios p
    join documents d on d.company_id = p.company_id and d.customer_code = p.customer_code
    where p.company_id = ${companyId} and d.kind in ('payment', 'bounced_payment')
      and d.currency = ${input.currency}
      and d.issue_date between ${input.from}::date and ${input.to}::date
    group by p.collector_email`.execute(db);
  return new Map(result.rows.map((row) => [row.collectorEmail, Number(row.collectedMinor)]));
}
