/**
 * The run review's grand total (web/src/pages/dunning/RunTotalsModel.ts): the selected actions'
 * customers, actions and amounts per currency, each the sum of the API's figures, and the credits
 * deducted printed with the minus sign French typography wants (the web's `money`, which every page
 * uses). Kept in test/
 * beside the review model's test: Vitest reads no test under web/.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '#text/format';
import { compactMoney, money } from '../../web/src/format.ts';
import { actionKey, type ReviewAction } from '../../web/src/pages/dunning/RunReviewModel.ts';
import { runTotals } from '../../web/src/pages/dunning/RunTotalsModel.ts';

function action(
  customerCode: string,
  step: string,
  figures: { open: number; interest: number; indemnity: number; credits?: number; currency?: string },
): ReviewAction {
  const credits = figures.credits ?? 0;
  return {
    actionId: null,
    customerCode,
    customerName: `Client ${customerCode}`,
    step,
    stepKind: 'reminder',
    channel: 'email',
    currency: figures.currency ?? 'EUR',
    items: [],
    openTotalMinor: figures.open,
    interestMinor: figures.interest,
    indemnityMinor: figures.indemnity,
    creditsMinor: credits,
    totalDueMinor: figures.open + figures.interest + figures.indemnity - credits,
    documentPath: null,
  };
}

const A1 = action('A', 'reminder_1', { open: 1_000_00, interest: 12_34, indemnity: 40_00 });
const A2 = action('A', 'call', { open: 500_00, interest: 0, indemnity: 0 });
const B = action('B', 'reminder_2', { open: 2_000_00, interest: 56_78, indemnity: 80_00, credits: 300_00 });
const C = action('C', 'reminder_1', { open: 700_00, interest: 9_00, indemnity: 0, currency: 'USD' });

describe('run grand total', () => {
  it('adds up the selected actions per currency, the total due net of credits', () => {
    const totals = runTotals([A1, A2, B, C], new Set([A1, A2, B].map(actionKey)));
    expect(totals.customers).toBe(2);
    expect(totals.actions).toBe(3);
    expect(totals.byCurrency).toEqual([
      {
        currency: 'EUR',
        principalMinor: 3_500_00,
        interestMinor: 69_12,
        indemnityMinor: 120_00,
        creditsMinor: 300_00,
        totalDueMinor: 3_500_00 + 69_12 + 120_00 - 300_00,
        callTaskOpenMinor: 0,
        courtesyOpenMinor: 0,
      },
      // A currency of the run with nothing chosen still has its line, at zero.
      {
        currency: 'USD',
        principalMinor: 0,
        interestMinor: 0,
        indemnityMinor: 0,
        creditsMinor: 0,
        totalDueMinor: 0,
        callTaskOpenMinor: 0,
        courtesyOpenMinor: 0,
      },
    ]);
  });

  it('deducts a customer’s credits once when two of its actions each deduct them', () => {
    // B gets a letter and a call task the same day: each says what B owes net of its 300 € credit.
    const B2 = action('B', 'call', { open: 400_00, interest: 0, indemnity: 0, credits: 300_00 });
    const [euros] = runTotals([B, B2], null).byCurrency;
    expect(euros?.creditsMinor).toBe(300_00);
    expect(euros?.totalDueMinor).toBe(2_000_00 + 56_78 + 80_00 + 400_00 - 300_00);
    // Chosen alone, the call task still deducts the credit.
    expect(runTotals([B, B2], new Set([actionKey(B2)])).byCurrency[0]?.creditsMinor).toBe(300_00);
  });

  it('claims neither a courtesy e-mail (not yet due) nor a call task, and shows their amounts apart', () => {
    const courtesy = {
      ...action('D', 'courtesy', { open: 900_00, interest: 0, indemnity: 0 }),
      stepKind: 'courtesy',
    };
    const handover = {
      ...action('E', 'handover', { open: 4_000_00, interest: 150_00, indemnity: 40_00 }),
      stepKind: 'handover',
      channel: 'call_task',
    };
    const [euros] = runTotals([A1, courtesy, handover], null).byCurrency;
    expect(euros).toMatchObject({
      principalMinor: 1_000_00,
      interestMinor: 12_34,
      indemnityMinor: 40_00,
      totalDueMinor: A1.totalDueMinor,
      callTaskOpenMinor: 4_000_00,
      courtesyOpenMinor: 900_00,
    });
  });

  it('counts every action of a run already sent (no selection)', () => {
    const totals = runTotals([A1, A2, B, C], null);
    expect(totals).toMatchObject({ customers: 3, actions: 4 });
    expect(totals.byCurrency.map((x) => [x.currency, x.totalDueMinor])).toEqual([
      ['EUR', A1.totalDueMinor + A2.totalDueMinor + B.totalDueMinor],
      ['USD', 709_00],
    ]);
  });

  it('reads an action without credits as none, and an empty selection as zero', () => {
    const { creditsMinor: _dropped, ...withoutCredits } = A1;
    expect(runTotals([withoutCredits], null).byCurrency[0]?.creditsMinor).toBe(0);
    expect(runTotals([A1], new Set())).toEqual({
      customers: 0,
      actions: 0,
      byCurrency: [
        {
          currency: 'EUR',
          principalMinor: 0,
          interestMinor: 0,
          indemnityMinor: 0,
          creditsMinor: 0,
          totalDueMinor: 0,
          callTaskOpenMinor: 0,
          courtesyOpenMinor: 0,
        },
      ],
    });
  });

  it('prints a credit deducted with the minus sign in French, never a hyphen', () => {
    const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(spaced(money(-530_780, 'EUR', 'fr'))).toBe('\u22125 307,80 €');
    expect(money(-530_780, 'EUR', 'fr')).not.toContain('-');
    expect(spaced(money(530_780, 'EUR', 'fr'))).toBe('5 307,80 €');
    // No credit in a currency: zero, without a sign; no amount at all: the dash, untouched.
    expect(spaced(money(-0, 'EUR', 'fr'))).toBe('0,00 €');
    expect(money(null, 'EUR', 'fr')).toBe('—');
    expect(money(-530_780, 'EUR', 'en')).toBe('\u2212€5,307.80');
    // Chart axes and tiles read the same, in both languages.
    expect(spaced(compactMoney(-120_000_000, 'EUR', 'fr'))).toBe('\u22121,2 M €');
    expect(compactMoney(-120_000_000, 'EUR', 'en')).toBe('\u2212€1.2m');
    // Exports and letters keep the server's hyphen, the sign a spreadsheet reads.
    expect(spaced(formatMoney('fr', -530_780, 'EUR'))).toBe('-5 307,80 €');
  });
});
