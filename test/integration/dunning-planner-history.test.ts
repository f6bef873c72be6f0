/**
 * The dunning run of a company that arrives with its customers' reminder history: the imported
 * `reminder` lines count for the invoices' levels (no « first reminder » to a customer reminded
 * every month), never for a formal notice, while Encours's own story lines are not read as history;
 * and one written reminder per customer and day lists every overdue invoice at its own step. The
 * letters are read by poppler's pdftotext: that test is skipped when it is absent (.ci/run installs
 * poppler-utils).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { executeDunningRun } from '#app/dunning/execute-run';
import { type DunningRunView, previewDunningRun } from '#app/dunning/plan-run';
import { getLetter } from '#app/dunning/queries';
import { selectDunningInvoices } from '#db/dunning/dunning-state';
import { selectImportedReminders } from '#db/dunning/imported-reminders';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { HAS_POPPLER, oneLine, pdfText } from '../support/poppler.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const ctx = (today: string): AppContext => database.context('HIS', today);

// H1 was reminded by the previous system on 5 May (I1 5 days late) and 5 June (I1 36 days late,
// I2 not yet due); H2 never was.
function scenario(): LedgerBuilder {
  const b = new LedgerBuilder('HIS')
    .addCustomer('H1', { name: 'Reminded SARL', billingEmail: 'ap@reminded.example' })
    .addCustomer('H2', { name: 'Fresh SA', billingEmail: 'ap@fresh.example' });
  b.invoice('H1', '2025-03-31', '2025-04-30', eur(4_000), 'I1');
  b.invoice('H1', '2025-05-21', '2025-06-20', eur(1_000), 'I2');
  b.invoice('H2', '2025-03-31', '2025-04-30', eur(3_000), 'J1');
  b.invoice('H2', '2025-05-06', '2025-06-05', eur(500), 'J2');
  b.event('H1', 'reminder', '2025-05-05', 'I1');
  b.event('H1', 'reminder', '2025-06-05', 'I1');
  return b;
}

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset({ ...ctx('2025-06-20'), actor: 'test' }, scenario().dataset());
}, 120_000);
afterAll(async () => database?.close());

const steps = (actions: { customerCode: string; step: string; channel: string; items: unknown[] }[]) =>
  actions.map((a) => {
    const items = a.items as { documentRef: string; fromLevel: number; level: number }[];
    return [
      a.customerCode,
      a.step,
      a.channel,
      items.map((i) => `${i.documentRef}:${i.fromLevel}>${i.level}`),
    ];
  });

/** A letter's text on one line. */
const letterText = (content: Buffer) => oneLine(pdfText(content));

// The run of 20 June, whose letters a test of their own reads (it needs poppler; the later tests do not).
let run: DunningRunView;

describe('imported reminder history', () => {
  it('counts for the levels: the call step the history reached is not planned again', async () => {
    // 10 June: I1 and J1 are 41 days late (the call step, D+30). I1 was reminded at 36 days on 5 June,
    // which stands for the call step: nothing new for H1 (the notice comes at D+45). J1 was never
    // reminded: it catches up to the last amicable letter (D+15; the call writes nothing), which
    // carries J2's first reminder (5 days late) too.
    const preview = await previewDunningRun(ctx('2025-06-10'), { asOf: '2025-06-10' });
    expect(steps(preview.actions)).toEqual([['H2', 'reminder_2', 'letter', ['J1:0>3', 'J2:0>2']]]);
  });

  it('never stands for a formal notice: Encours sends it, as a reminder after earlier ones', async () => {
    // 20 June: I1 and J1 are 51 days late (notice D+45): I1's history reached the call, so the
    // notice is its next step, 15 days after that reminder of 5 June (D+30 → D+45: it went on the
    // 16th); J1, never reminded, catches up to the last amicable letter with J2 (15 days late: its
    // date too), never a notice as a first contact (it used to); I2 (due today) gets no courtesy
    // e-mail beside H1's formal notice.
    run = await executeDunningRun(ctx('2025-06-20'), { asOf: '2025-06-20' });
    expect(steps(run.actions)).toEqual([
      ['H1', 'formal_notice', 'registered_letter', ['I1:4>5']],
      ['H2', 'reminder_2', 'letter', ['J1:0>3', 'J2:0>3']],
    ]);
  });

  it.skipIf(!HAS_POPPLER)('writes the notice as a reminder after earlier ones', async () => {
    const action = run.actions.find((a) => a.customerCode === 'H1' && a.step === 'formal_notice');
    const text = letterText((await getLetter(ctx('2025-06-20'), action?.letterId ?? 0)).content);
    expect(text).toContain('Malgré nos précédentes relances');
  });

  it('records the notice only for the invoice at the notice step, and reads Encours’s own lines as its own', async () => {
    const state = await selectDunningInvoices(ctx('2025-06-20').db, 'HIS', '2025-06-20');
    expect(state.map((row) => [row.documentRef, row.level, row.lastStepDate, row.formalNoticeDate])).toEqual([
      ['I1', 5, '2025-06-20', '2025-06-20'],
      ['I2', 0, null, null],
      ['J1', 3, '2025-06-20', null],
      ['J2', 3, '2025-06-20', null],
    ]);
    // The run wrote a story line per reminder on 20 June: they are not imported history.
    const history = await selectImportedReminders(ctx('2025-06-20').db, 'HIS', '2025-06-20', ['H1', 'H2']);
    expect(history).toEqual([
      { customerCode: 'H1', date: '2025-05-05', formalNotice: false },
      { customerCode: 'H1', date: '2025-06-05', formalNotice: false },
    ]);
    const again = await executeDunningRun(ctx('2025-06-20'), { asOf: '2025-06-20' });
    expect(again.actions).toEqual([]);
  });
});
