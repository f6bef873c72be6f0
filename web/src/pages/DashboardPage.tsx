/**
 * The credit manager's morning view. Portfolio figures come from the customer list (what the
 * signed-in user may see); the aged balance, KPIs and anomalies come from /api/reports/* when
 * the user may read them, with a fallback built from the list otherwise.
 */
import { Alert, Anchor, Card, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { CustomerPage } from '../api.ts';
import { type ChartOption, EChart } from '../components/EChart.tsx';
import { StatTile } from '../components/StatTile.tsx';
import { compactMoney, date, money, percent, toMajor } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { useApi } from '../use-api.ts';

interface AgingReport {
  currency: string;
  buckets: { key: string; label: string }[];
  groups: { key: string; name: string; bucketsMinor: number[] }[];
}
interface KpiReport {
  dsoSimpleDays?: number | null;
  dsoCountbackDays?: number | null;
}
interface AnomalyReport {
  findings: { kind: string; severity: string; title: string; customers: { code: string; name: string }[] }[];
}

export function DashboardPage() {
  const { t, lang, customerType } = useI18n();
  const customers = useApi<CustomerPage>('/api/customers?limit=1000&sort=overdue');
  const aging = useApi<AgingReport>('/api/reports/aging?by=customer_type');
  const kpis = useApi<KpiReport>('/api/reports/kpis');
  const anomalies = useApi<AnomalyReport>('/api/reports/anomalies');
  const items = customers.data?.items ?? [];
  const currency = items[0]?.currency ?? 'EUR';

  const figures = useMemo(() => {
    const outstanding = items.reduce((sum, c) => sum + Math.max(0, c.balanceMinor), 0);
    const overdue = items.reduce((sum, c) => sum + c.overdueMinor, 0);
    const overLimit = items.filter((c) => c.creditLimitMinor !== null && c.balanceMinor > c.creditLimitMinor);
    const withoutLimit = items.filter((c) => c.creditLimitMinor === null && c.balanceMinor > 0);
    const nearLimit = items.filter(
      (c) =>
        c.creditLimitMinor &&
        c.balanceMinor <= c.creditLimitMinor &&
        c.balanceMinor >= 0.8 * c.creditLimitMinor,
    );
    return { outstanding, overdue, overLimit, withoutLimit, nearLimit };
  }, [items]);

  const agingOption = useMemo<ChartOption | null>(() => {
    const axis = (value: number) => compactMoney(value * 100, currency, lang);
    if (aging.data) {
      const report = aging.data;
      return {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 80, right: 20, top: 40, bottom: 70 },
        xAxis: {
          type: 'category',
          data: report.groups.map((g) => customerType(g.key)),
          axisLabel: { rotate: 20 },
        },
        yAxis: { type: 'value', axisLabel: { formatter: axis } },
        series: report.buckets.map((bucket, index) => ({
          name: bucket.label,
          type: 'bar',
          stack: 'aging',
          data: report.groups.map((g) => toMajor(g.bucketsMinor[index] ?? 0, report.currency)),
        })),
      };
    }
    if (!items.length) return null;
    const types = [...new Set(items.map((c) => c.customerType))];
    const sum = (type: string, pick: (c: (typeof items)[number]) => number) =>
      toMajor(
        items.filter((c) => c.customerType === type).reduce((s, c) => s + pick(c), 0),
        currency,
      );
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 80, right: 20, top: 40, bottom: 70 },
      xAxis: { type: 'category', data: types.map(customerType), axisLabel: { rotate: 20 } },
      yAxis: { type: 'value', axisLabel: { formatter: axis } },
      series: [
        {
          name: t('notDue'),
          type: 'bar',
          stack: 'b',
          data: types.map((ty) => sum(ty, (c) => Math.max(0, c.balanceMinor - c.overdueMinor))),
        },
        {
          name: t('overdue'),
          type: 'bar',
          stack: 'b',
          data: types.map((ty) => sum(ty, (c) => c.overdueMinor)),
        },
      ],
    };
  }, [aging.data, items, currency, lang, t, customerType]);

  const top = items.filter((c) => c.overdueMinor > 0).slice(0, 10);
  const topOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 160, right: 20, top: 10, bottom: 30 },
      xAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => compactMoney(v * 100, currency, lang) },
      },
      yAxis: { type: 'category', inverse: true, data: top.map((c) => c.name) },
      series: [
        {
          type: 'bar',
          name: t('overdue'),
          color: '#e8590c',
          data: top.map((c) => toMajor(c.overdueMinor, currency)),
        },
      ],
    }),
    [top, currency, lang, t],
  );

  const riskOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          label: { formatter: '{b} : {c}' },
          data: [
            { name: t('overLimit'), value: figures.overLimit.length, itemStyle: { color: '#e03131' } },
            { name: '≥ 80 %', value: figures.nearLimit.length, itemStyle: { color: '#f08c00' } },
            { name: t('withoutLimit'), value: figures.withoutLimit.length, itemStyle: { color: '#868e96' } },
          ],
        },
      ],
    }),
    [figures, t],
  );

  if (customers.loading && !customers.data) return <Loader aria-label={t('loading')} />;
  if (customers.error)
    return (
      <Alert color="red">
        {t('error')}: {customers.error.message}
      </Alert>
    );
  const dso = kpis.data?.dsoCountbackDays ?? kpis.data?.dsoSimpleDays;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('dashboard')}</Title>
        <Text c="dimmed">{customers.data && t('asOf', { date: date(customers.data.asOf, lang) })}</Text>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
        <StatTile
          testId="kpi-outstanding"
          label={t('outstanding')}
          value={money(figures.outstanding, currency, lang)}
        />
        <StatTile testId="kpi-overdue" label={t('overdue')} value={money(figures.overdue, currency, lang)} />
        <StatTile
          testId="kpi-overdue-share"
          label={t('overdueShare')}
          value={figures.outstanding ? percent(figures.overdue / figures.outstanding, lang) : '—'}
        />
        <StatTile testId="kpi-over-limit" label={t('overLimit')} value={String(figures.overLimit.length)} />
        <StatTile
          testId="kpi-without-limit"
          label={t('withoutLimit')}
          value={String(figures.withoutLimit.length)}
        />
        <StatTile
          testId="kpi-dso"
          label={dso === undefined || dso === null ? t('customerCount') : t('dso')}
          value={
            dso === undefined || dso === null ? String(customers.data?.total ?? 0) : String(Math.round(dso))
          }
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {aging.data ? t('agedBalance') : t('balanceByType')}
          </Title>
          {agingOption && (
            <EChart option={agingOption} label={aging.data ? t('agedBalance') : t('balanceByType')} />
          )}
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('topOverdue')}
          </Title>
          <EChart option={topOption} label={t('topOverdue')} />
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
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('riskPanel')}
          </Title>
          <EChart option={riskOption} label={t('riskPanel')} height={260} />
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('anomalies')}
          </Title>
          {anomalies.data?.findings.length ? (
            <List size="sm" spacing={4}>
              {anomalies.data.findings.slice(0, 8).map((finding) => (
                <List.Item key={`${finding.kind}-${finding.title}`}>
                  <Text span fw={600} c={finding.severity === 'critical' ? 'red' : undefined}>
                    {finding.title}
                  </Text>
                  {finding.customers.length > 0 && ` (${finding.customers.length})`}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text c="dimmed">{anomalies.loading ? t('loading') : t('noAnomalies')}</Text>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
