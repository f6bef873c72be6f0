/**
 * A job worker: the runner and the scheduler together, as `encours jobs worker` and
 * `encours serve` run them. The same code runs as separate worker processes against a server.
 */
import { installForecastSchedules } from '../forecast/forecast-schedule.ts';
import type { Runtime } from '../runtime.ts';
import { createJobRunner, type JobRunner, type RunnerOptions } from './runner.ts';
import { tickSchedules } from './schedules.ts';

export interface JobWorker {
  runner: JobRunner;
  stop(): Promise<void>;
}

/** Runner options that fit the runtime's engine (see `exclusive` in runner.ts). */
export function runnerOptionsFor(runtime: Runtime, options: RunnerOptions = {}): RunnerOptions {
  return { exclusive: runtime.handle.kind !== 'postgres', ...options };
}

export function runnerFor(runtime: Runtime, options: RunnerOptions = {}): JobRunner {
  return createJobRunner(
    {
      db: runtime.handle.db,
      log: runtime.log,
      contextFor: (companyId, actor) => runtime.contextFor(companyId, actor),
    },
    runnerOptionsFor(runtime, options),
  );
}

export function startJobWorker(
  runtime: Runtime,
  options: RunnerOptions & { tickSeconds?: number } = {},
): JobWorker {
  const runner = runnerFor(runtime, options);
  runner.start();
  let ticking: Promise<unknown>;
  const tick = () => {
    ticking = tickSchedules({ db: runtime.handle.db }, runtime.clock.now()).catch((error: unknown) =>
      runtime.log.error('job scheduler: tick failed', { error: String(error) }),
    );
  };
  // The companies without their weekly forecast schedule get it before the first tick.
  ticking = installForecastSchedules(runtime.handle.db, 'system', runtime.clock.now())
    .catch((error: unknown) =>
      runtime.log.error('job scheduler: installing the forecast schedules failed', { error: String(error) }),
    )
    .then(() => {
      tick();
      return ticking;
    });
  const timer = setInterval(tick, (options.tickSeconds ?? 15) * 1000);
  timer.unref();
  return {
    runner,
    async stop() {
      clearInterval(timer);
      await ticking;
      await runner.stop();
    },
  };
}
