/**
 * Import of a scale FEC through `importFec`, compared with a bare COPY of the same lines into a
 * table of 18 text columns (no key, no index), in the same run and on the same engine.
 * Alone: `node bench/fec.ts [--lines N] [--customers N] [--skip-pglite] [--skip-postgres]`.
 * The file is written by a child process, so that the process's peak memory is the import's (the
 * scale generator holds its whole data set); the peak during the import alone is sampled too.
 */

import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ensureCompany } from '#app/companies/companies';
import { fixedClock, silentLogger } from '#app/context';
import { importFec } from '#app/fec/import-fec';
import { openRuntime } from '#app/runtime';
import { writeScaleFec } from '#demo/scale-fec';
import { withPostgres } from './analytics.ts';

export interface FecFigures {
  engine: string;
  lines: number;
  importSeconds: number;
  copySeconds: number;
  ratio: number;
  reconciled: boolean;
  peakRssMb: number;
  importPeakRssMb: number;
}

/** Peak RSS sampled during the last import (every 50 ms). */
let importPeakRssMb = 0;

const BARE_TABLE = `create table bench_fec_copy (${Array.from({ length: 18 }, (_, i) => `c${i} text`).join(', ')})`;

async function timeImport(url: string, filePath: string, expectedControlMinor: number) {
  const runtime = await openRuntime({ url }, { clock: fixedClock('2026-06-30'), log: silentLogger });
  try {
    const ctx = {
      db: runtime.handle.db,
      clock: runtime.clock,
      log: runtime.log,
      companyId: 'BENCHFEC',
      actor: 'bench',
    };
    await ensureCompany(ctx, { companyId: 'BENCHFEC', name: 'FEC benchmark' });
    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 50);
    const started = performance.now();
    const summary = await importFec(ctx, { filePath }).finally(() => clearInterval(sampler));
    const seconds = (performance.now() - started) / 1000;
    importPeakRssMb = Math.round(Math.max(peakRss, process.memoryUsage.rss()) / 2 ** 20);
    const { reconciliation } = summary;
    const reconciled =
      reconciliation.customersWithDifference.length === 0 &&
      reconciliation.sumOpenItemsMinor === expectedControlMinor &&
      reconciliation.controlBalanceMinor === expectedControlMinor;
    return { seconds, reconciled };
  } finally {
    await runtime.close();
  }
}

async function benchPostgres(
  serverUrl: string,
  filePath: string,
  lines: number,
  control: number,
): Promise<FecFigures> {
  // A database of our own with a unique name, dropped afterwards (never another run's).
  return withPostgres(serverUrl, undefined, async (url) => {
    const { seconds, reconciled } = await timeImport(url, filePath, control);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(BARE_TABLE);
    const started = performance.now();
    await pipeline(
      createReadStream(filePath),
      client.query(copyFrom('copy bench_fec_copy from stdin with (header true)')),
    );
    const copySeconds = (performance.now() - started) / 1000;
    await client.end();
    return figures('PostgreSQL server', lines, seconds, copySeconds, reconciled);
  });
}

async function benchPglite(filePath: string, lines: number, control: number): Promise<FecFigures> {
  const { seconds, reconciled } = await timeImport('memory://', filePath, control);
  // PGlite speaks COPY only in-process (not over its socket), so the baseline runs on a direct instance.
  const direct = await PGlite.create();
  await direct.exec(BARE_TABLE);
  const blob = new Blob([readFileSync(filePath)]);
  const started = performance.now();
  await direct.query("copy bench_fec_copy from '/dev/blob' with (header true)", [], { blob });
  const copySeconds = (performance.now() - started) / 1000;
  await direct.close();
  return figures('PGlite (in memory, worker thread)', lines, seconds, copySeconds, reconciled);
}

function figures(
  engine: string,
  lines: number,
  importSeconds: number,
  copySeconds: number,
  reconciled: boolean,
) {
  return {
    engine,
    lines,
    importSeconds: round(importSeconds),
    copySeconds: round(copySeconds),
    ratio: round(importSeconds / copySeconds),
    reconciled,
    // Peak of the whole process so far (PGlite runs in a worker thread of this process).
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    importPeakRssMb,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

export async function benchFec(options: {
  lines: number;
  customers: number;
  serverUrl?: string | null;
  skipPglite?: boolean;
}): Promise<FecFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'encours-bench-fec-'));
  try {
    const filePath = join(dir, 'FEC.txt');
    const written = JSON.parse(
      execFileSync(
        process.execPath,
        [
          import.meta.filename,
          '--write',
          filePath,
          '--lines',
          String(options.lines),
          '--customers',
          String(options.customers),
        ],
        { encoding: 'utf8', maxBuffer: 2 ** 20 },
      ),
    ) as Awaited<ReturnType<typeof writeScaleFec>>;
    const results: FecFigures[] = [];
    if (options.serverUrl)
      results.push(
        await benchPostgres(options.serverUrl, filePath, written.lines, written.controlBalanceMinor),
      );
    if (!options.skipPglite)
      results.push(await benchPglite(filePath, written.lines, written.controlBalanceMinor));
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      lines: { type: 'string', default: '1000000' },
      customers: { type: 'string', default: '20000' },
      'skip-pglite': { type: 'boolean', default: false },
      'skip-postgres': { type: 'boolean', default: false },
      write: { type: 'string' },
    },
  });
  if (values.write) {
    const lines = Number(values.lines);
    const written = await writeScaleFec(values.write, { lines, customers: Number(values.customers) });
    process.stdout.write(JSON.stringify(written));
    process.exit(0);
  }
  const serverUrl =
    process.env['ENCOURS_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const results = await benchFec({
    lines: Number(values.lines),
    customers: Number(values.customers),
    serverUrl: values['skip-postgres'] ? null : serverUrl,
    skipPglite: values['skip-pglite'],
  });
  for (const result of results) process.stdout.write(`fecImport: ${JSON.stringify(result)}\n`);
}
