/**
 * `encours procedure …`: the credit procedure. `replay` replays the company's history through a
 * proposed policy against the one in force, as a `procedure.replay` job run here with its progress
 * on stderr. `diagram` is registered by `procedure-diagram.ts`.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DomainError } from '#app/errors';
import { getJob, type JobView, startJob } from '#app/jobs/jobs';
import { runnerFor } from '#app/jobs/worker';
import { checkReplayInput, type ReplayOutput } from '#app/procedure/replay';
import { replayLines } from '#app/procedure/replay-text';
import { isLang, type Lang, label, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { help } from './help-words.ts';
import { printJson } from './output.ts';
import { registerDiagramCommand } from './procedure-diagram.ts';
import { globalOptions, withRuntime } from './shared.ts';

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

/** The example of `procedure replay --help`: a policy file, as JSON (its words are the catalogue's). */
const REPLAY_EXAMPLE = `  { "version": "strict-2026",
    "order_rules": { "overdueMaxDays": 15, "classDecisions": { "D": "hold", "E": "refuse" } },
    "scoring_method": { "classThresholds": { "C": 55, "D": 45 } },
    "limitScaleBps": 8000 }`;

function langOf(command: Command): Lang {
  const lang = command.optsWithGlobals<{ lang?: string }>().lang ?? 'fr';
  if (!isLang(lang))
    throw new DomainError('invalid_input', { key: 'cli.error.lang', params: { value: lang } });
  return lang;
}

/** Progress params as a person reads them: a date day first (« 30/06/2026 »), as the web page shows it. */
function withDatesWorded(lang: Lang, params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(lang, value) : value,
    ]),
  );
}

/** A path to a JSON file, else the name of a stored version. */
async function policyPayload(policy: string): Promise<{ proposal?: unknown; version?: string }> {
  if (!policy.toLowerCase().endsWith('.json')) return { version: policy };
  let text: string;
  try {
    text = await readFile(policy, 'utf8');
  } catch {
    throw new DomainError('invalid_input', {
      key: 'errors.procedure.policyFileUnreadable',
      params: { file: policy },
    });
  }
  try {
    return { proposal: JSON.parse(text) };
  } catch {
    throw new DomainError('invalid_input', {
      key: 'errors.procedure.policyFileNotJson',
      params: { file: policy },
    });
  }
}

function registerReplayCommand(procedure: Command): void {
  procedure
    .command('replay')
    .description(help('cliHelp.procedure.replay.description'))
    .requiredOption('--policy <file|version>', help('cliHelp.procedure.replay.option.policy'))
    .option('--from <date>', help('cliHelp.procedure.replay.option.from'))
    .option('--to <date>', help('cliHelp.procedure.replay.option.to'))
    .option('--lang <lang>', help('cliHelp.procedure.replay.option.lang'), 'fr')
    .addHelpText('after', help('cliHelp.procedure.replay.after', { example: REPLAY_EXAMPLE }))
    .action(async (options: { policy: string; from?: string; to?: string }, command: Command) => {
      const lang = langOf(command);
      const payload = { ...(await policyPayload(options.policy)), from: options.from, to: options.to };
      const job = await withRuntime(command, async (runtime) => {
        const ctx = await runtime.contextFor(globalOptions(command).company, 'cli');
        const t = translator(lang);
        const runner = runnerFor(runtime, {
          onProgress: (event) => {
            if (event.code === null) return;
            process.stderr.write(`${t(event.code, withDatesWorded(lang, event.params))}\n`);
          },
        });
        // A bad policy or an unknown version is refused now, with its exit code, and leaves no job.
        await checkReplayInput(ctx, {
          proposal: payload.proposal,
          version: payload.version,
          from: payload.from,
          to: payload.to,
        });
        let current: JobView = await startJob(ctx, { kind: 'procedure.replay', payload });
        while (!FINISHED.has(current.status)) {
          await runner.runNext({ companyId: ctx.companyId, jobId: current.id });
          current = await getJob(ctx, current.id, lang);
        }
        return current;
      });
      if (job.status !== 'succeeded')
        throw new DomainError('invalid_input', {
          key: 'errors.procedure.replayFailed',
          params: {
            id: String(job.id),
            error: (lang) => job.error ?? label(lang, 'jobStatus', job.status),
          },
        });
      const result = job.result as ReplayOutput;
      if (globalOptions(command).json) printJson(result);
      else process.stdout.write(`${replayLines(lang, result).join('\n')}\n`);
    });
}

export function registerProcedureCommand(program: Command): void {
  const procedure = program.command('procedure').description(help('cliHelp.procedure.description'));
  registerReplayCommand(procedure);
  registerDiagramCommand(procedure);
}
