/**
 * The unallocated credits a run deducts, carried by its preview once per customer (the run review
 * lists them on each row that deducts them): each credit by reference, date and open amount at the
 * run's date, in the currencies the customer's actions deduct; they add up to what each action
 * deducts. A proposal's preview lists them as of the proposal's date, and a run carried out lists
 * those its actions sent deducted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { executeDunningRun } from '#app/dunning/execute-run';
import { previewDunningRun } from '#app/dunning/plan-run';
import { getRunProposal, proposeDunningRun } from '#app/dunning/run-proposals';
import { updateDunningSettings } from '#app/dunning/settings';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { ledgerDocument } from '../support/ledger-document.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { emailOf, type Session, signIn, USERS } from './http-fixture.ts';

const RUN_DATE = '2025-05-31';
const LATER = '2025-06-10';
let database: TestDatabase;
let app: ApiServer;
let manager: Session;
const ctx = (today: string): AppContext => ({ ...database.context('CRD', today), actor: 'test' });

function scenario(): LedgerBuilder {
  const b = new LedgerBuilder('CRD')
    .addCustomer('C1', { name: 'Alpha SARL', billingEmail: 'compta@alpha.example' })
    .addCustomer('C2', { name: 'Beta SA', billingEmail: 'ap@beta.example' });
  b.invoice('C1', '2025-04-01', '2025-05-01', eur(10_000), 'A1');
  b.invoice('C1', '2025-04-26', '2025-05-26', eur(2_000), 'A2');
  b.invoice('C2', '2025-04-20', '2025-05-20', eur(3_000), 'B1');
  // C1's credits: a credit note, and a payment of 800.00 that settled 300.00 of A2 (500.00 open).
  b.creditNote('C1', '2025-04-20', eur(600));
  b.payment('C1', '2025-05-10', [['A2', eur(300)]], eur(500));
  // After the run's date: not deducted on it.
  b.creditNote('C1', '2025-06-05', eur(250));
  // In dollars: no action of C1 is in dollars, so nothing deducts it.
  b.documents.push({
    ...ledgerDocument('credit_note', 'AV-USD', 'C1', '2025-04-15', '2025-04-15', -eur(90)),
    currency: 'USD',
  });
  return b;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const users = USERS.map((user) => ({ ...user, name: user.email }));
  await loadDataset(ctx(LATER), { ...scenario().dataset(), users });
  // A1 climbs to its letter (reminder_2) before the run's date, so that on it C1 gets a call task
  // for A1 beside the e-mail for A2: two actions that each deduct C1's credits.
  for (const day of ['2025-05-06', '2025-05-16'])
    await executeDunningRun(ctx(day), { asOf: day, customerCodes: ['C1'] });
  app = await buildServer(database.runtime, { webRoot: null });
  manager = await signIn(app, emailOf('credit_manager'));
}, 120_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** The API's answer (serialised by its response schema, which keeps only the fields it names). */
async function answer(method: 'GET' | 'POST', url: string, payload?: object) {
  const response = await app.inject({
    method,
    url,
    headers: manager.headers,
    ...(payload ? { payload } : {}),
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

const C1_CREDITS = {
  customerCode: 'C1',
  credits: [
    { documentRef: 'AV00001', issueDate: '2025-04-20', openMinor: -eur(600), currency: 'EUR' },
    { documentRef: 'R00002', issueDate: '2025-05-10', openMinor: -eur(500), currency: 'EUR' },
  ],
};

const sumOf = (credits: readonly { openMinor: number }[]) => credits.reduce((s, c) => s - c.openMinor, 0);

describe('the credits a run deducts', () => {
  it('are carried once per customer by the preview, adding up to what each action deducts', async () => {
    const preview = await previewDunningRun(ctx(RUN_DATE), { asOf: RUN_DATE });
    const ofC1 = preview.actions.filter((a) => a.customerCode === 'C1');
    expect(ofC1.map((a) => [a.channel, a.step, a.creditsMinor])).toEqual([
      ['call_task', 'call', eur(1_100)],
      ['email', 'reminder_1', eur(1_100)],
    ]);
    // C2 deducts nothing and is not listed; C1 once, though two of its actions deduct them.
    expect(preview.deductedCredits).toEqual([C1_CREDITS]);
    for (const action of ofC1) expect(sumOf(C1_CREDITS.credits)).toBe(action.creditsMinor);
    // The route's schema describes them: the answer keeps them whole.
    const served = await answer('POST', '/api/dunning/runs/preview', { asOf: RUN_DATE });
    expect(served.deductedCredits).toEqual([C1_CREDITS]);
  });

  it('are those of the preview’s date', async () => {
    const later = await previewDunningRun(ctx(LATER), { asOf: LATER });
    const c1 = later.deductedCredits.find((entry) => entry.customerCode === 'C1');
    expect(c1?.credits.map((c) => [c.documentRef, c.issueDate, c.openMinor])).toEqual([
      ['AV00001', '2025-04-20', -eur(600)],
      ['R00002', '2025-05-10', -eur(500)],
      ['AV00003', '2025-06-05', -eur(250)],
    ]);
    const deducting = later.actions.filter((a) => a.customerCode === 'C1');
    expect(deducting.length).toBeGreaterThan(0);
    for (const action of deducting) expect(sumOf(c1?.credits ?? [])).toBe(action.creditsMinor);
  });

  it('are read as of a proposal’s date in its preview, and listed by the run carried out', async () => {
    await updateDunningSettings(ctx(LATER), { reviewBeforeSending: true });
    const { proposal } = await proposeDunningRun(ctx(LATER), { asOf: RUN_DATE });
    if (!proposal) throw new Error('nothing proposed');
    // Read after the credit note of 5 June: the proposal's rows still deduct what its date did.
    const detail = await getRunProposal(ctx(LATER), proposal.proposalId);
    expect(detail.preview?.deductedCredits).toEqual([C1_CREDITS]);
    const served = await answer('GET', `/api/dunning/proposals/${proposal.proposalId}`);
    expect(served.preview.deductedCredits).toEqual([C1_CREDITS]);

    await updateDunningSettings(ctx(LATER), { reviewBeforeSending: false });
    const run = await executeDunningRun(ctx(LATER), { asOf: RUN_DATE, customerCodes: ['C1'] });
    expect(run.actions.map((a) => [a.customerCode, a.status, a.creditsMinor])).toEqual([
      ['C1', 'sent', eur(1_100)],
      ['C1', 'sent', eur(1_100)],
    ]);
    expect(run.deductedCredits).toEqual([C1_CREDITS]);
  });
});
