import { describe, expect, it } from 'vitest';
import type { ActionView, DunningRunView } from '#app/dunning/plan-run';
import { runClaimTotals } from '#core/dunning/run-totals';
import { ITEMS_WIDTH, itemRefsText, runLines } from './dunning-print.ts';

const REFS = ['F2026-001447', 'F2026-001510', 'F2026-001622', 'F2026-001703'];

function action(step: string, stepKind: string, channel: string, refs: readonly string[]): ActionView {
  return {
    actionId: null,
    status: 'planned',
    customerCode: 'C00003',
    customerName: 'Articles ménagers Moreau',
    step,
    stepKind,
    level: 1,
    channel,
    currency: 'EUR',
    items: refs.map((documentRef) => ({
      documentRef,
      dueDate: '2026-05-31',
      openMinor: 100_00,
      daysLate: 30,
      fromLevel: 0,
      level: 1,
      interestMinor: 0,
      interestStatus: 'claimed',
      indemnityMinor: 0,
    })),
    openTotalMinor: 100_00 * refs.length,
    interestMinor: 0,
    indemnityMinor: 0,
    creditsMinor: 0,
    totalDueMinor: 100_00 * refs.length,
    interestIncomplete: false,
    outboxId: null,
    letterId: null,
    documentPath: null,
  };
}

const view = (actions: ActionView[]): DunningRunView => ({
  asOf: '2026-06-30',
  runId: null,
  actions,
  skipped: [],
  deductedCredits: [],
  totals: runClaimTotals(actions),
  tasksCreated: 0,
  batchLetterId: null,
  batchPath: null,
  batchFiles: [],
});

describe('the invoices of a planned action in the terminal', () => {
  it('lists references whole and counts those that do not fit', () => {
    expect(itemRefsText(REFS.slice(0, 3), 'fr')).toBe('F2026-001447 F2026-001510 F2026-001622');
    expect(itemRefsText(REFS, 'fr')).toBe('F2026-001447 F2026-001510 +2');
    expect(itemRefsText(REFS, 'fr', 20)).toBe('F2026-001447 +3');
    expect(itemRefsText(REFS.slice(0, 1), 'fr', 5)).toBe('F2026-001447');
    const text = itemRefsText([...REFS, ...REFS, ...REFS], 'en');
    expect(text.length).toBeLessThanOrEqual(ITEMS_WIDTH);
    expect(text).toBe('F2026-001447 F2026-001510 +10');
  });

  it('never cuts a reference in the printed table', () => {
    const lines = runLines(view([action('reminder_2', 'reminder', 'letter', REFS)]), 'fr');
    const row = lines.find((line) => line.startsWith('C00003')) ?? '';
    expect(row).toContain('F2026-001447 F2026-001510 +2');
    expect(row).not.toMatch(/F20\d?\d?\s/);
  });
});

describe('the step of a planned action in the terminal', () => {
  it('names the step as the web’s run review does: kind, number and channel', () => {
    const lines = runLines(
      view([
        action('reminder_1', 'reminder', 'email', REFS.slice(0, 1)),
        action('reminder_2', 'reminder', 'letter', REFS.slice(1, 2)),
        action('call', 'reminder', 'call_task', REFS.slice(2, 3)),
      ]),
      'fr',
    );
    const rows = lines.filter((line) => line.startsWith('C00003'));
    expect(rows[0]).toContain('Relance 1 (e-mail)');
    expect(rows[1]).toContain('Relance 2 (courrier)');
    expect(rows[2]).toContain('Appel');
    const english = runLines(view([action('reminder_2', 'reminder', 'letter', REFS.slice(0, 1))]), 'en');
    expect(english.find((line) => line.startsWith('C00003'))).toContain('Reminder 2 (letter)');
  });
});

describe('the invoices the account’s notice or a catch-up raised, in the terminal', () => {
  it('says why each is past its next step, in the reader’s language', () => {
    const notice = action('formal_notice', 'formal_notice', 'registered_letter', REFS.slice(0, 3));
    const [first, second, third] = notice.items;
    if (!first || !second || !third) throw new Error('three items expected');
    notice.items = [
      { ...first, raisedBy: { kind: 'account_notice', noticeDate: '2026-05-05' } },
      { ...second, raisedBy: { kind: 'account_notice', noticeDate: null } },
      { ...third, daysLate: 192, raisedBy: { kind: 'catch_up' } },
    ];
    const french = runLines(view([notice]), 'fr');
    // The section's rows, after the actions' table: customer, invoice, reason.
    const reasonOf = (lines: string[], ref: string) =>
      lines
        .slice(lines.findIndex((line) => /^(Factures portées|Invoices taken)/.test(line)))
        .find((line) => line.startsWith('C00003') && line.includes(` ${ref} `)) ?? '';
    expect(french).toContain('Factures portées au-delà de leur prochaine étape');
    expect(reasonOf(french, REFS[0] ?? '')).toContain(
      'portée au niveau de la mise en demeure déjà adressée le 05/05/2026',
    );
    expect(reasonOf(french, REFS[1] ?? '')).toContain(
      'portée au niveau de la mise en demeure adressée ce jour',
    );
    expect(reasonOf(french, REFS[2] ?? '')).toContain(
      'relance de rattrapage\u00a0: facture en retard de 192 jours',
    );
    const english = runLines(view([notice]), 'en');
    expect(reasonOf(english, REFS[2] ?? '')).toContain('catch-up reminder: invoice 192 days late');
    // Nothing raised: no such section.
    expect(runLines(view([action('reminder_1', 'reminder', 'email', REFS)]), 'fr').join('\n')).not.toContain(
      'Factures portées',
    );
  });
});

describe('what the run claims, in the terminal', () => {
  it('counts neither the courtesy e-mails nor the call tasks in the amount claimed, and says so', () => {
    const spaced = (lines: string[]) => lines.map((line) => line.replace(/[\u00a0\u202f]/g, ' '));
    const lines = spaced(
      runLines(
        view([
          action('reminder_2', 'reminder', 'letter', REFS.slice(0, 2)),
          action('courtesy', 'courtesy', 'email', REFS.slice(2, 3)),
          action('handover', 'handover', 'call_task', REFS.slice(3, 4)),
        ]),
        'fr',
      ),
    );
    expect(lines).toContain('Principal (montants ouverts réclamés) : 200,00 €');
    expect(lines).toContain('Total à recouvrer : 200,00 €');
    expect(lines).toContain('Hors total — tâches d’appel (montants ouverts) : 100,00 €');
    expect(lines).toContain('Hors total — prévenances (factures à échoir) : 100,00 €');
    // Nothing apart: no such line.
    const letterOnly = runLines(view([action('reminder_2', 'reminder', 'letter', REFS)]), 'en');
    expect(letterOnly).toContain('Total to collect: €400.00');
    expect(letterOnly.join('\n')).not.toContain('Not in the total');
  });
});
