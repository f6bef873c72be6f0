/**
 * The credit manager's morning view. Portfolio figures come from the customer list (what the
 * signed-in user may see); the aged balance, indicators, risk table and anomalies come from
 * /api/reports/* — one request each — for the roles that may read them (not a salesperson, who
 * gets charts built from their own customer list instead).
 */
import { Alert, Anchor, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { CustomerPage } from '../api.ts';
import { canReadReports, useAuth } from '../auth.tsx';
import { date, money } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import {
  type AgingReport,
  type AnomalyReport,
  type KpiReport,
  type RiskTable,
  reportPath,
} from '../reports.ts';
import { useApi } from '../use-api.ts';
import { AnomaliesCard } from './dashboard/AnomaliesCard.tsx';
import { ChartCard } from './dashboard/ChartCard.tsx';
import { DashboardTiles, portfolioFigures } from './dashboard/DashboardTiles.tsx';
import {
  agingOption,
  balanceByTypeOption,
  dsoTrendOption,
  limitUsageOption,
  riskMapOption,
  salesByTypeOption,
  topOverdueOption,
} from './dashboard/options.ts';

function useReports() {
  const { me } = useAuth();
  const { lang } = useI18n();
  const allowed = canReadReports(me);
  const path = (name: string, params = {}) => (allowed ? reportPath(name, lang, params) : null);
  return {
    aging: useApi<AgingReport>(path('aging', { by: 'customer_type' })),
    kpis: useApi<KpiReport>(path('kpis')),
    risk: useApi<RiskTable>(path('risk-table')),
    anomalies: useApi<AnomalyReport>(path('anomalies')),
    allowed,
  };
}

export function DashboardPage() {
  const { t, lang, customerType } = useI18n();
  const customers = useApi<CustomerPage>('/api/customers?limit=1000&sort=overdue');
  const reports = useReports();
  const items = customers.data?.items ?? [];
  const currency = items[0]?.currency ?? 'EUR';
  const labels = useMemo(() => ({ lang, customerType }), [lang, customerType]);
  const figures = useMemo(() => portfolioFigures(items), [items]);
  const top = useMemo(() => items.filter((c) => c.overdueMinor > 0).slice(0, 10), [items]);
  const aging = reports.aging.data;
  const kpis = reports.kpis.data;
  const risk = reports.risk.data;
  const allowed = reports.allowed;
  const options = useMemo(() => {
    return {
      aging: aging
        ? agingOption(aging, labels)
        : items.length && !allowed
          ? balanceByTypeOption(items, currency, { notDue: t('notDue'), overdue: t('overdue') }, labels)
          : null,
      dso: kpis
        ? dsoTrendOption(
            kpis,
            {
              simple: t('dsoSimple'),
              countback: t('dsoCountback'),
              best: t('bestPossibleDso'),
              unit: t('days'),
            },
            lang,
          )
        : null,
      sales: kpis ? salesByTypeOption(kpis, labels) : null,
      riskMap: risk ? riskMapOption(risk, (n) => t('riskMapCustomers', { n }), lang) : null,
      top: topOverdueOption(top, currency, t('overdue'), lang),
      usage: limitUsageOption([
        { name: t('overLimit'), value: figures.overLimit, color: '#e03131' },
        { name: '≥ 80 %', value: figures.nearLimit, color: '#f08c00' },
        { name: '< 80 %', value: figures.underLimit, color: '#2f9e44' },
        { name: t('withoutLimit'), value: figures.withoutLimit, color: '#868e96' },
      ]),
    };
  }, [aging, kpis, risk, allowed, items, currency, labels, top, figures, t, lang]);

  if (customers.loading && !customers.data) return <Loader aria-label={t('loading')} />;
  if (customers.error)
    return (
      <Alert color="red">
        {t('error')}: {customers.error.message}
      </Alert>
    );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('dashboard')}</Title>
        <Text c="dimmed">{customers.data && t('asOf', { date: date(customers.data.asOf, lang) })}</Text>
      </Group>
      <DashboardTiles
        figures={figures}
        currency={currency}
        kpis={reports.kpis.data}
        customerCount={customers.data?.total ?? 0}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard
          testId="chart-aging"
          title={reports.allowed ? t('agedBalance') : t('balanceByType')}
          option={options.aging}
        />
        {reports.allowed && <ChartCard testId="chart-dso" title={t('dsoTrend')} option={options.dso} />}
        {reports.allowed && (
          <ChartCard testId="chart-sales" title={t('salesByType')} option={options.sales} />
        )}
        {reports.allowed && (
          <ChartCard testId="chart-risk-map" title={t('riskMap')} option={options.riskMap}>
            <Anchor component={Link} to="/risk" size="sm">
              {t('risk')}
            </Anchor>
          </ChartCard>
        )}
        <ChartCard testId="chart-top-overdue" title={t('topOverdue')} option={options.top}>
          <List size="sm" mt="sm">
            {top.slice(0, 5).map((c) => (
              <List.Item key={c.code}>
                <Anchor component={Link} to={`/customers/${encodeURIComponent(c.code)}`}>
                  {c.name}
                </Anchor>{' '}
                — {money(c.overdueMinor, c.currency, lang)}
              </List.Item>
            ))}
          </List>
        </ChartCard>
        <ChartCard testId="chart-limit-usage" title={t('riskPanel')} option={options.usage} height={260} />
        {reports.allowed && (
          <AnomaliesCard report={reports.anomalies.data} loading={reports.anomalies.loading} />
        )}
      </SimpleGrid>
    </Stack>
  );
}
