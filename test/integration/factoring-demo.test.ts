/**
 * Factoring on the demo company (reference date 30 June 2026). Three invoices of Groupe Robert
 * Distribution (C00001) go to the factor in one batch under: reserve 10 %, advance 100 % of the
 * rest, commission 0,60 % (minimum 15 €), financing 4,50 % a year over 360 days to the due date
 * + 10 days, fees 5 € per invoice and 25 € per batch, VAT 20 % on commission and fees, recourse
 * 60 days after the due date. Worked by hand (amounts in euros):
 *
 *   invoice        due      amount     reserve      advance  commission  days  interest
 *   F2026-001840  31/07    7 057,74      705,77     6 351,97       42,35    41     32,55
 *   F2026-002089  31/07   13 796,45    1 379,65    12 416,80       82,78    41     63,64
 *   F2026-002205  31/08   17 644,72    1 764,47    15 880,25      105,87    72    142,92
 *   total                 38 498,91    3 849,89    34 649,02      231,00          239,11
 *
 * e.g. 1 379,645 → 1 379,65 (half up); 12 416,80 × 4,5 % × 41 / 360 = 63,636 → 63,64.
 * Fees 3 × 5 + 25 = 40,00; VAT 20 % × (231,00 + 40,00) = 54,20;
 * financing paid 34 649,02 − 231,00 − 40,00 − 54,20 − 239,11 = 34 084,71.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { generateDemoDataset } from '#app/demo/demo';
import { renderEmail } from '#app/dunning/action-documents';
import { loadPlanData } from '#app/dunning/plan-data';
import { previewDunningRun } from '#app/dunning/plan-run';
import { loadSender } from '#app/dunning/settings';
import { shippedTemplate } from '#app/dunning/templates';
import { assignInvoices, type BatchView, saveFactoringContract } from '#app/legal/factoring';
import { applyRecourse, getFactoringAccount, recordFactorCollections } from '#app/legal/factoring-account';
import { getAgedBalance, getAgingDocuments } from '#app/reports/aging';
import { planDunning } from '#core/dunning/planner';
import { DEMO_AS_OF } from '#demo/index';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
let batch: BatchView;
const REFS = ['F2026-001840', 'F2026-002089', 'F2026-002205'];
const IBAN = 'FR7630004000031234567890143';
const terms = {
  advanceRateBps: 10_000,
  commissionBps: 60,
  minCommissionMinor: 1_500,
  financingRateBps: 450,
  dayCountBasis: 360 as const,
  collectionDelayDays: 10,
  reserveRateBps: 1_000,
  feePerInvoiceMinor: 500,
  feePerBatchMinor: 2_500,
  feesVatRateBps: 2_000,
};

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', DEMO_AS_OF);
  await saveFactoringContract(ctx, {
    code: 'FACT',
    factorName: 'Affacturage Rhône',
    factorIban: 'FR76 3000 4000 0312 3456 7890 143',
    factorBic: 'BNPAFRPPXXX',
    withRecourse: true,
    recourseDays: 60,
    ...terms,
  });
  const disputed = generateDemoDataset().manifest.situations.find((s) => s.kind === 'dispute')?.documentRef;
  batch = await assignInvoices(ctx, {
    contractCode: 'FACT',
    refs: [...REFS, disputed ?? '', 'F2023-000266', 'NOPE'],
  });
}, 600_000);
afterAll(async () => database?.close());

describe('a batch of demo invoices assigned to the factor', () => {
  it('computes reserve, advance, commission, fees, VAT and interest exactly', () => {
    expect(batch.lines.map((l) => [l.ref, l.amountMinor, l.reserveMinor, l.advanceMinor])).toEqual([
      ['F2026-001840', 705_774, 70_577, 635_197],
      ['F2026-002089', 1_379_645, 137_965, 1_241_680],
      ['F2026-002205', 1_764_472, 176_447, 1_588_025],
    ]);
    expect(batch.lines.map((l) => [l.commissionMinor, l.interestDays, l.interestMinor])).toEqual([
      [4_235, 41, 3_255],
      [8_278, 41, 6_364],
      [10_587, 72, 14_292],
    ]);
    expect(batch).toMatchObject({
      batchId: 1,
      grossMinor: 3_849_891,
      reserveMinor: 384_989,
      advanceMinor: 3_464_902,
      commissionMinor: 23_100,
      feesMinor: 4_000,
      feesVatMinor: 5_420,
      interestMinor: 23_911,
      netFundsMinor: 3_408_471,
    });
  });

  it('leaves out the disputed, the partly settled and the unknown invoice, saying why', () => {
    expect(batch.excluded.map((e) => e.reason)).toEqual(['disputed', 'partly_settled', 'not_open_invoice']);
  });

  it('flags the assigned invoices in the aged balance, as of the date', async () => {
    const aging = await getAgedBalance(ctx, { asOf: DEMO_AS_OF });
    expect(aging.totals.assignedMinor).toBe(3_849_891);
    expect(aging.groups.find((g) => g.key === 'C00001')?.assignedMinor).toBe(3_849_891);
    expect((await getAgedBalance(ctx, { asOf: '2026-06-29' })).totals.assignedMinor).toBe(0);
    const drill = await getAgingDocuments(ctx, { asOf: DEMO_AS_OF, groupKey: 'C00001' });
    const flagged = drill.documents.filter((d) => d.factorName !== null).map((d) => d.externalRef);
    expect(flagged.sort()).toEqual(REFS);
    expect(drill.documents.find((d) => d.externalRef === 'F2026-001840')?.factorName).toBe(
      'Affacturage Rhône',
    );
  });
});

describe('reminders of assigned invoices', () => {
  const RUN = '2026-07-26'; // courtesy reminders go five days before the due date (31 July)

  it('leave the invoice to a factor that collects', async () => {
    await saveFactoringContract(ctx, {
      code: 'FACT2',
      factorName: 'Factor Relance',
      withRecourse: false,
      factorCollects: true,
      ...terms,
    });
    await assignInvoices(ctx, { contractCode: 'FACT2', refs: ['F2026-001993'] });
    const run = await previewDunningRun(ctx, { asOf: RUN, customerCodes: ['C00001'] });
    expect(run.skipped.find((s) => s.documentRef === 'F2026-001993')?.reason).toBe('factor_collects');
    // The invoices assigned to a factor that does not collect stay ours to remind. C00001 gets an
    // overdue letter that day, so their courtesy e-mail gives way to it (planner.ts), for that reason
    // and not the factor's.
    const reasons = REFS.slice(0, 2).map((ref) => run.skipped.find((s) => s.documentRef === ref)?.reason);
    expect(reasons).toEqual(['courtesy_superseded', 'courtesy_superseded']);
  });

  it('tell the customer to pay the factor, with its IBAN (subrogation)', async () => {
    const data = await loadPlanData(ctx.db, 'CB2C', { asOf: RUN, customerCodes: ['C00001'] });
    // Its invoices not yet due only: with the overdue ones, the day's letter would take the courtesy's place.
    const notDue = data.invoices.filter((i) => i.dueDate > RUN);
    const action = planDunning(data.customers, notDue, data.settings).actions.find(
      (a) => a.channel === 'email',
    );
    if (!action) throw new Error('no e-mail planned for C00001');
    const customer = data.customerRows.get('C00001');
    if (!customer) throw new Error('C00001 missing from the plan data');
    const email = await renderEmail(
      {
        lang: 'fr',
        asOf: RUN,
        action,
        customer,
        invoices: data.invoiceRows,
        sender: await loadSender(ctx.db, 'CB2C'),
        terms: { rates: data.settings.rates, clause: { kind: 'legal' }, mode: data.settings.rateMode },
        reference: 'REL-TEST',
        factors: data.factors,
      },
      shippedTemplate(action.stepKind, 'email', 'fr'),
    );
    const text = email.text.replace(/\s+/g, ' ');
    expect(text).toContain('Les factures F2026-001840, F2026-002089 ont été cédées à Affacturage Rhône');
    expect(text).toContain(`IBAN ${IBAN} (BIC BNPAFRPPXXX)`);
  });
});

describe('the current account with the factor', () => {
  it('holds the reserve and nets the batch to zero with a full advance', async () => {
    const account = await getFactoringAccount(ctx, { contractCode: 'FACT', asOf: DEMO_AS_OF });
    expect(account).toMatchObject({
      balanceMinor: 0,
      reserveFundMinor: 384_989,
      outstandingMinor: 3_849_891,
    });
    expect(account.byKind).toMatchObject({ financing: -3_408_471, interest: -23_911, fees_vat: -5_420 });
  });

  it('releases the reserve when the factor collects, and settles the invoice in our ledger', async () => {
    // Collected on 5 August, 36 days after financing: 6 351,97 × 4,5 % × 36 / 360 = 28,58, so
    // 32,55 − 28,58 = 3,97 of interest comes back with the 705,77 of reserve.
    const [closed] = await recordFactorCollections(ctx, { refs: ['F2026-001840'], date: '2026-08-05' });
    expect(closed).toMatchObject({ reserveReleasedMinor: 70_577, interestAdjustmentMinor: 397 });
    const account = await getFactoringAccount(ctx, { contractCode: 'FACT', asOf: '2026-08-05' });
    expect(account).toMatchObject({ balanceMinor: 70_974, reserveFundMinor: 314_412, outstandingCount: 2 });
    const drill = await getAgingDocuments(ctx, { asOf: '2026-08-05', groupKey: 'C00001' });
    expect(drill.documents.map((d) => d.externalRef)).not.toContain('F2026-001840');
  });

  it('charges back, under recourse, an invoice unpaid 60 days after its due date', async () => {
    // F2026-002089, due 31 July: charged back on 29 September, 91 days after financing:
    // 12 416,80 × 4,5 % × 91 / 360 = 141,24 due against 63,64 charged: 77,60 more.
    const { closed } = await applyRecourse(ctx, { asOf: '2026-10-15' });
    expect(closed.map((c) => [c.ref, c.closedOn, c.chargebackMinor, c.interestAdjustmentMinor])).toEqual([
      ['F2026-002089', '2026-09-29', 1_379_645, -7_760],
    ]);
    const account = await getFactoringAccount(ctx, { contractCode: 'FACT', asOf: '2026-10-15' });
    // 709,74 − 13 796,45 + 1 379,65 − 77,60: we owe the factor 11 784,66.
    expect(account.balanceMinor).toBe(-1_178_466);
    // Still assigned: F2026-002205 (17 644,72) and, without recourse, F2026-001993 (8 407,48).
    expect((await getAgedBalance(ctx, { asOf: '2026-10-15' })).totals.assignedMinor).toBe(2_605_220);
  });
});
