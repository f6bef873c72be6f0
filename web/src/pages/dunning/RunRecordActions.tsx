/**
 * A sent run's reminders, customer by customer, fifty a page, read from the dunning log: each with
 * its step (its channel in its name), amount, status (a cancelled one says so, an e-mail that has not
 * reached the customer says what became of it) and the document a person can open
 * again: the letter's PDF or the e-mail as sent. A call task sends nothing: it reads as the task it
 * created, with the agenda's status, and leads to the agenda.
 */
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../auth.tsx';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageNumbers } from '../../components/PageNumbers.tsx';
import { money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { ActionDocumentLink } from './ActionDocumentLink.tsx';
import { stepName } from './RunReviewModel.ts';
import { type ActionLog, actionDocument, type LoggedAction, undelivered } from './run-record-types.ts';

const PAGE_SIZE = 50;

function ActionLine({ action, first }: { action: LoggedAction; first: boolean }) {
  const { t, lang, label } = useI18n();
  const { me } = useAuth();
  const document = actionDocument(action, me);
  const cancelled = action.status === 'cancelled';
  // A call task still in the log (not cancelled): what it did is the agenda's task.
  const call = action.channel === 'call_task' && !cancelled;
  return (
    <Table.Tr opacity={cancelled ? 0.6 : 1} data-testid="dunning-run-record-action">
      <Table.Td>
        {first && (
          <Anchor component={Link} to={`/customers/${encodeURIComponent(action.customerCode)}`} size="sm">
            {action.customerName}
          </Anchor>
        )}
      </Table.Td>
      <Table.Td>{stepName(t, label, { ...action, step: action.stepCode })}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {money(action.totalDueMinor, action.currency, lang)}
      </Table.Td>
      <Table.Td>
        {!call
          ? action.status === 'sent' && undelivered(action.delivery)
            ? t('dunningHistory.delivery', { delivery: action.delivery })
            : label('dunningActionStatus', action.status)
          : action.taskStatus
            ? t('dunningHistory.callTaskStatus', { status: label('dunningTaskStatus', action.taskStatus) })
            : t('dunningHistory.callTask')}
      </Table.Td>
      <Table.Td>
        {document ? (
          <ActionDocumentLink document={document} wording="run" />
        ) : call ? (
          <Anchor component={Link} to="/dunning/agenda" size="sm">
            {t('dunningHistory.agendaLink')}
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function RunRecordActions({ runId }: { runId: number }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const log = useApi<ActionLog>(
    `/api/dunning/actions?runId=${runId}&limit=${PAGE_SIZE}&offset=${(page - 1) * PAGE_SIZE}`,
  );
  // A run writes a customer's actions together: the log's order keeps them side by side.
  const items = log.data?.items ?? [];
  return (
    <Stack gap={4} pt="sm">
      <LoadState loading={log.loading && !log.data} error={log.error} />
      {log.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('dunning.page.noAction')}
        </Text>
      )}
      {items.length > 0 && (
        <HorizontalScroll minWidth={800}>
          <Table striped data-testid="dunning-run-record-actions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dunningHistory.customer')}</Table.Th>
                <Table.Th scope="col">{t('dunning.page.step')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('dunning.page.totalDue')}
                </Table.Th>
                <Table.Th scope="col">{t('dunning.page.status')}</Table.Th>
                <Table.Th scope="col">{t('dunningHistory.document')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((action, index) => (
                <ActionLine
                  key={action.actionId}
                  action={action}
                  first={index === 0 || items[index - 1]?.customerCode !== action.customerCode}
                />
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroll>
      )}
      {log.data && <PageNumbers total={log.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />}
    </Stack>
  );
}
