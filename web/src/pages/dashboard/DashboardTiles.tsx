/** The dashboard's indicator tiles; month-on-month trends when the indicators report is readable. */
import { SimpleGrid } from '@mantine/core';
import type { PortfolioSummary } from '../../api.ts';
import { StatTile, type Trend } from '../../components/StatTile.tsx';
import { money, number, percent } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import type { KpiMonth, KpiReport } from '../../reports.ts';
import { monthOverdueShare, tileOverdueShare } from './overdue-share.ts';

/** Change between the last two months of a monthly series; `risingIsBad` sets the colour. */
function useTrend() {
  const { t } = useI18n();
  return (
    kpis: KpiReport | null,
    pick: (month: KpiMonth) => number | null,
    format: (delta: number) => string,
    risingIsBad = true,
  ): Trend | null => {
    const months = kpis?.monthly ?? [];
    const last = months.at(-1);
    const previous = months.at(-2);
    const now = last ? pick(last) : null;
    const before = previous ? pick(previous) : null;
    if (now === null || before === null) return null;
    const delta = now - before;
    const sign = delta > 0 ? '▲ +' : delta < 0 ? '▼ −' : '= ';
    const tone = delta === 0 ? 'neutral' : delta > 0 === risingIsBad ? 'bad' : 'good';
    return { text: t('vsPreviousMonth', { delta: `${sign}${format(Math.abs(delta))}` }), tone };
  };
}

/** `figures` are the server's totals over every customer the user may see (/api/portfolio/summary). */
export function DashboardTiles({ figures, kpis }: { figures: PortfolioSummary; kpis: KpiReport | null }) {
  const { currency, customerCount } = figures;
  const { t, lang } = useI18n();
  const trend = useTrend();
  const amount = (minor: number) => money(minor, currency, lang);
  // One decimal, written as the language writes it (« 0,3 pt » in French, not « 0.3 pt »).
  const oneDecimal = (n: number) => number(Math.round(n * 10) / 10, lang);
  const points = (ratio: number) => `${oneDecimal(ratio * 100)} pt`;
  const dso = kpis?.dsoCountbackDays ?? null;
  const overdueShare = tileOverdueShare(figures);
  return (
    <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
      <StatTile
        testId="kpi-outstanding"
        label={t('outstanding')}
        value={amount(figures.outstandingMinor)}
        trend={trend(kpis, (m) => m.endingReceivablesMinor, amount)}
      />
      <StatTile
        testId="kpi-overdue"
        label={t('overdue')}
        value={amount(figures.overdueMinor)}
        trend={trend(kpis, (m) => m.endingOverdueMinor, amount)}
      />
      <StatTile
        testId="kpi-overdue-share"
        label={t('overdueShare')}
        value={overdueShare === null ? '—' : percent(overdueShare, lang)}
        // Per month on the tile's base (the net encours), not the report's share of open invoices.
        trend={trend(kpis, monthOverdueShare, points)}
      />
      <StatTile testId="kpi-over-limit" label={t('overLimit')} value={String(figures.overLimit)} />
      <StatTile testId="kpi-without-limit" label={t('withoutLimit')} value={String(figures.withoutLimit)} />
      <StatTile
        testId="kpi-dso"
        label={dso === null ? t('customerCount') : t('dso')}
        value={dso === null ? String(customerCount) : number(dso, lang, 1)}
        trend={trend(
          kpis,
          (m) => m.dsoCountbackDays,
          (d) => `${oneDecimal(d)} ${t('days')}`,
        )}
      />
    </SimpleGrid>
  );
}
