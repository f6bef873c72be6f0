/**
 * `npm run bench [-- --invoices N --customers N --skip-pglite --skip-postgres]`: prints the
 * figures recorded in BENCHMARKS.md. Compare ratios within one run; these machines are noisy.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { fixedClock, silentLogger } from '#app/context';
import { loadDemoCompany } from '#app/demo';
import { openRuntime } from '#app/runtime';
import { generateDemo } from '#demo/index';
import { measureEventLoopDuringHeavyQuery } from './event-loop.ts';
import { benchImportPglite, benchImportPostgres, writeScaleFiles } from './import.ts';

const { values } = parseArgs({
  options: {
    invoices: { type: 'string', default: '1000000' },
    customers: { type: 'string', default: '20000' },
    'skip-pglite': { type: 'boolean', default: false },
    'skip-postgres': { type: 'boolean', default: false },
    'skip-import': { type: 'boolean', default: false },
  },
});
const serverUrl = process.env['ENCOURS_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const log = (title: string, value: unknown) => process.stdout.write(`${title}: ${JSON.stringify(value)}\n`);

log('machine', {
  cpus: cpus().length,
  model: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
});

{
  const started = performance.now();
  const demo = generateDemo();
  const generateSeconds = (performance.now() - started) / 1000;
  const runtime = await openRuntime(
    { url: 'memory://' },
    { clock: fixedClock('2026-06-30'), log: silentLogger },
  );
  const loadStarted = performance.now();
  const summary = await loadDemoCompany({
    db: runtime.handle.db,
    clock: runtime.clock,
    log: runtime.log,
    actor: 'bench',
  });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  await runtime.close();
  log('demo', {
    customers: summary.customers,
    documents: summary.documents,
    allocations: summary.allocations,
    generateSeconds: round(generateSeconds),
    loadPgliteSeconds: round(loadSeconds),
    demoInvoices: demo.documents.filter((d) => d.kind === 'invoice').length,
  });
}

log('eventLoopDuringHeavyQuery', await measureEventLoopDuringHeavyQuery());

if (!values['skip-import']) {
  const files = await writeScaleFiles(Number(values.customers), Number(values.invoices));
  if (!values['skip-postgres']) log('importPostgres', await benchImportPostgres(serverUrl, files));
  if (!values['skip-pglite']) log('importPglite', await benchImportPglite(files));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
