/**
 * `encours dispute take-over|edit|attachments|detach`: taking over an imported dispute (it becomes an
 * open dispute record), changing an open dispute's particulars, listing the documents attached to a
 * dispute and removing one (split from dispute-command.ts).
 */
import type { Command } from 'commander';
import { detachFromDispute, listDisputeAttachments } from '#app/dunning/dispute-attachments';
import { type EditDisputeInput, editDispute, editDisputeCase } from '#app/dunning/dispute-edit';
import { takeOverImportedDispute } from '#app/dunning/dispute-take-over';
import { amountFromText } from '#app/dunning/promises';
import { DomainError } from '#app/errors';
import { translator } from '#text/catalogue';
import { formatDateTime } from '#text/format';
import { help } from './help-words.ts';
import { printJson, printTable } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

export function positiveId(text: string, what: string): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id < 1)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.notANumber',
      params: { what, value: text },
    });
  return id;
}

/** The changes the options ask for; `--respond-by none` clears the date. */
function editOf(options: Record<string, string | undefined>): EditDisputeInput {
  const respondBy = options['respondBy'];
  const amount = options['amount'];
  return {
    reason: options['reason'],
    department: options['department'],
    amountMinor: amount === undefined ? undefined : amountFromText(amount),
    respondBy: respondBy === undefined ? undefined : respondBy === 'none' ? null : respondBy,
    note: options['note'],
  };
}

function registerEdit(dispute: Command): void {
  dispute
    .command('edit <id>')
    .description(help('cliHelp.dispute.edit.description'))
    .option('--case', help('cliHelp.dispute.edit.option.case'))
    .option('--reason <reason>', help('cliHelp.shared.disputeReason'))
    .option('--department <department>', help('cliHelp.shared.department'))
    .option('--amount <amount>', help('cliHelp.dispute.edit.option.amount'))
    .option('--respond-by <date>', help('cliHelp.dispute.edit.option.respond-by'))
    .option('--note <text>', help('cliHelp.dispute.edit.option.note'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (idText: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const t = translator(lang);
      const json = globalOptions(command).json;
      const id = positiveId(idText, 'dispute');
      if (options.case) {
        const edited = await withContext(command, (ctx) =>
          editDisputeCase(ctx, { caseId: id, ...editOf(options), lang }),
        );
        if (json) return printJson(edited);
        return void process.stdout.write(`${t('disputes.cli.caseEdited', { id, count: edited.edited })}\n`);
      }
      const { dispute: row, edited } = await withContext(command, (ctx) =>
        editDispute(ctx, { disputeId: id, ...editOf(options), lang }),
      );
      if (json) return printJson({ ...row, edited });
      process.stdout.write(`${t(edited ? 'disputes.cli.edited' : 'disputes.cli.unchanged', { id })}\n`);
    });
}

function registerTakeOver(dispute: Command): void {
  dispute
    .command('take-over <event>')
    .description(help('cliHelp.dispute.take-over.description'))
    .option('--reason <reason>', help('cliHelp.dispute.take-over.option.reason'))
    .option('--department <department>', help('cliHelp.shared.department'))
    .option('--amount <amount>', help('cliHelp.dispute.take-over.option.amount'))
    .option('--respond-by <date>', help('cliHelp.shared.respondBy'))
    .option('--note <text>', help('cliHelp.dispute.take-over.option.note'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (eventText: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const eventId = positiveId(eventText.replace(/^e/i, ''), 'event');
      const row = await withContext(command, (ctx) =>
        takeOverImportedDispute(ctx, { eventId, ...editOf(options), lang }),
      );
      if (globalOptions(command).json) return printJson(row);
      process.stdout.write(
        `${translator(lang)('disputes.cli.takenOver', { id: row.disputeId, invoice: row.documentRef })}\n`,
      );
    });
}

function registerAttachments(dispute: Command): void {
  dispute
    .command('attachments <id>')
    .description(help('cliHelp.dispute.attachments.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (idText: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const t = translator(lang);
      const rows = await withContext(command, (ctx) =>
        listDisputeAttachments(ctx, positiveId(idText, 'dispute')),
      );
      if (globalOptions(command).json) return printJson(rows);
      if (rows.length === 0) return void process.stdout.write(`${t('disputes.page.noAttachment')}\n`);
      printTable(rows, [
        { header: t('disputes.page.id'), value: (a) => String(a.attachmentId), align: 'right' },
        { header: t('dunning.page.invoice'), value: (a) => a.documentRef },
        { header: t('disputes.page.attachments'), value: (a) => a.fileName },
        { header: t('disputes.page.attachKind'), value: (a) => t(`disputes.attachmentKind.${a.kind}`) },
        { header: '', value: (a) => `${a.attachedBy} ${formatDateTime(lang, a.attachedAt)}` },
      ]);
    });
  dispute
    .command('detach <attachment>')
    .description(help('cliHelp.dispute.detach.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (idText: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const t = translator(lang);
      const outcome = await withContext(command, (ctx) =>
        detachFromDispute(ctx, positiveId(idText, 'attachment'), lang),
      );
      if (globalOptions(command).json) return printJson(outcome);
      const { attachment } = outcome;
      process.stdout.write(
        `${t('disputes.cli.detached', {
          id: attachment.attachmentId,
          file: attachment.fileName,
          dispute: attachment.disputeId,
          removed: outcome.fileRemoved ? 'yes' : 'no',
        })}\n`,
      );
    });
}

/** Adds the subcommands that change a dispute to `encours dispute`. */
export function registerDisputeChanges(dispute: Command): void {
  registerTakeOver(dispute);
  registerEdit(dispute);
  registerAttachments(dispute);
}
