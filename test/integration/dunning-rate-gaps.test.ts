/**
 * What the half-year rate table lacks, told before a run meets it: the shipped table (2014H1, then
 * 2023H1 to 2026H1, no legal interest rate for 2023) has a hole from the 2nd half of 2014 to the
 * 2nd half of 2022 and lacks the 2023 legal rates; from 1 July 2026 it also lacks the 2nd half of
 * 2026. The API gives the half-years, the CLI words them after its table, never as « 2026H2 ».
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRateGaps } from '#app/dunning/rate-gaps';
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

const HOLE = ['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022'].flatMap((y) => [
  `${y}H1`,
  `${y}H2`,
]);

describe('the gaps of the rate table', () => {
  it('are given by the API to any reader, up to the current half-year (30 June 2026)', async () => {
    const collector = await signIn(app, emailOf('collector'));
    const answer = await app.inject({ url: '/api/dunning/rates/gaps', headers: collector.headers });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({
      through: '2026H1',
      missingEcb: ['2014H2', ...HOLE],
      missingLegal: ['2023H1', '2023H2'],
    });
  });

  it('include the 2nd half of 2026 from 1 July', async () => {
    const gaps = await listRateGaps(database.context('WEB', '2026-07-01'));
    expect(gaps.through).toBe('2026H2');
    expect(gaps.missingEcb.at(-1)).toBe('2026H2');
  });

  it('are worded after the CLI table, the half-years in words', async () => {
    const { status, stdout } = await encoursOn(database, 'dunning', 'rates');
    expect(status).toBe(0);
    expect(stdout).toContain('1er semestre 2026');
    expect(stdout).not.toMatch(/\d{4}H[12]/);
    expect(stdout.trim().split('\n').slice(-2)).toEqual([
      'Attention : Taux BCE manquants du 2nd semestre 2014 au 2nd semestre 2022 (17 semestres).',
      'Attention : Taux d’intérêt légal manquant du 1er semestre 2023 au 2nd semestre 2023 (2 semestres).',
    ]);
  });
});
