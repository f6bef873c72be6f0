/**
 * The plans of one slice's reads (`EXPLAIN (ANALYZE, BUFFERS)`), on a copy of the scale company:
 * the statements `loadPlanCustomers` sends for the slice-th slice of customers, captured from the
 * pool's client as sent (text and values), then explained one by one. Bench-only; read-only.
 * `node bench/dunning-explain.ts --database NAME [--slice K] [--slice-customers N] [--match TEXT]`
 */
import { parseArgs } from 'node:util';
import { fixedClock, silentLogger } from '#app/context';
import { loadPlanCustomers, loadPlanSettings } from '#app/dunning/plan-data';
import { resolveRunDate } from '#app/dunning/plan-run';
import { openRuntime } from '#app/runtime';
import { guardSliceReads, selectCustomerSlice } from '#db/dunning/run-slices';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    slice: { type: 'string', default: '3' },
    'slice-customers': { type: 'string', default: '2000' },
    match: { type: 'string', default: '' },
  },
});
if (values.database === undefined) throw new Error('usage: node bench/dunning-explain.ts --database NAME');
const target = new URL(
  process.env['ENCOURS_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
target.pathname = `/${values.database}`;
const runtime = await openRuntime(
  { url: target.toString() },
  { clock: fixedClock('2026-06-30'), log: silentLogger },
);
const captured: { text: string; values: unknown[] }[] = [];
runtime.handle.pool.on('acquire', (client) => {
  const marked = client as unknown as { captureWrapped?: boolean; query: (...args: unknown[]) => unknown };
  if (marked.captureWrapped) return;
  marked.captureWrapped = true;
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  marked.query = (...args: unknown[]) => {
    const first = args[0] as string | { text?: string; values?: unknown[] };
    const text = typeof first === 'string' ? first : (first.text ?? '');
    const params = typeof first === 'string' ? ((args[1] as unknown[]) ?? []) : (first.values ?? []);
    captured.push({ text, values: params });
    return original(...args);
  };
});
try {
  const db = runtime.handle.db;
  const company = { db, clock: runtime.clock, log: runtime.log, actor: 'bench', companyId: 'SCALE' };
  const asOf = await resolveRunDate(company, undefined);
  await db.transaction().execute(async (trx) => {
    await guardSliceReads(trx);
    const settings = await loadPlanSettings(trx, 'SCALE', asOf);
    let after: string | null = null;
    let codes: string[] = [];
    for (let k = 0; k < Number(values.slice); k++) {
      if (codes.length > 0) after = codes.at(-1) ?? null;
      codes = await selectCustomerSlice(trx, 'SCALE', after, Number(values['slice-customers']));
    }
    const through = codes.at(-1);
    if (through === undefined) throw new Error('no such slice');
    captured.length = 0;
    const started = performance.now();
    await loadPlanCustomers(trx, 'SCALE', settings, { codeRange: { after, through } });
    process.stdout.write(`slice read in ${Math.round(performance.now() - started)} ms\n`);
    const reads = captured.filter(
      (c) => c.text.trim().startsWith('select') || c.text.trim().startsWith('with'),
    );
    for (const read of reads) {
      if (values.match && !read.text.includes(values.match)) continue;
      const plan = await runtime.handle.pool.query(`explain (analyze, buffers) ${read.text}`, read.values);
      process.stdout.write(`\n=== ${read.text.replace(/\s+/g, ' ').trim().slice(0, 100)}\n`);
      for (const row of plan.rows) process.stdout.write(`${row['QUERY PLAN']}\n`);
    }
  });
} finally {
  await runtime.close();
}
