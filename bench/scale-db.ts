/**
 * The scale company on PostgreSQL, loaded once and copied for each benchmark.
 *
 * Loading 100,000 customers and 1,000,000 invoices takes about four minutes on a quiet machine and
 * far longer on a loaded one, and every scale benchmark needs the same ledger. The first run loads
 * it into a template database named after the scale and a hash of the generator's sources; each
 * benchmark then works on a copy made by `create database … template …` (a file copy, seconds), so
 * a benchmark that writes — cash application, a dunning run — never changes what the next one
 * reads. Migrations newer than the template are applied to the copy when the benchmark opens it,
 * as on any upgraded database: that is also their test on a large ledger. The template stays on
 * the server for the next run; `ENCOURS_BENCH_FRESH=1` ignores it and loads again, and
 * `node bench/scale-db.ts --drop` removes every template this code made. `node bench/scale-db.ts
 * --copy NAME` makes a copy for the benchmarks that take `--keep-database NAME` (dropped by hand).
 * `--months N` spreads the invoices over N months instead of the generator's 36 (e.g. 60 with
 * 1,666,667 invoices: the 3-year density over 5 years); such a template's name says so.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { fixedClock, silentLogger } from '#app/context';
import { loadScaleCompany } from '#app/demo/demo';
import { openRuntime } from '#app/runtime';
import { openItemStateDifferences } from '#db/ledger/open-items';

const ROOT = join(import.meta.dirname, '..');
const TEMPLATE_PREFIX = 'encours_bench_scale_';
/** The generator's sources: a change in any of them makes a new template. */
const SHAPING_SOURCES = ['src/demo'];

export interface ScaleSize {
  customers: number;
  invoices: number;
  /** Months of history (the generator's default, 36, when absent). */
  months?: number | undefined;
}

/** The generator's default history: templates of that length keep the names they always had. */
const DEFAULT_MONTHS = 36;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.test.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

export function templateName(size: ScaleSize): string {
  const hash = createHash('sha256');
  for (const file of SHAPING_SOURCES.flatMap(filesUnder))
    hash.update(file).update(readFileSync(join(ROOT, file)));
  const months = size.months ?? DEFAULT_MONTHS;
  const span = months === DEFAULT_MONTHS ? '' : `${months}m_`;
  return `${TEMPLATE_PREFIX}${size.customers}_${size.invoices}_${span}${hash.digest('hex').slice(0, 10)}`;
}

function databaseUrl(serverUrl: string, name: string): string {
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  return target.toString();
}

async function databaseExists(admin: pg.Client, name: string): Promise<boolean> {
  const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
  return (found.rowCount ?? 0) > 0;
}

/** Loads the scale company into a database of its own, then renames it: a half-built template is never seen. */
async function buildTemplate(admin: pg.Client, serverUrl: string, size: ScaleSize, name: string) {
  const building = `${name}_b${randomBytes(3).toString('hex')}`;
  await admin.query(`create database ${building}`);
  try {
    const runtime = await openRuntime(
      { url: databaseUrl(serverUrl, building) },
      { clock: fixedClock('2026-06-30'), log: silentLogger },
    );
    try {
      const ctx = { db: runtime.handle.db, clock: runtime.clock, log: runtime.log, actor: 'bench' };
      await loadScaleCompany(ctx, size);
      // Every scale figure reads the open-item state the triggers keep: a template whose state
      // differs from its own ledger would make them all wrong, so it is never kept.
      const differences = await openItemStateDifferences(runtime.handle.db, 'SCALE');
      if (differences.length > 0)
        throw new Error(
          `open-item state differs from the ledger: ${JSON.stringify(differences.slice(0, 5))}`,
        );
      // A copy starts with no activity counters, so autovacuum never visits it: without this the
      // bulk load's dead rows and a missing visibility map slow every benchmark run on a copy.
      await sql`vacuum (freeze, analyze)`.execute(runtime.handle.db);
    } finally {
      await runtime.close();
    }
    if (await databaseExists(admin, name)) await admin.query(`drop database ${building} with (force)`);
    else await admin.query(`alter database ${building} rename to ${name}`);
  } catch (error) {
    await admin.query(`drop database if exists ${building} with (force)`);
    throw error;
  }
}

/**
 * Runs `work` on a fresh copy of the scale company (company code SCALE, vacuumed and analysed) and
 * drops the copy afterwards. Returns what `work` returns, with the seconds spent loading the
 * template (0 when it was already there) and copying it.
 */
export async function withScaleDatabase<T>(
  serverUrl: string,
  size: ScaleSize,
  work: (url: string) => Promise<T>,
): Promise<{ result: T; loadSeconds: number; copySeconds: number }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const template = templateName(size);
  const copy = `encours_bench_${randomBytes(4).toString('hex')}`;
  try {
    let started = performance.now();
    if (process.env['ENCOURS_BENCH_FRESH'] === '1')
      await admin.query(`drop database if exists ${template} with (force)`);
    if (!(await databaseExists(admin, template))) await buildTemplate(admin, serverUrl, size, template);
    const loadSeconds = Math.round((performance.now() - started) / 100) / 10;
    started = performance.now();
    // FILE_COPY copies the files after a checkpoint instead of writing every block to the WAL.
    await admin.query(`create database ${copy} template ${template} strategy file_copy`);
    const copySeconds = Math.round((performance.now() - started) / 100) / 10;
    const result = await work(databaseUrl(serverUrl, copy));
    return { result, loadSeconds, copySeconds };
  } finally {
    await admin.query(`drop database if exists ${copy} with (force)`);
    await admin.end();
  }
}

async function dropTemplates(serverUrl: string): Promise<string[]> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const found = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${TEMPLATE_PREFIX}%`],
    );
    for (const row of found.rows) await admin.query(`drop database ${row.datname} with (force)`);
    return found.rows.map((row) => row.datname);
  } finally {
    await admin.end();
  }
}

/** A named copy of the template (built first if missing), for a benchmark's `--keep-database NAME`. */
async function copyTemplate(serverUrl: string, size: ScaleSize, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const template = templateName(size);
    if (!(await databaseExists(admin, template))) await buildTemplate(admin, serverUrl, size, template);
    await admin.query(`create database ${name} template ${template} strategy file_copy`);
  } finally {
    await admin.end();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      drop: { type: 'boolean', default: false },
      copy: { type: 'string' },
      customers: { type: 'string', default: '100000' },
      invoices: { type: 'string', default: '1000000' },
      months: { type: 'string' },
    },
  });
  const serverUrl =
    process.env['ENCOURS_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (values.drop) process.stdout.write(`dropped: ${(await dropTemplates(serverUrl)).join(', ')}\n`);
  if (values.copy !== undefined) {
    const size = {
      customers: Number(values.customers),
      invoices: Number(values.invoices),
      months: values.months === undefined ? undefined : Number(values.months),
    };
    await copyTemplate(serverUrl, size, values.copy);
    process.stdout.write(`copied the scale template into ${values.copy}\n`);
  }
}
