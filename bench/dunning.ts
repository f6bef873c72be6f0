/**
 * A dunning run at scale on PostgreSQL (100,000 customers, 1,000,000 invoices by default, the
 * scale company): the preview a collector asks for (planned a slice of customers at a time: read
 * the slice's dunning state, plan, build the view) end to end, the old whole-at-once read and plan
 * apart (its memory, for comparison), then the run itself once (`carryOutDunningRun`: plan in
 * slices, store the actions and their items, compose and enqueue the e-mails, store each letter
 * and e-mail statement as a PDF job, tasks, audit) and finally the deferred PDFs laid out for a
 * sample of the run's letters, extrapolated to all of them. Median, min and max of 3 previews, the
 * load average, the peak heap and RSS seen during each part. On a database of its own with a
 * unique name, dropped afterwards; never a timed test.
 * `node --expose-gc bench/dunning.ts [--customers N] [--invoices M] [--runs R]` (or `npm run bench --
 * --only dunning`; without --expose-gc the baseline heap still holds the loading's garbage).
 * `--skip-at-once` leaves the old whole-at-once read out, `--skip-preview` the preview,
 * `--skip-digest` the stored rows' digest (minutes at 1,000,000 open items on a loaded machine);
 * `--gc-per-slice` collects garbage after each slice of the run and records the heap then (what the
 * run holds, flat or not); `--statements` sums each statement's time by kind and reads the server
 * backends' CPU (`db-profile.ts`: the pool's; `allBackendsCpuSeconds`: every backend of the
 * database, the run's reader included, `dunning-backends.ts`); `--open-items N` first takes customer payments out of the bench's
 * own copy until about N items are open (`reopen-items.ts`: the state rebuilt and checked against
 * the ledger). The preview's and the
 * run's digests tell whether a change of the code changed what is planned or stored.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { findCompany } from '#app/companies/companies';
import { fixedClock, silentLogger } from '#app/context';
import { loadScaleCompany } from '#app/demo/demo';
import { carryOutDunningRun } from '#app/dunning/execute-run';
import { letterContent } from '#app/dunning/letter-content';
import { loadPlanData, type PlanData } from '#app/dunning/plan-data';
import { previewDunningRun, resolveRunDate } from '#app/dunning/plan-run';
import { openRuntime } from '#app/runtime';
import { planDunning } from '#core/dunning/planner';
import { selectActions } from '#db/dunning/action-queries';
import { selectLetter } from '#db/dunning/letter-queries';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { modelsOfJob } from '#render/letter-job';
import { type LetterModel, renderLetters } from '#render/letters';
import { closePdfWorkers } from '#render/pdf-pool';
import { withPostgres } from './analytics.ts';
import { DatabaseProfile } from './db-profile.ts';
import { BackendCpuSampler } from './dunning-backends.ts';
import { reopenItems } from './reopen-items.ts';
import { loadAverage, measure, type Timing } from './stats.ts';

export interface DunningBenchOptions {
  customers?: number;
  invoices?: number;
  runs?: number;
  /** Letters of the run laid out to time the deferred PDFs (the rest extrapolated). */
  sampleLetters?: number;
  serverUrl?: string | undefined;
  /** A database kept between runs (`--keep-database NAME`): the scale company is loaded once. */
  keepDatabase?: string | undefined;
  /** Leave out the old whole-at-once read and its planner (kept for comparison only). */
  skipAtOnce?: boolean | undefined;
  /** Leave the preview out (the run's figures only: a preview at 1,000,000 open items takes minutes). */
  skipPreview?: boolean | undefined;
  /** Collect garbage after each slice of the run and record the heap then (the run's live heap). */
  gcPerSlice?: boolean | undefined;
  /** Time each statement of the preview and the run and read the server backends' CPU. */
  statements?: boolean | undefined;
  /** About this many items left open by taking payments out of the copy first (`reopen-items.ts`). */
  openItems?: number | undefined;
  /** Leave the stored rows' digest out (minutes at 1,000,000 open items on a loaded machine). */
  skipDigest?: boolean | undefined;
}

const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);

/** `measure` plus the CPU time this process spent per run (the database server's not counted). */
async function measureCpu(
  work: () => Promise<unknown>,
  runs: number,
): Promise<Timing & { cpuSeconds: number }> {
  const before = process.cpuUsage();
  const timing = await measure(work, runs, false);
  const used = process.cpuUsage(before);
  return { ...timing, cpuSeconds: Math.round((used.user + used.system) / runs / 1e4) / 100 };
}

/** With `node --expose-gc`, collect first so the baseline heap is what the process really holds. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Peak heap and RSS while `work` runs, sampled every 20 ms (a lower bound of the true peak). */
async function withPeakMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; heapMb: number; rssMb: number }> {
  let heap = process.memoryUsage().heapUsed;
  let rss = process.memoryUsage().rss;
  const sample = () => {
    const usage = process.memoryUsage();
    heap = Math.max(heap, usage.heapUsed);
    rss = Math.max(rss, usage.rss);
  };
  const timer = setInterval(sample, 20);
  try {
    const result = await work();
    sample();
    return { result, heapMb: megabytes(heap), rssMb: megabytes(rss) };
  } finally {
    clearInterval(timer);
  }
}

/** What a preview planned (a function, so that the view is garbage once counted). */
function viewCounts(view: Awaited<ReturnType<typeof previewDunningRun>>) {
  return {
    actions: view.actions.length,
    items: view.actions.reduce((sum, action) => sum + action.items.length, 0),
    skipped: view.skipped.length,
    customersReminded: new Set(view.actions.map((a) => a.customerCode)).size,
  };
}

type Company = Parameters<typeof carryOutDunningRun>[0];

/** What one more preview planned, and its digest (in a function: the view is garbage once counted). */
async function previewFigures(company: Company, asOf: string) {
  const view = await previewDunningRun(company, { asOf });
  return { ...viewCounts(view), digest: previewDigest(view) };
}

/** A digest of everything a preview answers: the same plan before and after a change of the code. */
function previewDigest(view: Awaited<ReturnType<typeof previewDunningRun>>): string {
  const hash = createHash('sha256');
  for (const action of view.actions) hash.update(JSON.stringify(action));
  for (const skipped of view.skipped) hash.update(JSON.stringify(skipped));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A digest of what the run stored (its actions with their items, letters, e-mails and attachments,
 * the customers' story lines, tasks and counts), ids and instants left out and rows taken in a
 * stable order: the same run before and after a change of the code.
 */
async function runDigest(company: Company, runId: number, asOf: string) {
  const result = await sql<{
    digest: string;
    actions: string | null;
    events: string | null;
    tasks: string | null;
    run: string | null;
  }>`
    with actions as (
      select md5(concat_ws('|', a.customer_code, a.action_date, a.policy_code, a.policy_version,
        a.step_code, a.step_kind, a.level, a.channel, a.lang, a.currency, a.open_total_minor,
        a.interest_total_minor, a.indemnity_total_minor, a.credits_minor, a.total_due_minor,
        a.interest_incomplete, a.status, a.origin, a.sms_text, l.filename, l.render_job::text,
        m.idempotency_key, m.category, m.from_address, m.to_addresses::text, m.reply_to, m.subject,
        m.text_body, m.html_body, m.customer_code, m.document_ref, m.status,
        (select string_agg(concat_ws('|', t.position, t.filename, t.content_type, t.render_job::text),
            ';' order by t.position)
          from mail_outbox_attachments t where t.company_id = m.company_id and t.outbox_id = m.outbox_id),
        (select string_agg(concat_ws('|', i.document_id, i.document_ref, i.due_date, i.open_minor,
            i.days_late, i.from_level, i.level, i.step_code, i.step_kind, i.interest_status,
            i.interest_minor, i.indemnity_minor), ';' order by i.document_id)
          from dunning_action_items i where i.company_id = a.company_id and i.action_id = a.action_id),
        (select string_agg(concat_ws('|', k.kind, k.due_date, k.status), ';' order by k.task_id)
          from dunning_call_tasks k where k.company_id = a.company_id and k.action_id = a.action_id)
      )) as line
      from dunning_actions a
      left join dunning_letters l on l.company_id = a.company_id and l.letter_id = a.letter_id
      left join mail_outbox m on m.company_id = a.company_id and m.outbox_id = a.outbox_id
      where a.company_id = ${company.companyId} and a.run_id = ${runId}
    ), events as (
      select md5(concat_ws('|', e.customer_code, e.kind, e.event_date, e.document_ref, e.detail)) as line
      from customer_events e
      where e.company_id = ${company.companyId} and e.event_date = ${asOf}::date and e.kind = 'reminder'
    ), tasks as (
      select md5(concat_ws('|', k.customer_code, k.kind, k.due_date, k.status)) as line
      from dunning_call_tasks k where k.company_id = ${company.companyId} and k.action_id is null
    ), run as (
      select md5(concat_ws('|', r.as_of, r.planned_actions, r.sent_actions, r.skipped_items,
        r.tasks_created, l.filename, l.render_job::text)) as line
      from dunning_runs r
      left join dunning_letters l on l.company_id = r.company_id and l.letter_id = r.batch_letter_id
      where r.company_id = ${company.companyId} and r.run_id = ${runId}
    )
    select md5(concat_ws('#',
      (select string_agg(line, ',' order by line) from actions),
      (select string_agg(line, ',' order by line) from events),
      (select string_agg(line, ',' order by line) from tasks),
      (select line from run))) as digest,
      md5((select string_agg(line, ',' order by line) from actions)) as actions,
      md5((select string_agg(line, ',' order by line) from events)) as events,
      md5((select string_agg(line, ',' order by line) from tasks)) as tasks,
      (select line from run) as run`.execute(company.db);
  const row = result.rows[0];
  const short = (text: string | null | undefined) => (text ?? '').slice(0, 16);
  // The parts too: a change of the print batch (the run line) leaves the actions' digest as it was.
  return {
    digest: short(row?.digest),
    parts: {
      actions: short(row?.actions),
      events: short(row?.events),
      tasks: short(row?.tasks),
      run: short(row?.run),
    },
  };
}

/** The run once (a second one the same day sends nothing): wall and CPU time, peak memory, counts. */
async function timeRun(company: Company, asOf: string, gcPerSlice: boolean) {
  const baselineHeapMb = megabytes(process.memoryUsage().heapUsed);
  // With --gc-per-slice, the heap after a forced collection at the end of each slice: what the run
  // really holds then (the sampled peak counts garbage not yet collected).
  const liveHeapMb: number[] = [];
  let forcedGcMs = 0;
  const onSlice = gcPerSlice
    ? () => {
        const gcStarted = performance.now();
        collectGarbage();
        forcedGcMs += performance.now() - gcStarted;
        liveHeapMb.push(megabytes(process.memoryUsage().heapUsed));
      }
    : undefined;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const run = await withPeakMemory(() => carryOutDunningRun(company, { asOf }, { onSlice }));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    seconds: Math.round(seconds * 10) / 10,
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    ...run.result,
    baselineHeapMb,
    peakHeapMb: run.heapMb,
    peakRssMb: run.rssMb,
    ...(gcPerSlice
      ? {
          slices: liveHeapMb.length,
          forcedGcSeconds: Math.round(forcedGcMs / 100) / 10,
          liveHeapAfterSliceMb: { max: Math.max(...liveHeapMb), last: liveHeapMb.at(-1), all: liveHeapMb },
        }
      : {}),
  };
}

/**
 * The deferred PDFs: the first `sample` letters of the run laid out one by one as a download
 * would (in this thread, a single letter being below the pool's weight), and the same letters as
 * one print batch (in the PDF pool, as the batch of a run is); then the time for all the run's
 * letters and e-mail statements at the single-letter pace — an extrapolation, said as such.
 */
async function timeDeferredLetters(company: Company, sample: number, run: unknown) {
  const { runId, letters, emails } = run as { runId: number; letters: number; emails: number };
  const page = await selectActions(company.db, 'SCALE', { runId }, { limit: sample * 3, offset: 0 });
  const ids = page.items.flatMap((a) => (a.letterId === null ? [] : [a.letterId])).slice(0, sample);
  const models: LetterModel[] = [];
  for (const id of ids) {
    const job = (await selectLetter(company.db, 'SCALE', id))?.renderJob;
    if (job) models.push(...modelsOfJob(job));
  }
  const batchStarted = performance.now();
  const batch = await renderLetters(models);
  const batchPerLetterMs = (performance.now() - batchStarted) / Math.max(1, models.length);
  const started = performance.now();
  let bytes = 0;
  for (const id of ids) bytes += (await letterContent(company.db, 'SCALE', id))?.content.length ?? 0;
  const perLetterMs = ids.length === 0 ? 0 : (performance.now() - started) / ids.length;
  return {
    sampled: ids.length,
    perLetterMs: Math.round(perLetterMs),
    meanKb: ids.length === 0 ? 0 : Math.round(bytes / ids.length / 1024),
    batchPerLetterMs: Math.round(batchPerLetterMs),
    batchKb: Math.round(batch.length / 1024),
    // E-mails to ask for money carry the same statement (a courtesy notice carries none): an upper bound.
    extrapolatedAllPdfSeconds: Math.round((perLetterMs * (letters + emails)) / 1000),
    extrapolatedPrintBatchSeconds: Math.round((batchPerLetterMs * letters) / 1000),
  };
}

/** The preview `runs` times (wall, CPU, peak memory, statements), then once more for its digest. */
async function timePreview(company: Company, asOf: string, runs: number, profile: DatabaseProfile | null) {
  collectGarbage();
  const baselineHeapMb = megabytes(process.memoryUsage().heapUsed);
  await profile?.start();
  const preview = await withPeakMemory(() => measureCpu(() => previewDunningRun(company, { asOf }), runs));
  const previewDatabase = await profile?.stop();
  return {
    ...preview.result,
    ...(await previewFigures(company, asOf)),
    baselineHeapMb,
    peakHeapMb: preview.heapMb,
    peakRssMb: preview.rssMb,
    ...(previewDatabase ? { database: previewDatabase } : {}),
  };
}

export async function benchDunning(options: DunningBenchOptions = {}) {
  const customers = options.customers ?? 100_000;
  const invoices = options.invoices ?? 1_000_000;
  const runs = options.runs ?? 3;
  const serverUrl = options.serverUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return withPostgres(serverUrl, options.keepDatabase, async (url) => {
    const runtime = await openRuntime({ url }, { clock: fixedClock('2026-06-30'), log: silentLogger });
    const result: Record<string, unknown> = { customers, invoices, runs };
    try {
      const ctx = { db: runtime.handle.db, clock: runtime.clock, log: runtime.log, actor: 'bench' };
      const loadStarted = performance.now();
      // A kept database (`--keep-database`, e.g. a copy of the scale template) is loaded already.
      if (!(await findCompany(ctx, 'SCALE'))) {
        await loadScaleCompany(ctx, { customers, invoices });
        await refreshPlannerStatistics(runtime.handle.db);
      }
      result['loadSeconds'] = Math.round((performance.now() - loadStarted) / 100) / 10;
      if (options.openItems !== undefined)
        result['reopened'] = await reopenItems(runtime.handle.db, options.openItems);
      const company = { ...ctx, companyId: 'SCALE' };
      const asOf = await resolveRunDate(company, undefined);
      result['asOf'] = asOf;
      result['loadAverageBefore'] = loadAverage();
      const profile = options.statements ? new DatabaseProfile(runtime.handle.pool) : null;
      if (!options.skipPreview) {
        result['preview'] = await timePreview(company, asOf, runs, profile);
        result['loadAverageAfterPreview'] = loadAverage();
      }
      if (!options.skipAtOnce) await timeAtOnce(runtime.handle.db, asOf, runs, result);
      result['loadAverageBeforeRun'] = loadAverage();
      collectGarbage();
      // The run's reader is a connection outside the pool: every backend of the database counted.
      const backends = options.statements ? new BackendCpuSampler(runtime.handle.pool) : null;
      await profile?.start();
      await backends?.start();
      const run = await timeRun(company, asOf, options.gcPerSlice ?? false);
      const allBackends = await backends?.stop();
      const runDatabase = await profile?.stop();
      result['run'] = {
        ...run,
        ...(options.skipDigest ? {} : await runDigest(company, run.runId, asOf)),
        ...(runDatabase
          ? {
              database: {
                ...runDatabase,
                allBackendsCpuSeconds: allBackends?.cpuSeconds,
                backendsSeen: allBackends?.backends,
              },
            }
          : {}),
      };
      result['loadAverageBeforeRender'] = loadAverage();
      const sample = options.sampleLetters ?? 100;
      // `--sample-letters 0`: the run's figures only (the layout engine is not what a change of the run moves).
      if (sample > 0) result['render'] = await timeDeferredLetters(company, sample, result['run']);
      result['loadAverageAfter'] = loadAverage();
    } finally {
      await closePdfWorkers();
      await runtime.close();
    }
    return result;
  });
}

/** The old whole-at-once read of the plan's data and the planner on it (memory, for comparison). */
async function timeAtOnce(
  db: Company['db'],
  asOf: string,
  runs: number,
  result: Record<string, unknown>,
): Promise<void> {
  collectGarbage();
  let data: PlanData | null = null;
  result['baselineHeapBeforeAtOnceMb'] = megabytes(process.memoryUsage().heapUsed);
  const whole = await withPeakMemory(() =>
    measureCpu(async () => {
      data = await loadPlanData(db, 'SCALE', { asOf });
    }, runs),
  );
  result['readPlanDataAtOnce'] = { ...whole.result, peakHeapMb: whole.heapMb, peakRssMb: whole.rssMb };
  const loaded = data as PlanData | null;
  if (loaded) {
    result['openInvoicesRead'] = loaded.invoices.length;
    result['customersRead'] = loaded.customers.length;
    result['planInMemory'] = await measureCpu(
      async () => planDunning(loaded.customers, loaded.invoices, loaded.settings),
      runs,
    );
  }
  data = null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '100000' },
      invoices: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '3' },
      'sample-letters': { type: 'string', default: '100' },
      'keep-database': { type: 'string' },
      'skip-at-once': { type: 'boolean', default: false },
      'skip-preview': { type: 'boolean', default: false },
      'gc-per-slice': { type: 'boolean', default: false },
      statements: { type: 'boolean', default: false },
      'open-items': { type: 'string' },
      'skip-digest': { type: 'boolean', default: false },
    },
  });
  const figures = await benchDunning({
    customers: Number(values.customers),
    invoices: Number(values.invoices),
    runs: Number(values.runs),
    sampleLetters: Number(values['sample-letters']),
    serverUrl: process.env['ENCOURS_BENCH_DATABASE_URL'],
    keepDatabase: values['keep-database'],
    skipAtOnce: values['skip-at-once'],
    skipPreview: values['skip-preview'],
    gcPerSlice: values['gc-per-slice'],
    statements: values.statements,
    openItems: values['open-items'] === undefined ? undefined : Number(values['open-items']),
    skipDigest: values['skip-digest'],
  });
  process.stdout.write(`dunning: ${JSON.stringify(figures)}\n`);
}
