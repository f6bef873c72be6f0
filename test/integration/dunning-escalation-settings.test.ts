/**
 * Issue 12's escalation settings stored with a policy version (migration 0077): a version saved with
 * `catchUpByAge` and `accountFloor` off reads them back off and plans an invoice 190 days late and
 * never reminded at the first reminder; a version that leaves them unsaid stores nulls and reads
 * them on (the catch-up letter), as every version saved before them; one saved on plans the same.
 * Over HTTP the draft carries them and the saved version answers with them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { DEFAULT_POLICY } from '#app/dunning/plan-data';
import { type DunningRunView, previewDunningRun } from '#app/dunning/plan-run';
import { getPolicies, savePolicyVersion } from '#app/dunning/policies';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { httpFixtureOfFile } from './http-file.fixture.ts';
import { emailOf } from './http-fixture.ts';

let database: TestDatabase;
/** 190 days after the invoice's due date (2025-07-04). */
const AS_OF = '2026-01-10';
const ctx = (): AppContext => database.context('ESC', AS_OF);
const { version: _version, ...builtIn } = DEFAULT_POLICY;

/** The steps the run plans for the invoice, with why it is past its next step. */
const planned = (view: DunningRunView) =>
  view.actions.flatMap((a) => a.items.map((i) => [i.documentRef, a.step, i.raisedBy?.kind ?? null]));

beforeAll(async () => {
  database = await openTestDatabase();
  const ledger = new LedgerBuilder('ESC').addCustomer('C1', { name: 'Alpha SARL' });
  ledger.invoice('C1', '2025-06-04', '2025-07-04', eur(4_000), 'A1');
  await loadDataset({ ...ctx(), actor: 'test' }, ledger.dataset(AS_OF));
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe('escalation settings of a saved policy version (190 days late, never reminded)', () => {
  it('reads a version that leaves them unsaid as on: the catch-up letter', async () => {
    await savePolicyVersion(ctx(), { ...builtIn, effectiveFrom: '2025-01-01' });
    const stored = await ctx()
      .db.selectFrom('dunning_policies')
      .select(['account_floor', 'catch_up_by_age'])
      .where('company_id', '=', 'ESC')
      .execute();
    expect(stored).toEqual([{ account_floor: null, catch_up_by_age: null }]);
    const [saved] = (await getPolicies(ctx())).versions;
    expect(saved).not.toHaveProperty('accountFloor');
    expect(saved).not.toHaveProperty('catchUpByAge');
    expect(planned(await previewDunningRun(ctx()))).toEqual([['A1', 'reminder_2', 'catch_up']]);
  });

  it('stores them off and plans the first reminder', async () => {
    const { policy } = await savePolicyVersion(ctx(), {
      ...builtIn,
      effectiveFrom: '2026-01-01',
      catchUpByAge: false,
      accountFloor: false,
    });
    expect(policy.version).toBe(2);
    const read = await getPolicies(ctx());
    expect(read.inForce).toHaveLength(1);
    expect(read.inForce[0]).toMatchObject({ version: 2, accountFloor: false, catchUpByAge: false });
    expect(planned(await previewDunningRun(ctx()))).toEqual([['A1', 'reminder_1', null]]);
  });

  it('stores them on when a version says so', async () => {
    await savePolicyVersion(ctx(), {
      ...builtIn,
      effectiveFrom: '2026-01-05',
      catchUpByAge: true,
      accountFloor: true,
    });
    const read = await getPolicies(ctx());
    expect(read.versions.map((p) => [p.version, p.accountFloor, p.catchUpByAge])).toEqual([
      [1, undefined, undefined],
      [2, false, false],
      [3, true, true],
    ]);
    expect(planned(await previewDunningRun(ctx()))).toEqual([['A1', 'reminder_2', 'catch_up']]);
  });
});

const web = httpFixtureOfFile({ manager: emailOf('credit_manager') });

describe('escalation settings over HTTP (F1, 30 days late, never reminded)', () => {
  it('saves a draft with them off, answers with them and plans the first reminder', async () => {
    const { manager } = web.sessions;
    const before = (await web.call(manager, 'POST', '/api/dunning/runs/preview', {})).json();
    expect(before.actions.map((a: { step: string }) => a.step)).toEqual(['reminder_2']);
    const saved = await web.call(manager, 'POST', '/api/dunning/policies', {
      ...builtIn,
      effectiveFrom: '2026-04-01',
      catchUpByAge: false,
      accountFloor: false,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().policy).toMatchObject({ version: 1, accountFloor: false, catchUpByAge: false });
    const read = (await web.call(manager, 'GET', '/api/dunning/policies')).json();
    expect(read.inForce[0]).toMatchObject({ accountFloor: false, catchUpByAge: false });
    const after = (await web.call(manager, 'POST', '/api/dunning/runs/preview', {})).json();
    expect(after.actions.map((a: { step: string }) => a.step)).toEqual(['reminder_1']);
  });

  it('refuses a setting that is not on or off', async () => {
    const { manager } = web.sessions;
    const refused = await web.call(manager, 'POST', '/api/dunning/policies/validate', {
      ...builtIn,
      effectiveFrom: '2026-04-01',
      catchUpByAge: 'sometimes',
    });
    expect(refused.statusCode).toBe(400);
  });
});
