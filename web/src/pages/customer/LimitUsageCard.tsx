/**
 * The customer file's « Utilisation de la limite » card: a gauge of the exposure against the limit
 * in force, read from the risk panel's answer so that the gauge, « Disponible » and the dashboard
 * tell one figure; the balance and what is overdue stay beside it, each named.
 */
import { Card, Group, Loader, SimpleGrid, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { CustomerFile } from '../../api.ts';
import { type ChartOption, EChart } from '../../components/EChart.tsx';
import { money, percent } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import type { Loaded } from '../../use-api.ts';
import type { RiskPanelData } from '../credit/RiskPanel.tsx';
import { creditLineGauge, DIAL_MAX, GAUGE_COLOURS, type LimitGauge } from './identity-display.ts';

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text data-testid={testId}>{value}</Text>
    </div>
  );
}

function gaugeOption(state: LimitGauge, detail: string): ChartOption {
  const usageColor = GAUGE_COLOURS[state.tone];
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: DIAL_MAX,
        progress: { show: true, width: 14, itemStyle: { color: usageColor } },
        pointer: { itemStyle: { color: usageColor } },
        // A small gauge: ticks and numbers would overlap; the percentage says it all.
        axisLabel: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLine: {
          lineStyle: {
            width: 14,
            color: [
              [80 / DIAL_MAX, '#d3f9d8'],
              [100 / DIAL_MAX, '#ffe8cc'],
              [1, '#ffe3e3'],
            ],
          },
        },
        detail: { formatter: () => detail, color: usageColor, fontSize: 20, offsetCenter: [0, '70%'] },
        data: [{ value: state.dialValue }],
      },
    ],
  };
}

export function LimitUsageCard({ file, risk }: { file: CustomerFile; risk: Loaded<RiskPanelData> }) {
  const { t, lang } = useI18n();
  const line = risk.data;
  const state = useMemo(() => (line ? creditLineGauge(line) : null), [line]);
  const detail =
    state === null
      ? ''
      : state.tone === 'none'
        ? t('noLimit')
        : state.tone === 'blocked'
          ? t('credit.web.limitBlocked')
          : percent((state.usagePercent ?? 0) / 100, lang);
  const option = useMemo(() => (state ? gaugeOption(state, detail) : null), [state, detail]);
  const currency = file.currency;
  const limitText =
    line === null
      ? '—'
      : line.limit.limitMinor === null
        ? t('noLimit')
        : money(line.limit.limitMinor, currency, lang);
  return (
    <Card withBorder data-testid="limit-usage">
      <Title order={3} size="h4">
        {t('limitUsage')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('limitUsageBasis')}
      </Text>
      {option && line ? (
        <EChart
          option={option}
          height={200}
          label={t('limitUsageLabel', {
            exposure: money(line.exposure.totalMinor, currency, lang),
            limit: limitText,
            usage: detail,
          })}
        />
      ) : risk.error ? null : (
        <Group justify="center" h={200}>
          <Loader aria-label={t('loading')} />
        </Group>
      )}
      <SimpleGrid cols={2} spacing="xs">
        <Figure
          label={t('credit.web.exposure')}
          value={line ? money(line.exposure.totalMinor, currency, lang) : '—'}
          testId="limit-usage-exposure"
        />
        <Figure label={t('credit.web.limit')} value={limitText} />
        <Figure label={t('balance')} value={money(file.balanceMinor, currency, lang)} />
        <Figure label={t('overdue')} value={money(file.overdueMinor, currency, lang)} />
      </SimpleGrid>
    </Card>
  );
}
