/**
 * The collection forecast: the 13 weeks ahead with their band, each elapsed week's receipts
 * against the forecast stored before it (and the buttons that store or backfill forecasts), and
 * the back-test of the payment-date model against the naive baselines, run as a job.
 */
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Static } from 'typebox';
import type { BacktestSchema } from '../../../../src/http/schemas/forecast.ts';
import type { JobPage } from '../../../../src/http/schemas/jobs.ts';
import { formatPercentBps } from '../../../../src/text/format.ts';
import { api, problemText } from '../../api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { date } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { ChartCard } from '../dashboard/ChartCard.tsx';
import {
  type CollectionWeek,
  type ForecastAccuracy,
  vsActualOption,
  weeksAheadOption,
} from './forecast-charts.ts';

type Backtest = Static<typeof BacktestSchema>;

function StartJob({
  kind,
  payload,
  label,
  onStarted,
}: {
  kind: string;
  payload: object;
  label: string;
  onStarted(): void;
}) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const start = async () => {
    try {
      const job = await api<{ id: number }>('/api/jobs', { method: 'POST', body: { kind, payload } });
      setMessage(t('forecast.page.jobStarted', { id: job.id }));
      onStarted();
    } catch (error) {
      setMessage(problemText(error));
    }
  };
  return (
    <Group gap="xs">
      <Button variant="light" size="xs" onClick={start}>
        {label}
      </Button>
      {message && (
        <Text size="xs" c="dimmed">
          {message}
        </Text>
      )}
    </Group>
  );
}

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
          onStarted={accuracy.reload}
        />
        <StartJob
          kind="forecast.snapshot"
          payload={{ backfillWeeks: 13 }}
          label={t('forecast.page.backfill')}
          onStarted={accuracy.reload}
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
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
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
          onStarted={jobs.reload}
        />
        <StartJob
          kind="forecast.backtest"
          payload={{ withForest: true }}
          label={t('forecast.page.runBacktestForest')}
          onStarted={jobs.reload}
        />
      </Group>
    </Stack>
  );
}

export function ForecastPage() {
  const { t, lang } = useI18n();
  const ahead = useApi<{ currency: string; asOf: string; weeks: CollectionWeek[] }>(
    '/api/forecast/collections?weeks=13',
  );
  return (
    <Stack>
      <Title order={2}>{t('forecast.page.title')}</Title>
      <LoadState loading={ahead.loading} error={ahead.error} />
      {ahead.data && (
        <ChartCard
          title={t('forecast.page.weeksAhead')}
          option={weeksAheadOption(ahead.data.weeks, ahead.data.currency, lang, t)}
          testId="forecast-weeks"
        />
      )}
      <AccuracySection />
      <BacktestSection />
    </Stack>
  );
}
