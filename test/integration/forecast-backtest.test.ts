/**
 * The back-test on a small ledger: the default range (12 month ends before the as-of date), the
 * coverage on every open invoice including the never-paid ones, an empty range with null figures,
 * and the same result through the job API and the CLI's JSON.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import { backtestPredictions } from '#app/forecast/backtest';
import { runnerFor } from '#app/jobs/worker';
import { runCli } from '#cli/run';
import { addDays } from '#core/calendar';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let manager: Session;
const AS_OF = '2026-04-30';

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('FB').addCustomer('C1', { name: 'Alpha' });
  // One invoice a month from January 2025 to March 2026, each paid 10 days after its due date.
  for (let m = 0; m < 15; m += 1) {
    const issued = `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-05`;
    const due = addDays(issued, 30);
    const ref = b.invoice('C1', issued, due, eur(1_000));
    b.payment('C1', addDays(due, 10), [[ref, eur(1_000)]]);
  }
  // Two invoices never paid: open at every cut-off after November 2025.
  b.invoice('C1', '2025-11-10', '2025-12-10', eur(500), 'N1');
  b.invoice('C1', '2025-11-12', '2025-12-12', eur(700), 'N2');
  await loadDataset(
    { ...database.context('FB'), actor: 'test' },
    {
      ...b.dataset(AS_OF),
      users: [
        { email: 'claire@fb.test', name: 'Claire', role: 'credit_manager' as const, salesperson: null },
      ],
    },
  );
  app = await buildServer(database.runtime, { webRoot: null });
  manager = await signIn(app, 'claire@fb.test');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('back-test range and coverage', () => {
  it('defaults to the 12 month ends before the as-of date, the last one with an invoice to score', async () => {
    const result = await backtestPredictions(database.context('FB'));
    expect(result).toMatchObject({ asOf: AS_OF, defaultRange: true, from: '2025-04-01', to: '2026-03-31' });
    expect(result.cutoffs).toHaveLength(12);
    expect(result.cutoffs.at(-1)).toBe('2026-03-31');
    // March's invoice, open at 31 March, was paid on 14 April: the last cut-off scores it.
    expect(result.invoicesByCutoff.at(-1)).toBe(1);
    expect(result.censoredOn).toBe(AS_OF);
    const all = result.coverage.find((row) => row.bucket === 'all');
    // The never-paid invoices count in the coverage (open at 5 cut-offs each), not in the scores.
    expect(all?.invoices).toBe(result.invoices + 10);
    const old = result.coverage.find((row) => row.bucket === 'd91_180');
    // At 31 March both were 109 and 111 days past due; neither was paid by its P90 date.
    expect(old?.invoices).toBe(2);
    expect(old?.paidByP90.paid).toBe(0);
  });

  it('returns null figures, not 0, when there is no invoice to score', async () => {
    const result = await backtestPredictions(database.context('FB'), { from: '2026-04-01', to: AS_OF });
    expect(result.defaultRange).toBe(false);
    expect(result.invoices).toBe(0);
    expect(result.lateBaseRate).toBeNull();
    expect(result.brierScore).toBeNull();
    expect(result.methods.map((m) => [m.maeDays, m.lateAccuracy, m.balancedAccuracy])).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null],
    ]);
  });
});

describe('back-test through the job API and the CLI', () => {
  it('runs as a job whose result carries the coverage and the calibration bins', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: manager.headers,
      payload: { kind: 'forecast.backtest', payload: { from: '2026-01-01', to: '2026-03-31' } },
    });
    expect(started.statusCode).toBe(202);
    const jobId = started.json().id;
    await runnerFor(database.runtime).runNext({ companyId: 'FB', jobId });
    const shown = await app.inject({ url: `/api/jobs/${jobId}`, headers: manager.headers });
    expect(shown.statusCode).toBe(200);
    const job = shown.json();
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ from: '2026-01-01', to: '2026-03-31', defaultRange: false });
    expect(job.result.cutoffs).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(job.result.calibration).toHaveLength(10);
    expect(job.result.coverage.map((row: { bucket: string }) => row.bucket)).toEqual([
      'not_due',
      'd1_30',
      'd31_90',
      'd91_180',
      'd180_plus',
      'all',
    ]);
  });

  it('prints the same JSON from the CLI, nulls for an empty range', async () => {
    let stdout = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    }) as typeof process.stdout.write);
    const exitCodeBefore = process.exitCode;
    try {
      const status = await runCli(
        ['--company', 'FB', '--json', 'predict', 'backtest', '--from', '2026-04-01', '--to', AS_OF],
        { runtime: database.runtime },
      );
      expect(status ?? 0).toBe(0);
    } finally {
      spy.mockRestore();
      process.exitCode = exitCodeBefore;
    }
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ invoices: 0, lateBaseRate: null, brierScore: null, censoredOn: AS_OF });
    expect(json.methods[0]).toMatchObject({ method: 'model', maeDays: null, lateAccuracy: null });
  });
});
