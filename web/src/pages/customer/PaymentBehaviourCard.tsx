/** How the customer paid over 24 months: average delay after due date (bars) and days to pay (line). */
import { Card, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { PaymentBehaviour } from '../../api.ts';
import { type ChartOption, EChart } from '../../components/EChart.tsx';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

export function PaymentBehaviourCard({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const behaviour = useApi<PaymentBehaviour>(
    `/api/customers/${encodeURIComponent(code)}/payment-behaviour?months=24`,
  );
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
      legend: { top: 0 },
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
            itemStyle: {
              color:
                (m.averageDelayDays ?? 0) > 30
                  ? '#e03131'
                  : (m.averageDelayDays ?? 0) > 0
                    ? '#f08c00'
                    : '#2f9e44',
            },
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
        <EChart option={option} height={240} label={`${t('paymentBehaviour')} — ${t('averageDelay')}`} />
      ) : (
        <Text c="dimmed">{behaviour.loading ? t('loading') : t('noPayments')}</Text>
      )}
    </Card>
  );
}
