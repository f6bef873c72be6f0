/**
 * `npm run bench [-- --only demo,eventloop,import,fec,analytics,web,credit,dunning,pdf,cash,forecast]
 * [--invoices N --customers N --fec-lines N --forecast-invoices N --skip-pglite --skip-postgres]`:
 * prints the figures recorded in BENCHMARKS.md.
 * Each section can also run alone (`node bench/fec.ts`, `node bench/analytics.ts`,
 * `node bench/web.ts`). Compare ratios within one run; these machines are noisy.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { fixedClock, silentLogger } from '#app/context';
import { loadDemoCompany } from '#app/demo/demo';
import { openRuntime } from '#app/runtime';
import { generateDemo } from '#demo/index';
import { benchAnalytics, withPostgres } from './analytics.ts';
import { benchCash } from './cash.ts';
import { benchLedgerReconciliation } from './cash-ledger.ts';
import { benchCredit } from './credit.ts';
import { benchDunning } from './dunning.ts';
import { measureEventLoopDuringHeavyQuery } from './event-loop.ts';
import { benchFec } from './fec.ts';
import { benchForecast } from './forecast.ts';
import { benchImportPglite, benchImportPostgres, writeScaleFiles } from './import.ts';
import { benchPdfEventLoop } from './pdf.ts';
import { benchWeb } from './web.ts';

const SECTIONS = [
  'demo',
  'eventloop',
  'import',
  'fec',
  'analytics',
  'web',
  'credit',
  'dunning',
  'pdf',
  'cash',
  'forecast',
] as const;

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: SECTIONS.join(',') },
    invoices: { type: 'string', default: '1000000' },
    customers: { type: 'string', default: '20000' },
    'analytics-customers': { type: 'string', default: '100000' },
    'fec-lines': { type: 'string', default: '1000000' },
    // About a quarter of the scale ledger is open at the reference date: ≈ 1,000,000 open items.
    'forecast-invoices': { type: 'string', default: '4000000' },
    'skip-pglite': { type: 'boolean', default: false },
    'skip-postgres': { type: 'boolean', default: false },
  },
});
const only = new Set(values.only.split(','));
const serverUrl = process.env['ENCOURS_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const invoices = Number(values.invoices);
const customers = Number(values.customers);

const log = (title: string, value: unknown) => process.stdout.write(`${title}: ${JSON.stringify(value)}\n`);
const round = (value: number) => Math.round(value * 100) / 100;

log('machine', {
  cpus: cpus().length,
  model: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
});

if (only.has('demo')) {
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
    documents: summary.documents,
    invoices: demo.documents.filter((d) => d.kind === 'invoice').length,
    generateSeconds: round(generateSeconds),
    loadPgliteSeconds: round(loadSeconds),
  });
}

if (only.has('eventloop')) log('eventLoopDuringHeavyQuery', await measureEventLoopDuringHeavyQuery());

if (only.has('pdf')) log('eventLoopDuringLargePdf', await benchPdfEventLoop());

if (only.has('import')) {
  const files = await writeScaleFiles(customers, invoices);
  if (!values['skip-postgres']) log('importPostgres', await benchImportPostgres(serverUrl, files));
  if (!values['skip-pglite']) log('importPglite', await benchImportPglite(files));
}

if (only.has('fec')) {
  const figures = await benchFec({
    lines: Number(values['fec-lines']),
    customers,
    serverUrl: values['skip-postgres'] ? null : serverUrl,
    skipPglite: values['skip-pglite'],
  });
  for (const figure of figures) log('fecImport', figure);
}

if (only.has('analytics')) {
  const analyticsCustomers = Number(values['analytics-customers']);
  if (!values['skip-postgres']) {
    // A fresh database on the server, dropped afterwards.
    const figures = await withPostgres(serverUrl, undefined, (url) =>
      benchAnalytics(url, 'postgres', analyticsCustomers, invoices),
    );
    log('analyticsPostgres', figures);
  }
  if (!values['skip-pglite'])
    log('analyticsPglite', await benchAnalytics('memory://', 'pglite', analyticsCustomers, invoices));
}

if (only.has('web')) log('web', await benchWeb({}));

if (only.has('credit') && !values['skip-postgres'])
  log('credit', await benchCredit({ customers: Number(values['analytics-customers']), invoices, serverUrl }));

if (only.has('dunning') && !values['skip-postgres'])
  log(
    'dunning',
    await benchDunning({ customers: Number(values['analytics-customers']), invoices, serverUrl }),
  );

if (only.has('cash') && !values['skip-postgres']) {
  log('cash', await benchCash({ serverUrl }));
  log(
    'cashLedger',
    await benchLedgerReconciliation({ lines: Number(values['fec-lines']), customers, serverUrl }),
  );
}

if (only.has('forecast') && !values['skip-postgres'])
  log(
    'forecast',
    await benchForecast({
      customers: Number(values['analytics-customers']),
      invoices: Number(values['forecast-invoices']),
      serverUrl,
    }),
  );
