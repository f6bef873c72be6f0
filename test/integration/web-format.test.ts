/**
 * Figures as the web pages write them (web/src/format.ts): French typography writes a negative
 * number or percentage with the minus sign « − » (U+2212), and so does English on screen; the shared
 * formatters of exports and letters (src/text/format.ts) keep the hyphen a spreadsheet reads. The
 * pages that showed a hyphen go through them: the scoring criteria (« Marge nette −2 % »), the
 * anomalies' evidence (« −0,5 »), and a DSO is shown to one decimal with its period said.
 * Kept in test/: Vitest reads no test under web/.
 */
import { describe, expect, it } from 'vitest';
import { label, translator } from '#text/catalogue';
import { formatNumber, formatPercent, formatPercentBps } from '#text/format';
import { number, percent, percentBps } from '../../web/src/format.ts';
import { evidenceLabel, formatEvidence } from '../../web/src/pages/anomalies/evidence-text.ts';
import { criterionValueText } from '../../web/src/pages/credit/criterion-value.ts';
import { dsoTrendOption, salesByTypeOption } from '../../web/src/pages/dashboard/options.ts';
import type { KpiReport } from '../../web/src/reports.ts';

const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const MINUS = '\u2212';

describe('numbers and percentages on screen', () => {
  it('writes a negative number with the minus sign, in French and in English', () => {
    expect(number(-0.5, 'fr')).toBe(`${MINUS}0,5`);
    expect(spaced(number(-24_942.5, 'fr', 2))).toBe(`${MINUS}24 942,50`);
    expect(number(-0.5, 'en')).toBe(`${MINUS}0.5`);
    expect(number(37.5, 'fr')).toBe('37,5');
    expect(number(null, 'fr')).toBe('—');
  });

  it('writes a negative percentage with the minus sign, from a ratio or basis points', () => {
    expect(spaced(percentBps(-200, 'fr'))).toBe(`${MINUS}2 %`);
    expect(spaced(percentBps(-1_250, 'fr', 1))).toBe(`${MINUS}12,5 %`);
    expect(percentBps(-200, 'en')).toBe(`${MINUS}2%`);
    expect(spaced(percent(-0.125, 'fr', 1))).toBe(`${MINUS}12,5 %`);
    expect(spaced(percent(0.25, 'fr'))).toBe('25 %');
    expect(percent(-0.125, 'en', 1)).toBe(`${MINUS}12.5%`);
    expect(percent(undefined, 'fr')).toBe('—');
  });

  it('leaves the shared formatters of exports and letters with their hyphen', () => {
    expect(formatNumber('fr', -0.5)).toBe('-0,5');
    expect(spaced(formatPercentBps('fr', -200))).toBe('-2 %');
    expect(spaced(formatPercent('fr', -0.125, 1))).toBe('-12,5 %');
  });
});

describe('pages that showed a hyphen', () => {
  const t = translator('fr');
  const criterion = (name: string, value: number) =>
    criterionValueText('fr', t, (d, c) => label('fr', d, c), { criterion: name, value });

  it('shows a negative scoring criterion with the minus sign (« Marge nette −2 % »)', () => {
    expect(spaced(criterion('net_margin_bps', -200))).toBe(`${MINUS}2 %`);
    expect(criterion('conan_holder_z', -1.234)).toBe(`${MINUS}1,23`);
    expect(spaced(criterion('average_days_late', -3.2))).toBe(`${MINUS}3,2 j`);
  });

  it('shows an anomaly’s negative days with the minus sign', () => {
    expect(formatEvidence('delayBeforeDays', -0.5, 'EUR', 'fr')).toBe(`${MINUS}0,5`);
    expect(formatEvidence('delayBeforeDays', -0.5, 'EUR', 'en')).toBe(`${MINUS}0.5`);
  });
});

describe('the DSO, its period said and one decimal', () => {
  it('labels each simple DSO with the period it is computed over', () => {
    // Anomalies: the quarter to the date; procedure reports: the twelve months; the chart: each month.
    expect(evidenceLabel('dsoDays', 'fr')).toBe('DSO simple sur 3 mois (j)');
    expect(evidenceLabel('dsoBeforeDays', 'fr')).toBe('DSO simple sur 3 mois, un an avant (j)');
    expect(translator('fr')('procedureReports.indicator.dsoSimpleDays')).toBe('DSO simple sur 12 mois');
    expect(translator('fr')('reports.dsoSimple')).toBe('DSO simple du mois');
    expect(evidenceLabel('dsoDays', 'en')).toBe('Simple DSO over 3 months (d)');
    expect(translator('en')('reports.dsoSimple')).toBe('Simple DSO for the month');
  });

  it('shows the anomaly’s DSO to one decimal, its other figures as they come', () => {
    expect(formatEvidence('dsoDays', 76.26, 'EUR', 'fr')).toBe('76,3');
    expect(formatEvidence('dsoBeforeDays', 59.73, 'EUR', 'fr')).toBe('59,7');
    expect(formatEvidence('dsoDays', 60, 'EUR', 'en')).toBe('60.0');
    expect(formatEvidence('delayAfterDays', 109.1, 'EUR', 'fr')).toBe('109,1');
    expect(formatEvidence('months', 3, 'EUR', 'fr')).toBe('3');
  });

  it('writes the dashboard chart’s DSO to one decimal in its tooltip', () => {
    const kpis = { monthly: [{ month: '2026-06', dsoSimpleDays: 71.46 }] } as unknown as KpiReport;
    const names = { simple: 's', countback: 'c', best: 'b', unit: 'jours' };
    const tooltip = (
      dsoTrendOption(kpis, names, 'fr') as { tooltip: { valueFormatter(v: number | null): string } }
    ).tooltip;
    expect(tooltip.valueFormatter(71.46)).toBe('71,5 jours');
    expect(tooltip.valueFormatter(null)).toBe('—');
  });
});

describe('the dashboard’s sales by customer type', () => {
  const kpis = {
    currency: 'EUR',
    salesByCustomerType: [
      { customerType: 'large_retail', salesMinor: 770_123_571, share: 0.3569 },
      { customerType: 'sme', salesMinor: 256_485_941, share: 0.1189 },
    ],
  } as unknown as KpiReport;
  const shares = (lang: 'fr' | 'en') => {
    const option = salesByTypeOption(kpis, {
      lang,
      customerType: (type) => label(lang, 'customerType', type),
    });
    const [series] = (option as { series: { label: { formatter(p: { dataIndex: number }): string } }[] })
      .series;
    return [0, 1].map((dataIndex) => series?.label.formatter({ dataIndex }));
  };

  it('writes each share in the reader’s language: « 36 % » in French, "36%" in English', () => {
    expect(shares('fr').map((text) => spaced(text ?? ''))).toEqual(['12 %', '36 %']);
    expect(shares('en')).toEqual(['12%', '36%']);
  });
});
