/**
 * The collector's agenda: today's customers, most urgent first, each with why it is there, and the
 * day's actions on it (log a call, record a promise, open a dispute, send the planned reminder).
 */
import { Alert, Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { agendaDisputeName } from '../../../../src/text/agenda-dispute.ts';
import { stepName } from '../../../../src/text/dunning-step-name.ts';
import { ApiError, api, query } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { ActorName, useActorName } from '../../components/ActorName.tsx';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageNumbers } from '../../components/PageNumbers.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { AGENDA_MANAGERS, type CollectorAgenda, CollectorPicker, EntryDecisions } from './AgendaControls.tsx';
import { AgendaTargets } from './AgendaTargets.tsx';
import { CaseForm, type CaseKind } from './CaseForm.tsx';
import type { AgendaEntry, RunView } from './types.ts';

/** Customers shown at a time: a whole company's agenda on one page was hundreds of rows. */
const PAGE_SIZE = 25;

function EntryActions({
  entry,
  asOf,
  onDone,
}: {
  entry: AgendaEntry;
  asOf: string;
  onDone(message: string): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<CaseKind | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      const run = await api<RunView>('/api/dunning/runs', {
        method: 'POST',
        body: { asOf, customerCodes: [entry.customerCode] },
      });
      // A call task sends nothing: counted apart, never as a reminder sent.
      const tasks = run.actions.filter((a) => a.channel === 'call_task').length;
      onDone(t('dunning.page.executedSplit', { sent: run.actions.length - tasks, tasks }));
    } catch (error) {
      onDone(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4}>
      <Group gap={4}>
        <Button size="compact-xs" variant="light" onClick={() => setOpen('call')}>
          {t('dunning.page.logCall')}
        </Button>
        <Button size="compact-xs" variant="light" onClick={() => setOpen('promise')}>
          {t('dunning.page.recordPromise')}
        </Button>
        <Button size="compact-xs" variant="light" onClick={() => setOpen('dispute')}>
          {t('dunning.page.openDispute')}
        </Button>
        <Button size="compact-xs" variant="light" onClick={() => setOpen('reminder')}>
          {t('dunningCases.page.manualReminder')}
        </Button>
        {entry.plannedActions.length > 0 && (
          <Button size="compact-xs" loading={busy} onClick={send}>
            {t('dunning.page.sendReminder')}
          </Button>
        )}
      </Group>
      {open && (
        <CaseForm
          kind={open}
          customerCode={entry.customerCode}
          currency={entry.currency}
          onClose={(message) => {
            setOpen(null);
            if (message) onDone(message);
          }}
        />
      )}
    </Stack>
  );
}

export function AgendaPage() {
  const { t, lang, label } = useI18n();
  const { me } = useAuth();
  const manager = me !== null && AGENDA_MANAGERS.includes(me.user.role);
  const collecting = me !== null && ['admin', 'credit_manager', 'collector'].includes(me.user.role);
  const [collector, setCollector] = useState('');
  const [page, setPage] = useState(1);
  const agenda = useApi<CollectorAgenda>(`/api/dunning/agenda${query({ lang, collector })}`);
  const [notice, setNotice] = useState<string | null>(null);
  const data = agenda.data;
  // A salesperson's agenda has no collectors to pick from: the directory names the others.
  const nameOf = useActorName(data?.collectors);
  const scopeTitle =
    data?.scope.kind === 'collector'
      ? t('agenda.scope.collector', { collector: nameOf(data.scope.collector ?? '') })
      : data?.scope.kind === 'unassigned'
        ? t('agenda.scope.unassigned')
        : t('agenda.scope.all');
  return (
    <Stack>
      <Title order={2}>{t('dunning.page.agendaTitle')}</Title>
      <Text c="dimmed">{t('dunning.page.agendaIntro')}</Text>
      <Group align="flex-end">
        {manager && data && (
          <CollectorPicker
            value={collector}
            collectors={data.collectors}
            onChange={(value) => {
              setCollector(value);
              setPage(1);
            }}
          />
        )}
        {/* The picker already reads whose agenda this is: the title only for who has none. */}
        {data && !manager && (
          <Text fw={500} data-testid="agenda-scope">
            {scopeTitle}
          </Text>
        )}
        {data && data.hiddenCount > 0 && (
          <Text size="sm" c="dimmed">
            {t('agenda.hidden', { count: data.hiddenCount })}
          </Text>
        )}
      </Group>
      {data && <AgendaTargets targets={data.targets} />}
      {notice && (
        <Alert color="blue" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <LoadState loading={agenda.loading && !data} error={agenda.error} />
      {data && data.entries.length === 0 && <Text c="dimmed">{t('dunning.page.agendaEmpty')}</Text>}
      {data && data.entries.length > 0 && (
        <HorizontalScroll minWidth={1100}>
          <Table striped data-testid="dunning-agenda">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dunning.page.rank')}</Table.Th>
                <Table.Th>{t('dunning.page.customer')}</Table.Th>
                <Table.Th>{t('agenda.page.collectorColumn')}</Table.Th>
                <Table.Th ta="right">{t('dunning.page.open')}</Table.Th>
                <Table.Th>{t('dunning.page.why')}</Table.Th>
                <Table.Th>{t('dunning.page.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.entries.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((entry) => (
                <Table.Tr key={entry.customerCode}>
                  <Table.Td>
                    {entry.rank}
                    <Text size="xs" c="dimmed" title={t('dunning.page.scoreHelp')}>
                      {t('dunning.page.score', { points: entry.scorePoints })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Link to={`/customers/${encodeURIComponent(entry.customerCode)}`}>
                      {entry.customerName}
                    </Link>
                    <Text size="xs" c="dimmed">
                      {entry.customerCode}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {entry.collector ? (
                        <ActorName actor={entry.collector} nameOf={nameOf} />
                      ) : (
                        t('agenda.page.nobody')
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{money(entry.overdueMinor, entry.currency, lang)}</Table.Td>
                  <Table.Td>
                    <List size="xs">
                      {entry.reasons.map((reason) => (
                        <List.Item key={reason}>{reason}</List.Item>
                      ))}
                    </List>
                    <Group gap={4} mt={4}>
                      {entry.plannedActions.map((a) => (
                        <Badge key={`${a.step}-${a.channel}`} size="xs" variant="light">
                          {stepName(t, label, a)}
                        </Badge>
                      ))}
                      {entry.openTasks.map((task) => (
                        <Badge key={task.taskId} size="xs" color="orange" variant="light">
                          {label('dunningTaskKind', task.kind)}
                        </Badge>
                      ))}
                      {entry.openDisputes.map((d) => (
                        <Badge
                          key={d.documentRef}
                          size="xs"
                          color="red"
                          variant={d.source === 'imported' ? 'outline' : 'light'}
                          component={Link}
                          to="/dunning/disputes"
                          title={
                            d.respondBy ? t('agenda.disputeRespondBy', { date: date(d.respondBy, lang) }) : ''
                          }
                          data-testid="agenda-dispute"
                        >
                          {agendaDisputeName(t, label, d)}
                        </Badge>
                      ))}
                      {entry.heldOrders.map((order) => (
                        <Badge
                          key={order.orderRef}
                          size="xs"
                          color="grape"
                          variant="light"
                          title={order.reasons.join(' · ')}
                        >
                          {t('agenda.heldOrder', {
                            order: order.orderRef,
                            amount: money(order.amountMinor, order.currency, lang),
                          })}
                        </Badge>
                      ))}
                      {entry.limitRequests.map((request) => (
                        <Badge key={request.requestId} size="xs" color="grape" variant="light">
                          {t('agenda.limitRequest', {
                            amount: money(request.requestedMinor, request.currency, lang),
                          })}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <EntryActions
                      entry={entry}
                      asOf={data.asOf}
                      onDone={(message) => {
                        setNotice(message);
                        agenda.reload();
                      }}
                    />
                    {collecting && (
                      <EntryDecisions
                        entry={entry}
                        asOf={data.asOf}
                        collectors={data.collectors}
                        onDone={(message) => {
                          setNotice(message);
                          agenda.reload();
                        }}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroll>
      )}
      {data && (
        <PageNumbers total={data.entries.length} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
      )}
    </Stack>
  );
}
