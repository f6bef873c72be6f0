/**
 * One financing rate (issues 14, 15, 16): once the company's rate is set through
 * `PUT /api/company/financing-rate`, every figure that costs money over time is priced at it — the
 * cost of the predicted days late, the indicators' cash cost of late payment, the dysfunctions and
 * measures reports, the outsourcing simulator — and each says the rate is the company's. A rate
 * typed for one answer still overrides it there, and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { getKpis } from '#app/reports/kpis';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { type Session, signIn } from './http-fixture.ts';

const AS_OF = '2026-06-30';
const COMPANY_RATE_BPS = 300;
let database: TestDatabase;
let ctx: AppContext;
let app: ApiServer;
let manager: Session;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', AS_OF);
  app = await buildServer(database.runtime, { webRoot: null });
  manager = await signIn(app, 'claire.moreau@cb2c.example');
  const saved = await app.inject({
    method: 'PUT',
    url: '/api/company/financing-rate',
    headers: manager.headers,
    payload: { rateBps: COMPANY_RATE_BPS },
  });
  expect(saved.statusCode).toBe(200);
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url, headers: manager.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const simulate = async (assumptions?: Record<string, unknown>) => {
  const response = await app.inject({
    method: 'POST',
    url: '/api/outsourcing/simulation',
    headers: manager.headers,
    payload: { to: AS_OF, ...(assumptions ? { assumptions } : {}) },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

interface Line {
  code: string;
  amountMinor: number;
  baseMinor: number | null;
  rateBp: number | null;
}
const financingLine = (simulation: { options: { option: string; lines: Line[] }[] }) =>
  simulation.options.find((o) => o.option === 'in_house')?.lines.find((l) => l.code === 'financing');

describe('the company’s financing rate prices every cost of money over time', () => {
  it('the cost of the predicted days late (dashboard card)', async () => {
    expect(await get(`/api/forecast/late-cost?asOf=${AS_OF}`)).toMatchObject({
      rateBps: COMPANY_RATE_BPS,
      rateSource: 'company',
    });
  });

  it('the indicators’ cash cost of late payment', async () => {
    const kpis = await get(`/api/reports/kpis?to=${AS_OF}`);
    expect(kpis.lateCashCostRateBps).toBe(COMPANY_RATE_BPS);
    const atFive = await getKpis(ctx, { to: AS_OF, lateCostRateBps: 500 });
    // Proportional to the rate: the same overdue amounts financed at 3 % instead of 5 %.
    expect(Math.abs(kpis.lateCashCostMinor - (atFive.lateCashCostMinor * 3) / 5)).toBeLessThanOrEqual(1);
  });

  it('the dysfunctions report’s model, and the measures report built on it', async () => {
    const { model } = await get(`/api/procedure/reports/dysfunctions?asOf=${AS_OF}`);
    expect(model.lateCost).toMatchObject({ rateBps: COMPANY_RATE_BPS, rateSource: 'company' });
    const kpis = await getKpis(ctx, { to: AS_OF, lateCostRateBps: COMPANY_RATE_BPS });
    expect(model.lateCost.costMinor).toBe(kpis.lateCashCostMinor);
    const measures = await get(`/api/procedure/reports/measures?asOf=${AS_OF}`);
    expect(measures.model.basis.rateBps).toBe(COMPANY_RATE_BPS);
  });

  it('the outsourcing comparison: the company’s cost of money, stated as the company’s', async () => {
    const simulation = await simulate();
    expect(simulation.assumptions.financingRateBp).toBe(COMPANY_RATE_BPS);
    expect(simulation.financingRateSource).toBe('company');
    const line = financingLine(simulation);
    expect(line?.rateBp).toBe(COMPANY_RATE_BPS);
    expect(line?.amountMinor).toBe(
      Math.round((simulation.figures.averageReceivablesMinor * COMPANY_RATE_BPS) / 10_000),
    );
    // The factor's own price is a market assumption, not the company's rate.
    expect(simulation.assumptions.factoring.factorFinancingRateBp).toBe(550);
  });

  it('a rate typed for one answer overrides it there only, and says so', async () => {
    const report = await get(`/api/procedure/reports/dysfunctions?asOf=${AS_OF}&rateBps=450`);
    expect(report.model.lateCost).toMatchObject({ rateBps: 450, rateSource: 'given' });
    const typed = await simulate({ financingRateBp: 450 });
    expect(typed.assumptions.financingRateBp).toBe(450);
    expect(typed.financingRateSource).toBe('given');
    expect(financingLine(typed)?.rateBp).toBe(450);
    expect((await get(`/api/reports/kpis?to=${AS_OF}&rateBps=450`)).lateCashCostRateBps).toBe(450);
    expect(await get(`/api/forecast/late-cost?asOf=${AS_OF}`)).toMatchObject({ rateBps: COMPANY_RATE_BPS });
  });
});
