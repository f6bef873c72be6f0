/**
 * The passes of a bank import's read, timed apart on the bench's statement: the scan (size, SHA-256,
 * UTF-8 check, format) that `importBankStatement` makes before its transaction, then the read
 * itself (chunks decoded and each camt entry parsed).
 *
 *   node bench/cash-read-probe.ts DATABASE [--customers 20000 --invoices 200000 --receipts 10000]
 *     DATABASE holds the scale company (read only: the statement is drawn from its open invoices).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fixedClock, silentLogger } from '#app/context';
import { openRuntime } from '#app/runtime';
import { bankMonthCamt } from '#demo/bank-month';
import { readBankFile, scanBankFile } from '#importers/bank/parse-bank-file';
import { ACCOUNT, scaleReceipts } from './cash-statement.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    customers: { type: 'string', default: '20000' },
    invoices: { type: 'string', default: '200000' },
    receipts: { type: 'string', default: '10000' },
  },
});
const url = new URL(
  process.env['ENCOURS_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
url.pathname = `/${positionals[0] ?? ''}`;
const dir = mkdtempSync(join(tmpdir(), 'encours-cash-read-'));
try {
  const runtime = await openRuntime(
    { url: url.toString() },
    { clock: fixedClock('2026-07-31'), log: silentLogger },
  );
  const file = join(dir, 'releve.xml');
  try {
    const receipts = await scaleReceipts(
      runtime.handle.db,
      Number(values.customers),
      Number(values.invoices),
      Number(values.receipts),
    );
    writeFileSync(file, bankMonthCamt(receipts, ACCOUNT));
  } finally {
    await runtime.close();
  }
  for (let run = 1; run <= 3; run++) {
    let started = performance.now();
    const scan = await scanBankFile(file);
    const scanSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    let entries = 0;
    for await (const item of readBankFile(file, { sha256: '', format: null }, scan))
      if (item.kind === 'entry') entries++;
    const readSeconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `${JSON.stringify({ megabytes: Math.round(statSync(file).size / 2 ** 20), entries, scanSeconds, readSeconds })}\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
