/**
 * Reminders of the imported story say their level in words (« Relance niveau 3 (mise en demeure) »):
 * the predictions read it, so the reason names the level the customer's timeline shows instead of
 * counting the reminders (two imported reminders, the second a formal notice, are level 3, not 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { predictPayments } from '#app/forecast/predictions';
import { selectForecastEvents } from '#db/forecast/forecast-events';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const AS_OF = '2026-06-30';
const ctx = (): AppContext => database.context('FIR', AS_OF);

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('FIR').addCustomer('C1', { name: 'Alpha SARL' });
  for (let month = 1; month <= 5; month += 1) {
    const issued = `2026-0${month}-01`;
    b.invoice('C1', issued, `2026-0${month}-28`, eur(1_000), `H${month}`);
    if (month < 4) b.payment('C1', `2026-0${month + 1}-05`, [[`H${month}`, eur(1_000)]]);
  }
  b.event(
    'C1',
    'reminder',
    '2026-05-10',
    'H4',
    'Relance niveau 2 (seconde relance par courrier) : 1 pièce échue',
  )
    .event('C1', 'reminder', '2026-06-10', 'H4', 'Relance niveau 3 (mise en demeure en recommandé avec AR)')
    .event('C1', 'reminder', '2026-06-12', 'H5', 'Appel du service comptable');
  await loadDataset({ ...ctx(), actor: 'test' }, b.dataset(AS_OF));
}, 120_000);
afterAll(async () => {
  await database?.close();
});

describe('imported reminders in the predictions', () => {
  it('take the level their words say, none when they say none', async () => {
    const events = await selectForecastEvents(ctx().db, 'FIR', AS_OF);
    expect(events.filter((e) => e.kind === 'reminder').map((e) => [e.date, e.level])).toEqual([
      ['2026-05-10', 2],
      ['2026-06-10', 3],
      ['2026-06-12', undefined],
    ]);
  });

  it('name that level in the reason', async () => {
    const { items } = await predictPayments(ctx(), { asOf: AS_OF, lang: 'fr' });
    const reason = items
      .find((i) => i.documentRef === 'H4')
      ?.reasons.find((r) => r.code === 'reminders_sent');
    expect(reason?.figures).toMatchObject({ count: 2, level: 3, lastReminderOn: '2026-06-10' });
    expect(reason?.message).toContain('niveau 3');
  });
});
