/**
 * The credit manager's morning view. Portfolio figures come from /api/portfolio/summary (every
 * customer the signed-in user may see, added up by the server), the top overdue from the first
 * page of the customer list; the aged balance, indicators, risk table and anomalies come from
 * /api/reports/* — one request each — for the roles that open the report pages (a salesperson
 * gets the balance by customer type of their own portfolio instead).
 */
import { Alert, Anchor, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { CustomerPage, PortfolioSummary } from '../api.ts';
import { canReadReports, useAuth } from '../auth.tsx';
import { date, money, percent } from '../format.ts';
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
import { DashboardTiles } from './dashboard/DashboardTiles.tsx';
import { ForecastCard } from './dashboard/ForecastCard.tsx';
import {
  agingOption,
  balanceByTypeOption,
  dsoTrendOption,
  limitUsageOption,
  riskMapOption,
  salesByTypeOption,
  topOverdueOption,
} from './dashboard/options.ts';
import { ProvisionCard } from './dashboard/ProvisionCard.tsx';

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
  const summary = useApi<PortfolioSummary>('/api/portfolio/summary');
  // Not `overdue=true`: that filter's total needs every customer's totals, so the server computes
  // them all, while the list sorted by overdue alone reads a top-N. Customers with nothing overdue
  // come last in that order, so leaving them out here gives the same list.
  const customers = useApi<CustomerPage>('/api/customers?limit=10&sort=overdue');
  const reports = useReports();
  const figures = summary.data;
  const currency = figures?.currency ?? 'EUR';
  const labels = useMemo(() => ({ lang, customerType }), [lang, customerType]);
  const top = useMemo(
    () => (customers.data?.items ?? []).filter((customer) => customer.overdueMinor > 0),
    [customers.data],
  );
  const aging = reports.aging.data;
  const kpis = reports.kpis.data;
  const risk = reports.risk.data;
  const allowed = reports.allowed;
  const options = useMemo(() => {
    return {
      aging: aging
        ? agingOption(aging, labels)
        : figures && !allowed
          ? balanceByTypeOption(
              figures.byCustomerType,
              currency,
              { notDue: t('notDue'), overdue: t('overdue') },
              labels,
            )
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
      usage: figures
        ? limitUsageOption([
            { name: t('overLimit'), value: figures.overLimit, color: '#e03131' },
            { name: `≥ ${percent(0.8, lang)}`, value: figures.nearLimit, color: '#f08c00' },
            { name: `< ${percent(0.8, lang)}`, value: figures.underLimit, color: '#2f9e44' },
            { name: t('withoutLimit'), value: figures.withoutLimit, color: '#868e96' },
            // With the four above every customer once: one owing nothing without a limit too.
            {
              name: t('withoutLimitNothingExposed'),
              value: figures.withoutLimitNothingExposed,
              color: '#ced4da',
            },
          ])
        : null,
    };
  }, [aging, kpis, risk, allowed, currency, labels, top, figures, t, lang]);

  if (!figures && (summary.loading || customers.loading)) return <Loader aria-label={t('loading')} />;
  const failed = summary.error ?? customers.error;
  if (failed || !figures)
    return (
      <Alert color="red">{failed ? t('errorWithDetail', { detail: failed.message }) : t('error')}</Alert>
    );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('dashboard')}</Title>
        <Text c="dimmed">{t('asOf', { date: date(figures.asOf, lang) })}</Text>
      </Group>
      <DashboardTiles figures={figures} kpis={reports.kpis.data} />
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
            {risk && (
              <Text size="sm" c="dimmed">
                {t('riskCounted', {
                  n: risk.summary.reduce((n, item) => n + item.customers, 0),
                  date: date(risk.asOf, lang),
                })}
              </Text>
            )}
            <Anchor component={Link} to="/risk" size="sm">
              {t('risk')}
            </Anchor>
          </ChartCard>
        )}
        {reports.allowed && <ForecastCard />}
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
        {reports.allowed && kpis && <ProvisionCard from={kpis.from} to={kpis.to} currency={kpis.currency} />}
      </SimpleGrid>
    </Stack>
  );
}
