/**
 * The run review's pure part (web/src/pages/dunning/RunReviewModel.ts): step names as a person
 * reads them, the semesters a missing rate leaves without interest, per-step totals, the reviewed
 * selection by customer, and the date and rate a person types.
 */
import { describe, expect, it } from 'vitest';
import { label, translator } from '#text/catalogue';
import {
  actionKey,
  missingSemesters,
  parseDisplayDate,
  percentToBps,
  type ReviewAction,
  selectedCustomers,
  stepName,
  stepTotals,
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
