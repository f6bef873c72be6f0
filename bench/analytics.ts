/**
 * Analytics benchmark: aged balance as of the reference date and one year back, and 12 months of
 * indicators, on the settled scale data set (invoices with payments, partial payments, credit
 * notes, bounced payments and reversed matching, disputes and open credits: see
 * src/demo/scale-settlement.ts), median of several runs with the load average, on
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
import { loadAverage, measure, type Timing } from './stats.ts';

export interface AnalyticsFigures {
  engine: string;
  ledger: LedgerCounts;
  loadSeconds: number;
  loadAverageBefore: number;
  agingToday: Timing;
  agingYearBack: Timing;
  /** The former method: open amounts aggregated from every allocation dated ≤ as-of. */
  bareSqlToday: Timing;
  ratioToBareSql: number;
  /** The bare aggregation of the open-items table the report reads (same table, no application code). */
  bareOpenItems: Timing;
  ratioToBareOpenItems: number;
  kpis12Months: Timing;
  loadAverageAfter: number;
}

/** Documents of a scale company of the same size loaded earlier in a kept database, or null. */
async function existingLedger(ctx: AppContext, invoices: number): Promise<LedgerCounts | null> {
  const counts = await ledgerCounts(ctx);
  return counts.invoices === invoices ? counts : null;
}

interface LedgerCounts {
  invoices: number;
  payments: number;
  creditNotes: number;
  bouncedPayments: number;
  allocations: number;
  reversals: number;
  partlyOpen: number;
  openCredits: number;
}

/** What the benchmark ran on: the figure means little unless the ledger looks like a real one. */
async function ledgerCounts(ctx: AppContext): Promise<LedgerCounts> {
  const documents = await sql<{
    invoices: number;
    payments: number;
    creditNotes: number;
    bouncedPayments: number;
  }>`
    select count(*) filter (where kind = 'invoice')::int8 as invoices,
      count(*) filter (where kind = 'payment')::int8 as payments,
      count(*) filter (where kind = 'credit_note')::int8 as "creditNotes",
      count(*) filter (where kind = 'bounced_payment')::int8 as "bouncedPayments"
    from documents where company_id = 'SCALE'`.execute(ctx.db);
  const allocations = await sql<{ allocations: number; reversals: number }>`
    select count(*)::int8 as allocations, count(reverses_allocation_id)::int8 as reversals
    from allocations where company_id = 'SCALE'`.execute(ctx.db);
  const open = await sql<{ partlyOpen: number; openCredits: number }>`
    select count(*) filter (where open_minor > 0 and open_minor < amount_minor)::int8 as "partlyOpen",
      count(*) filter (where open_minor < 0)::int8 as "openCredits"
    from open_items where company_id = 'SCALE'`.execute(ctx.db);
  return {
    invoices: 0,
    payments: 0,
    creditNotes: 0,
    bouncedPayments: 0,
    ...documents.rows[0],
    allocations: 0,
    reversals: 0,
    ...allocations.rows[0],
    partlyOpen: 0,
    openCredits: 0,
    ...open.rows[0],
  };
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

export async function benchAnalytics(
  url: string,
  engine: string,
  customers: number,
  invoices: number,
): Promise<AnalyticsFigures> {
  const loadAverageBefore = loadAverage();
  const runtime = await openRuntime({ url }, { clock: fixedClock('2026-06-30'), log: silentLogger });
  try {
    const base = { db: runtime.handle.db, clock: runtime.clock, log: silentLogger, actor: 'bench' };
    const ctx: AppContext = { ...base, companyId: 'SCALE' };
    const asOf = '2026-06-30';
    const started = performance.now();
    let ledger = await existingLedger(ctx, invoices);
    if (ledger === null) {
      await loadScaleCompany(base, { customers, invoices, replace: true });
      ledger = await ledgerCounts(ctx);
    }
    const loadSeconds = round((performance.now() - started) / 1000);
    await refreshPlannerStatistics(ctx.db); // as `encours serve` and the imports do
    const yearBack = addMonths(asOf, -12);
    const agingToday = await measure(() => getAgedBalance(ctx, { asOf }));
    const bareSqlToday = await measure(() => bareAgingSql(asOf).execute(ctx.db));
    const bareOpenItems = await measure(() =>
      inReportSnapshot(ctx.db, (trx) => bareOpenItemsSql(asOf).execute(trx)),
    );
    return {
      engine,
      ledger,
      loadSeconds,
      loadAverageBefore,
      agingToday,
      agingYearBack: await measure(() => getAgedBalance(ctx, { asOf: yearBack })),
      bareSqlToday,
      ratioToBareSql: round(agingToday.medianSeconds / bareSqlToday.medianSeconds),
      bareOpenItems,
      ratioToBareOpenItems: round(agingToday.medianSeconds / bareOpenItems.medianSeconds),
      kpis12Months: await measure(() => getKpis(ctx, { to: asOf }), 3),
      loadAverageAfter: loadAverage(),
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
