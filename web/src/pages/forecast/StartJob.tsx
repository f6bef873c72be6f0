/**
 * A button that starts a job from the forecast page and follows it until it ends, then reloads
 * the section the job changes: one request every 2 s while the job is queued or running, none after.
 */
import { Button, Group, Text } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import type { Job } from '../../../../src/http/schemas/jobs.ts';
import { api, problemText } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { useJobPolling } from '../../use-job-polling.ts';

const FINISHED = new Set<string>(['succeeded', 'failed', 'cancelled']);
const FOLLOW_MS = 2000;

/**
 * Follows a job started from the page: its state every 2 s while it is queued or running, and no
 * request once it has ended (then `onFinished` reloads what the job changed) or once the server
 * refuses to say (a 4xx: the session ended, the job is gone), so nothing is asked for ever.
 */
function useFollowedJob(onFinished: () => void): [Job | null, (job: Job) => void, string | null] {
  const [job, setJob] = useState<Job | null>(null);
  const [lost, setLost] = useState<string | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const running = job !== null && !FINISHED.has(job.status) && lost === null;
  useJobPolling(
    job?.id,
    running,
    FOLLOW_MS,
    (next) => {
      setJob(next);
      if (FINISHED.has(next.status)) finished.current();
    },
    (error) => setLost(problemText(error)),
  );
  const start = useCallback((started: Job) => {
    setLost(null);
    setJob(started);
  }, []);
  return [job, start, lost];
}

export function StartJob({
  kind,
  payload,
  label,
  onFinished,
}: {
  kind: string;
  payload: object;
  label: string;
  onFinished(): void;
}) {
  const { t, label: codeLabel } = useI18n();
  const [job, setJob, lost] = useFollowedJob(onFinished);
  const [failure, setFailure] = useState<string | null>(null);
  const running = job !== null && !FINISHED.has(job.status) && lost === null;
  const start = async () => {
    setFailure(null);
    try {
      setJob(await api<Job>('/api/jobs', { method: 'POST', body: { kind, payload } }));
    } catch (error) {
      setFailure(problemText(error));
    }
  };
  const message =
    failure ??
    lost ??
    (job && t('forecast.page.jobState', { id: job.id, status: codeLabel('jobStatus', job.status) }));
  return (
    <Group gap="xs">
      <Button variant="light" size="xs" onClick={start} loading={running}>
        {label}
      </Button>
      {message && (
        <Text
          size="xs"
          c={job?.status === 'failed' || failure || lost ? 'red' : 'dimmed'}
          data-testid="forecast-job"
        >
          {message}
        </Text>
      )}
    </Group>
  );
}
