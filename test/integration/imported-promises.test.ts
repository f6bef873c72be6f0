/**
 * The promises to pay of the demo company's imported history (issue 12): listed read-only beside
 * the recorded ones, over HTTP and the CLI, each with the date and amount its line states and a
 * status read from the ledger, « non vérifiable » when it cannot be; never a recorded promise — the
 * recorded list stays empty and the run goes on reminding a customer whose imported promise is pending.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { listImportedPromises } from '#app/dunning/imported-promises';
import { previewDunningRun } from '#app/dunning/plan-run';
import { recordPromise } from '#app/dunning/promises';
import { DEMO_AS_OF } from '#demo/index';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { cliOutput } from '../support/cli-output.ts';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let ctx: AppContext;
let collector: Session;
let salesperson: Session;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', DEMO_AS_OF);
  app = await buildServer(database.runtime, { webRoot: null });
  collector = await signIn(app, 'julien.petit@cb2c.example');
  salesperson = await signIn(app, 'sophie.bernard@cb2c.example');
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = async (session: Session, url: string) => {
  const response = await app.inject({ url, headers: session.headers });
  expect(response.statusCode).toBe(200);
  return response.json();
};
const byStatus = (rows: readonly { status: string }[]) =>
  Object.fromEntries([...Map.groupBy(rows, (r) => r.status)].map(([status, of]) => [status, of.length]));

describe('the imported history’s promises to pay', () => {
  it('are listed read-only beside the recorded ones, each with what its line says and what the ledger tells', async () => {
    // No promise was recorded in Encours: that list is as it was.
    expect(await get(collector, '/api/dunning/promises')).toEqual([]);
    const imported = await get(collector, '/api/dunning/promises/imported');
    expect(imported).toHaveLength(317);
    expect(imported[0].madeOn).toBe('2026-06-11');
    expect(byStatus(imported)).toEqual({ broken: 269, kept: 39, unverifiable: 9 });
    expect(imported.find((p: { eventId: number }) => p.eventId === 3552)).toEqual({
      source: 'imported',
      eventId: 3552,
      customerCode: 'C00127',
      customerName: 'Bazar du Plateau',
      madeOn: '2026-06-10',
      promisedOn: '2026-06-29',
      amountMinor: 397_482,
      currency: 'EUR',
      documentRef: null,
      // The demo writes its amounts as Intl does: narrow no-break spaces in thousands, a no-break one before €.
      note: 'Promesse de règlement de 3\u202f974,82\u00a0€ pour le 29/06/2026',
      status: 'kept',
      unverifiableReason: null,
      paidMinor: 397_482,
    });
    // Only a payment of the call's own day would cover it: was it made before the call, or after?
    const [vidal] = await get(collector, '/api/dunning/promises/imported?customerCode=C00170');
    expect(vidal).toMatchObject({
      madeOn: '2026-06-08',
      promisedOn: '2026-06-17',
      amountMinor: 81_690,
      status: 'unverifiable',
      unverifiableReason: 'same_day',
      paidMinor: 0,
    });
  });

  it('are a salesperson’s own customers’ only', async () => {
    const own = await database.runtime.handle.pool.query<{ code: string }>(
      "select code from customers where salesperson = 'Sophie Bernard'",
    );
    const codes = new Set(own.rows.map((row) => row.code));
    const listed: { customerCode: string }[] = await get(salesperson, '/api/dunning/promises/imported');
    expect(listed).toHaveLength(28);
    expect(listed.filter((p) => !codes.has(p.customerCode))).toEqual([]);
    const other = await app.inject({
      url: '/api/dunning/promises/imported?customerCode=C00127',
      headers: salesperson.headers,
    });
    expect(other.statusCode).toBe(404);
  });

  it('pause no reminder: a pending one leaves its customer to the run', async () => {
    const asOf = '2026-06-20';
    const pending = (await listImportedPromises(ctx, { asOf })).filter((p) => p.status === 'pending');
    expect(pending.map((p) => [p.customerCode, p.promisedOn, p.amountMinor])).toContainEqual([
      'C00291',
      '2026-06-23',
      4_406_461,
    ]);
    expect(pending).toHaveLength(11);
    const preview = await previewDunningRun(ctx, { asOf });
    expect(preview.skipped.filter((s) => s.reason === 'promise_pending')).toEqual([]);
    for (const { customerCode } of pending)
      expect(preview.actions.some((a) => a.customerCode === customerCode)).toBe(true);
  });

  it('leave out the lines Encours wrote itself, with or without their message', async () => {
    const before = await listImportedPromises(ctx, { customerCode: 'C00006' });
    const recorded = await recordPromise(ctx, {
      customerCode: 'C00006',
      madeOn: '2026-06-15',
      instalments: [{ dueDate: '2026-07-15', amountMinor: 10_000 }],
    });
    // A line an older version wrote for it, before lines carried their message (migration 0067).
    await database.runtime.handle.pool.query(
      `insert into customer_events (company_id, customer_code, kind, event_date, detail, created_by)
       values ('CB2C', 'C00006', 'promise', '2026-06-15', 'Promesse de paiement : 100,00 €, dernière échéance le 15/07/2026.', 'test')`,
    );
    expect(await listImportedPromises(ctx, { customerCode: 'C00006' })).toEqual(before);
    expect((await get(collector, '/api/dunning/promises?customerCode=C00006'))[0].promiseId).toBe(
      recorded.promiseId,
    );
  });
});

describe('encours promise list', () => {
  const cli = (...args: string[]) => cliOutput(database.runtime, 'CB2C', args);

  it('prints the imported promises after the recorded ones, in French and English', async () => {
    const french = await cli('promise', 'list', '--customer', 'C00127');
    expect(french.status).toBe(0);
    expect(french.stdout).toContain('Aucune promesse de paiement.');
    expect(french.stdout).toContain(
      'Promesses selon l’historique importé (lecture seule, sans effet sur la relance) :',
    );
    expect(french.stdout).toMatch(
      /10\/06\/2026 +29\/06\/2026 +3 974,82 € +3 974,82 € +Tenue +Promesse de règlement/,
    );
    const english = await cli('promise', 'list', '--imported', '--customer', 'C00170', '--lang', 'en');
    expect(english.stdout).not.toContain('No promise to pay.');
    expect(english.stdout).toContain(
      'Not verifiable: only a payment made the day of the call would cover it',
    );
  });

  it('keeps --json to the recorded promises unless the imported ones are asked for', async () => {
    expect(JSON.parse((await cli('--json', 'promise', 'list', '--customer', 'C00127')).stdout)).toEqual([]);
    const imported = JSON.parse(
      (await cli('--json', 'promise', 'list', '--imported', '--customer', 'C00170')).stdout,
    );
    expect(imported.map((p: { status: string }) => p.status)).toEqual(['unverifiable', 'broken', 'broken']);
  });
});
