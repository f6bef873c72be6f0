/**
 * The run review's pure part (web/src/pages/dunning/RunReviewModel.ts): step names as a person
 * reads them, the semesters a missing rate leaves without interest, per-step totals, the reviewed
 * selection by customer, the invoices skipped under the same customer filter, the credits an action
 * deducts, the date and rate a person types, and the rates form brought to a saved half-year.
 */
import { describe, expect, it } from 'vitest';
import { label, translator } from '#text/catalogue';
import {
  actionKey,
  creditsByCustomer,
  deductedCredits,
  EMPTY_DRAFT,
  filterActions,
  filterSkipped,
  missingSemesters,
  parseDisplayDate,
  percentToBps,
  type ReviewAction,
  selectedCustomers,
  stepName,
  stepTotals,
  withSemesterText,
} from '../../web/src/pages/dunning/RunReviewModel.ts';

const t = translator('fr');
const frLabel = (domain: string, code: string) => label('fr', domain, code);

function action(
  customerCode: string,
  step: string,
  stepKind: string,
  channel: string,
  level = 1,
): ReviewAction {
  return {
    actionId: null,
    customerCode,
    customerName: `Client ${customerCode}`,
    step,
    stepKind,
    channel,
    level,
    currency: 'EUR',
    items: [],
    openTotalMinor: 100_00,
    interestMinor: 0,
    indemnityMinor: 0,
    totalDueMinor: 100_00,
    documentPath: null,
  };
}

describe('run review model', () => {
  it('names each step by kind, number and channel, the call apart', () => {
    expect(
      [
        action('A', 'reminder_1', 'reminder', 'email'),
        action('A', 'reminder_2', 'reminder', 'letter'),
        action('A', 'call', 'reminder', 'call_task'),
        action('A', 'formal_notice', 'formal_notice', 'registered_letter'),
      ].map((a) => stepName(t, frLabel, a)),
    ).toEqual([
      'Relance 1 (e-mail)',
      'Relance 2 (courrier)',
      'Appel',
      'Mise en demeure (lettre recommandée avec AR)',
    ]);
  });

  it('lists the semesters without a rate over which an item runs late', () => {
    const late = action('A', 'reminder_2', 'reminder', 'letter');
    late.items = [
      {
        documentRef: 'F1',
        dueDate: '2025-12-15',
        daysLate: 0,
        openMinor: 1,
        interestMinor: null,
        interestStatus: 'rate_missing',
      },
      {
        documentRef: 'F2',
        dueDate: '2024-01-15',
        daysLate: 0,
        openMinor: 1,
        interestMinor: 5,
        interestStatus: 'claimed',
      },
    ];
    const rates = [{ semester: '2025H2', ecbRateBps: 215, legalInterestRateBps: null, source: 'BCE' }];
    expect(missingSemesters([late], '2026-08-03', rates)).toEqual(['2026H1', '2026H2']);
    expect(missingSemesters([late], '2025-12-31', rates)).toEqual([]);
  });

  it('totals by step in level order and sends the selected customers once', () => {
    const actions = [
      action('B', 'reminder_2', 'reminder', 'letter', 2),
      action('A', 'reminder_1', 'reminder', 'email', 1),
      action('C', 'reminder_2', 'reminder', 'letter', 2),
    ];
    expect(stepTotals(actions).map((s) => [s.step, s.count, s.totalsByCurrency.get('EUR')])).toEqual([
      ['reminder_1', 1, 100_00],
      ['reminder_2', 2, 200_00],
    ]);
    const selected = new Set([actionKey(actions[0] as ReviewAction), actionKey(actions[2] as ReviewAction)]);
    expect(selectedCustomers(actions, selected)).toEqual(['B', 'C']);
  });

  it('filters the invoices skipped by the customer the rows are filtered by', () => {
    const skipped = [
      { customerCode: 'C00261', customerName: 'Hôtel du Lac (Valence)', documentRef: 'F1', reason: 'paused' },
      { customerCode: 'C00002', customerName: null, documentRef: 'F2', reason: 'disputed' },
      { customerCode: 'C00003', customerName: 'Boulangerie Martin', documentRef: 'F3', reason: 'paused' },
    ];
    const filter = { step: 'reminder_1', channel: 'email', search: ' hôtel du lac ' };
    expect(filterSkipped(skipped, filter).map((s) => s.documentRef)).toEqual(['F1']);
    expect(filterSkipped(skipped, { search: 'c00002' }).map((s) => s.documentRef)).toEqual(['F2']);
    expect(filterSkipped(skipped, { search: '' })).toHaveLength(3);
    // The rows follow the same words.
    const rows = [
      action('C00261', 'reminder_1', 'reminder', 'email'),
      action('C00003', 'reminder_1', 'reminder', 'email'),
    ];
    rows[0] = { ...(rows[0] as ReviewAction), customerName: 'Hôtel du Lac (Valence)' };
    expect(filterActions(rows, filter).map((a) => a.customerCode)).toEqual(['C00261']);
  });

  it('lists the credits an action deducts, only when they add up to what it deducts', () => {
    const credit = (documentRef: string, issueDate: string, openMinor: number, currency = 'EUR') => ({
      documentRef,
      issueDate,
      openMinor,
      currency,
    });
    // The customer's credits as the run carries them once: an action lists those of its currency.
    const run = creditsByCustomer([
      {
        customerCode: 'C00261',
        credits: [
          credit('RG2026-001474', '2026-05-22', -530_780),
          credit('AV-9', '2026-01-10', -1_000),
          credit('AV-USD', '2026-02-01', -9_999, 'USD'),
        ],
      },
    ]);
    const credits = run.get('C00261') ?? [];
    expect(deductedCredits(credits, { currency: 'EUR', creditsMinor: 531_780 })).toEqual([
      credit('AV-9', '2026-01-10', -1_000),
      credit('RG2026-001474', '2026-05-22', -530_780),
    ]);
    // Credits that do not add up to what the action deducts are not the run's: none is listed.
    expect(deductedCredits(credits, { currency: 'EUR', creditsMinor: 530_780 })).toBeNull();
    expect(deductedCredits(credits, { currency: 'USD', creditsMinor: 9_999 })).toHaveLength(1);
    expect(creditsByCustomer(undefined).get('C00261')).toBeUndefined();
  });

  it('brings a half-year of the table into the rates form, however it is typed', () => {
    const rows = [
      {
        semester: '2026H1',
        ecbRateBps: 215,
        legalInterestRateBps: 262,
        source: 'BCE 11/06/2025; taux légal 2026 S1',
      },
    ];
    let draft = EMPTY_DRAFT;
    for (const text of ['S', 'S1', 'S1 202']) draft = withSemesterText(draft, text, rows, 'fr');
    expect(draft).toEqual({ ...EMPTY_DRAFT, semester: 'S1 202' });
    draft = withSemesterText(draft, 'S1 2026', rows, 'fr');
    expect(draft).toEqual({
      semester: 'S1 2026',
      ecb: '2,15',
      legal: '2,62',
      source: 'BCE 11/06/2025; taux légal 2026 S1',
    });
    // A correction being typed is not overwritten while the half-year stays the same.
    draft = withSemesterText({ ...draft, ecb: '2,4' }, '2026S1', rows, 'fr');
    expect(draft.ecb).toBe('2,4');
    // Another half-year, not in the table, keeps what was typed for it.
    expect(withSemesterText(draft, 'S2 2026', rows, 'en')).toEqual({ ...draft, semester: 'S2 2026' });
    // But the saved figures of the half-year left, untouched, do not follow to another one.
    const brought = withSemesterText(EMPTY_DRAFT, '2026h1', rows, 'en');
    expect(brought.ecb).toBe('2.15');
    expect(withSemesterText(brought, '2026h', rows, 'en')).toEqual({ ...EMPTY_DRAFT, semester: '2026h' });
  });

  it('reads a date as typed in the UI and a rate in %', () => {
    expect(parseDisplayDate('30/04/2026')).toBe('2026-04-30');
    expect(parseDisplayDate('1/7/2026')).toBe('2026-07-01');
    expect(parseDisplayDate('31/02/2026')).toBeNull();
    expect(parseDisplayDate('2026-04-30')).toBeNull();
    expect([percentToBps('2,15'), percentToBps('2.1'), percentToBps('4'), percentToBps('2.155')]).toEqual([
      215,
      210,
      400,
      null,
    ]);
  });
});
