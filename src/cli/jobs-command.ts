/**
 * `encours jobs start|list|show|cancel|worker`, and `jobs schedule` (jobs-schedule-command.ts).
 * `start --wait` runs the job in this process (a progress bar on a terminal, progress lines on
 * stderr otherwise); interrupted, it hands the job back to the queue, where `jobs worker`
 * resumes it from its checkpoint.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { AppContext } from '#app/context';
import { cancelJob, getJob, type JobView, jobKinds, listJobs, startJob } from '#app/jobs/jobs';
import type { JobProgressEvent } from '#app/jobs/runner';
import { runnerFor, startJobWorker } from '#app/jobs/worker';
import type { Runtime } from '#app/runtime';
import { type Lang, label, translator } from '#text/catalogue';
import { formatDateTime } from '#text/format';
import { help, helpIn, helpLang } from './help-words.ts';
import { registerScheduleCommands } from './jobs-schedule-command.ts';
import { companyContext, jobId, langOf, parseJson, positiveNumber } from './jobs-values.ts';
import { printJson, printTable } from './output.ts';
import { globalOptions, withRuntime } from './shared.ts';

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

/** One line a person reads: status, progress and, when done, what the job found. */
export function describeJob(lang: Lang, job: JobView): string {
  const t = translator(lang);
  const parts = [`#${job.id}`, label(lang, 'jobKind', job.kind), label(lang, 'jobStatus', job.status)];
  if (job.progress.total !== null)
    parts.push(t('jobs.progressCount', { done: job.progress.done, total: job.progress.total }));
  const result = job.result as { customersChecked?: number; customersDiffering?: number } | null;
  if (job.kind === 'ledger.verify' && result?.customersChecked !== undefined)
    parts.push(
      t('jobs.result.ledgerVerify', {
        checked: result.customersChecked,
        differing: result.customersDiffering,
      }),
    );
  if (job.error) parts.push(t('jobs.error', { message: job.error }));
  return parts.join(' · ');
}

function progressPrinter(lang: Lang): { update(event: JobProgressEvent): void; stop(): void } {
  const t = translator(lang);
  if (!process.stderr.isTTY) {
    // One line per step: readable in a log, and what a supervising process (or a test) watches.
    return {
      update: (event) =>
        process.stderr.write(
          `${label(lang, 'jobKind', event.kind)} #${event.jobId}: ${t('jobs.progressCount', { done: event.done, total: event.total ?? 0 })}\n`,
        ),
      stop() {},
    };
  }
  const bar = new SingleBar({ format: '{kind} [{bar}] {percentage}% · {value}/{total}', hideCursor: true });
  let started = false;
  return {
    update(event) {
      if (!started) bar.start(event.total ?? 0, event.done, { kind: label(lang, 'jobKind', event.kind) });
      started = true;
      bar.setTotal(event.total ?? 0);
      bar.update(event.done);
    },
    stop: () => started && bar.stop(),
  };
}

/** Runs the job here; if another worker holds it, follows it in the database until it ends. */
async function waitFor(
  runtime: Runtime,
  ctx: AppContext,
  job: JobView,
  lang: Lang,
  leaseSeconds: number,
): Promise<JobView> {
  const printer = progressPrinter(lang);
  const runner = runnerFor(runtime, { leaseSeconds, onProgress: (event) => printer.update(event) });
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    void runner.stop();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    let current = job;
    while (!FINISHED.has(current.status) && !interrupted) {
      const ran = await runner.runNext({ companyId: ctx.companyId, jobId: job.id });
      current = await getJob(ctx, job.id, lang);
      if (!ran && !FINISHED.has(current.status) && !interrupted) await sleep(1000);
    }
    return current;
  } finally {
    printer.stop();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

/** Every job kind with its name in the catalogue, one a line (`jobs start --help`). */
export function kindsHelp(lang: Lang): string {
  const kinds = jobKinds();
  const width = Math.max(...kinds.map((kind) => kind.length));
  const lines = kinds.map((kind) => `  ${kind.padEnd(width)}  ${label(lang, 'jobKind', kind)}`);
  return `\n${helpIn(lang)('cliHelp.jobs.start.kinds')}\n${lines.join('\n')}`;
}

export function registerJobsCommand(program: Command): void {
  // The kinds are listed when the help is shown, in the language the help is built in.
  const kindsLang = helpLang();
  const jobs = program
    .command('jobs')
    .description(help('cliHelp.jobs.description'))
    .option('--lang <lang>', help('cliHelp.shared.langText'), 'fr');

  jobs
    .command('start <kind>')
    .description(help('cliHelp.jobs.start.description'))
    // From the registry, so that a new kind is listed without anyone editing this text.
    .addHelpText('after', () => kindsHelp(kindsLang))
    .option('--payload <json>', help('cliHelp.jobs.start.option.payload'))
    .option('--wait', help('cliHelp.jobs.start.option.wait'))
    .option('--lease-seconds <n>', help('cliHelp.jobs.start.option.lease-seconds'), '30')
    .action(async (kind: string, options, command: Command) => {
      const lang = langOf(command);
      const payload = parseJson(options.payload, '--payload');
      const leaseSeconds = positiveNumber(options.leaseSeconds, '--lease-seconds', 30);
      const job = await withRuntime(command, async (runtime) => {
        const ctx = await companyContext(runtime, command);
        const started = await startJob(ctx, { kind, payload });
        return options.wait ? waitFor(runtime, ctx, started, lang, leaseSeconds) : started;
      });
      if (globalOptions(command).json) printJson(job);
      else process.stdout.write(`${describeJob(lang, job)}\n`);
      if (job.status === 'failed') process.exitCode = 1;
    });

  jobs
    .command('list')
    .description(help('cliHelp.jobs.list.description'))
    .option('--status <status>', help('cliHelp.jobs.list.option.status'))
    .option('--kind <kind>', help('cliHelp.jobs.list.option.kind'))
    .option('--limit <n>', help('cliHelp.jobs.list.option.limit'), '50')
    .action(async (options, command: Command) => {
      const lang = langOf(command);
      const limit = positiveNumber(options.limit, '--limit', 50);
      const page = await withRuntime(command, async (runtime) =>
        listJobs(await companyContext(runtime, command), {
          status: options.status,
          kind: options.kind,
          limit,
          lang,
        }),
      );
      if (globalOptions(command).json) return printJson(page);
      const t = translator(lang);
      printTable(page.items, [
        { header: t('jobs.id'), value: (job) => String(job.id), align: 'right' },
        { header: t('jobs.kind'), value: (job) => label(lang, 'jobKind', job.kind) },
        { header: t('jobs.status'), value: (job) => label(lang, 'jobStatus', job.status) },
        {
          header: t('jobs.progress'),
          value: (job) =>
            job.progress.total === null
              ? '—'
              : t('jobs.progressCount', { done: job.progress.done, total: job.progress.total }),
          align: 'right',
        },
        { header: t('jobs.createdBy'), value: (job) => job.createdBy },
        { header: t('jobs.createdAt'), value: (job) => formatDateTime(lang, job.createdAt) },
      ]);
    });

  jobs
    .command('show <id>')
    .description(help('cliHelp.jobs.show.description'))
    .action(async (id: string, _options, command: Command) => {
      const lang = langOf(command);
      const job = await withRuntime(command, async (runtime) =>
        getJob(await companyContext(runtime, command), jobId(id), lang),
      );
      if (globalOptions(command).json) return printJson(job);
      process.stdout.write(`${describeJob(lang, job)}\n`);
      const differences = (job.result as { differences?: { customerCode: string }[] } | null)?.differences;
      if (differences?.length)
        process.stdout.write(
          `${translator(lang)('jobs.result.differingCustomers', { codes: differences.map((d) => d.customerCode).join(', ') })}\n`,
        );
    });

  jobs
    .command('cancel <id>')
    .description(help('cliHelp.jobs.cancel.description'))
    .action(async (id: string, _options, command: Command) => {
      const job = await withRuntime(command, async (runtime) =>
        cancelJob(await companyContext(runtime, command), jobId(id)),
      );
      if (globalOptions(command).json) return printJson(job);
      process.stdout.write(`${translator(langOf(command))('jobs.cancelRequested', { id: job.id })}\n`);
    });

  jobs
    .command('worker')
    .description(help('cliHelp.jobs.worker.description'))
    .option('--lease-seconds <n>', help('cliHelp.jobs.worker.option.lease-seconds'), '30')
    .option('--poll-seconds <n>', help('cliHelp.jobs.worker.option.poll-seconds'), '2')
    .option('--tick-seconds <n>', help('cliHelp.jobs.worker.option.tick-seconds'), '15')
    .option('--exit-when-idle', help('cliHelp.jobs.worker.option.exit-when-idle'))
    .action(async (options, command: Command) => {
      const lang = langOf(command);
      const settings = {
        leaseSeconds: positiveNumber(options.leaseSeconds, '--lease-seconds', 30),
        pollSeconds: positiveNumber(options.pollSeconds, '--poll-seconds', 2),
        tickSeconds: positiveNumber(options.tickSeconds, '--tick-seconds', 15),
      };
      await withRuntime(command, async (runtime) => {
        if (options.exitWhenIdle) return runnerFor(runtime, settings).drain();
        process.stderr.write(`${translator(lang)('jobs.cli.workerStarted')}\n`);
        const worker = startJobWorker(runtime, settings);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await worker.stop();
      });
    });

  registerScheduleCommands(jobs);
}
