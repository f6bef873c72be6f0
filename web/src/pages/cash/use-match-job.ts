/**
 * The cash matching job (`cash.match`) the page follows: the one a statement import queued (its
 * `matchJobId`), or one already queued or running when the page opens. Its state is asked every
 * 3 s while it is queued or running and never after (`useJobPolling`); when it ends, `onFinished`
 * reloads the receipts it applied or suggested.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Job, JobPage } from '../../../../src/http/schemas/jobs.ts';
import { api } from '../../api.ts';
import { useJobPolling } from '../../use-job-polling.ts';

export const CASH_MATCH_KIND = 'cash.match';
const FOLLOW_MS = 3000;
const ACTIVE = new Set<string>(['queued', 'running']);

export const isActive = (job: Job | null): job is Job => job !== null && ACTIVE.has(job.status);

export function useMatchJob(onFinished: (job: Job) => void): {
  job: Job | null;
  follow(jobId: number): void;
} {
  const [job, setJob] = useState<Job | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  // A job already at work when the page opens (an import from another tab, a schedule).
  useEffect(() => {
    let current = true;
    api<JobPage>(`/api/jobs?kind=${CASH_MATCH_KIND}&limit=1`)
      .then((page) => {
        const latest = page.items[0];
        if (current && latest && ACTIVE.has(latest.status)) setJob(latest);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  useJobPolling(
    job?.id,
    isActive(job),
    FOLLOW_MS,
    (next) => {
      setJob(next);
      if (!ACTIVE.has(next.status)) finished.current(next);
    },
    () => setJob(null),
  );
  const follow = useCallback((jobId: number) => {
    api<Job>(`/api/jobs/${jobId}`)
      .then((started) => {
        setJob(started);
        if (!ACTIVE.has(started.status)) finished.current(started);
      })
      .catch(() => undefined);
  }, []);
  return { job, follow };
}

/** What the matching job found, as its result gives it (shape of `cash.match`). */
interface MatchJobResult {
  applied: number;
  suggested: number;
  unmatched: number;
}

/** A message of the catalogue and its arguments: worded when shown, so it follows a change of language. */
export interface Said {
  key: string;
  params: Record<string, string | number>;
}

/** What to say of a matching job that ended: its counts, or why it failed (null while it runs). */
export function endOfJob(job: Job): { ok: boolean; said: Said } | null {
  if (job.status === 'failed')
    return { ok: false, said: { key: 'cash.page.matchJobFailed', params: { error: job.error ?? '' } } };
  if (job.status !== 'succeeded') return null;
  const result = (job.result ?? {}) as Partial<MatchJobResult>;
  return {
    ok: true,
    said: {
      key: 'cash.page.matchJobDone',
      params: {
        applied: result.applied ?? 0,
        suggested: result.suggested ?? 0,
        unmatched: result.unmatched ?? 0,
      },
    },
  };
}
