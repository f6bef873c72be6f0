/**
 * The runs already sent, newest first, ten a page: each run's date (a link that opens it, its id in
 * the page's address), who sent it, what it sent by channel, the tasks it raised, the amount it
 * claims and its print batch.
 */
import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ActorName, useActorName } from '../../components/ActorName.tsx';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageNumbers } from '../../components/PageNumbers.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import type { RunHistoryItem, RunHistoryPage } from './run-record-types.ts';

const PAGE_SIZE = 10;

/** The run page's address that shows one run. */
export const runAddress = (runId: number) => `/dunning/run?run=${runId}`;

function BatchLinks({ run }: { run: RunHistoryItem }) {
  const { t, lang } = useI18n();
  if (run.batchFiles.length === 0) return <>—</>;
  return (
    <Stack gap={0}>
      {run.batchFiles.map((file) => (
        <Anchor key={file.letterId} href={`${file.path}?lang=${lang}`} target="_blank" size="sm">
          {t('dunningHistory.batchPart', { part: file.part, parts: file.parts })}
        </Anchor>
      ))}
    </Stack>
  );
}

function HistoryRow({ run, shown }: { run: RunHistoryItem; shown: boolean }) {
  const { t, lang } = useI18n();
  const nameOf = useActorName();
  const day = date(run.asOf, lang);
  return (
    <Table.Tr bg={shown ? 'blue.0' : undefined} data-testid="dunning-history-run">
      <Table.Td>
        <Anchor
          component={Link}
          to={runAddress(run.runId)}
          size="sm"
          aria-label={t('dunningHistory.open', { date: day })}
        >
          {day}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <ActorName actor={run.createdBy} nameOf={nameOf} />
      </Table.Td>
      <Table.Td ta="right">{run.customers}</Table.Td>
      <Table.Td ta="right">{run.emails}</Table.Td>
      <Table.Td ta="right">{run.letters}</Table.Td>
      <Table.Td ta="right">{run.registeredLetters}</Table.Td>
      <Table.Td ta="right">{run.sms}</Table.Td>
      <Table.Td ta="right">{run.tasksCreated}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {run.totals.length === 0
          ? '—'
          : run.totals.map((x) => money(x.totalDueMinor, x.currency, lang)).join(' · ')}
      </Table.Td>
      <Table.Td>
        <BatchLinks run={run} />
      </Table.Td>
    </Table.Tr>
  );
}

export function RunHistory({ shownRunId }: { shownRunId: number | null }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const runs = useApi<RunHistoryPage>(
    `/api/dunning/runs?limit=${PAGE_SIZE}&offset=${(page - 1) * PAGE_SIZE}`,
  );
  const headers = [
    'dunningHistory.date',
    'dunningHistory.by',
    'dunningHistory.customers',
    'dunningHistory.emails',
    'dunningHistory.letters',
    'dunningHistory.registered',
    'dunningHistory.sms',
    'dunningHistory.tasks',
    'dunningHistory.amount',
    'dunningHistory.batchTitle',
  ];
  return (
    <Card withBorder data-testid="dunning-history">
      <Title order={3} size="h4">
        {t('dunningHistory.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('dunningHistory.intro')}
      </Text>
      <LoadState loading={runs.loading && !runs.data} error={runs.error} />
      {runs.data && runs.data.total === 0 && <Text c="dimmed">{t('dunningHistory.none')}</Text>}
      {runs.data && runs.data.items.length > 0 && (
        <HorizontalScroll minWidth={900}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {headers.map((key, index) => (
                  <Table.Th key={key} scope="col" ta={index >= 2 && index <= 8 ? 'right' : undefined}>
                    {t(key)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.data.items.map((run) => (
                <HistoryRow key={run.runId} run={run} shown={run.runId === shownRunId} />
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroll>
      )}
      {runs.data && (
        <Group mt="sm">
          <PageNumbers total={runs.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </Group>
      )}
    </Card>
  );
}
