/**
 * The collection forecast: the 13 weeks ahead by day, week or month with their band (chart and
 * table), each elapsed week's receipts against the forecast stored before it (and the buttons that
 * store or backfill forecasts), and the back-test of the payment-date model against the naive
 * baselines, run as a job. A job started here is followed until it ends, then its section reloads
 * (StartJob.tsx).
 */
import { Alert, Card, Group, ScrollArea, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Static } from 'typebox';
import type { BacktestSchema } from '../../../../src/http/schemas/forecast.ts';
import type { JobPage } from '../../../../src/http/schemas/jobs.ts';
import { formatPercentBps } from '../../../../src/text/format.ts';
import { EChart } from '../../components/EChart.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { ChartCard } from '../dashboard/ChartCard.tsx';
import { collectionsOption, type ForecastAccuracy, vsActualOption } from './forecast-charts.ts';
import {
  type Collections,
  collectionsPath,
  type ForecastPeriod,
  PERIOD_KINDS,
  type PeriodKind,
  partialNote,
  periodLabel,
  periodsOf,
  shortLabel,
} from './forecast-periods.ts';
import { StartJob } from './StartJob.tsx';

type Backtest = Static<typeof BacktestSchema>;

function AccuracySection() {
  const { t, lang } = useI18n();
  const accuracy = useApi<ForecastAccuracy>('/api/forecast/accuracy?weeks=26');
  const data = accuracy.data;
  return (
    <ChartCard
      title={t('forecast.page.vsActual')}
      option={data && data.weeks.length > 0 ? vsActualOption(data, lang, t) : null}
      testId="forecast-vs-actual"
    >
      <LoadState loading={accuracy.loading} error={accuracy.error} />
      {data && data.weeks.length === 0 && <Alert color="gray">{t('forecast.page.noStored')}</Alert>}
      {data && data.weeks.length > 0 && (
        <Text size="sm" mt="xs">
          {t('forecast.cli.accuracySummary', {
            wape: formatPercentBps(lang, data.wapeBp, 1),
            bias: formatPercentBps(lang, data.biasBp, 1),
            inside: data.insideBandWeeks,
            weeks: data.weeks.length,
          })}
        </Text>
      )}
      <Group mt="sm">
        <StartJob
          kind="forecast.snapshot"
          payload={{ backfillWeeks: 0 }}
          label={t('forecast.page.store')}
          onFinished={accuracy.reload}
        />
        <StartJob
          kind="forecast.snapshot"
          payload={{ backfillWeeks: 13 }}
          label={t('forecast.page.backfill')}
          onFinished={accuracy.reload}
        />
      </Group>
    </ChartCard>
  );
}

function BacktestSection() {
  const { t, lang } = useI18n();
  const jobs = useApi<JobPage>('/api/jobs?kind=forecast.backtest&limit=1');
  const last = jobs.data?.items[0];
  const result = last?.status === 'succeeded' ? (last.result as Backtest) : null;
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
  return (
    <Stack gap="xs" data-testid="forecast-backtest">
      <Title order={3} size="h4">
        {t('forecast.page.backtest')}
      </Title>
      <LoadState loading={jobs.loading} error={jobs.error} />
      {last && last.status !== 'succeeded' && (
        <Text size="sm">{t('forecast.page.backtestRunning', { id: last.id })}</Text>
      )}
      {result && (
        <>
          <Text size="sm">
            {t('forecast.cli.backtestHeading', {
              from: date(result.from, lang),
              to: date(result.to, lang),
              cutoffs: result.cutoffs.length,
              invoices: result.invoices,
            })}
          </Text>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('forecast.cli.col.method')}</Table.Th>
                <Table.Th ta="right">{t('forecast.cli.col.mae')}</Table.Th>
                <Table.Th ta="right">{t('forecast.cli.col.accuracy')}</Table.Th>
                <Table.Th ta="right">{t('forecast.cli.col.balancedAccuracy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.methods.map((m) => (
                <Table.Tr key={m.method}>
                  <Table.Td>{t(`forecast.cli.method.${m.method}`)}</Table.Td>
                  <Table.Td ta="right">{number(m.maeDays, 1)}</Table.Td>
                  <Table.Td ta="right">
                    {formatPercentBps(lang, Math.round(m.lateAccuracy * 10_000), 1)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {m.balancedAccuracy === undefined
                      ? '—'
                      : formatPercentBps(lang, Math.round(m.balancedAccuracy * 10_000), 1)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.lateBaseRate !== undefined && (
            <Text size="xs" c="dimmed">
              {t('forecast.cli.lateBaseRate', {
                rate: formatPercentBps(lang, Math.round(result.lateBaseRate * 10_000), 1),
              })}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('forecast.page.brier', { brier: number(result.brierScore, 3) })}
          </Text>
        </>
      )}
      <Group>
        <StartJob
          kind="forecast.backtest"
          payload={{}}
          label={t('forecast.page.runBacktest')}
          onFinished={jobs.reload}
        />
        <StartJob
          kind="forecast.backtest"
          payload={{ withForest: true }}
          label={t('forecast.page.runBacktestForest')}
          onFinished={jobs.reload}
        />
      </Group>
    </Stack>
  );
}

function PeriodTable({
  periods,
  labels,
  currency,
}: {
  periods: readonly ForecastPeriod[];
  labels: readonly string[];
  currency: string;
}) {
  const { t, lang } = useI18n();
  const right = { textAlign: 'right' as const };
  return (
    <ScrollArea.Autosize mah={360} mt="sm" type="auto">
      <Table striped stickyHeader data-testid="forecast-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('forecast.page.period')}</Table.Th>
            <Table.Th style={right}>{t('forecast.page.fromOpen')}</Table.Th>
            <Table.Th style={right}>{t('forecast.page.fromSales')}</Table.Th>
            <Table.Th style={right}>{t('forecast.page.total')}</Table.Th>
            <Table.Th style={right}>{t('forecast.page.low')}</Table.Th>
            <Table.Th style={right}>{t('forecast.page.high')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.map((p, index) => (
            <Table.Tr key={p.start}>
              <Table.Td>{labels[index]}</Table.Td>
              <Table.Td style={right}>{money(p.fromOpenItemsMinor, currency, lang)}</Table.Td>
              <Table.Td style={right}>{money(p.fromFutureSalesMinor, currency, lang)}</Table.Td>
              <Table.Td style={right}>
                {money(p.fromOpenItemsMinor + p.fromFutureSalesMinor, currency, lang)}
              </Table.Td>
              <Table.Td style={right}>{money(p.lowMinor, currency, lang)}</Table.Td>
              <Table.Td style={right}>{money(p.highMinor, currency, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** The 13 weeks ahead, cut by day, week or month: one request per cut chosen. */
function CollectionsSection() {
  const { t, lang } = useI18n();
  const [by, setBy] = useState<PeriodKind>('week');
  const ahead = useApi<Collections>(collectionsPath(by));
  const data = ahead.data;
  // The chart is drawn again when its option changes: computed once per answer, cut and language.
  const view = useMemo(() => {
    const periods = data ? periodsOf(data, by) : null;
    if (!data || !periods) return null;
    const option = collectionsOption(
      periods,
      periods.map((p) => shortLabel(by, p.start, lang, t)),
      data.currency,
      lang,
      t,
    );
    return {
      periods,
      option,
      labels: periods.map((p) => periodLabel(by, p, lang, t)),
      note: partialNote(by, periods, lang, t),
    };
  }, [data, by, lang, t]);
  const title = t('forecast.page.weeksAhead');
  return (
    <Card withBorder data-testid="forecast-weeks">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        <SegmentedControl
          aria-label={t('forecast.page.by')}
          value={by}
          onChange={(value) => setBy(value as PeriodKind)}
          data={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`forecast.page.by.${kind}`) }))}
          size="xs"
          data-testid="forecast-by"
        />
      </Group>
      {data && (
        // The demo's date is not today's: say which date and which model the figures are from.
        <Text size="sm" c="dimmed" mb="xs" data-testid="forecast-as-of">
          {t('forecast.page.asOf', { asOf: date(data.asOf, lang), model: data.modelVersion })}
        </Text>
      )}
      <LoadState loading={ahead.loading && !view} error={ahead.error} />
      {data && view && (
        <>
          <EChart option={view.option} label={title} height={280} />
          {view.note && (
            <Text size="xs" c="dimmed" data-testid="forecast-partial-note">
              {view.note}
            </Text>
          )}
          {by === 'day' && (
            <Text size="xs" c="dimmed" mt={4} data-testid="forecast-day-note">
              {t('forecast.page.dayNote')}
            </Text>
          )}
          <PeriodTable periods={view.periods} labels={view.labels} currency={data.currency} />
        </>
      )}
    </Card>
  );
}

export function ForecastPage() {
  const { t } = useI18n();
  return (
    <Stack>
      <Title order={2}>{t('forecast.page.title')}</Title>
      <CollectionsSection />
      <AccuracySection />
      <BacktestSection />
    </Stack>
  );
}
