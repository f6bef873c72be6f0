/**
 * How the customer paid over 24 months: average delay after due date (bars, coloured by how late:
 * the key under the chart says how) and days to pay (line). The bars measure payments received, so
 * a customer who stopped paying would look punctual: the invoices past due and unpaid are said
 * under them.
 */
import { Box, Card, Group, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { PaymentBehaviour } from '../../api.ts';
import { type ChartOption, EChart } from '../../components/EChart.tsx';
import { money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { customerPaths } from './customer-requests.ts';

/** A month's bar by its average delay: on time or early, up to 30 days late, more than 30 days late. */
const DELAY_BANDS = [
  { key: 'delayOnTime', color: '#2f9e44' },
  { key: 'delayUpTo30', color: '#f08c00' },
  { key: 'delayOver30', color: '#e03131' },
] as const;

function delayColor(averageDelayDays: number | null): string {
  const days = averageDelayDays ?? 0;
  return DELAY_BANDS[days > 30 ? 2 : days > 0 ? 1 : 0].color;
}

/** The bars' colours in words (ECharts' legend gives a series one colour only). */
function DelayKey() {
  const { t } = useI18n();
  return (
    <Group gap="md" mt={4} data-testid="payment-behaviour-key">
      <Text size="xs" c="dimmed">
        {t('delayKeyTitle')}
      </Text>
      {DELAY_BANDS.map((band) => (
        <Group key={band.key} gap={4} wrap="nowrap">
          <Box w={10} h={10} bg={band.color} style={{ borderRadius: 2 }} aria-hidden />
          <Text size="xs">{t(band.key)}</Text>
        </Group>
      ))}
    </Group>
  );
}

export function PaymentBehaviourCard({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const behaviour = useApi<PaymentBehaviour>(customerPaths.behaviour(code));
  const data = behaviour.data;
  const option = useMemo<ChartOption | null>(() => {
    if (!data?.months.some((month) => month.invoices > 0)) return null;
    const format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    });
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => (v === null ? '—' : `${v} ${t('days')}`),
      },
      // The bars' colours are explained by the key under the chart: the legend names the line.
      legend: { top: 0, data: [t('averageDaysToPay')] },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: {
        type: 'category',
        data: data.months.map((m) => format.format(new Date(`${m.month}-01T00:00:00Z`))),
      },
      yAxis: { type: 'value', name: t('days') },
      series: [
        {
          name: t('averageDelay'),
          type: 'bar',
          data: data.months.map((m) => ({
            value: m.averageDelayDays,
            itemStyle: { color: delayColor(m.averageDelayDays) },
          })),
        },
        {
          name: t('averageDaysToPay'),
          type: 'line',
          color: '#4263eb',
          // A month without any payment has no delay: leave a gap rather than invent a trend.
          connectNulls: false,
          data: data.months.map((m) => m.averageDaysToPay),
        },
      ],
    };
  }, [data, lang, t]);
  return (
    <Card withBorder data-testid="payment-behaviour">
      <Title order={3} size="h4" mb="sm">
        {t('paymentBehaviour')}
      </Title>
      {option ? (
        <>
          <EChart option={option} height={240} label={`${t('paymentBehaviour')} — ${t('averageDelay')}`} />
          <DelayKey />
        </>
      ) : (
        <Text c="dimmed">{behaviour.loading ? t('loading') : t('noPayments')}</Text>
      )}
      {data && data.unpaidOverdue.invoices > 0 && (
        <Text
          size="sm"
          mt="xs"
          c={data.unpaidOverdue.oldestDaysPastDue > 30 ? 'red.8' : 'orange.8'}
          data-testid="unpaid-overdue"
        >
          {t('unpaidOverdue', {
            invoices: data.unpaidOverdue.invoices,
            amount: money(data.unpaidOverdue.openMinor, data.currency, lang),
            oldest: data.unpaidOverdue.oldestDaysPastDue,
          })}
        </Text>
      )}
    </Card>
  );
}
