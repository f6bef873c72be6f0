/**
 * What the half-year rate table lacks, told before a run meets it. The shipped table (migrations
 * 0008 and 0071) runs without a hole from the 1st half of 2014 to the 1st half of 2026, each
 * half-year with its legal interest rate: on the fixture's date (30 June 2026) nothing is missing,
 * and from 1 July 2026 the 2nd half of 2026 is. The API gives the half-years; the CLI words them
 * after its table, never as « 2026H2 » — shown here on a hole made in this file's own database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRateGaps } from '#app/dunning/rate-gaps';
import { listRates } from '#app/dunning/settings';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { emailOf, encoursOn, openHttpFixture, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** 2014H1, 2014H2, …, 2026H1: the half-years the shipped table holds. */
const SHIPPED = Array.from({ length: 13 }, (_, i) => 2014 + i)
  .flatMap((year) => [`${year}H1`, `${year}H2`])
  .slice(0, -1);

describe('the gaps of the rate table', () => {
  it('ship the history from 2014: every half-year up to 2026H1, each with its legal rate', async () => {
    const rows = await listRates(database.context('WEB'));
    expect(rows.map((row) => row.semester)).toEqual(SHIPPED);
    expect(rows.filter((row) => row.legalInterestRateBps === null)).toEqual([]);
    const bySemester = new Map(rows.map((row) => [row.semester, row]));
    // The ECB rate in force on the 1st of January or July (the July 2022 rise came on the 27th).
    expect(
      ['2014H2', '2015H1', '2016H1', '2016H2', '2022H2', '2023H1'].map((s) => bySemester.get(s)?.ecbRateBps),
    ).toEqual([15, 5, 5, 0, 0, 250]);
    expect(bySemester.get('2023H1')).toEqual({
      semester: '2023H1',
      ecbRateBps: 250,
      legalInterestRateBps: 206,
      source: 'BCE 21/12/2022; taux légal 2023 S1',
    });
    expect(bySemester.get('2023H2')?.legalInterestRateBps).toBe(422);
  });

  it('are given by the API to any reader: none up to the current half-year (30 June 2026)', async () => {
    const collector = await signIn(app, emailOf('collector'));
    const answer = await app.inject({ url: '/api/dunning/rates/gaps', headers: collector.headers });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ through: '2026H1', missingEcb: [], missingLegal: [] });
  });

  it('include the 2nd half of 2026 from 1 July', async () => {
    const gaps = await listRateGaps(database.context('WEB', '2026-07-01'));
    expect(gaps).toEqual({ through: '2026H2', missingEcb: ['2026H2'], missingLegal: [] });
  });

  it('are worded after the CLI table, the half-years in words', async () => {
    const quiet = await encoursOn(database, 'dunning', 'rates');
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).not.toContain('Attention');

    // A hole in this file's database: four half-years gone, and one legal rate.
    const pool = database.runtime.handle.pool;
    await pool.query(`delete from late_payment_rates where semester between '2019H1' and '2020H2'`);
    await pool.query(
      `update late_payment_rates set legal_interest_rate_bps = null where semester = '2023H2'`,
    );
    const { status, stdout } = await encoursOn(database, 'dunning', 'rates');
    expect(status).toBe(0);
    expect(stdout).toContain('1er semestre 2026');
    expect(stdout).not.toMatch(/\d{4}H[12]/);
    expect(stdout.trim().split('\n').slice(-2)).toEqual([
      'Attention\u00a0: Taux BCE manquants du 1er semestre 2019 au 2nd semestre 2020 (4 semestres).',
      'Attention\u00a0: Taux d’intérêt légal du 2nd semestre 2023 manquant.',
    ]);
  });
});
