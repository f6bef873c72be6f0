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
import { printJson } from './output.ts';
import { registerDiagramCommand } from './procedure-diagram.ts';
import { globalOptions, withRuntime } from './shared.ts';

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

const REPLAY_HELP = `
The proposed policy is either a JSON file or the name of a stored version.
The file has the shape of the versioned configurations: each credit kind's body under its kind
(order_rules, limit_policy, exposure_config, delegation_matrix, scoring_method; a partial body is
completed from the version in force, and classThresholds may name only the classes it moves),
"limitScaleBps" to scale every credit limit (8000 = limits cut by 20 %), and "dunning_policies":
a list of dunning policies as POST /api/dunning/policies saves them (code, effectiveFrom, scope,
currency, steps, formalNoticeLeadDays, minimumDaysBetweenSteps, promiseGraceDays), in force over
the whole period. Example:
  { "version": "strict-2026",
    "order_rules": { "overdueMaxDays": 15, "classDecisions": { "D": "hold", "E": "refuse" } },
    "scoring_method": { "classThresholds": { "C": 55, "D": 45 } },
    "limitScaleBps": 8000 }

A scoring method that scores differently from the one in force re-scores every customer on the
dates its scores were recorded, from the data of each score, and the proposal uses those classes
in the order check, the delegation and the choice of the dunning policy by risk class; a customer
put in a worse class has its limit lowered to the one the limit policy recommends, when lower.

A stored version name selects every credit kind saved under that name (scoring method included)
and the dunning policies in force on that version's date (the latest effective date of its kinds),
over the whole period. A dunning policy code (its latest version) or code@N puts that policy in
place of its code among the policies in force (on the version's date, else at the end of the period).

The jeu d'essai is the company's own data: the demo company (\`encours demo\`), or a FEC or
spreadsheets imported into a company first (\`encours import fec FILE\`, \`encours import … --company CODE\`).
The replay only reads: the ledger, the recorded decisions and the dunning log are never written.
By default it covers the 12 months up to the company's reference date (or today).`;

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
    .description("replay the ledger's history day by day through a proposed policy, beside the one in force")
    .requiredOption(
      '--policy <file|version>',
      'proposed policy: a JSON file, a stored version name, or a dunning policy code (code@N)',
    )
    .option('--from <date>', 'first day replayed (default: 12 months before --to)')
    .option('--to <date>', "last day replayed (default: the company's reference date)")
    .option('--lang <lang>', 'language of the text output (fr or en)', 'fr')
    .addHelpText('after', REPLAY_HELP)
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
  const procedure = program
    .command('procedure')
    .description('the credit procedure: replay a proposed policy on the history, process diagram');
  registerReplayCommand(procedure);
  registerDiagramCommand(procedure);
}
