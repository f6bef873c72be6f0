import { describe, expect, it } from 'vitest';
import { residualQuantiles } from './model-residuals.ts';

const habit = { delayDays: 0, spreadDays: 1 };
const decile = (quantiles: readonly number[], tenth: number) => quantiles[tenth * 10] as number;

describe('the residual quantiles', () => {
  it('reads a sorted list of every residual, each distinct one counted', () => {
    // 1, 1, 2, 3, 3, 3: the median halfway between the third and the fourth.
    const q = residualQuantiles([
      { delays: [1, 2, 3], counts: [2, 1, 3], censored: [], censoredCounts: [], habit },
    ]);
    expect(decile(q, 0)).toBe(1);
    expect(decile(q, 5)).toBe(2.5);
    expect(decile(q, 10)).toBe(3);
  });

  it('weighs in an invoice still open as paid after its age (Kaplan–Meier)', () => {
    // Paid 1, 2, 3, 4, one open at 2.5: 5 at risk, the open one hands its share to 3 and 4, which
    // weigh 1.5 invoices each; the median at 0.5 × (5 − 1.5) = 1.75 invoices from the first: 2.75
    // (2.5 without it).
    const source = {
      delays: [1, 2, 3, 4],
      counts: [1, 1, 1, 1],
      censored: [2.5],
      censoredCounts: [1],
      habit,
    };
    expect(decile(residualQuantiles([source]), 5)).toBeCloseTo(2.75, 12);
    expect(decile(residualQuantiles([{ ...source, censored: [], censoredCounts: [] }]), 5)).toBe(2.5);
  });

  it('leaves the share of invoices open beyond every payment at the slowest payment', () => {
    // Paid 1, 2, 3, one open at 10: a quarter never reached; the median 2.5, the top ones 3.
    const q = residualQuantiles([
      { delays: [1, 2, 3], counts: [1, 1, 1], censored: [10], censoredCounts: [1], habit },
    ]);
    expect(decile(q, 5)).toBeCloseTo(2.5, 12);
    expect(decile(q, 7)).toBe(3);
    expect(decile(q, 10)).toBe(3);
  });

  it('measures each residual from its customer’s delay, in its spreads', () => {
    const q = residualQuantiles([
      {
        delays: [10, 30],
        counts: [1, 1],
        censored: [],
        censoredCounts: [],
        habit: { delayDays: 20, spreadDays: 10 },
      },
    ]);
    expect([decile(q, 0), decile(q, 10)]).toEqual([-1, 1]);
  });
});
