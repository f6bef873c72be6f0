/**
 * `encours legal partner|handover|files|file|package|report|import|pieces|reconcile`: hand-over of
 * receivables to lawyers and collection agencies, their reports, the file package as PDF and the
 * reconciliation with their figures; `encours insurance …` (insurance-command.ts): credit-insurance claims.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { handOver, type LeftOutInvoices, listLegalFiles } from '#app/legal/handover';
import { getLegalFileDetail } from '#app/legal/handover-checklist';
import { renderHandoverPackage } from '#app/legal/handover-package';
import { reconcileLegalFiles } from '#app/legal/handover-reconciliation';
import {
  importPartnerReport,
  type RecordedReports,
  recordStepReports,
  setFileDetails,
} from '#app/legal/handover-steps';
import type { LegalFileView } from '#app/legal/handover-view';
import {
  checkHandOver,
  type HandOverCheck,
  type HandoverWarning,
  leftOutText,
  warningText,
} from '#app/legal/handover-warnings';
import { type Lang, toLang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import {
  injunctionContestWarning,
  injunctionCourtCaveat,
  injunctionPieceStatus,
} from '#text/injunction-pieces';
import { legalFileStage } from '#text/legal-file-stage';
import { help } from './help-words.ts';
import { registerInsuranceCommands } from './insurance-command.ts';
import { registerPartnerCommands } from './legal-partner-command.ts';
import { amountOption, idArgument } from './legal-values.ts';
import { money, plain, printJson } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

const list = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);

const counts = ({ received, recorded, duplicates }: RecordedReports) => ({ received, recorded, duplicates });

function fileLine(file: LegalFileView, lang: Lang): string {
  const t = translator(lang);
  return t('legalFile.cli.file', {
    fileId: file.fileId,
    customer: `${file.customerName} (${file.customerCode})`,
    partner: file.partnerName,
    handedOverOn: formatDate(lang, file.handedOverOn),
    // The line already says when it was handed over: before any report, not again as its stage.
    step: file.state.step === null ? t('legalFile.cli.noStep') : legalFileStage(lang, file),
    handed: money(file.handedMinor, file.currency, lang),
    recovered: money(file.charges.recoveredMinor, file.currency, lang),
    outstanding: money(file.outstandingMinor, file.currency, lang),
    charges: money(file.charges.totalChargesMinor, file.currency, lang),
  });
}

/** Each warning with its text in the language asked, for the JSON output as for the terminal. */
const worded = (warnings: readonly HandoverWarning[], lang: Lang) =>
  warnings.map((warning) => ({ ...warning, message: warningText(lang, warning) }));

/** The invoices left out for a formal notice still running, each group with its text. */
const wordedLeftOut = (groups: readonly LeftOutInvoices[], currency: string, lang: Lang) =>
  groups.map((group) => ({ ...group, message: leftOutText(lang, group, currency) }));

function printWarnings(lines: readonly string[], warnings: readonly { message: string }[], lang: Lang): void {
  const t = translator(lang);
  const told = warnings.map((w) => t('legalFile.cli.warning', { text: w.message }));
  process.stdout.write(`${plain([...lines, ...told].join('\n'))}\n`);
}

function handOverPreview(check: HandOverCheck, lang: Lang): string {
  return translator(lang)('legalFile.cli.check', {
    customer: check.customerCode,
    count: check.invoices.length,
    refs: check.invoices.map((i) => i.documentRef).join(', '),
    total: money(check.totalMinor, check.currency, lang),
  });
}

function printFiles(files: readonly LegalFileView[], lang: Lang): void {
  const t = translator(lang);
  const lines = files.length === 0 ? [t('legalFile.cli.none')] : files.map((file) => fileLine(file, lang));
  process.stdout.write(`${plain(lines.join('\n'))}\n`);
}

function registerFileCommands(legal: Command): void {
  legal
    .command('handover <customer>')
    .description(help('cliHelp.legal.handover.description'))
    .requiredOption('--partner <id>', help('cliHelp.legal.handover.option.partner'))
    .option('--invoices <refs>', help('cliHelp.legal.handover.option.invoices'))
    .option('--include-pending-notice', help('cliHelp.legal.handover.option.includePendingNotice'))
    .option('--reference <ref>', help('cliHelp.legal.handover.option.reference'))
    .option('--note <text>', help('cliHelp.legal.handover.option.note'))
    .option('--date <date>', help('cliHelp.legal.handover.option.date'))
    .option('--check', help('cliHelp.legal.handover.option.check'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (customer: string, options, command: Command) => {
      const lang = toLang(options.lang);
      const input = {
        customerCode: customer,
        partnerId: idArgument(options.partner, 'partner'),
        invoices: list(options.invoices),
        includePendingNotice: options.includePendingNotice === true,
        partnerReference: options.reference,
        note: options.note,
        date: options.date,
      };
      if (options.check) {
        const check = await withContext(command, (ctx) => checkHandOver(ctx, input));
        const warnings = worded(check.warnings, lang);
        const leftOut = wordedLeftOut(check.leftOut, check.currency, lang);
        if (globalOptions(command).json) return printJson({ ...check, warnings, leftOut });
        return printWarnings(
          [handOverPreview(check, lang), ...leftOut.map((l) => l.message)],
          warnings,
          lang,
        );
      }
      const file = await withContext(command, (ctx) => handOver(ctx, input));
      const warnings = worded(file.warnings, lang);
      const leftOut = wordedLeftOut(file.leftOut, file.currency, lang);
      if (globalOptions(command).json) return printJson({ ...file, warnings, leftOut });
      printWarnings([fileLine(file, lang), ...leftOut.map((l) => l.message)], warnings, lang);
    });
  legal
    .command('files')
    .description(help('cliHelp.legal.files.description'))
    .option('--customer <code>', help('cliHelp.shared.oneCustomer'))
    .option('--as-of <date>', help('cliHelp.shared.asOfReference'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const items = await withContext(command, (ctx) =>
        listLegalFiles(ctx, { asOf: options.asOf, customerCode: options.customer }),
      );
      if (globalOptions(command).json) return printJson({ items });
      printFiles(items, toLang(options.lang));
    });
  legal
    .command('file <id>')
    .description(help('cliHelp.legal.file.description'))
    .option('--as-of <date>', help('cliHelp.shared.asOfReference'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (id: string, options, command: Command) => {
      const file = await withContext(command, (ctx) =>
        getLegalFileDetail(ctx, { fileId: idArgument(id, 'file'), asOf: options.asOf }),
      );
      if (globalOptions(command).json) return printJson(file);
      const lang = toLang(options.lang);
      const t = translator(lang);
      const lines = [
        fileLine(file, lang),
        ...file.steps.map((s) =>
          t('legalFile.cli.step', {
            date: formatDate(lang, s.date),
            step: t('legalFile.step', { step: s.step }),
            recovered: money(s.recoveredMinor, file.currency, lang),
          }),
        ),
        t('legalFile.court.explain', { court: file.checklist.court }),
        ...injunctionContestWarning(lang, file.checklist),
        ...injunctionCourtCaveat(lang, file.checklist),
        ...file.checklist.pieces.map(
          (p) =>
            `  ${t('common.labelled', { label: t('legalFile.piece', { piece: p.piece }), value: injunctionPieceStatus(lang, p) })}`,
        ),
      ];
      process.stdout.write(`${plain(lines.join('\n'))}\n`);
    });
  legal
    .command('package <id>')
    .description(help('cliHelp.legal.package.description'))
    .requiredOption('--out <file>', help('cliHelp.shared.outPdf'))
    .option('--date <date>', help('cliHelp.legal.package.option.date'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (id: string, options, command: Command) => {
      const found = await withContext(command, (ctx) =>
        renderHandoverPackage(ctx, {
          fileId: idArgument(id, 'file'),
          lang: toLang(options.lang),
          date: options.date,
        }),
      );
      await writeFile(options.out, found.pdf);
      if (globalOptions(command).json)
        return printJson({ file: options.out, fileName: found.fileName, totals: found.model.totals });
      process.stdout.write(`${options.out}\n`);
    });
}

function registerReportCommands(legal: Command): void {
  legal
    .command('report <id>')
    .description(help('cliHelp.legal.report.description'))
    .requiredOption('--step <step>', help('cliHelp.legal.report.option.step'))
    .requiredOption('--date <date>', help('cliHelp.legal.report.option.date'))
    .option('--recovered <amount>', help('cliHelp.legal.report.option.recovered'))
    .option('--costs <amount>', help('cliHelp.legal.report.option.costs'))
    .option('--outstanding <amount>', help('cliHelp.legal.report.option.outstanding'))
    .option('--note <text>', help('cliHelp.shared.comment'))
    .option('--report-id <id>', help('cliHelp.legal.report.option.report-id'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (id: string, options, command: Command) => {
      const result = await withContext(command, (ctx) =>
        recordStepReports(
          ctx,
          [
            {
              fileId: idArgument(id, 'file'),
              step: options.step,
              date: options.date,
              recoveredMinor: amountOption(options.recovered, '--recovered'),
              costsMinor: amountOption(options.costs, '--costs'),
              partnerOutstandingMinor: amountOption(options.outstanding, '--outstanding') ?? null,
              note: options.note,
              reportId: options.reportId,
            },
          ],
          'manual',
        ),
      );
      if (globalOptions(command).json) return printJson(result);
      process.stdout.write(`${translator(toLang(options.lang))('legalFile.cli.recorded', counts(result))}\n`);
    });
  legal
    .command('import <file>')
    .description(help('cliHelp.legal.import.description'))
    .option('--dry-run', help('cliHelp.legal.import.option.dry-run'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (file: string, options, command: Command) => {
      const lang = toLang(options.lang);
      const result = await withContext(command, (ctx) =>
        importPartnerReport(ctx, { filePath: file, lang, dryRun: options.dryRun === true }),
      );
      if (globalOptions(command).json) return printJson(result);
      process.stdout.write(`${translator(lang)('legalFile.cli.recorded', counts(result))}\n`);
    });
  legal
    .command('pieces <id>')
    .description(help('cliHelp.legal.pieces.description'))
    .requiredOption('--provided <pieces>', help('cliHelp.legal.pieces.option.provided'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (id: string, options, command: Command) => {
      const file = await withContext(command, (ctx) =>
        setFileDetails(ctx, { fileId: idArgument(id, 'file'), piecesProvided: list(options.provided) ?? [] }),
      );
      if (globalOptions(command).json) return printJson(file);
      printFiles([file], toLang(options.lang));
    });
  legal
    .command('reconcile')
    .description(help('cliHelp.legal.reconcile.description'))
    .option('--as-of <date>', help('cliHelp.shared.asOfReference'))
    .option('--partner <id>', help('cliHelp.legal.reconcile.option.partner'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const result = await withContext(command, (ctx) =>
        reconcileLegalFiles(ctx, {
          asOf: options.asOf,
          partnerId: options.partner === undefined ? undefined : idArgument(options.partner, 'partner'),
        }),
      );
      if (globalOptions(command).json) return printJson(result);
      const lang = toLang(options.lang);
      const t = translator(lang);
      const lines = result.files.flatMap((f) => [
        t('legalFile.cli.reconciled', {
          fileId: f.fileId,
          customer: f.customerCode,
          partner: f.partnerName,
          ours: money(f.ourOutstandingMinor, f.currency, lang),
          theirs: money(f.partnerOutstandingMinor, f.currency, lang),
          difference: money(f.differenceMinor, f.currency, lang),
        }),
        ...f.reasons.map(
          (r) =>
            `  ${t('common.labelled', { label: t('legalFile.reason', { reason: r.reason }), value: money(r.amountMinor, f.currency, lang) })}`,
        ),
      ]);
      process.stdout.write(`${plain((lines.length ? lines : [t('legalFile.cli.none')]).join('\n'))}\n`);
    });
}

export function registerLegalHandoverCommands(program: Command): void {
  const legal = program.command('legal').description(help('cliHelp.legal.description'));
  registerPartnerCommands(legal);
  registerFileCommands(legal);
  registerReportCommands(legal);
  registerInsuranceCommands(program);
}
