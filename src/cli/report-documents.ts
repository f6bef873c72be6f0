/**
 * `encours report dysfunctions|measures`: the procedure review's written reports as PDF or
 * editable DOCX (`--format pdf|docx --out FILE`), or their data model with `--json`; and
 * `encours report template` to show or replace a section's Liquid template.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DomainError } from '#app/errors';
import { generateProcedureReport, getProcedureReportModel, REPORT_FORMATS } from '#app/procedure/reports';
import { REPORT_SECTIONS, reportTemplates, saveReportTemplate } from '#app/procedure/reports-templates';
import { toLang } from '#text/catalogue';
import { wroteLine } from './cli-values.ts';
import { help } from './help-words.ts';
import { printJson } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

interface DocumentOptions {
  asOf?: string;
  lang: string;
  format?: string;
  out?: string;
  rateBps?: string;
  replayVersion?: string;
  replayPolicy?: string;
}

function rateOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const rate = Number(text);
  if (!Number.isInteger(rate) || rate < 0)
    throw new DomainError('invalid_input', { key: 'errors.cli.rateBps' });
  return rate;
}

function registerDocument(report: Command, kind: 'dysfunctions' | 'measures', description: string): Command {
  return report
    .command(kind)
    .description(description)
    .option('--as-of <date>', help('cliHelp.shared.asOfToday'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .option(
      '--format <format>',
      help('cliHelp.report.documents.option.format', { formats: REPORT_FORMATS.join(' | ') }),
    )
    .option('--out <file>', help('cliHelp.shared.out'))
    .option('--rate-bps <bps>', help('cliHelp.report.documents.option.rateOverride'))
    .action(async (options: DocumentOptions, command: Command) => {
      const replayProposal = options.replayPolicy
        ? (JSON.parse(readFileSync(options.replayPolicy, 'utf8')) as unknown)
        : undefined;
      const request = {
        report: kind,
        asOf: options.asOf,
        lang: toLang(options.lang),
        rateBps: rateOf(options.rateBps),
        replayVersion: options.replayVersion,
        replayProposal,
      };
      if (options.format === undefined) {
        if (!globalOptions(command).json)
          throw new DomainError('invalid_input', { key: 'errors.cli.formatOrJson' });
        printJson(await withContext(command, (ctx) => getProcedureReportModel(ctx, request)));
        return;
      }
      if (!options.out) throw new DomainError('invalid_input', { key: 'errors.cli.formatNeedsOut' });
      const format = options.format;
      const generated = await withContext(command, (ctx) =>
        generateProcedureReport(ctx, { ...request, format }),
      );
      writeFileSync(options.out, generated.file);
      process.stderr.write(wroteLine(options.out, request.lang));
      if (globalOptions(command).json) printJson(generated.built);
    });
}

interface TemplateOptions {
  lang: string;
  set?: string;
}

export function registerReportDocuments(report: Command): void {
  registerDocument(report, 'dysfunctions', help('cliHelp.report.dysfunctions.description'));
  registerDocument(report, 'measures', help('cliHelp.report.measures.description'))
    .option('--replay-version <version>', help('cliHelp.report.measures.option.replay-version'))
    .option('--replay-policy <file>', help('cliHelp.report.measures.option.replay-policy'));
  report
    .command('template <report> [section]')
    .description(
      help('cliHelp.report.template.description', {
        sections: Object.entries(REPORT_SECTIONS)
          .map(([r, s]) => `${r}: ${s.join(', ')}`)
          .join('; '),
      }),
    )
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .option('--set <file>', help('cliHelp.report.template.option.set'))
    .action(async (kind: string, section: string | undefined, options: TemplateOptions, command: Command) => {
      if (kind !== 'dysfunctions' && kind !== 'measures')
        throw new DomainError('invalid_input', { key: 'errors.cli.reportKind' });
      const lang = toLang(options.lang);
      if (options.set) {
        if (!section) throw new DomainError('invalid_input', { key: 'errors.cli.setNeedsSection' });
        const body = readFileSync(options.set, 'utf8');
        const saved = await withContext(command, (ctx) =>
          saveReportTemplate(ctx, { report: kind, section, lang, body }),
        );
        process.stderr.write(`encours: saved ${kind}/${section} (${lang}) version ${saved.version}\n`);
        return;
      }
      const templates = await withContext(command, (ctx) => reportTemplates(ctx, kind, lang));
      const shown = section ? [templates[section]].filter((t) => t !== undefined) : Object.values(templates);
      if (globalOptions(command).json) return printJson(shown);
      for (const template of shown)
        process.stdout.write(
          `## ${template.section} (${template.edited ? `version ${template.version}` : 'default'})\n${template.body}\n\n`,
        );
    });
}
