import { describe, expect, it } from 'vitest';
import { widenPeriodsByWeeks } from './period-record.ts';

const span = (from: string, to: string, total: number, lowMinor: number, highMinor: number) => ({
  from,
  to,
  partial: false,
  fromOpenItemsMinor: total,
  fromFutureSalesMinor: 0,
  lowMinor,
  highMinor,
});

/** Two whole weeks, Monday 6 to Sunday 19 July 2026; the record widened the second one only. */
const MODEL_WEEKS = [
  span('2026-07-06', '2026-07-12', 10_000, 8_000, 12_000),
  span('2026-07-13', '2026-07-19', 10_000, 8_000, 12_000),
];
// Widened to 10,000 ± 5,000: the record adds 5,000² − 2,000² = 21,000,000 on each side.
const WIDENED_WEEKS = [MODEL_WEEKS[0]!, span('2026-07-13', '2026-07-19', 10_000, 5_000, 15_000)];

describe('widenPeriodsByWeeks', () => {
  it('gives a period that is exactly one week that week’s widened band back', () => {
    const [first, second] = widenPeriodsByWeeks(MODEL_WEEKS, MODEL_WEEKS, WIDENED_WEEKS);
    expect(first).toEqual(MODEL_WEEKS[0]);
    expect(second).toMatchObject({ lowMinor: 5_000, highMinor: 15_000 });
  });

  it('adds the doubt of the weeks a month overlaps by their days, in quadrature with its own band', () => {
    // A period of both weeks (14 days, 20,000 ± 2,828): the second week's 21,000,000 whole, the
    // first's nothing: √(2,828² + 21,000,000) ≈ 5,385.
    const fortnight = span('2026-07-06', '2026-07-19', 20_000, 17_172, 22_828);
    const [widened] = widenPeriodsByWeeks([fortnight], MODEL_WEEKS, WIDENED_WEEKS);
    const halfWidth = Math.sqrt(2_828 ** 2 + 21_000_000);
    expect(widened?.highMinor).toBe(Math.round(20_000 + halfWidth));
    expect(widened?.lowMinor).toBe(Math.round(20_000 - halfWidth));
    // A month of three weeks' days, 13 July to 2 August: the widened week whole (7 of its 7 days).
    const month = span('2026-07-13', '2026-08-02', 30_000, 26_000, 34_000);
    const [wideMonth] = widenPeriodsByWeeks([month], MODEL_WEEKS, WIDENED_WEEKS);
    expect(wideMonth?.highMinor).toBe(Math.round(30_000 + Math.sqrt(4_000 ** 2 + 21_000_000)));
    // A month starting on the widened week's Thursday (16 July): 4 of its 7 days.
    const lateMonth = span('2026-07-16', '2026-08-15', 40_000, 36_000, 44_000);
    const [wideLate] = widenPeriodsByWeeks([lateMonth], MODEL_WEEKS, WIDENED_WEEKS);
    expect(wideLate?.highMinor).toBe(Math.round(40_000 + Math.sqrt(4_000 ** 2 + (4 / 7) * 21_000_000)));
  });

  it('shares a week’s doubt among its days by their forecast amounts, a day expecting nothing taking none', () => {
    const monday = span('2026-07-13', '2026-07-13', 2_500, 2_000, 3_000);
    const sunday = span('2026-07-19', '2026-07-19', 0, 0, 0);
    const [wideMonday, wideSunday] = widenPeriodsByWeeks([monday, sunday], MODEL_WEEKS, WIDENED_WEEKS);
    expect(wideMonday?.highMinor).toBe(Math.round(2_500 + Math.sqrt(500 ** 2 + 0.25 * 21_000_000)));
    expect(wideSunday).toEqual(sunday);
  });

  it('never narrows a band, and leaves every period alone when the record widened no week', () => {
    const wide = span('2026-07-13', '2026-07-13', 2_500, 0, 90_000);
    // A quarter of the week's doubt is small beside its own band: added in quadrature, not instead.
    const [kept] = widenPeriodsByWeeks([wide], MODEL_WEEKS, WIDENED_WEEKS);
    expect(kept?.lowMinor).toBe(0);
    expect(kept?.highMinor).toBe(Math.round(2_500 + Math.sqrt(87_500 ** 2 + 0.25 * 21_000_000)));
    const days = [span('2026-07-13', '2026-07-13', 2_500, 2_000, 3_000)];
    expect(widenPeriodsByWeeks(days, MODEL_WEEKS, MODEL_WEEKS)).toEqual(days);
  });
});
