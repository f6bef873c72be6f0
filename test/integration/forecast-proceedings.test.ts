/**
 * Payment predictions for what the audit of issue 14 found: a customer in insolvency proceedings
 * (its claims from before the judgment get no ordinary payment date and stay out of the
 * collection forecast; known only from the date the story dates the procedure), and the
 * reminders imported with the customers' story still counted once Encours has sent its own.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import { forecastCollections } from '#app/forecast/collections';
import { predictPayments } from '#app/forecast/predictions';
import { addDays } from '#core/calendar';
import { selectForecastEvents } from '#db/forecast/forecast-events';
import { selectCustomersInProceedings } from '#db/forecast/forecast-insolvency';
import { selectForecastInvoices } from '#db/forecast/forecast-queries';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const AS_OF = '2026-04-30';
const K1_MINOR = eur(4_000);

/**
 * The same books for every company; in `code`, C3 is in receivership when `insolvent`, its story
 * dating the procedure unless `storied` is false (then only its status says so).
 */
function books(code: string, insolvent: boolean, storied = true) {
  const b = new LedgerBuilder(code)
    .addCustomer('C1', { name: 'Alpha SARL' })
    .addCustomer('C3', { name: 'Gamma SAS', status: insolvent ? 'receivership' : 'active' });
  for (let month = 0; month < 15; month += 1) {
    const issue = addDays('2025-01-05', month * 30);
    const c1 = b.invoice('C1', issue, addDays(issue, 30), eur(1_000));
    b.payment('C1', addDays(issue, 40), [[c1, eur(1_000)]]);
    if (issue < '2025-12-01') {
      const c3 = b.invoice('C3', issue, addDays(issue, 30), eur(2_000));
      b.payment('C3', addDays(issue, 35), [[c3, eur(2_000)]]);
    }
  }
  b.invoice('C3', '2026-02-01', '2026-03-03', K1_MINOR, 'K1');
  b.invoice('C3', '2026-04-01', '2026-05-01', eur(500), 'K2');
  b.invoice('C1', '2026-03-01', '2026-03-31', eur(1_500), 'R1');
  // Reminders sent before Encours, told by the imported story; the last one the same day as the
  // reminder recorded in Encours below (the same reminder told twice).
  b.event('C1', 'reminder', '2026-04-10', 'R1').event('C1', 'reminder', '2026-04-20', 'R1');
  b.event('C1', 'reminder', '2026-04-28', 'R1');
  if (insolvent && storied) b.event('C3', 'insolvency', '2026-03-16');
  return b.dataset(AS_OF);
}

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset({ ...database.context('FPR', AS_OF), actor: 'test' }, books('FPR', true));
  await loadDataset({ ...database.context('FPA', AS_OF), actor: 'test' }, books('FPA', false));
  for (const code of ['FPS', 'FPU'])
    await loadDataset({ ...database.context(code, AS_OF), actor: 'test' }, books(code, true, false));
}, 120_000);

afterAll(async () => database?.close());

describe('a customer in insolvency proceedings', () => {
  it('gets no ordinary payment date on its claims from before the judgment, with the reason first', async () => {
    const { items } = await predictPayments(database.context('FPR', AS_OF), { asOf: AS_OF, lang: 'en' });
    const k1 = items.find((i) => i.documentRef === 'K1');
    const k2 = items.find((i) => i.documentRef === 'K2');
    expect(k1?.paymentExpected).toBe(false);
    expect(k1?.reasons[0]?.message).toBe(
      'Insolvency proceedings (receivership) since 16/03/2026: a claim from before the judgment, no payment expected outside the court’s plan',
    );
    // Invoiced after the judgment: an ordinary claim, predicted as usual.
    expect(k2?.paymentExpected).toBeUndefined();
    expect(k2?.reasons.some((r) => r.code === 'insolvency_proceedings')).toBe(false);
    const fr = await predictPayments(database.context('FPR', AS_OF), { asOf: AS_OF, lang: 'fr' });
    expect(fr.items.find((i) => i.documentRef === 'K1')?.reasons[0]?.message).toContain(
      'pas de paiement attendu hors plan',
    );
  });

  it('is not known before the story dates the procedure', async () => {
    const { items } = await predictPayments(database.context('FPR', AS_OF), { asOf: '2026-03-10' });
    const k1 = items.find((i) => i.documentRef === 'K1');
    expect(k1?.paymentExpected).toBeUndefined();
    expect(k1?.reasons.some((r) => r.code === 'insolvency_proceedings')).toBe(false);
  });

  it('leaves those claims out of the collection forecast from open items', async () => {
    const total = async (code: string) => {
      const forecast = await forecastCollections(database.context(code, AS_OF), { asOf: AS_OF });
      return forecast.weeks.reduce((sum, week) => sum + week.fromOpenItemsMinor, 0);
    };
    const [insolvent, active] = [await total('FPR'), await total('FPA')];
    // The same books but for C3's status: the difference is K1's expected receipts, at most its amount.
    expect(active - insolvent).toBeGreaterThan(0);
    expect(active - insolvent).toBeLessThanOrEqual(K1_MINOR);
  });

  it('shows those claims apart in the forecast by age, which accounts for every open invoice', async () => {
    const byAge = async (code: string) =>
      (await forecastCollections(database.context(code, AS_OF), { asOf: AS_OF })).byAge;
    const [insolvent, active] = [await byAge('FPR'), await byAge('FPA')];
    expect(insolvent.leftOutOpenMinor).toBe(K1_MINOR);
    expect(active.leftOutOpenMinor).toBe(0);
    // K1, K2 and R1 are open: 4 000 + 500 + 1 500 €, each in one line (too few for a curve: dated).
    for (const lines of [insolvent, active])
      expect(
        lines.buckets.reduce((sum, bucket) => sum + bucket.openMinor, 0) +
          lines.dated.openMinor +
          lines.leftOutOpenMinor,
      ).toBe(eur(6_000));
  });
});

describe('a customer in proceedings by its status only (no announcement, no story line)', () => {
  const statuses = ['safeguard', 'receivership', 'liquidation'];
  const inProceedings = async (code: string, asOf: string) =>
    (await selectCustomersInProceedings(database.context(code, AS_OF).db, code, asOf, statuses)).map(
      (row) => `${row.customerCode} ${row.procedure} ${row.since}`,
    );
  /** Audit records written at a chosen instant (the log stamps `now()`, the wall clock). */
  const statusChange = (
    code: string,
    at: string,
    before: string,
    after: string,
    action = 'customer.update',
  ) =>
    sql`insert into audit_log (company_id, at, actor, action, entity, entity_key, before, after)
        values (${code}, ${at}::timestamptz, 'test', ${action}, 'customer', 'C3',
                ${JSON.stringify({ status: before })}::jsonb, ${JSON.stringify({ status: after })}::jsonb)`.execute(
      database.context(code, AS_OF).db,
    );

  it('is known from the customer’s creation when no change of status is recorded', async () => {
    const db = database.context('FPS', AS_OF).db;
    await sql`update customers set created_at = '2026-04-15T08:00:00Z' where company_id = 'FPS' and code = 'C3'`.execute(
      db,
    );
    expect(await inProceedings('FPS', '2026-04-14')).toEqual([]);
    expect(await inProceedings('FPS', '2026-04-15')).toEqual(['C3 receivership null']);
    // A replay before that day predicts K1 as an ordinary claim; at the date, no payment outside the plan.
    const before = await predictPayments(database.context('FPS', AS_OF), { asOf: '2026-04-10' });
    expect(before.items.find((i) => i.documentRef === 'K1')?.paymentExpected).toBeUndefined();
    const after = await predictPayments(database.context('FPS', AS_OF), { asOf: AS_OF });
    expect(after.items.find((i) => i.documentRef === 'K1')?.paymentExpected).toBe(false);
  });

  it('is known from the audit record of the change into the procedure, not before', async () => {
    const db = database.context('FPU', AS_OF).db;
    await sql`update customers set created_at = '2024-12-01T08:00:00Z', updated_at = '2026-04-25T08:00:00Z'
               where company_id = 'FPU' and code = 'C3'`.execute(db);
    // In safeguard in January, out of it in February, in receivership from 20 March (an import,
    // 00:30 in Paris: 19 March in UTC; business dates are the companies' zone).
    await statusChange('FPU', '2026-01-10T09:00:00Z', 'active', 'safeguard');
    await statusChange('FPU', '2026-02-02T09:00:00Z', 'safeguard', 'active');
    await statusChange('FPU', '2026-03-19T23:30:00Z', 'active', 'receivership', 'import.update');
    expect(await inProceedings('FPU', '2026-01-20')).toEqual([]);
    expect(await inProceedings('FPU', '2026-03-19')).toEqual([]);
    expect(await inProceedings('FPU', '2026-03-20')).toEqual(['C3 receivership null']);
    expect(await inProceedings('FPU', AS_OF)).toEqual(['C3 receivership null']);
  });

  it('counts a move out of a procedure whose move back in was not recorded from the last change of the file', async () => {
    await statusChange('FPU', '2026-04-01T09:00:00Z', 'receivership', 'active');
    // The customer's status is receivership again, with no record of the move: updated_at dates it.
    expect(await inProceedings('FPU', '2026-04-24')).toEqual([]);
    expect(await inProceedings('FPU', '2026-04-25')).toEqual(['C3 receivership null']);
  });
});

describe('reminders imported with the story and reminders sent by Encours', () => {
  it('are counted together, the same reminder told twice once', async () => {
    const ctx = database.context('FPR', AS_OF);
    await recordManualReminder(ctx, {
      customerCode: 'C1',
      channel: 'email',
      stepCode: 'reminder_2',
      documentRefs: ['R1'],
      doneOn: '2026-04-28',
    });
    const refs = new Map(
      (await selectForecastInvoices(ctx.db, 'FPR', AS_OF)).map((r) => [r.documentId, r.documentRef]),
    );
    const reminders = (await selectForecastEvents(ctx.db, 'FPR', AS_OF))
      .filter((e) => e.kind === 'reminder' && refs.get(e.documentId) === 'R1')
      .map((e) => e.date);
    expect(reminders).toEqual(['2026-04-10', '2026-04-20', '2026-04-28']);
    const after = await predictPayments(ctx, { asOf: AS_OF, lang: 'en' });
    const r1 = after.items.find((i) => i.documentRef === 'R1');
    expect(r1?.reasons.find((r) => r.code === 'reminders_sent')?.figures).toMatchObject({
      count: 3,
      lastReminderOn: '2026-04-28',
    });
  });
});
