/**
 * More open items for a benchmark, on the benchmark's own copy of the scale company only: the scale
 * generator settles most invoices (100,000 customers, 1,000,000 invoices: 268,490 items open at
 * the run date), so a run "with 1,000,000 open items" needs invoices left unpaid. Changing the
 * generator would change every scale template and figure; this takes the customer payments of a
 * deterministic share of the settled invoices out of a copy instead, and rebuilds the open-item
 * state from what the ledger then holds.
 *
 * What it does, in one transaction on company SCALE:
 * 1. takes the invoices now settled (in settled_documents) that a payment settles at least in
 *    part, ordered by md5 of their reference (the generator's references, the same on every copy),
 *    and keeps the first K, K = target open items − items open now;
 * 2. the payments allocated to them, less the bounced cheques (a payment with a reversal: its
 *    bounce document names it and stays; its invoices are open again already unless another
 *    payment settled them);
 * 3. deletes those payments' allocations (to whatever debit: a payment of several invoices
 *    reopens all of them), any reversal of them first, then the payment documents (their own
 *    state goes with them: the documents' delete trigger of migration 0003); allocations are
 *    append-only, so the delete goes through the guard's `encours.deleting_company` setting;
 * 4. rebuilds the state of every debit those allocations touched with `rebuild_open_item_state`
 *    (0003; its writes to open_items keep customer_open_debits through 0031's triggers);
 * 5. checks that the stored state equals the one computed from the ledger
 *    (`openItemStateDifferences`) and rolls back otherwise; then analyses the database.
 * Credit notes, bounces and disputes are left as they are. It refuses the scale templates.
 * `node bench/reopen-items.ts --database NAME --open-items N` (or bench/dunning.ts --open-items N).
 */
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { fixedClock, silentLogger } from '#app/context';
import { openRuntime } from '#app/runtime';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import type { Database } from '#db/infra/schema';
import { openItemStateDifferences } from '#db/ledger/open-items';

const COMPANY = 'SCALE';
/** Documents rebuilt per call: `= any(array)` over a few thousand ids stays an index lookup each. */
const REBUILD_CHUNK = 5_000;

export interface ReopenFigures {
  openItemsBefore: number;
  invoicesChosen: number;
  paymentsRemoved: number;
  allocationsRemoved: number;
  reversalsRemoved: number;
  debitsRebuilt: number;
  openItemsAfter: number;
  openInvoicesAfter: number;
  seconds: number;
}

async function countOf(db: Kysely<Database>, query: ReturnType<typeof sql<{ n: string }>>) {
  return Number((await query.execute(db)).rows[0]?.n ?? 0);
}

/** Steps 1–3: what is taken out (temporary tables dropped at commit), then the deletes. */
async function removePayments(trx: Kysely<Database>, invoices: number) {
  await sql`set local encours.deleting_company = ${sql.lit(COMPANY)}`.execute(trx);
  await sql`
    create temporary table reopen_invoices on commit drop as
    select d.document_id from settled_documents s
    join documents d on d.company_id = s.company_id and d.document_id = s.document_id
    where s.company_id = ${COMPANY} and d.kind = 'invoice' and exists (
      select 1 from allocations a join documents p
        on p.company_id = a.company_id and p.document_id = a.credit_document_id and p.kind = 'payment'
      where a.company_id = s.company_id and a.debit_document_id = s.document_id and a.amount_minor > 0)
    order by md5(d.external_ref), d.document_id limit ${invoices}`.execute(trx);
  await sql`
    create temporary table reopen_payments on commit drop as
    select distinct a.credit_document_id as document_id from allocations a
    join reopen_invoices r on r.document_id = a.debit_document_id
    join documents p on p.company_id = a.company_id and p.document_id = a.credit_document_id
    where a.company_id = ${COMPANY} and p.kind = 'payment' and a.amount_minor > 0
      and not exists (select 1 from allocations b where b.company_id = a.company_id
        and b.credit_document_id = a.credit_document_id and b.amount_minor < 0)`.execute(trx);
  await sql`
    create temporary table reopen_allocations on commit drop as
    select a.allocation_id, a.debit_document_id from allocations a
    join reopen_payments p on p.document_id = a.credit_document_id where a.company_id = ${COMPANY}`.execute(
    trx,
  );
  await sql`analyze reopen_invoices, reopen_payments, reopen_allocations`.execute(trx);
  const reversals = await sql`
    delete from allocations a using reopen_allocations r
    where a.company_id = ${COMPANY} and a.reverses_allocation_id = r.allocation_id`.execute(trx);
  const allocations = await sql`
    delete from allocations a using reopen_allocations r
    where a.company_id = ${COMPANY} and a.allocation_id = r.allocation_id`.execute(trx);
  const payments = await sql`
    delete from documents d using reopen_payments p
    where d.company_id = ${COMPANY} and d.document_id = p.document_id`.execute(trx);
  return {
    invoicesChosen: await countOf(trx, sql<{ n: string }>`select count(*) as n from reopen_invoices`),
    paymentsRemoved: Number(payments.numAffectedRows ?? 0),
    allocationsRemoved: Number(allocations.numAffectedRows ?? 0),
    reversalsRemoved: Number(reversals.numAffectedRows ?? 0),
  };
}

/** Step 4: the state of every debit the removed allocations touched, rebuilt from the ledger. */
async function rebuildTouchedDebits(trx: Kysely<Database>): Promise<number> {
  const rows = await sql<{ id: string }>`
    select distinct debit_document_id as id from reopen_allocations order by 1`.execute(trx);
  const ids = rows.rows.map((row) => row.id);
  for (let start = 0; start < ids.length; start += REBUILD_CHUNK) {
    const chunk = ids.slice(start, start + REBUILD_CHUNK);
    await sql`select rebuild_open_item_state(${COMPANY}, ${chunk}::bigint[])`.execute(trx);
  }
  return ids.length;
}

/** Leaves about `targetOpenItems` items open on company SCALE of `db` (never a template). */
export async function reopenItems(db: Kysely<Database>, targetOpenItems: number): Promise<ReopenFigures> {
  const started = performance.now();
  const database = await sql<{ name: string }>`select current_database() as name`.execute(db);
  if (database.rows[0]?.name.startsWith('encours_bench_scale_'))
    throw new Error('refusing to change a scale template: work on a copy');
  const openCount = sql<{ n: string }>`select count(*) as n from open_items where company_id = ${COMPANY}`;
  const openItemsBefore = await countOf(db, openCount);
  const removed = await db.transaction().execute(async (trx) => {
    const taken = await removePayments(trx, Math.max(0, targetOpenItems - openItemsBefore));
    const debitsRebuilt = await rebuildTouchedDebits(trx);
    const differences = await openItemStateDifferences(trx, COMPANY);
    if (differences.length > 0)
      throw new Error(`open-item state differs from the ledger: ${JSON.stringify(differences.slice(0, 5))}`);
    return { ...taken, debitsRebuilt };
  });
  await refreshPlannerStatistics(db);
  return {
    openItemsBefore,
    ...removed,
    openItemsAfter: await countOf(db, openCount),
    openInvoicesAfter: await countOf(
      db,
      sql<{ n: string }>`select count(*) as n from open_items o join documents d
        on d.company_id = o.company_id and d.document_id = o.document_id
        where o.company_id = ${COMPANY} and d.kind = 'invoice'`,
    ),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { database: { type: 'string' }, 'open-items': { type: 'string' } },
  });
  if (values.database === undefined || values['open-items'] === undefined)
    throw new Error('usage: node bench/reopen-items.ts --database NAME --open-items N');
  const target = new URL(
    process.env['ENCOURS_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  target.pathname = `/${values.database}`;
  const runtime = await openRuntime(
    { url: target.toString() },
    { clock: fixedClock('2026-06-30'), log: silentLogger },
  );
  try {
    const figures = await reopenItems(runtime.handle.db, Number(values['open-items']));
    process.stdout.write(`reopen: ${JSON.stringify(figures)}\n`);
  } finally {
    await runtime.close();
  }
}
