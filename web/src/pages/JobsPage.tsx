/**
 * Jobs: what runs or ran for the company with its progress (refreshed while something is queued
 * or running), cancellation, starting a kind the role may start, and the schedules.
 */

import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import type { Job, JobKinds, JobPage, Schedule } from '../../../src/http/schemas/jobs.ts';
import { actorEmail } from '../../../src/text/actor-name.ts';
import { auditActorLabel } from '../../../src/text/audit.ts';
import { api, problemText } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ActorName, useActorName } from '../components/ActorName.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { dateTime } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { useApi } from '../use-api.ts';

const REFRESH_MS = 2000;
const STATUS_COLOURS: Record<Job['status'], string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'yellow',
};

function JobProgress({ job }: { job: Job }) {
  const { t } = useI18n();
  const { done, total } = job.progress;
  if (total === null) return <Text c="dimmed">—</Text>;
  const percent = total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <Stack gap={2} miw={160}>
      <Progress value={percent} animated={job.status === 'running'} aria-label={t('jobs.progress')} />
      <Text size="xs" c="dimmed">
        {t('jobs.progressCount', { done, total })}
      </Text>
    </Stack>
  );
}

function JobOutcome({ job }: { job: Job }) {
  const { t } = useI18n();
  if (job.error) return <Text c="red">{t('jobs.error', { message: job.error })}</Text>;
  const result = job.result as {
    customersChecked?: number;
    customersDiffering?: number;
    differences?: { customerCode: string }[];
  } | null;
  if (job.kind !== 'ledger.verify' || result?.customersChecked === undefined) return null;
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t('jobs.result.ledgerVerify', {
          checked: result.customersChecked,
          differing: result.customersDiffering ?? 0,
        })}
      </Text>
      {result.differences?.length ? (
        <Text size="xs" c="red">
          {t('jobs.result.differingCustomers', {
            codes: result.differences.map((d) => d.customerCode).join(', '),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}

function StartJob({ kinds, onStarted }: { kinds: string[]; onStarted(): void }) {
  const { t, label } = useI18n();
  const [kind, setKind] = useState<string | null>(kinds[0] ?? null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const start = async () => {
    if (!kind) return;
    try {
      const job = await api<Job>('/api/jobs', { method: 'POST', body: { kind } });
      setMessage({ ok: true, text: t('jobs.started', { id: job.id, kind: label('jobKind', job.kind) }) });
      onStarted();
    } catch (failure) {
      setMessage({ ok: false, text: problemText(failure) });
    }
  };
  if (kinds.length === 0) return null;
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <Select
          label={t('jobs.startKind')}
          value={kind}
          onChange={setKind}
          data={kinds.map((value) => ({ value, label: label('jobKind', value) }))}
          w={320}
        />
        <Button onClick={start}>{t('jobs.start')}</Button>
      </Group>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role="status">
          {message.text}
        </Alert>
      )}
    </Stack>
  );
}

function JobsTable({ page, canWrite, onChange }: { page: JobPage; canWrite: boolean; onChange(): void }) {
  const { t, label, lang } = useI18n();
  // A person who started a job by name (their e-mail in a tooltip), a machine actor by the log's words.
  const nameOf = useActorName();
  if (page.items.length === 0) return <Text c="dimmed">{t('jobs.none')}</Text>;
  const cancel = async (id: number) => {
    await api<Job>(`/api/jobs/${id}/cancel`, { method: 'POST' }).catch(() => undefined);
    onChange();
  };
  return (
    <Table striped data-testid="jobs-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('jobs.id')}</Table.Th>
          <Table.Th>{t('jobs.kind')}</Table.Th>
          <Table.Th>{t('jobs.status')}</Table.Th>
          <Table.Th>{t('jobs.progress')}</Table.Th>
          <Table.Th>{t('jobs.createdBy')}</Table.Th>
          <Table.Th>{t('jobs.createdAt')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {page.items.map((job) => (
          <Table.Tr key={job.id}>
            <Table.Td>{job.id}</Table.Td>
            <Table.Td>
              <Stack gap={2}>
                <Text size="sm">{label('jobKind', job.kind)}</Text>
                <JobOutcome job={job} />
              </Stack>
            </Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLOURS[job.status]}>{label('jobStatus', job.status)}</Badge>
            </Table.Td>
            <Table.Td>
              <JobProgress job={job} />
            </Table.Td>
            <Table.Td>
              {actorEmail(job.createdBy) ? (
                <ActorName actor={job.createdBy} nameOf={nameOf} />
              ) : (
                auditActorLabel(lang, job.createdBy)
              )}
            </Table.Td>
            <Table.Td>{dateTime(job.createdAt, lang)}</Table.Td>
            <Table.Td>
              {canWrite && (job.status === 'queued' || job.status === 'running') && !job.cancelRequested && (
                <Button size="xs" variant="light" color="red" onClick={() => cancel(job.id)}>
                  {t('jobs.cancel')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Schedules({ kinds, canWrite }: { kinds: string[]; canWrite: boolean }) {
  const { t, label, lang } = useI18n();
  const schedules = useApi<Schedule[]>('/api/jobs/schedules');
  const [kind, setKind] = useState<string | null>(kinds[0] ?? null);
  const [cron, setCron] = useState('0 2 * * *');
  const [timeZone, setTimeZone] = useState('Europe/Paris');
  const [error, setError] = useState<string | null>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api<Schedule>('/api/jobs/schedules', { method: 'POST', body: { kind, cron, timeZone } });
      schedules.reload();
    } catch (failure) {
      setError(problemText(failure));
    }
  };
  const change = async (path: string, method: string, body?: unknown) => {
    await api(path, { method, body }).catch((failure: unknown) => setError(problemText(failure)));
    schedules.reload();
  };
  // The schedule's wall-clock time in its own zone, whatever the browser's: `0 6 * * 1` reads 06:00.
  const when = (instant: string | null, zone: string) =>
    instant ? `${dateTime(instant, lang, zone)} (${zone})` : '—';
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{t('jobs.schedules')}</Title>
        <LoadState loading={schedules.loading} error={schedules.error} />
        {schedules.data?.length === 0 && <Text c="dimmed">{t('jobs.noSchedules')}</Text>}
        {schedules.data?.length ? (
          <Table data-testid="schedules-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('jobs.kind')}</Table.Th>
                <Table.Th>{t('jobs.cron')}</Table.Th>
                <Table.Th>{t('jobs.nextFire')}</Table.Th>
                <Table.Th>{t('jobs.lastFire')}</Table.Th>
                <Table.Th>{t('jobs.enabled')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schedules.data.map((schedule) => (
                <Table.Tr key={schedule.id}>
                  <Table.Td>{label('jobKind', schedule.kind)}</Table.Td>
                  <Table.Td>
                    <code>{schedule.cron}</code>
                  </Table.Td>
                  <Table.Td>{when(schedule.nextFireAt, schedule.timeZone)}</Table.Td>
                  <Table.Td>{when(schedule.lastFiredAt, schedule.timeZone)}</Table.Td>
                  <Table.Td>
                    <Switch
                      checked={schedule.enabled}
                      disabled={!canWrite}
                      aria-label={t('jobs.enabled')}
                      onChange={(e) =>
                        change(`/api/jobs/schedules/${schedule.id}`, 'PATCH', {
                          enabled: e.currentTarget.checked,
                        })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    {canWrite && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => change(`/api/jobs/schedules/${schedule.id}`, 'DELETE')}
                      >
                        {t('jobs.removeSchedule')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        {canWrite && kinds.length > 0 && (
          <form onSubmit={add}>
            <Group align="flex-end">
              <Select
                label={t('jobs.kind')}
                value={kind}
                onChange={setKind}
                data={kinds.map((value) => ({ value, label: label('jobKind', value) }))}
                w={280}
              />
              <TextInput
                label={t('jobs.cron')}
                description={t('jobs.cronHelp')}
                value={cron}
                onChange={(e) => setCron(e.currentTarget.value)}
                w={260}
              />
              <TextInput
                label={t('jobs.timeZone')}
                value={timeZone}
                onChange={(e) => setTimeZone(e.currentTarget.value)}
                w={180}
              />
              <Button type="submit">{t('jobs.addSchedule')}</Button>
            </Group>
          </form>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

export function JobsPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const canWrite = me?.user.role === 'admin' || me?.user.role === 'credit_manager';
  const jobs = useApi<JobPage>('/api/jobs?limit=50');
  const kinds = useApi<JobKinds>('/api/jobs/kinds');
  const active = jobs.data?.items.some((job) => job.status === 'queued' || job.status === 'running') ?? false;
  const { reload } = jobs;
  // Progress moves on the server: poll only while something is queued or running.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [active, reload]);
  const startable = canWrite ? (kinds.data?.kinds ?? []) : [];
  return (
    <Stack>
      <Title order={2}>{t('jobs.title')}</Title>
      <Text c="dimmed">{t('jobs.intro')}</Text>
      <StartJob key={startable.join()} kinds={startable} onStarted={reload} />
      {jobs.data ? (
        <JobsTable page={jobs.data} canWrite={canWrite} onChange={reload} />
      ) : (
        <LoadState loading={jobs.loading} error={jobs.error} />
      )}
      <Schedules key={startable.join()} kinds={startable} canWrite={canWrite} />
    </Stack>
  );
}
