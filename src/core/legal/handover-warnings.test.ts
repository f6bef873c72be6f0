import { describe, expect, it } from 'vitest';
import { type HandoverWarningFacts, handoverWarnings, isNoChaseNote } from './handover-warnings.ts';

/** A file of two invoices handed over on 20 July 2026, reminded and put on notice on 30 June. */
const facts = (changes: Partial<HandoverWarningFacts> = {}): HandoverWarningFacts => ({
  date: '2026-07-20',
  refs: ['F1', 'F2'],
  reminderCount: 3,
  formalNotices: [{ date: '2026-06-30', deadline: '2026-07-08', refs: ['F1', 'F2', 'F9'] }],
  undeliveredNotices: [],
  disputedRefs: [],
  pendingPromises: [],
  notes: [],
  ...changes,
});

describe('hand-over warnings', () => {
  it('warns of no reminder, no formal notice and a note asking not to chase, in that order', () => {
    expect(
      handoverWarnings(
        facts({
          reminderCount: 0,
          formalNotices: [],
          notes: [
            {
              date: '2024-02-12',
              detail: 'Client historique suivi par M. Roux : ne pas relancer sans son accord.',
            },
            { date: '2026-03-16', detail: 'Retard passager de trésorerie, maintenir les livraisons.' },
          ],
        }),
      ),
    ).toEqual([
      { code: 'no_reminder' },
      { code: 'no_formal_notice' },
      {
        code: 'no_chase_note',
        date: '2024-02-12',
        note: 'Client historique suivi par M. Roux : ne pas relancer sans son accord.',
      },
    ]);
  });

  it('has nothing to say of a file reminded and put on notice', () => {
    expect(handoverWarnings(facts())).toEqual([]);
    expect(handoverWarnings(facts({ formalNotices: [] }))).toEqual([{ code: 'no_formal_notice' }]);
  });

  it('warns of a hand-over before the formal notice’s deadline has passed, the deadline day included', () => {
    const pending = { code: 'notice_deadline_pending', date: '2026-06-30', deadline: '2026-07-08' };
    expect(handoverWarnings(facts({ date: '2026-06-30' }))).toEqual([pending]);
    expect(handoverWarnings(facts({ date: '2026-07-08' }))).toEqual([pending]);
    expect(handoverWarnings(facts({ date: '2026-07-09' }))).toEqual([]);
  });

  it('names the invoices no formal notice named, whichever notice named the others', () => {
    const notices = [
      { date: '2026-05-29', deadline: '2026-06-06', refs: ['F1'] },
      { date: '2026-06-30', deadline: '2026-07-08', refs: ['F9'] },
    ];
    expect(handoverWarnings(facts({ refs: ['F1', 'F2', 'F3'], formalNotices: notices }))).toEqual([
      { code: 'not_in_formal_notice', date: '2026-06-30', refs: ['F2', 'F3'] },
    ]);
  });

  it('says when the only formal notice never reached the debtor, in place of « none sent »', () => {
    const failed = { date: '2026-06-30', delivery: 'failed' as const };
    expect(handoverWarnings(facts({ formalNotices: [], undeliveredNotices: [failed] }))).toEqual([
      { code: 'formal_notice_undelivered', date: '2026-06-30', delivery: 'failed' },
    ]);
  });

  it('says when reminders were e-mailed but none reached the debtor, in place of « none sent »', () => {
    const undeliveredReminders = [
      { date: '2026-05-04', delivery: 'failed' as const },
      { date: '2026-05-20', delivery: 'held' as const },
    ];
    expect(handoverWarnings(facts({ reminderCount: 0, undeliveredReminders }))[0]).toEqual({
      code: 'no_reminder_delivered',
      date: '2026-05-20',
      delivery: 'held',
    });
    expect(handoverWarnings(facts({ undeliveredReminders }))).toEqual([]);
  });

  it('says when the latest notice was not delivered, but not of one an earlier or same-day notice stands for', () => {
    const held = { date: '2026-07-10', delivery: 'held' as const };
    expect(handoverWarnings(facts({ undeliveredNotices: [held] }))).toEqual([
      { code: 'latest_formal_notice_undelivered', date: '2026-07-10', delivery: 'held' },
    ]);
    const before = [
      { date: '2026-06-02', delivery: 'failed' as const },
      { date: '2026-06-30', delivery: 'pending' as const },
    ];
    expect(handoverWarnings(facts({ undeliveredNotices: before }))).toEqual([]);
  });

  it('names the disputed invoices and those under a pending promise, the nearest promise first', () => {
    expect(
      handoverWarnings(
        facts({
          disputedRefs: ['F2'],
          pendingPromises: [
            { lastDue: '2026-08-31', refs: ['F1', 'F2'] },
            { lastDue: '2026-07-31', refs: ['F1'] },
            { lastDue: '2026-07-25', refs: [] },
          ],
        }),
      ),
    ).toEqual([
      { code: 'open_dispute', refs: ['F2'] },
      { code: 'promise_pending', date: '2026-07-31', refs: ['F1'] },
      { code: 'promise_pending', date: '2026-08-31', refs: ['F1', 'F2'] },
    ]);
  });

  it.each([
    ['ne pas relancer sans son accord', true],
    ['Ne PLUS le relancer', true],
    ['Pas de relance avant la fin du mois', true],
    ['Relances suspendues, livraisons au comptant uniquement.', true],
    ['Relances uniquement avec son accord', true],
    ['Commandes validées sans son accord préalable', false],
    ['Do not chase: key account', true],
    ['No reminders until the audit is over', true],
    ['Relance niveau 2 envoyée', false],
    ['Appel au service comptable : promesse de règlement', false],
    ['Le client demande un relevé de compte', false],
  ])('« %s » asks not to chase: %s', (note, expected) => {
    expect(isNoChaseNote(note)).toBe(expected);
  });

  it('names the customer’s latest formal notice as « la dernière », though it named other invoices only', () => {
    const notices = [{ date: '2026-06-05', deadline: '2026-06-13', refs: ['F1'] }];
    expect(handoverWarnings(facts({ formalNotices: notices, latestCustomerNotice: '2026-06-30' }))).toEqual([
      { code: 'not_in_formal_notice', date: '2026-06-30', refs: ['F2'] },
    ]);
    expect(handoverWarnings(facts({ formalNotices: [], latestCustomerNotice: '2026-06-30' }))).toEqual([
      { code: 'not_in_formal_notice', date: '2026-06-30', refs: ['F1', 'F2'] },
    ]);
  });
});
