/**
 * The insolvency watch on the demo company, on the embedded engine and on a PostgreSQL server: a
 * BODACC opening judgment for a demo customer's SIREN records the event, moves the status to
 * receivership, makes the next order check refuse and the dunning run stop for it, and creates
 * the claim task with the R622-24 deadline and the open principal at the judgment date (checked
 * against an independent replay of the generated ledger). The same records read again add
 * nothing; a deregistration raises an alert; the HTTP route answers with the same shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFinancingRate } from '#app/companies/financing-rate';
import type { AppContext } from '#app/context';
import { checkOrder } from '#app/credit/order-check';
import { generateDemoDataset } from '#app/demo/demo';
import { previewDunningRun } from '#app/dunning/plan-run';
import { listClaims } from '#app/legal/claims';
import { simulateOutsourcingCost } from '#app/legal/outsourcing';
import { watchBodacc } from '#app/legal/watch-bodacc';
import { addMonths, endOfMonth } from '#core/calendar';
import { LedgerReplay } from '#demo/index';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { signIn } from './http-fixture.ts';

let database: TestDatabase;
let ctx: AppContext;
let app: ApiServer;
let replay: LedgerReplay;
const AS_OF = '2026-06-30';
const JUDGMENT = '2026-06-20';
const PUBLICATION = '2026-06-26';

function record(id: string, siren: string, familleavis: string, jugement?: Record<string, string>) {
  return {
    datasetid: 'annonces-commerciales',
    recordid: `rec-${id}`,
    fields: {
      id,
      registre: `${siren},${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}`,
      dateparution: PUBLICATION,
      tribunal: 'Tribunal de commerce de Lyon',
      familleavis,
      ...(jugement ? { jugement: JSON.stringify(jugement) } : {}),
    },
  };
}
const opening = (id: string, siren: string) =>
  record(id, siren, 'collective', {
    date: JUDGMENT,
    type: 'initial',
    famille: "Jugement d'ouverture",
    nature: "Jugement d'ouverture de redressement judiciaire",
  });

async function activeCustomersWithSiren(): Promise<{ code: string; siren: string }[]> {
  const rows = await ctx.db
    .selectFrom('customers')
    .select(['code', 'siren'])
    .where('company_id', '=', 'CB2C')
    .where('status', '=', 'active')
    .where('siren', 'is not', null)
    .orderBy('code')
    .execute();
  return rows.map((row) => ({ code: row.code, siren: row.siren! }));
}

async function countRows(table: 'customer_events' | 'legal_claims' | 'legal_announcements'): Promise<number> {
  const row = await ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('company_id', '=', 'CB2C')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', AS_OF);
  const demo = generateDemoDataset();
  replay = new LedgerReplay(demo.documents, demo.allocations, demo.reversals);
  app = await buildServer(database.runtime, { webRoot: null });
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('BODACC watch on the demo company', () => {
  it('an opening judgment refuses the next order, stops reminders and creates the claim task', async () => {
    const run = await previewDunningRun(ctx, { asOf: AS_OF });
    const reminded = new Set(run.actions.map((action) => action.customerCode));
    const candidates = await activeCustomersWithSiren();
    const target = candidates.find(
      (c) => reminded.has(c.code) && replay.openDebitsAt(c.code, JUDGMENT).length > 0,
    )!;
    const deregistered = candidates.find((c) => c.code !== target.code)!;
    expect(target).toBeDefined();
    const before = await checkOrder(ctx, { customerCode: target.code, amountMinor: 100 });
    expect(before.decision).not.toBe('refuse');

    const records = {
      nhits: 3,
      records: [
        opening('A202600001', target.siren),
        record('B202600002', deregistered.siren, 'radiation'),
        record('C202600003', '999999999', 'dpc'),
      ],
    };
    const result = await watchBodacc(ctx, { records });
    expect(result.events).toEqual([
      expect.objectContaining({
        customerCode: target.code,
        procedure: 'receivership',
        judgmentKind: 'opening',
        judgmentDate: JUDGMENT,
        publicationDate: PUBLICATION,
        claimDeadline: '2026-08-26',
        court: 'Tribunal de commerce de Lyon',
      }),
    ]);
    expect(result.alerts).toEqual([
      {
        customerCode: deregistered.code,
        announcementId: 'B202600002',
        kind: 'deregistration',
        publicationDate: PUBLICATION,
      },
    ]);

    const principal = replay
      .openDebitsAt(target.code, JUDGMENT)
      .reduce((sum, debit) => sum + debit.openMinor, 0);
    const [claim] = await listClaims(ctx, target.code);
    expect(claim).toMatchObject({
      procedure: 'receivership',
      deadline: '2026-08-26',
      principalMinor: principal,
      secured: false,
      status: 'to_declare',
    });
    expect(result.events[0]?.claim).toMatchObject({
      principalMinor: principal,
      interestMinor: claim?.interestMinor,
    });

    const customer = await ctx.db
      .selectFrom('customers')
      .select('status')
      .where('company_id', '=', 'CB2C')
      .where('code', '=', target.code)
      .executeTakeFirstOrThrow();
    expect(customer.status).toBe('receivership');
    const after = await checkOrder(ctx, { customerCode: target.code, amountMinor: 100 });
    expect(after.decision).toBe('refuse');
    expect(after.reasons.map((reason) => reason.code)).toContain('insolvency_proceedings');
    const runAfter = await previewDunningRun(ctx, { asOf: AS_OF, customerCodes: [target.code] });
    expect(runAfter.actions).toEqual([]);

    const events = await ctx.db
      .selectFrom('customer_events')
      .select(['kind', 'detail', 'document_ref'])
      .where('company_id', '=', 'CB2C')
      .where('customer_code', 'in', [target.code, deregistered.code])
      .where('created_by', '=', 'test')
      .where('kind', 'in', ['insolvency', 'risk_alert'])
      .execute();
    expect(events.filter((e) => e.document_ref === 'A202600001').map((e) => e.kind)).toEqual([
      'insolvency',
      'insolvency',
    ]);
    expect(
      events.some((e) => e.detail.includes('redressement judiciaire') && e.detail.includes('20/06/2026')),
    ).toBe(true);
    expect(events.some((e) => e.detail.includes('26/08/2026'))).toBe(true);
    expect(events.some((e) => e.kind === 'risk_alert' && e.detail.includes('radiation'))).toBe(true);

    const counts = [
      await countRows('customer_events'),
      await countRows('legal_claims'),
      await countRows('legal_announcements'),
    ];
    const again = await watchBodacc(ctx, { records });
    expect(again).toMatchObject({ events: [], alerts: [], matched: 2 });
    expect([
      await countRows('customer_events'),
      await countRows('legal_claims'),
      await countRows('legal_announcements'),
    ]).toEqual(counts);
  });

  it('POST /api/watch/bodacc takes the records JSON (credit department only)', async () => {
    const candidates = await activeCustomersWithSiren();
    const target = candidates.at(-1)!;
    const manager = await signIn(app, 'claire.moreau@cb2c.example');
    const payload = { records: [opening('A202600010', target.siren)] };
    const response = await app.inject({
      method: 'POST',
      url: '/api/watch/bodacc?secured=true',
      headers: manager.headers,
      payload,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().events).toEqual([
      expect.objectContaining({
        customerCode: target.code,
        procedure: 'receivership',
        claimDeadline: '2026-08-26',
      }),
    ]);
    expect(response.json().events[0].claim.secured).toBe(true);
    const collector = await signIn(app, 'julien.petit@cb2c.example');
    const refused = await app.inject({
      method: 'POST',
      url: '/api/watch/bodacc',
      headers: collector.headers,
      payload,
    });
    expect(refused.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/watch/bodacc',
      headers: manager.headers,
      payload: { nope: 1 },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('outsourcing cost simulator on the demo company', () => {
  it('reads the year’s figures from the ledger and costs the in-house option as done by hand', async () => {
    const from = '2025-07-01';
    const to = '2026-06-30';
    const simulation = await simulateOutsourcingCost(ctx, { from, to });
    const { documents } = generateDemoDataset();
    const inPeriod = documents.filter((d) => d.issueDate >= from && d.issueDate <= to);
    const sum = (list: typeof documents) => list.reduce((total, d) => total + d.amountMinor, 0);
    const sales = sum(inPeriod.filter((d) => d.kind === 'invoice' || d.kind === 'credit_note'));
    const writeOffs = -sum(inPeriod.filter((d) => d.kind === 'write_off'));
    const buyers = new Set(inPeriod.filter((d) => d.kind === 'invoice').map((d) => d.customerCode)).size;
    // Net receivables at a month end: every document issued by then, signed (what is matched nets out).
    const monthEnds = Array.from({ length: 12 }, (_, m) => endOfMonth(addMonths(from, m)));
    const balances = monthEnds.map((end) => sum(documents.filter((d) => d.issueDate <= end)));
    const average = Math.round(balances.reduce((a, b) => a + b, 0) / balances.length);
    expect(simulation.figures).toMatchObject({
      periodDays: 365,
      salesMinor: sales,
      buyers,
      badDebtsMinor: writeOffs,
      averageReceivablesMinor: average,
    });
    expect(sales).toBeGreaterThan(0);
    // In-house by hand: one position at 55,000 €, the receivables financed at the company's rate
    // (none set on the demo company: the default 5 %), the losses.
    const rate = (await getFinancingRate(ctx)).rateBps;
    expect(simulation.assumptions.financingRateBp).toBe(rate);
    const inHouse = simulation.options.find((o) => o.option === 'in_house');
    expect(inHouse?.totalMinor).toBe(5_500_000 + Math.round((average * rate) / 10_000) + writeOffs);
    // Factoring without recourse, also by hand: nothing left to finance or lose but the reserve.
    const factoring = simulation.options.find((o) => o.option === 'factoring');
    const advanced = Math.round((average * 9000) / 10_000);
    // The reserve is what the advance leaves at most (both rounded, 90 % + 10 % may pass 100 % by a cent).
    const reserve = Math.min(average - advanced, Math.round((average * 1000) / 10_000));
    expect(factoring?.totalMinor).toBe(
      2_750_000 +
        Math.round((sales * 60) / 10_000) +
        Math.round((advanced * 550) / 10_000) +
        Math.round((reserve * rate) / 10_000) +
        Math.round(((average - advanced - reserve) * rate) / 10_000) +
        150_000,
    );
    const response = await app.inject({
      method: 'POST',
      url: '/api/outsourcing/simulation',
      headers: (await signIn(app, 'claire.moreau@cb2c.example')).headers,
      payload: { from, to, assumptions: { agency: { recoveryRateBp: 7000 } } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().assumptions.agency.recoveryRateBp).toBe(7000);
    expect(response.json().figures).toEqual(simulation.figures);
  });
});
