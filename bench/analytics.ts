/**
 * Analytics benchmark: aged balance as of the reference date and one year back, and 12 months of
 * indicators, on the scale data set (invoices plus generated payments and their matching), on
 * PostgreSQL and PGlite. The aged balance is compared with the bare SQL aggregation of open
 * amounts over the same tables in the same run.
 *
 *   node_modules/.bin/node bench/analytics.ts [--invoices N] [--customers N] [--skip-pglite] [--skip-postgres]
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { type AppContext, fixedClock, silentLogger } from '#app/context';
import { loadScaleCompany } from '#app/demo/demo';
import { getAgedBalance } from '#app/reports/aging';
import { getKpis } from '#app/reports/kpis';
import { openRuntime } from '#app/runtime';
import { addMonths } from '#core/calendar';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { inReportSnapshot } from '#db/reports/report-session';

export interface AnalyticsFigures {
  engine: string;
  invoices: number;
  payments: number;
  loadSeconds: number;
  agingTodaySeconds: number;
  agingYearBackSeconds: number;
  /** The former method: open amounts aggregated from every allocation dated ≤ as-of. */
  bareSqlTodaySeconds: number;
  ratioToBareSql: number;
  /** The bare aggregation of the open-items table the report reads (same table, no application code). */
  bareOpenItemsSeconds: number;
  ratioToBareOpenItems: number;
  kpis12MonthsSeconds: number;
}

/** Pays about 85 % of the invoices due before the reference date, 15 days early to 35 days late. */
async function addPayments(ctx: AppContext, asOf: string): Promise<number> {
  await sql`
    create temporary table bench_pay as
    select document_id, customer_code, amount_minor,
      least(${asOf}::date, greatest(issue_date, due_date + ((document_id * 7) % 50)::int - 15)) as paid_on
    from documents where company_id = 'SCALE' and kind = 'invoice' and due_date < ${asOf}::date
      and (document_id * 13) % 100 < 85`.execute(ctx.db);
  await sql`
    insert into documents (company_id, kind, source, external_ref, customer_code, issue_date, due_date, amount_minor, currency)
    select 'SCALE', 'payment', 'bench', 'P' || document_id, customer_code, paid_on, paid_on, -amount_minor, 'EUR' from bench_pay`.execute(
    ctx.db,
  );
  const result = await sql<{ n: number }>`
    with inserted as (
      insert into allocations (company_id, debit_document_id, credit_document_id, amount_minor, allocation_date, source)
      select 'SCALE', p.document_id, d.document_id, p.amount_minor, p.paid_on, 'bench'
      from bench_pay p join documents d on d.company_id = 'SCALE' and d.source = 'bench' and d.external_ref = 'P' || p.document_id
      returning 1
    ) select count(*)::int8 as n from inserted`.execute(ctx.db);
  await sql`drop table bench_pay`.execute(ctx.db);
  await sql`analyze`.execute(ctx.db);
  return result.rows[0]?.n ?? 0;
}

/** Payments of a scale company of the same size loaded earlier in a kept database, or null. */
async function existingPayments(ctx: AppContext, invoices: number): Promise<number | null> {
  const result = await sql<{ invoices: number; payments: number }>`
    select count(*) filter (where kind = 'invoice')::int8 as invoices,
      count(*) filter (where source = 'bench')::int8 as payments
    from documents where company_id = 'SCALE'`.execute(ctx.db);
  const row = result.rows[0];
  return row && row.invoices === invoices && row.payments > 0 ? row.payments : null;
}

/** The same aggregation written by hand: open amount per customer and bucket, no application code. */
function bareAgingSql(asOf: string) {
  return sql`
    select customer_code, case when open_minor < 0 then -1 when age <= 0 then 0 when age <= 30 then 1
      when age <= 60 then 2 when age <= 90 then 3 else 4 end as bucket, sum(open_minor)
    from (
      select d.customer_code, d.amount_minor - coalesce(a.s, 0) as open_minor, ${asOf}::date - d.due_date as age
      from documents d left join (
        select document_id, sum(x) as s from (
          select debit_document_id as document_id, amount_minor as x from allocations where company_id = 'SCALE' and allocation_date <= ${asOf}
          union all
          select credit_document_id, -amount_minor from allocations where company_id = 'SCALE' and allocation_date <= ${asOf}
        ) u group by document_id
      ) a on a.document_id = d.document_id
      where d.company_id = 'SCALE' and d.issue_date <= ${asOf}
    ) o where open_minor <> 0 group by 1, 2`;
}

/** The open-items table grouped by customer and bucket, as of the reference date, by hand. */
function bareOpenItemsSql(asOf: string) {
  return sql`
    select customer_code, case when open_minor < 0 then -1 when age <= 0 then 0 when age <= 30 then 1
      when age <= 60 then 2 when age <= 90 then 3 else 4 end as bucket, sum(open_minor), count(*)
    from (select customer_code, open_minor, ${asOf}::date - due_date as age from open_items
      where company_id = 'SCALE' and issue_date <= ${asOf}) o
    group by 1, 2`;
}

async function timed<T>(work: () => Promise<T>, repeat = 3): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    await work();
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return round(best);
}

export async function benchAnalytics(
  url: string,
  engine: string,
  customers: number,
  invoices: number,
): Promise<AnalyticsFigures> {
  const runtime = await openRuntime({ url }, { clock: fixedClock('2026-06-30'), log: silentLogger });
  try {
    const base = { db: runtime.handle.db, clock: runtime.clock, log: silentLogger, actor: 'bench' };
    const ctx: AppContext = { ...base, companyId: 'SCALE' };
    const asOf = '2026-06-30';
    const started = performance.now();
    let payments = await existingPayments(ctx, invoices);
    if (payments === null) {
      await loadScaleCompany(base, { customers, invoices, replace: true });
      payments = await addPayments(ctx, asOf);
    }
    const loadSeconds = round((performance.now() - started) / 1000);
    await refreshPlannerStatistics(ctx.db); // as `encours serve` and the imports do
    const yearBack = addMonths(asOf, -12);
    const agingTodaySeconds = await timed(() => getAgedBalance(ctx, { asOf }));
    const bareSqlTodaySeconds = await timed(() => bareAgingSql(asOf).execute(ctx.db));
    const bareOpenItemsSeconds = await timed(() =>
      inReportSnapshot(ctx.db, (trx) => bareOpenItemsSql(asOf).execute(trx)),
    );
    return {
      engine,
      invoices,
      payments,
      loadSeconds,
      agingTodaySeconds,
      agingYearBackSeconds: await timed(() => getAgedBalance(ctx, { asOf: yearBack })),
      bareSqlTodaySeconds,
      ratioToBareSql: round(agingTodaySeconds / bareSqlTodaySeconds),
      bareOpenItemsSeconds,
      ratioToBareOpenItems: round(agingTodaySeconds / bareOpenItemsSeconds),
      kpis12MonthsSeconds: await timed(() => getKpis(ctx, { to: asOf })),
    };
  } finally {
    await runtime.close();
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A fresh database dropped afterwards, or a kept one (`--keep-database NAME`) to iterate on queries. */
export async function withPostgres<T>(
  serverUrl: string,
  kept: string | undefined,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const name = kept ?? `encours_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  try {
    return await work(target.toString());
  } finally {
    if (kept === undefined) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      invoices: { type: 'string', default: '1000000' },
      customers: { type: 'string', default: '100000' },
      'skip-pglite': { type: 'boolean', default: false },
      'skip-postgres': { type: 'boolean', default: false },
      'keep-database': { type: 'string' },
    },
  });
  const serverUrl =
    process.env['ENCOURS_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const [customers, invoices] = [Number(values.customers), Number(values.invoices)];
  const print = (figures: AnalyticsFigures) =>
    process.stdout.write(`analytics: ${JSON.stringify(figures)}\n`);
  if (!values['skip-postgres']) {
    const kept = values['keep-database'];
    print(await withPostgres(serverUrl, kept, (url) => benchAnalytics(url, 'postgres', customers, invoices)));
  }
  if (!values['skip-pglite']) print(await benchAnalytics('memory://', 'pglite', customers, invoices));
}
