/**
 * The dispatcher of a server process: a pass every few seconds, and one right after a nudge.
 * A nudge comes from the port while the enqueuing transaction is still open; on the embedded
 * engine (one connection) the pass simply waits for the commit, on a PostgreSQL server it may
 * run before it, so two follow-up passes come shortly after. Passes never overlap.
 */
import type { Runtime } from '../runtime.ts';
import { type DispatchDeps, type DispatchResult, dispatchOutbox } from './dispatch.ts';
import type { MailSignal } from './mail-port.ts';
import { createSmtpTransport, type SmtpSettings } from './smtp.ts';

export interface MailDispatcher {
  /** Resolves after the current pass (if any) and no further pass will start. */
  stop(): Promise<void>;
}

export interface DispatcherOptions {
  intervalMs?: number;
  /** Delays of the passes that follow a nudge. */
  followUpMs?: readonly number[];
  onPass?: (result: DispatchResult) => void;
}

export function startMailDispatcher(
  deps: DispatchDeps,
  signal: MailSignal,
  options: DispatcherOptions = {},
): MailDispatcher {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();

  const pass = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const result = await dispatchOutbox(deps);
          options.onPass?.(result);
          if (result.sent + result.failed + result.held > 0) deps.log.info('mail dispatch', { ...result });
        } catch (error) {
          deps.log.error('mail dispatch failed', { error: (error as Error).message });
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };

  const later = (delayMs: number): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      pass();
    }, delayMs);
    timer.unref();
    timers.add(timer);
  };

  const interval = setInterval(pass, options.intervalMs ?? 5_000);
  interval.unref();
  const unsubscribe = signal.subscribe(() => {
    setImmediate(pass);
    for (const delayMs of options.followUpMs ?? [250, 1_000]) later(delayMs);
  });
  pass();

  return {
    async stop() {
      stopped = true;
      clearInterval(interval);
      unsubscribe();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await running;
      deps.transport?.close?.();
    },
  };
}

/**
 * The dispatcher of `encours serve`: over SMTP when configured, otherwise one that holds due
 * messages (kept, readable and exportable; sent on request once a server is configured).
 */
export function startOutboxDispatcher(
  runtime: Pick<Runtime, 'handle' | 'clock' | 'log' | 'mailSignal'>,
  smtp: SmtpSettings | null,
  options: DispatcherOptions = {},
): MailDispatcher {
  return startMailDispatcher(
    {
      db: runtime.handle.db,
      clock: runtime.clock,
      log: runtime.log,
      transport: smtp ? createSmtpTransport(smtp) : null,
    },
    runtime.mailSignal,
    options,
  );
}
