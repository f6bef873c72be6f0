/**
 * The collection forecast: the 13 weeks ahead by day, week or month with their band (chart and
 * table, then the open items by age and what each bucket brings within them), each elapsed
 * week's receipts against the forecast stored before it (and the buttons that store or backfill
 * forecasts), and the back-test of the payment-date model against the naive
 * baselines, run as a job. A job started here is followed until it ends, then its section reloads
 * (StartJob.tsx).
 */
import { Alert, Card, Group, ScrollArea, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { portfolioTrendSentence } from '../../../../src/text/forecast-words.ts';
import { modelVersionNumber } from '../../../../src/text/model-version.ts';
import { EChart } from '../../components/EChart.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money, percentBps } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { ChartCard } from '../dashboard/ChartCard.tsx';
import { AgeBreakdownTable } from './AgeBreakdownTable.tsx';
import { BacktestSection } from './BacktestSection.tsx';
import { FinancingRateCard } from './FinancingRateCard.tsx';
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
            wape: percentBps(data.wapeBp, lang, 1),
            bias: percentBps(data.biasBp, lang, 1),
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
          payload={{ backfillWeeks: 26 }}
          label={t('forecast.page.backfill')}
          onFinished={accuracy.reload}
        />
      </Group>
    </ChartCard>
  );
}

/** Pinned to the bottom of the scrolling card, opaque, with a rule above it as the header has below. */
const STICKY_FOOTER = {
  position: 'sticky',
  bottom: 0,
  zIndex: 3,
  background: 'var(--mantine-color-body)',
  boxShadow: 'inset 0 1px 0 var(--mantine-color-default-border)',
} as const;

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
  const openMinor = periods.reduce((sum, p) => sum + p.fromOpenItemsMinor, 0);
  const salesMinor = periods.reduce((sum, p) => sum + p.fromFutureSalesMinor, 0);
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
        {/* The total stays in sight while the periods scroll (91 lines by day) under the header. */}
        <Table.Tfoot data-testid="forecast-table-total" style={STICKY_FOOTER}>
          <Table.Tr fw={700}>
            <Table.Td>{t('forecast.page.total')}</Table.Td>
            <Table.Td style={right}>{money(openMinor, currency, lang)}</Table.Td>
            <Table.Td style={right}>{money(salesMinor, currency, lang)}</Table.Td>
            <Table.Td style={right}>{money(openMinor + salesMinor, currency, lang)}</Table.Td>
            {/* Each period's band is its own: summing the lows (or highs) would not be the horizon's band. */}
            <Table.Td />
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
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
  const drift = data ? portfolioTrendSentence(lang, data.portfolioTrendDaysPerMonth) : null;
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
        // The model's code (in the API's JSON too) stays at hand for an engineer, as the tooltip.
        <Text size="sm" c="dimmed" mb="xs" data-testid="forecast-as-of" title={data.modelVersion}>
          {t('forecast.page.asOf', {
            asOf: date(data.asOf, lang),
            version: modelVersionNumber(data.modelVersion),
          })}
        </Text>
      )}
      {drift && (
        // A drift of the whole portfolio is news for the credit manager, not only a model detail.
        <Text size="sm" mb="xs" data-testid="forecast-portfolio-trend">
          {drift}
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
          {data.byAge && (
            <AgeBreakdownTable
              byAge={data.byAge}
              currency={data.currency}
              asOf={data.asOf}
              weeks={data.weeks.length}
            />
          )}
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
      <FinancingRateCard />
      <AccuracySection />
      <BacktestSection />
    </Stack>
  );
}
