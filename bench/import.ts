/**
 * Import of the scale generator's invoices through `encours import`, compared with a bare
 * COPY of the same rows into a table of the same shape, in the same run and on the same engine.
 */

import { createReadStream, createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ensureCompany } from '#app/companies/companies';
import { fixedClock, silentLogger } from '#app/context';
import { importFile } from '#app/imports/import-file';
import { openRuntime } from '#app/runtime';
import { generateScale, writeScaleCustomersCsv, writeScaleInvoicesCsv } from '#demo/index';
import { withPostgres } from './analytics.ts';

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
