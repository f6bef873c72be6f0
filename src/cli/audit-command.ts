/**
 * `encours audit signals [--from D] [--to D] [--json]`: the internal-audit signals (fraud and
 * embezzlement) over a period, each with its evidence; `encours audit thresholds [--set k=v…]`
 * shows or changes the thresholds.
 */
import type { Command } from 'commander';
import {
  type AuditSignalsReport,
  auditThresholds,
  listAuditSignals,
  setAuditThresholds,
} from '#app/audit-signals/audit-signals';
import { DomainError } from '#app/errors';
import type { AuditSignalThresholds } from '#core/audit-signals/signals';
import { type Lang, toLang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { help } from './help-words.ts';
import { plain, printJson } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

function printReport(report: AuditSignalsReport, lang: Lang): void {
  const t = translator(lang);
  const lines = [
    t('auditSignals.title'),
    t('auditSignals.period', { from: formatDate(lang, report.from), to: formatDate(lang, report.to) }),
    t('auditSignals.count', { n: report.signals.length }),
    '',
    ...(report.signals.length === 0
      ? [t('auditSignals.none')]
      : report.signals.map((s) => `${formatDate(lang, s.date)}  ${s.title}\n  ${s.message}`)),
  ];
  process.stdout.write(`${plain(lines.join('\n'))}\n`);
}

function parseSettings(pairs: readonly string[]): Partial<AuditSignalThresholds> {
  const patch: Record<string, number> = {};
  for (const pair of pairs) {
    const [key, value] = pair.split('=');
    const number = Number(value);
    if (!key || value === undefined || !Number.isSafeInteger(number))
      throw new DomainError('invalid_input', { key: 'errors.cli.threshold', params: { pair } });
    patch[key] = number;
  }
  return patch;
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description(help('cliHelp.audit.description'));
  audit
    .command('signals')
    .description(help('cliHelp.audit.signals.description'))
    .option('--from <date>', help('cliHelp.shared.firstDay'))
    .option('--to <date>', help('cliHelp.shared.lastDay'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = toLang(options.lang);
      const report = await withContext(command, (ctx) =>
        listAuditSignals(ctx, { from: options.from, to: options.to, lang }),
      );
      if (globalOptions(command).json) return printJson(report);
      printReport(report, lang);
    });
  audit
    .command('thresholds')
    .description(help('cliHelp.audit.thresholds.description'))
    .option('--set <pairs...>', help('cliHelp.audit.thresholds.option.set'))
    .action(async (options, command: Command) => {
      const thresholds = await withContext(command, (ctx) =>
        options.set ? setAuditThresholds(ctx, parseSettings(options.set)) : auditThresholds(ctx),
      );
      printJson(thresholds);
    });
}
