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
  const audit = program
    .command('audit')
    .description('internal audit: fraud and embezzlement signals, their thresholds');
  audit
    .command('signals')
    .description('signals over a period (default: the 12 months to the reference date), with their evidence')
    .option('--from <date>', 'first day (YYYY-MM-DD)')
    .option('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--lang <lang>', 'fr or en', 'fr')
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
    .description('the thresholds of the signals; --set name=value changes them (audited)')
    .option('--set <pairs...>', 'e.g. creditNoteMinor=300000 clusterCount=4')
    .action(async (options, command: Command) => {
      const thresholds = await withContext(command, (ctx) =>
        options.set ? setAuditThresholds(ctx, parseSettings(options.set)) : auditThresholds(ctx),
      );
      printJson(thresholds);
    });
}
