/**
 * Import of the scale generator's invoices through `encours import`, compared with a bare
 * COPY of the same rows into a table of the same shape, in the same run and on the same engine.
 */

import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ensureCompany } from '#app/companies/companies';
import { fixedClock, silentLogger } from '#app/context';
import { importFile } from '#app/imports/import-file';
import { openRuntime } from '#app/runtime';
import { generateScale, writeScaleCustomersCsv, writeScaleInvoicesCsv } from '#demo/index';
import { withPostgres } from './analytics.ts';
import { DatabaseCpuMeter } from './database-cpu.ts';
import { DatabaseProfile } from './db-profile.ts';

export interface ImportFigures {
  engine: string;
  invoices: number;
  importSeconds: number;
  copySeconds: number;
  ratio: number;
  peakRssMb: number;
}

export interface ScaleFiles {
  customersCsv: string;
  invoicesCsv: string;
  invoicesTsv: string;
  invoices: number;
}

export async function writeScaleFiles(customers: number, invoices: number): Promise<ScaleFiles> {
  const dir = mkdtempSync(join(tmpdir(), 'encours-bench-'));
  const files = {
    customersCsv: join(dir, 'clients.csv'),
    invoicesCsv: join(dir, 'factures.csv'),
    invoicesTsv: join(dir, 'invoices.tsv'),
    invoices,
  };
  await writeScaleCustomersCsv(files.customersCsv, { customers, invoices });
  await writeScaleInvoicesCsv(files.invoicesCsv, { customers, invoices });
  // The same rows, already typed, for the bare COPY baseline.
  const scale = generateScale({ customers, invoices });
  const lines = (function* () {
    for (const batch of scale.invoiceBatches(10_000)) {
      yield batch
        .map(
          (d) =>
            `invoice\timport\t${d.externalRef}\t${d.customerCode}\t${d.issueDate}\t${d.dueDate}\t${d.amountMinor}\t${d.currency}\n`,
        )
        .join('');
    }
  })();
  await pipeline(Readable.from(lines), createWriteStream(files.invoicesTsv));
  return files;
}

const BARE_TABLE = `create table bench_copy (kind text, source text, external_ref text, customer_code text,
  issue_date date, due_date date, amount_minor bigint, currency char(3))`;

async function timeImport(url: string, files: ScaleFiles): Promise<number> {
  const runtime = await openRuntime({ url }, { clock: fixedClock('2026-06-30'), log: silentLogger });
  try {
    // With an explicit company code the context needs no lookup: the company is created just below.
    const context = await runtime.contextFor('BENCH', 'bench');
    await ensureCompany(context, { companyId: 'BENCH', name: 'Benchmark' });
    await importFile(context, { entity: 'customers', filePath: files.customersCsv });
    const started = performance.now();
    await importFile(context, { entity: 'invoices', filePath: files.invoicesCsv });
    return (performance.now() - started) / 1000;
  } finally {
    await runtime.close();
  }
}

export async function benchImportPostgres(serverUrl: string, files: ScaleFiles): Promise<ImportFigures> {
  // A database of our own with a unique name, dropped afterwards (never another run's).
  return withPostgres(serverUrl, undefined, async (url) => {
    const importSeconds = await timeImport(url, files);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(BARE_TABLE);
    const started = performance.now();
    await pipeline(createReadStream(files.invoicesTsv), client.query(copyFrom('copy bench_copy from stdin')));
    const copySeconds = (performance.now() - started) / 1000;
    await client.end();
    return figures('PostgreSQL 15 server', files.invoices, importSeconds, copySeconds);
  });
}

export async function benchImportPglite(files: ScaleFiles): Promise<ImportFigures> {
  const importSeconds = await timeImport('memory://', files);
  // PGlite speaks COPY only in-process (not over its socket), so the baseline runs on a direct instance.
  const direct = await PGlite.create();
  await direct.exec(BARE_TABLE);
  const blob = new Blob([readFileSync(files.invoicesTsv)]);
  const started = performance.now();
  await direct.query("copy bench_copy from '/dev/blob'", [], { blob });
  const copySeconds = (performance.now() - started) / 1000;
  await direct.close();
  return figures('PGlite (in memory, worker thread)', files.invoices, importSeconds, copySeconds);
}

function figures(
  engine: string,
  invoices: number,
  importSeconds: number,
  copySeconds: number,
): ImportFigures {
  return {
    engine,
    invoices,
    importSeconds: round(importSeconds),
    copySeconds: round(copySeconds),
    ratio: round(importSeconds / copySeconds),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The tables an invoice import writes (directly or through the ledger's triggers), each as an
 * MD5 over its rows in key order without the write instants: two imports of one file into fresh
 * databases store the same rows when these match. Columns added since are left out, so that the
 * digests compare with runs before them: the import record's date-order memory (0055) and the
 * invoices' sending channel (0056, null from this file).
 */
const DIGESTED: readonly { table: string; order: string }[] = [
  { table: 'customers', order: 'company_id, code' },
  { table: 'documents', order: 'company_id, document_id' },
  { table: 'open_items', order: 'company_id, document_id' },
  { table: 'settled_documents', order: 'company_id, document_id' },
  { table: 'customer_open_debits', order: 'company_id, customer_code' },
  { table: 'document_day_totals', order: 'company_id, issue_date, kind, debit, due_date, customer_type' },
  { table: 'dunning_disputes', order: 'company_id, dispute_id' },
  { table: 'audit_log', order: 'company_id, entity, entity_key, action' },
  { table: 'import_runs', order: 'company_id, entity, file_name' },
];

async function storedDigests(client: pg.Client): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const { table, order } of DIGESTED) {
    const columns = await client.query<{ name: string }>(
      `select column_name as name from information_schema.columns
       where table_schema = 'public' and table_name = $1
         and data_type not like 'timestamp%'
         and column_name not in ('audit_id', 'import_id', 'date_columns', 'date_order', 'channel')
       order by ordinal_position`,
      [table],
    );
    if (columns.rows.length === 0) continue;
    const list = columns.rows.map((c) => `"${c.name}"`).join(', ');
    const result = await client.query<{ digest: string; rows: string }>(
      `select md5(coalesce(string_agg(r::text, E'\\n' order by ${order}, r::text), '')) as digest, count(*) as rows
       from (select ${list} from ${table}) r`,
    );
    const row = result.rows[0];
    digests[table] = `${row?.rows} ${row?.digest.slice(0, 16)}`;
  }
  return digests;
}

/**
 * `node bench/import.ts --database NAME [--invoices N --customers N --runs N --statements
 * --digest --drop-index NAME]`: the PostgreSQL import alone, in a database of the given name
 * (created, refused if it exists, dropped after each run), with the process's and the database's
 * CPU, each statement's time (`--statements`), the stored rows' digests (`--digest`), and an index
 * dropped before the invoices are imported (`--drop-index`, for an A/B of what it costs);
 * `--keep-database` leaves the database for a look at it (drop it yourself).
 */
async function benchImportAlone(
  serverUrl: string,
  name: string,
  files: ScaleFiles,
  options: { statements: boolean; digest: boolean; dropIndexes: readonly string[]; keep: boolean },
) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount !== 0) throw new Error(`database ${name} exists: not ours to reuse`);
  await admin.query(`create database ${name}`);
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  try {
    const runtime = await openRuntime({ url }, { clock: fixedClock('2026-06-30'), log: silentLogger });
    try {
      const context = await runtime.contextFor('BENCH', 'bench');
      await ensureCompany(context, { companyId: 'BENCH', name: 'Benchmark' });
      await importFile(context, { entity: 'customers', filePath: files.customersCsv });
      for (const index of options.dropIndexes) await runtime.handle.pool.query(`drop index ${index}`);
      const profile = options.statements ? new DatabaseProfile(runtime.handle.pool) : null;
      const meter = await DatabaseCpuMeter.start(url);
      await profile?.start();
      const cpu = process.cpuUsage();
      const started = performance.now();
      const summary = await importFile(context, { entity: 'invoices', filePath: files.invoicesCsv });
      const importSeconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const databaseCpuSeconds = await meter.seconds();
      await meter.stop();
      const statements = await profile?.stop(15);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const digests = options.digest ? await storedDigests(client) : undefined;
      await client.end();
      return {
        invoices: summary.rows,
        inserted: summary.inserted,
        importSeconds: round(importSeconds),
        processCpuSeconds: round((used.user + used.system) / 1e6),
        databaseCpuSeconds: round(databaseCpuSeconds),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        ...(statements ? { statements } : {}),
        ...(digests ? { digests } : {}),
      };
    } finally {
      await runtime.close();
    }
  } finally {
    if (!options.keep) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      invoices: { type: 'string', default: '1000000' },
      customers: { type: 'string', default: '20000' },
      database: { type: 'string' },
      runs: { type: 'string', default: '1' },
      statements: { type: 'boolean', default: false },
      digest: { type: 'boolean', default: false },
      'drop-index': { type: 'string', multiple: true, default: [] },
      'keep-database': { type: 'boolean', default: false },
    },
  });
  if (!values.database) throw new Error('--database NAME is required (a name of your own)');
  const serverUrl =
    process.env['ENCOURS_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const files = await writeScaleFiles(Number(values.customers), Number(values.invoices));
  // The generated files (about 130 MB at 1,000,000 invoices) go with the run.
  process.on('exit', () => rmSync(dirname(files.customersCsv), { recursive: true, force: true }));
  for (let run = 1; run <= Number(values.runs); run++) {
    const figures = await benchImportAlone(serverUrl, values.database, files, {
      statements: values.statements,
      digest: values.digest,
      dropIndexes: values['drop-index'],
      keep: values['keep-database'],
    });
    process.stdout.write(`importPostgres run ${run}: ${JSON.stringify(figures)}\n`);
  }
}
