/**
 * The cost of the predicted days late (issue 14, audit finding 5) and the company's financing rate:
 * the cost adds up the predictions `predict payments` gives (open × max(0, median − due) × rate /
 * 365), leaves the claims of a customer in receivership apart, prices at the company's rate once
 * set (the default before), and is served by the API to the staff; the rate is set by an admin or
 * a credit manager only, audited.
 */
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getFinancingRate, setFinancingRate } from '#app/companies/financing-rate';
import { loadDataset } from '#app/demo/load-dataset';
import { forecastLateCost } from '#app/forecast/late-cost';
import { predictPayments } from '#app/forecast/predictions';
import { registerForecastCost } from '#cli/forecast-cost-command';
import { lendRuntime } from '#cli/shared';
import { addDays, daysBetween } from '#core/calendar';
import { financingCostMinor } from '#core/forecast/late-cost';
import type { ApiServer } from '#http/api-types';
import { registerForecastCostRoutes } from '#http/routes/forecast-cost';
import { buildServer } from '#http/server';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { PASSWORD, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
const AS_OF = '2026-04-30';
const COMPANY = 'FLC';

const USERS = [
  { email: 'admin@flc.test', role: 'admin', salesperson: null },
  { email: 'claire@flc.test', role: 'credit_manager', salesperson: null },
  { email: 'julien@flc.test', role: 'collector', salesperson: null },
  { email: 'alice@flc.test', role: 'salesperson', salesperson: 'Alice' },
] as const;

/** C1 pays 10 days late, C2 25 days late; C3 is in receivership since 16/03 (K1 is a claim from before). */
function books() {
  const b = new LedgerBuilder(COMPANY)
    .addCustomer('C1', { name: 'Alpha SARL' })
    .addCustomer('C2', { name: 'Beta SA' })
    .addCustomer('C3', { name: 'Gamma SAS', status: 'receivership' });
  for (let month = 0; month < 15; month += 1) {
    const issue = addDays('2025-01-05', month * 30);
    const c1 = b.invoice('C1', issue, addDays(issue, 30), eur(1_000));
    b.payment('C1', addDays(issue, 40), [[c1, eur(1_000)]]);
    const c2 = b.invoice('C2', issue, addDays(issue, 30), eur(3_000));
    b.payment('C2', addDays(issue, 55), [[c2, eur(3_000)]]);
    if (issue < '2025-12-01') {
      const c3 = b.invoice('C3', issue, addDays(issue, 30), eur(2_000));
      b.payment('C3', addDays(issue, 35), [[c3, eur(2_000)]]);
    }
  }
  b.invoice('C3', '2026-02-01', '2026-03-03', eur(4_000), 'K1');
  b.invoice('C1', '2026-04-01', '2026-05-01', eur(1_500), 'R1');
  b.invoice('C2', '2026-04-10', '2026-05-10', eur(6_000), 'R2');
  b.event('C3', 'insolvency', '2026-03-16');
  return {
    ...b.dataset(AS_OF),
    users: USERS.map((user) => ({ ...user, name: user.email.split('@')[0] ?? user.email })),
  };
}

const ctx = () => database.context(COMPANY, AS_OF);

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset({ ...ctx(), actor: 'test' }, books());
  app = await buildServer(database.runtime, { webRoot: null });
  // Until routes/index.ts registers them (the lead's wiring), the test adds the routes itself.
  if (!app.hasRoute({ method: 'GET', url: '/api/forecast/late-cost' })) registerForecastCostRoutes(app);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the cost of the predicted days late', () => {
  it('adds up open × max(0, median − due) × rate / 365 over the predictions, by customer', async () => {
    const predictions = await predictPayments(ctx(), { asOf: AS_OF });
    const report = await forecastLateCost(ctx(), { asOf: AS_OF });
    expect(report).toMatchObject({ asOf: AS_OF, currency: 'EUR', rateBps: 500, rateSource: 'default' });
    for (const customer of report.customers) {
      const own = predictions.items.filter(
        (p) => p.customerCode === customer.customerCode && p.paymentExpected !== false,
      );
      const amountDays = own.reduce(
        (sum, p) => sum + BigInt(p.openMinor) * BigInt(Math.max(0, daysBetween(p.dueDate, p.predictedDate))),
        0n,
      );
      expect(customer.costMinor).toBe(financingCostMinor(amountDays, 500));
      expect(customer.openMinor).toBe(own.reduce((sum, p) => sum + p.openMinor, 0));
    }
    expect(report.costMinor).toBe(report.customers.reduce((sum, c) => sum + c.costMinor, 0));
    expect(report.customers.map((c) => c.customerCode)).toEqual(['C2', 'C1', 'C3']);
    expect(report.costMinor).toBeGreaterThan(0);
  });

  it('leaves the claim from before the insolvency judgment apart: counted, not costed', async () => {
    const report = await forecastLateCost(ctx(), { asOf: AS_OF });
    const c3 = report.customers.find((c) => c.customerCode === 'C3');
    expect(c3).toMatchObject({
      invoiceCount: 0,
      openMinor: 0,
      costMinor: 0,
      expectedDaysLate: null,
      notExpectedCount: 1,
      notExpectedOpenMinor: eur(4_000),
    });
    expect(report).toMatchObject({ notExpectedCount: 1, notExpectedOpenMinor: eur(4_000), invoiceCount: 2 });
    expect(report.openMinor).toBe(eur(7_500));
  });

  it('prices at a rate given for the answer, at the company’s once set, and refuses a wrong one', async () => {
    const base = await forecastLateCost(ctx(), { asOf: AS_OF });
    const doubled = await forecastLateCost(ctx(), { asOf: AS_OF, rateBps: 1_000 });
    expect(doubled.rateSource).toBe('given');
    expect(Math.abs(doubled.costMinor - 2 * base.costMinor)).toBeLessThanOrEqual(base.customers.length);
    await expect(forecastLateCost(ctx(), { rateBps: 12.5 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(forecastLateCost(ctx(), { limit: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('the API', () => {
  let admin: Session;
  let manager: Session;
  let collector: Session;
  let salesperson: Session;
  beforeAll(async () => {
    // One after the other: each sign-in is its own session.
    admin = await signIn(app, USERS[0].email, PASSWORD);
    manager = await signIn(app, USERS[1].email, PASSWORD);
    collector = await signIn(app, USERS[2].email, PASSWORD);
    salesperson = await signIn(app, USERS[3].email, PASSWORD);
  });

  const get = (session: Session, url: string) => app.inject({ method: 'GET', url, headers: session.headers });
  const putRate = (session: Session, payload: unknown) =>
    app.inject({
      method: 'PUT',
      url: '/api/company/financing-rate',
      headers: session.headers,
      payload: payload as Record<string, unknown>,
    });

  it('serves the cost to the staff, the same as the use case, the list cut by limit', async () => {
    const response = await get(collector, `/api/forecast/late-cost?asOf=${AS_OF}&limit=1`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const direct = await forecastLateCost(ctx(), { asOf: AS_OF });
    expect(body).toMatchObject({ costMinor: direct.costMinor, customerCount: 3, notExpectedCount: 1 });
    expect(body.customers).toHaveLength(1);
    expect((await get(salesperson, '/api/forecast/late-cost')).statusCode).toBe(403);
    expect((await get(collector, '/api/forecast/late-cost?rateBps=20000')).statusCode).toBe(400);
    expect((await get(collector, '/api/forecast/late-cost?customer=NOPE')).statusCode).toBe(404);
  });

  it('lets an admin or a credit manager set the rate, audited; the others are refused', async () => {
    expect((await get(collector, '/api/company/financing-rate')).json()).toMatchObject({
      rateBps: 500,
      source: 'default',
    });
    expect((await putRate(collector, { rateBps: 300 })).statusCode).toBe(403);
    expect((await putRate(admin, { rateBps: -1 })).statusCode).toBe(400);
    expect((await putRate(admin, { rateBps: 2.5 })).statusCode).toBe(400);
    const saved = await putRate(manager, { rateBps: 750 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ rateBps: 750, source: 'company', updatedBy: expect.any(String) });
    expect(await getFinancingRate(ctx())).toMatchObject({ rateBps: 750, source: 'company' });
    const priced = (await get(collector, `/api/forecast/late-cost?asOf=${AS_OF}`)).json();
    expect(priced).toMatchObject({ rateBps: 750, rateSource: 'company' });
    const audit = (await get(admin, '/api/audit?limit=50')).json();
    const entry = audit.items.find((item: { action: string }) => item.action === 'company.financing_rate');
    expect(entry).toMatchObject({ before: { rateBps: 500, source: 'default' }, after: { rateBps: 750 } });
    // Back to the default rate for the other tests of the file, through the use case.
    await setFinancingRate(ctx(), 500);
  });
});

/**
 * `encours --company FLC predict …` in this process (the command as forecast-command.ts registers
 * it on `predict`): what it wrote on stdout.
 */
async function predictCli(...args: string[]): Promise<string> {
  const program = new Command('encours').option('--company <code>').option('--json').exitOverride();
  lendRuntime(program, database.runtime);
  registerForecastCost(program.command('predict'));
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write);
  try {
    await program.parseAsync(['--company', COMPANY, 'predict', ...args], { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return stdout;
}

describe('the command line', () => {
  it('prints the cost with its rate, the claims left out and the customers; --json the report', async () => {
    const text = await predictCli('cost', '--as-of', AS_OF, '--rate-bps', '600', '--lang', 'en');
    expect(text).toContain(
      'Cost of the predicted days late as of 30/04/2026 — financed at 6% a year (rate asked for)',
    );
    expect(text).toContain('Left out: 1 claim from before an insolvency judgment (€4,000.00)');
    expect(text).toMatch(/^C2 /m);
    const json = JSON.parse(await predictCli('cost', '--as-of', AS_OF, '--json'));
    expect(json).toMatchObject({ rateBps: 500, customerCount: 3, notExpectedCount: 1 });
    expect(json.costMinor).toBe((await forecastLateCost(ctx(), { asOf: AS_OF })).costMinor);
  });

  it('shows and sets the financing rate', async () => {
    // The API's test above set it, then put 5 % back.
    expect(await predictCli('financing-rate', '--lang', 'en')).toMatch(
      /^Financing rate: 5% a year \(set by .+ on \d\d\/\d\d\/\d{4}\)\n$/,
    );
    const set = JSON.parse(await predictCli('financing-rate', '--set', '425', '--json'));
    expect(set).toMatchObject({ rateBps: 425, source: 'company' });
    await setFinancingRate(ctx(), 500);
  });
});
