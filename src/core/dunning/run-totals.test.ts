import { describe, expect, it } from 'vitest';
import { type RunActionFigures, runClaimTotals } from './run-totals.ts';

const action = (
  customerCode: string,
  step: Pick<RunActionFigures, 'stepKind' | 'channel'>,
  open: number,
  extra: Partial<RunActionFigures> = {},
): RunActionFigures => ({
  customerCode,
  currency: 'EUR',
  ...step,
  openTotalMinor: open,
  interestMinor: 0,
  indemnityMinor: 0,
  creditsMinor: 0,
  ...extra,
});
const LETTER = { stepKind: 'reminder', channel: 'letter' };
const NOTICE = { stepKind: 'formal_notice', channel: 'registered_letter' };
const COURTESY = { stepKind: 'courtesy', channel: 'email' };
const CALL = { stepKind: 'reminder', channel: 'call_task' };
const HANDOVER_CALL = { stepKind: 'handover', channel: 'call_task' };

describe('what a run claims', () => {
  it('counts its reminders and notices, the courtesy e-mails and the call tasks apart', () => {
    const [euros] = runClaimTotals([
      action('A', LETTER, 1_000_00, { interestMinor: 12_34, indemnityMinor: 40_00 }),
      action('A', COURTESY, 5_000_00), // not yet due: « merci de régler à bonne date »
      action('B', NOTICE, 2_000_00, { interestMinor: 56_78, indemnityMinor: 80_00 }),
      action('B', HANDOVER_CALL, 9_000_00, { interestMinor: 900_00, indemnityMinor: 40_00 }),
      action('C', CALL, 300_00),
    ]);
    expect(euros).toEqual({
      currency: 'EUR',
      principalMinor: 3_000_00,
      interestMinor: 69_12,
      indemnityMinor: 120_00,
      creditsMinor: 0,
      totalDueMinor: 3_000_00 + 69_12 + 120_00,
      callTaskOpenMinor: 9_300_00,
      courtesyOpenMinor: 5_000_00,
    });
  });

  it('deducts a customer’s credits once, and only those of the actions that claim', () => {
    const [euros, dollars] = runClaimTotals([
      action('B', LETTER, 2_000_00, { creditsMinor: 300_00 }),
      action('B', { stepKind: 'handover', channel: 'letter' }, 400_00, { creditsMinor: 300_00 }),
      action('C', COURTESY, 900_00, { creditsMinor: 100_00 }),
      action('D', CALL, 700_00, { creditsMinor: 50_00, currency: 'USD' }),
    ]);
    expect([euros?.creditsMinor, euros?.totalDueMinor]).toEqual([300_00, 2_400_00 - 300_00]);
    expect([dollars?.currency, dollars?.totalDueMinor, dollars?.callTaskOpenMinor]).toEqual([
      'USD',
      0,
      700_00,
    ]);
  });

  it('keeps a line for each currency asked for, and reads absent credits as none', () => {
    const { creditsMinor: _none, ...withoutCredits } = action('A', LETTER, 100_00);
    expect(
      runClaimTotals([withoutCredits], ['USD', 'EUR']).map((t) => [t.currency, t.totalDueMinor]),
    ).toEqual([
      ['EUR', 100_00],
      ['USD', 0],
    ]);
  });
});
