/**
 * The back-test report of the forecast page: the latest `forecast.backtest` job's result. It says
 * the range used, the model against the two naive baselines, the base rate and what the balanced
 * accuracy means in words, the calibration of P(late), and the coverage of the dates on every
 * invoice open at the cut-offs (paid later or never) by age. An empty back-test says so and shows
 * no figure. Results stored before the coverage was added show the rest.
 */
import { Alert, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { distinction } from '../../../../src/core/forecast/backtest-scores.ts';
import type { Backtest, BacktestCoverageRow } from '../../../../src/http/schemas/forecast.ts';
import type { JobPage } from '../../../../src/http/schemas/jobs.ts';
import { agingBucketLabel } from '../../../../src/text/aging-buckets.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { date, number, percent } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { StartJob } from './StartJob.tsx';

type T = ReturnType<typeof useI18n>['t'];
type Lang = ReturnType<typeof useI18n>['lang'];

const percent1 = (lang: Lang, value: number | null | undefined) => percent(value ?? null, lang, 1);

function SmallTable({ head, rows, testId }: { head: ReactNode[]; rows: ReactNode[][]; testId: string }) {
  return (
    <ScrollArea type="auto">
      <Table withTableBorder striped data-testid={testId} fz="sm">
        <Table.Thead>
          <Table.Tr>
            {head.map((cell, index) => (
              // Columns are fixed per table: their position is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Table.Th key={index} ta={index === 0 ? 'left' : 'right'}>
                {cell}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a finished result never move
            <Table.Tr key={r}>
              {row.map((cell, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Table.Td key={index} ta={index === 0 ? 'left' : 'right'}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function Methods({ result }: { result: Backtest }) {
  const { t, lang } = useI18n();
  const balanced = result.methods.find((m) => m.method === 'model')?.balancedAccuracy;
  const words = distinction(balanced);
  return (
    <>
      <SmallTable
        testId="backtest-methods"
        head={[
          t('forecastBacktest.col.method'),
          t('forecastBacktest.col.mae'),
          t('forecastBacktest.col.accuracy'),
          t('forecastBacktest.col.balancedAccuracy'),
        ]}
        rows={result.methods.map((m) => [
          t(`forecast.cli.method.${m.method}`),
          number(m.maeDays, lang, 1),
          percent1(lang, m.lateAccuracy),
          percent1(lang, m.balancedAccuracy),
        ])}
      />
      <Stack gap={2} data-testid="backtest-verdict">
        {result.lateBaseRate !== null && result.lateBaseRate !== undefined && (
          <Text size="sm">
            {t('forecastBacktest.baseRate', { rate: percent1(lang, result.lateBaseRate) })}
          </Text>
        )}
        {words && (
          <Text size="sm" fw={words === 'good' ? undefined : 600}>
            {t(`forecastBacktest.verdict.${words}`, { balanced: percent1(lang, balanced) })}
          </Text>
        )}
        {result.brierScore !== null && (
          <Text size="xs" c="dimmed">
            {t('forecastBacktest.brier', { brier: number(result.brierScore, lang, 3) })}
          </Text>
        )}
      </Stack>
    </>
  );
}

function Calibration({ result }: { result: Backtest }) {
  const { t, lang } = useI18n();
  const bins = result.calibration.filter((bin) => bin.invoices > 0);
  if (bins.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('forecastBacktest.calibration')}
      </Text>
      <SmallTable
        testId="backtest-calibration"
        head={[
          t('forecastBacktest.col.bin'),
          t('forecastBacktest.col.invoices'),
          t('forecastBacktest.col.meanPredicted'),
          t('forecastBacktest.col.observedLate'),
        ]}
        rows={bins.map((bin) => [
          t('forecastBacktest.bin', {
            from: percent(bin.fromProbability, lang),
            to: percent(bin.toProbability, lang),
          }),
          number(bin.invoices, lang, 0),
          percent1(lang, bin.meanPredicted),
          percent1(lang, bin.observedLateRate),
        ])}
      />
    </Stack>
  );
}

function shareCell(t: T, lang: Lang, part: BacktestCoverageRow['paidByP50']): string {
  if (part.share === null) return percent(null, lang);
  return t('forecastBacktest.share', {
    share: percent1(lang, part.share),
    paid: number(part.paid, lang, 0),
    invoices: number(part.invoices, lang, 0),
  });
}

function Coverage({ result }: { result: Backtest }) {
  const { t, lang } = useI18n();
  const rows = result.coverage ?? [];
  if (rows.length === 0 || !result.censoredOn) return null;
  const censoredOn = date(result.censoredOn, lang);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('forecastBacktest.coverage', { censoredOn })}
      </Text>
      <SmallTable
        testId="backtest-coverage"
        head={[
          t('forecastBacktest.col.bucket'),
          t('forecastBacktest.col.open'),
          t('forecastBacktest.col.paidByP50'),
          t('forecastBacktest.col.paidByP90'),
          t('forecastBacktest.col.expected13'),
          t('forecastBacktest.col.actual13'),
        ]}
        rows={rows.map((row) => [
          row.bucket === 'all' ? (
            <Text key="all" span fw={600} size="sm">
              {t('forecastBacktest.bucket.all')}
            </Text>
          ) : (
            (agingBucketLabel(lang, row.bucket) ?? row.bucket)
          ),
          number(row.invoices, lang, 0),
          shareCell(t, lang, row.paidByP50),
          shareCell(t, lang, row.paidByP90),
          percent1(lang, row.paidWithin13Weeks.expected),
          percent1(lang, row.paidWithin13Weeks.actual),
        ])}
      />
      <Text size="xs" c="dimmed">
        {t('forecastBacktest.coverageNote', { censoredOn })}
      </Text>
    </Stack>
  );
}

/**
 * What the headline counts (evaluations: an invoice open at several cut-offs is scored at each) and
 * what the invoices paid very late weigh in the error: settling old debts moves the mean error
 * without the model changing (core/forecast/backtest-long-late.ts). Older stored results lack it.
 */
function Weights({ result }: { result: Backtest }) {
  const { t, lang } = useI18n();
  if (result.distinctInvoices === undefined || result.invoices === 0) return null;
  const late = result.paidLongLate;
  return (
    <Text size="xs" c="dimmed" data-testid="backtest-weights">
      {t('forecastBacktest.evaluations', { evaluations: result.invoices, invoices: result.distinctInvoices })}
      {late && late.evaluations > 0
        ? ` ${t('forecastBacktest.paidLongLate', {
            invoices: late.invoices,
            days: late.days,
            evaluations: late.evaluations,
            share: percent(late.modelErrorShare, lang, 0),
          })}`
        : null}
    </Text>
  );
}

function Report({ result }: { result: Backtest }) {
  const { t, lang } = useI18n();
  return (
    <Stack gap="sm" data-testid="backtest-report">
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          {t('forecastBacktest.heading', {
            from: date(result.cutoffs[0] ?? result.from, lang),
            to: date(result.cutoffs.at(-1) ?? result.to, lang),
            cutoffs: result.cutoffs.length,
            invoices: result.invoices,
          })}
        </Text>
        <Text size="xs" c="dimmed" data-testid="backtest-range">
          {result.defaultRange && result.asOf
            ? t('forecastBacktest.defaultRange', { asOf: date(result.asOf, lang) })
            : t('forecastBacktest.givenRange', { from: date(result.from, lang), to: date(result.to, lang) })}
        </Text>
        <Weights result={result} />
      </Stack>
      {result.invoices === 0 && (
        <Alert color="gray" data-testid="backtest-empty">
          {t('forecastBacktest.empty')}
        </Alert>
      )}
      <Methods result={result} />
      <Calibration result={result} />
      <Coverage result={result} />
    </Stack>
  );
}

export function BacktestSection() {
  const { t } = useI18n();
  const jobs = useApi<JobPage>('/api/jobs?kind=forecast.backtest&limit=1');
  const last = jobs.data?.items[0];
  const result = last?.status === 'succeeded' ? (last.result as Backtest) : null;
  return (
    <Stack gap="xs" data-testid="forecast-backtest">
      <Title order={3} size="h4">
        {t('forecast.page.backtest')}
      </Title>
      <LoadState loading={jobs.loading} error={jobs.error} />
      {last && last.status !== 'succeeded' && (
        <Text size="sm">{t('forecast.page.backtestRunning', { id: last.id })}</Text>
      )}
      {result && <Report result={result} />}
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
