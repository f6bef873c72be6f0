/**
 * The dashboard's aged balance and most-overdue-customers charts on a phone (web/src/pages/dashboard/
 * options.ts), laid out by ECharts itself (server-side rendering, its own text measures) at the
 * width of a card on a 390 px screen: the legend stays above the value axis, the amounts of the
 * axis do not run into each other and the names stay inside the card. At a desktop card's width the
 * phone options change nothing. Each check is also run on the options without their phone part, to
 * show it finds what the screenshots showed before.
 */
import * as echarts from 'echarts';
import type { EChartsCoreOption as ChartOption } from 'echarts/core';
import { describe, expect, it } from 'vitest';
import { type Lang, label } from '#text/catalogue';
import type { CustomerSummary } from '../../web/src/api.ts';
import { agingOption, topOverdueOption } from '../../web/src/pages/dashboard/options.ts';
import type { AgingReport } from '../../web/src/reports.ts';

/** A chart's width in its card on a 390 px phone, and in one of the two columns at 1440 px. */
const PHONE_WIDTH = 332;
const DESKTOP_WIDTH = 562;
const HEIGHT = 280;

/** The demo company's aged balance by customer type (the figures the dashboard shows). */
const AGING = {
  currency: 'EUR',
  buckets: ['not_due', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'].map((key) => ({ key })),
  groups: [
    { key: 'wholesaler', bucketsMinor: [98025366, 33288412, 11704658, 11174551, 42942366] },
    { key: 'large_retail', bucketsMinor: [111816348, 15931164, 2846647, 0, 9102846] },
    { key: 'sme', bucketsMinor: [34264750, 14129224, 3891833, 4189230, 11794163] },
    { key: 'export', bucketsMinor: [26861719, 6769859, 1158914, 0, 1529596] },
    { key: 'independent_retailer', bucketsMinor: [12324004, 6635296, 3455080, 1117496, 6148887] },
    { key: 'public_body', bucketsMinor: [14586418, 3148950, 166328, 0, 660064] },
  ],
} as unknown as AgingReport;

/** The demo company's ten most overdue customers. */
const TOP: CustomerSummary[] = (
  [
    ['Guérin Négoce', 40096705],
    ['Mégastore Confluence Strasbourg', 7281471],
    ['Petit Distribution', 7249998],
    ['François Distribution', 6662170],
    ['Hyperdis Annecy', 6340908],
    ['Centrale Beaujolais', 5830696],
    ['Grossiste Morel & Fils', 5183654],
    ['Groupe Hyperdis', 4860078],
    ['SARL Dupont Frères', 4585819],
    ['Établissements Dumont', 3808761],
  ] as const
).map(([name, overdueMinor], index) => ({
  code: `C${index}`,
  name,
  customerType: 'wholesaler',
  salesperson: null,
  status: 'active',
  creditLimitMinor: null,
  balanceMinor: overdueMinor,
  overdueMinor,
  currency: 'EUR',
}));

interface TextBox {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Every text ECharts draws for `option` at `width`, with its box in the chart. */
function drawnTexts(option: ChartOption, width: number): TextBox[] {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: HEIGHT });
  try {
    chart.setOption(option);
    return chart
      .getZr()
      .storage.getDisplayList(true)
      .flatMap((element) => {
        const text = (element as { style?: { text?: unknown } }).style?.text;
        if (typeof text !== 'string' || element.invisible) return [];
        const box = element.getBoundingRect().clone();
        const transform = element.getComputedTransform();
        if (transform) box.applyTransform(transform);
        return [{ text, left: box.x, right: box.x + box.width, top: box.y, bottom: box.y + box.height }];
      });
  } finally {
    chart.dispose();
  }
}

/** The option as it was before the phone layout: its media queries left out. */
const withoutPhoneLayout = (option: ChartOption): ChartOption => ({ ...option, media: undefined });

const labels = (lang: Lang) => ({ lang, customerType: (type: string) => label(lang, 'customerType', type) });
const isAmount = (box: TextBox) => box.text.includes('€');

/** How far the legend reaches below the top of the value axis's highest amount (≤ 0: clear of it). */
function legendOverlap(texts: TextBox[], lang: Lang): number {
  const names = new Set(AGING.buckets.map((bucket) => label(lang, 'agingBucket', bucket.key)));
  const legendBottom = Math.max(...texts.filter((t) => names.has(t.text)).map((t) => t.bottom));
  const axisTop = Math.min(...texts.filter(isAmount).map((t) => t.top));
  return legendBottom - axisTop;
}

/** The pairs of amounts of the horizontal axis that run into each other. */
function overlappingAmounts(texts: TextBox[]): string[] {
  const amounts = texts.filter(isAmount).sort((a, b) => a.left - b.left);
  return amounts.slice(1).flatMap((box, index) => {
    const before = amounts[index];
    return before && before.right > box.left ? [`${before.text} / ${box.text}`] : [];
  });
}

const outside = (texts: TextBox[], width: number) =>
  texts.filter((t) => t.left < 0 || t.right > width).map((t) => t.text);

describe('the aged balance on a phone', () => {
  for (const lang of ['fr', 'en'] as const)
    it(`keeps the legend above the value axis (${lang})`, () => {
      const option = agingOption(AGING, labels(lang));
      const texts = drawnTexts(option, PHONE_WIDTH);
      expect(legendOverlap(texts, lang)).toBeLessThanOrEqual(0);
      expect(outside(texts, PHONE_WIDTH)).toEqual([]);
      // Without its phone layout the legend takes two lines and covers the axis's top amount.
      expect(legendOverlap(drawnTexts(withoutPhoneLayout(option), PHONE_WIDTH), lang)).toBeGreaterThan(0);
    });

  it('looks as before on a desktop', () => {
    const option = agingOption(AGING, labels('fr'));
    expect(drawnTexts(option, DESKTOP_WIDTH)).toEqual(drawnTexts(withoutPhoneLayout(option), DESKTOP_WIDTH));
  });
});

describe('the most overdue customers on a phone', () => {
  const option = topOverdueOption(TOP, 'EUR', 'Échu', 'fr');

  it('keeps the amounts of the axis apart and the names inside the card', () => {
    const texts = drawnTexts(option, PHONE_WIDTH);
    // Which amounts stay depends on the font's measures: ECharts leaves out those that would overlap.
    expect(texts.filter(isAmount).length).toBeGreaterThanOrEqual(2);
    expect(overlappingAmounts(texts)).toEqual([]);
    expect(outside(texts, PHONE_WIDTH)).toEqual([]);
    // Every customer is named, a long name cut short rather than over the bars.
    expect(texts.filter((t) => !isAmount(t))).toHaveLength(TOP.length);
    expect(overlappingAmounts(drawnTexts(withoutPhoneLayout(option), PHONE_WIDTH))).not.toEqual([]);
  });

  it('looks as before on a desktop', () => {
    expect(drawnTexts(option, DESKTOP_WIDTH)).toEqual(drawnTexts(withoutPhoneLayout(option), DESKTOP_WIDTH));
  });
});
