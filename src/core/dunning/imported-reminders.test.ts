import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.ts';
import { EXAMPLE_POLICY, exampleCustomer, exampleInvoice } from './example-plan.fixture.ts';
import {
  applyImportedReminders,
  importedCap,
  importedLevel,
  importedReminderAmountMinor,
  isImportedFormalNotice,
} from './imported-reminders.ts';
import { type DunningInvoice, type PlanSettings, planDunning } from './planner.ts';
import { REFERENCE_RATES } from './reference-rates.fixture.ts';

// Levels of the example: 1 courtesy D−5, 2 reminder_1 D+5, 3 reminder_2 D+15, 4 call D+30,
// 5 formal notice D+45, 6 hand-over D+60.
const POLICY = EXAMPLE_POLICY;
const SETTINGS: PlanSettings = {
  asOf: '2025-09-30',
  policies: [POLICY],
  rates: REFERENCE_RATES,
  rateMode: 'split_by_semester',
};
const C1 = exampleCustomer('C1');
const invoice = (id: string, dueDate: string, extra: Partial<DunningInvoice> = {}) =>
  exampleInvoice(id, 'C1', dueDate, 100_000, extra);
const reminded = (...dates: string[]) => dates.map((date) => ({ customerCode: 'C1', date }));

describe('imported reminders', () => {
  it('raise each invoice overdue that day to the step its delay had reached, dated that day', () => {
    const invoices = [
      invoice('A', '2025-08-01'), // 19 days late on 08-20: reminder_2 (D+15)
      invoice('B', '2025-08-18'), // 2 days late: only the courtesy date had come
      invoice('C', '2025-08-25'), // not yet due on 08-20: not reminded
    ];
    const raised = applyImportedReminders([C1], invoices, reminded('2025-08-20'), SETTINGS);
    expect(raised.map((i) => [i.id, i.level, i.lastStepDate, i.formalNoticeDate])).toEqual([
      ['A', 3, '2025-08-20', null],
      ['B', 1, '2025-08-20', null],
      ['C', 0, null, null],
    ]);
  });

  it('never stand for a formal notice or a hand-over, however late the invoice was', () => {
    const old = invoice('A', '2025-05-01');
    expect(importedLevel(old, POLICY, '2025-09-01')).toBe(4);
    const [raised] = applyImportedReminders([C1], [old], reminded('2025-09-01'), SETTINGS);
    expect([raised?.level, raised?.formalNoticeDate]).toEqual([4, null]);
    // The notice is still Encours's to send, and the hand-over waits for its record.
    const plan = planDunning([C1], raised ? [raised] : [], SETTINGS);
    expect(plan.actions.map((a) => [a.stepKind, a.items.map((i) => [i.fromLevel, i.level])])).toEqual([
      ['formal_notice', [[4, 5]]],
    ]);
  });

  it('say when the delay had reached the formal notice the level stops below', () => {
    const old = invoice('A', '2025-05-01');
    // D+45 is 15 June: a reminder of 14 June stood for the call, one of 15 June reached the notice.
    expect([importedLevel(old, POLICY, '2025-06-14'), importedCap(old, POLICY, '2025-06-14')]).toEqual([
      4,
      null,
    ]);
    expect([importedLevel(old, POLICY, '2025-06-15'), importedCap(old, POLICY, '2025-06-15')]).toEqual([
      4,
      'formal_notice',
    ]);
    // Without a formal notice in the policy, the hand-over is the step it stops below.
    const noNotice = { ...POLICY, steps: POLICY.steps.filter((s) => s.kind !== 'formal_notice') };
    expect(importedCap(old, noNotice, '2025-09-01')).toBe('handover');
    // Paid that day, or not yet due: the reminder stood for nothing.
    const paid = invoice('B', '2025-05-01', {
      interestBasis: { amountMinor: 100_000, settlements: [{ date: '2025-06-01', amountMinor: 100_000 }] },
    });
    expect([importedCap(paid, POLICY, '2025-09-01'), importedCap(old, POLICY, '2025-05-01')]).toEqual([
      null,
      null,
    ]);
  });

  it('leave an invoice paid that day alone, and count the newest reminder that found it unpaid', () => {
    // 1,000.00 paid on 08-10, reopened by a bounce (a negative settlement) on 09-05.
    const bounced = invoice('A', '2025-07-01', {
      interestBasis: {
        amountMinor: 100_000,
        settlements: [
          { date: '2025-08-10', amountMinor: 100_000 },
          { date: '2025-09-05', amountMinor: -100_000 },
        ],
      },
    });
    const dates = reminded('2025-07-20', '2025-08-20');
    const [raised] = applyImportedReminders([C1], [bounced], dates, SETTINGS);
    expect([raised?.level, raised?.lastStepDate]).toEqual([3, '2025-07-20']);
  });

  it('keep Encours’s own level when higher, its last step when later, and ignore later days', () => {
    const own = invoice('A', '2025-06-01', {
      level: 5,
      lastStepDate: '2025-07-20',
      formalNoticeDate: '2025-07-20',
    });
    const later = invoice('B', '2025-08-01', { level: 3, lastStepDate: '2025-09-01' });
    const raised = applyImportedReminders([C1], [own, later], reminded('2025-08-20', '2025-10-15'), SETTINGS);
    expect(raised.map((i) => [i.level, i.lastStepDate, i.formalNoticeDate])).toEqual([
      [5, '2025-08-20', '2025-07-20'],
      [3, '2025-09-01', null],
    ]);
  });

  it('leave the invoices of a customer without a policy, or without imported reminders, as they were', () => {
    const stranger = { ...invoice('A', '2025-08-01'), customerCode: 'X' };
    const mine = invoice('B', '2025-08-01');
    const reminders = [{ customerCode: 'X', date: '2025-08-20' }];
    expect(applyImportedReminders([C1], [stranger, mine], reminders, SETTINGS)).toEqual([stranger, mine]);
  });

  it('stay below the first notice whatever the days, keep what was higher, and plan no hand-over (property)', () => {
    const invoiceArb = fc.record({
      due: fc.integer({ min: 0, max: 200 }),
      level: fc.integer({ min: 0, max: 6 }),
      last: fc.option(fc.integer({ min: 0, max: 200 })),
    });
    const START = '2025-03-01';
    fc.assert(
      fc.property(
        fc.array(invoiceArb, { maxLength: 10 }),
        fc.array(fc.integer({ min: 0, max: 240 }), { maxLength: 12 }),
        fc.integer({ min: 100, max: 240 }),
        (rows, days, asOfDay) => {
          const settings = { ...SETTINGS, asOf: addDays(START, asOfDay) };
          const invoices = rows.map((r, index) =>
            invoice(`I${index}`, addDays(START, r.due), {
              level: r.level,
              lastStepDate: r.last === null ? null : addDays(START, Math.min(r.last, asOfDay)),
            }),
          );
          const raised = applyImportedReminders(
            [C1],
            invoices,
            reminded(...days.map((d) => addDays(START, d))),
            settings,
          );
          raised.forEach((after, index) => {
            const before = invoices[index] as DunningInvoice;
            expect(after.level).toBeGreaterThanOrEqual(before.level);
            if (after.level > before.level) expect(after.level).toBeLessThanOrEqual(4);
            expect(after.formalNoticeDate).toBe(before.formalNoticeDate);
            if (after.lastStepDate !== before.lastStepDate)
              expect(after.lastStepDate! <= settings.asOf).toBe(true);
          });
          // No invoice without a recorded notice is handed over, whatever the history said.
          const plan = planDunning([C1], raised, settings);
          expect(plan.actions.filter((a) => a.stepKind === 'handover')).toEqual([]);
        },
      ),
    );
  });
});

describe('imported formal notices', () => {
  const noticed = (date: string) => [{ customerCode: 'C1', date, formalNotice: true }];

  it('are told from the words of the line: a notice sent by registered letter, not one announced', () => {
    expect(
      [
        'Relance niveau 3 (mise en demeure en recommandé avec AR) : 36 pièces échues pour 307 162,13 €',
        'Mise en demeure LRAR envoyée',
        'Formal notice sent by registered letter',
        'Relance niveau 2 (seconde relance par courrier) : 14 pièces échues',
        'Dernière relance avant mise en demeure, en recommandé',
        'Mise en demeure envoyée par e-mail',
      ].map(isImportedFormalNotice),
    ).toEqual([true, true, true, false, false, false]);
  });

  it('put every invoice overdue that day on notice, dated that day, whatever its own delay', () => {
    const invoices = [
      invoice('A', '2025-05-01'), // 122 days late: past the policy's notice (D+45)
      invoice('B', '2025-08-25'), // 7 days late: only reminder_1's date had come
      invoice('C', '2025-09-05'), // not yet due: not in the letter
    ];
    const raised = applyImportedReminders([C1], invoices, noticed('2025-09-01'), SETTINGS);
    expect(raised.map((i) => [i.id, i.level, i.lastStepDate, i.formalNoticeDate])).toEqual([
      ['A', 5, '2025-09-01', '2025-09-01'],
      ['B', 5, '2025-09-01', '2025-09-01'],
      ['C', 0, null, null],
    ]);
    // The notice is not sent again: its invoices wait for the hand-over, which the plan proposes
    // once the notice's lead time and the hand-over's own date have come. C, due since, is not sent
    // a polite first reminder beside the hand-over: it joins the account's notice (account floor).
    const plan = planDunning([C1], raised, SETTINGS);
    expect(
      plan.actions.map((a) => [
        a.stepKind,
        a.items.map((i) => [i.invoiceId, i.fromLevel, i.raisedBy ?? null]),
      ]),
    ).toEqual([
      ['handover', [['A', 5, null]]],
      ['formal_notice', [['C', 0, { kind: 'account_notice', noticeDate: '2025-09-01' }]]],
    ]);
    // A policy without the account floor reminds C on its own steps, caught up with its lateness
    // (D+25 has passed the letter of D+15).
    const own = { ...SETTINGS, policies: [{ ...POLICY, accountFloor: false }] };
    expect(planDunning([C1], raised, own).actions.map((a) => [a.stepKind, a.stepCode])).toEqual([
      ['handover', 'handover'],
      ['reminder', 'reminder_2'],
    ]);
  });

  it('keep the notice’s date under a later reminder, and Encours’s own notice when later', () => {
    const old = invoice('A', '2025-05-01');
    const both = [...noticed('2025-08-01'), { customerCode: 'C1', date: '2025-09-01' }];
    const [raised] = applyImportedReminders([C1], [old], both, SETTINGS);
    expect([raised?.level, raised?.lastStepDate, raised?.formalNoticeDate]).toEqual([
      5,
      '2025-09-01',
      '2025-08-01',
    ]);
    const own = invoice('B', '2025-05-01', {
      level: 5,
      lastStepDate: '2025-09-10',
      formalNoticeDate: '2025-09-10',
    });
    const [kept] = applyImportedReminders([C1], [own], noticed('2025-08-01'), SETTINGS);
    expect([kept?.level, kept?.formalNoticeDate]).toEqual([5, '2025-09-10']);
  });

  it('are ordinary reminders under a policy without a notice before its hand-over', () => {
    const noNotice = { ...POLICY, steps: POLICY.steps.filter((s) => s.kind !== 'formal_notice') };
    const settings = { ...SETTINGS, policies: [noNotice] };
    const [raised] = applyImportedReminders(
      [C1],
      [invoice('A', '2025-05-01')],
      noticed('2025-09-01'),
      settings,
    );
    expect([raised?.level, raised?.formalNoticeDate]).toEqual([4, null]);
  });
});

describe('the amount an imported reminder states', () => {
  it('is read in euros from its words, or is none', () => {
    expect(
      importedReminderAmountMinor(
        'Relance niveau 3 (mise en demeure en recommandé avec AR) : 36 pièces échues pour 307 162,13 €, la plus ancienne F2025-003393 échue depuis 179 jours',
      ),
    ).toBe(30_716_213);
    expect(importedReminderAmountMinor('Relance : 1 pièce échue pour 3\u00a0000,00 €')).toBe(300_000);
    expect(importedReminderAmountMinor('Relance de 1.250,5 EUR')).toBe(125_050);
    expect(importedReminderAmountMinor('Relance téléphonique : le client promet de régler')).toBeNull();
    expect(importedReminderAmountMinor('Mise en demeure LRAR F2025-003393')).toBeNull();
  });
});
