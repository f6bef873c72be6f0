/**
 * Following a job the page waits for: its state is asked every `periodMs` while `following`, and
 * never after. A lost answer or a busy server (503, 429) is asked again at the next tick; a server
 * that refuses to say (another 4xx: the session ended, the job is gone) stops the following through
 * `onRefused`, so nothing is asked for ever. Used by the forecast page's jobs and the cash matching.
 */
import { useEffect, useRef } from 'react';
import type { Job } from '../../src/http/schemas/jobs.ts';
import { ApiError, api } from './api.ts';

export function useJobPolling(
  jobId: number | undefined,
  following: boolean,
  periodMs: number,
  onState: (job: Job) => void,
  onRefused: (error: ApiError) => void,
): void {
  // The latest callbacks, without restarting the timer each render.
  const handlers = useRef({ onState, onRefused });
  handlers.current = { onState, onRefused };
  useEffect(() => {
    if (!following || jobId === undefined) return;
    let current = true;
    const timer = setInterval(() => {
      api<Job>(`/api/jobs/${jobId}`)
        .then((next) => {
          if (current) handlers.current.onState(next);
        })
        .catch((error: unknown) => {
          if (
            current &&
            error instanceof ApiError &&
            error.status >= 400 &&
            error.status < 500 &&
            error.status !== 429
          )
            handlers.current.onRefused(error);
        });
    }, periodMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [following, jobId, periodMs]);
}
