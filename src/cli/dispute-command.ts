/**
 * `encours dispute open|resolve|attach|list` and `encours promise add|list`: disputes (on one or
 * more invoices, imported ones included) and promises to pay from the command line; changing a
 * dispute (`take-over`, `edit`, `attachments`, `detach`) is in dispute-change-command.ts.
 */
import type { Command } from 'commander';
import { attachToDispute } from '#app/dunning/dispute-attachments';
import { resolveImportedDispute } from '#app/dunning/dispute-imported';
import type { DisputeView } from '#app/dunning/dispute-list';
import { listDisputes, openDisputeCase, resolveDispute, resolveDisputeCase } from '#app/dunning/disputes';
import {
  checkPromiseStatus,
  listImportedPromisePage,
  MAX_IMPORTED_PROMISE_PAGE,
} from '#app/dunning/imported-promises';
import { amountFromText, listPromises, type PromiseView, recordPromise } from '#app/dunning/promises';
import { DomainError } from '#app/errors';
import { type Lang, label, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { integerOption, parseCliDate } from './cli-values.ts';
import { positiveId, registerDisputeChanges } from './dispute-change-command.ts';
import { help } from './help-words.ts';
import { printImportedPromises } from './imported-promises-output.ts';
import { money, plain, printJson, printTable } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

/** A dispute is shown by its number; an imported one, which has none yet, by « E » and its event's. */
const disputeKey = (d: DisputeView) => (d.disputeId === null ? `E${d.eventId}` : String(d.disputeId));

function printDisputes(rows: readonly DisputeView[], lang: Lang): void {
  const t = translator(lang);
  if (rows.length === 0) return void process.stdout.write(`${t('dunning.page.disputesEmpty')}\n`);
  printTable(rows, [
    { header: t('disputes.page.id'), value: disputeKey, align: 'right' },
    {
      header: t('disputes.page.case'),
      value: (d) => (d.caseId === null ? '' : String(d.caseId)),
      align: 'right',
    },
    { header: t('dunning.page.customer'), value: (d) => `${d.customerCode} ${d.customerName}`.slice(0, 30) },
    { header: t('dunning.page.invoice'), value: (d) => d.documentRef },
    { header: t('dunning.page.reason'), value: (d) => label(lang, 'dunningDisputeReason', d.reason) },
    { header: t('dunning.page.department'), value: (d) => label(lang, 'dunningDepartment', d.department) },
    {
      header: t('dunning.page.amount'),
      value: (d) => money(d.amountMinor, d.currency, lang),
      align: 'right',
    },
    { header: t('dunning.page.openedOn'), value: (d) => formatDate(lang, d.openedOn) },
    {
      header: t('disputes.page.respondBy'),
      value: (d) => (d.respondBy ? formatDate(lang, d.respondBy) : ''),
    },
    {
      header: t('dunning.page.status'),
      value: (d) =>
        [
          label(lang, 'disputes.status', d.status),
          d.resolution ? label(lang, 'dunningDisputeResolution', d.resolution) : '',
          d.source === 'imported' ? `(${label(lang, 'disputes.source', 'imported')})` : '',
        ]
          .filter((part) => part !== '')
          .join(' '),
    },
    { header: t('disputes.page.attachments'), value: (d) => String(d.attachmentCount), align: 'right' },
  ]);
}

function registerOpenResolve(dispute: Command): void {
  dispute
    .command('open <invoices...>')
    .description(help('cliHelp.dispute.open.description'))
    .requiredOption('--reason <reason>', help('cliHelp.shared.disputeReason'))
    .option('--department <department>', help('cliHelp.shared.department'))
    .option('--amount <amount>', help('cliHelp.dispute.open.option.amount'))
    .option('--respond-by <date>', help('cliHelp.shared.respondBy'))
    .option('--note <text>', help('cliHelp.dispute.open.option.note'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (invoices: string[], options, command: Command) => {
      const lang = parseLang(options.lang);
      const opened = await withContext(command, (ctx) =>
        openDisputeCase(ctx, {
          documentRefs: invoices.flatMap((text) => text.split(',')),
          reason: options.reason,
          department: options.department,
          amountMinor: options.amount === undefined ? undefined : amountFromText(options.amount),
          respondBy: options.respondBy,
          note: options.note,
        }),
      );
      if (globalOptions(command).json) return printJson(opened);
      const refs = opened.disputes.map((d) => d.documentRef);
      process.stdout.write(
        `${translator(lang)('disputes.cli.caseOpened', { id: opened.caseId, count: refs.length, invoices: refs.join(', ') })}\n`,
      );
    });
  dispute
    .command('resolve <id>')
    .description(help('cliHelp.dispute.resolve.description'))
    .requiredOption('--resolution <resolution>', help('cliHelp.dispute.resolve.option.resolution'))
    .option('--case', help('cliHelp.dispute.resolve.option.case'))
    .option('--note <text>', help('cliHelp.dispute.resolve.option.note'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (idText: string, options, command: Command) => {
      const t = translator(parseLang(options.lang));
      const json = globalOptions(command).json;
      const input = { resolution: options.resolution, note: options.note };
      if (/^e\d+$/i.test(idText)) {
        const row = await withContext(command, (ctx) =>
          resolveImportedDispute(ctx, {
            eventId: positiveId(idText.slice(1), 'event'),
            ...input,
            lang: parseLang(options.lang),
          }),
        );
        if (json) return printJson(row);
        return void process.stdout.write(
          `${t('disputes.cli.importedResolved', { id: row.disputeId, invoice: row.documentRef })}\n`,
        );
      }
      const id = positiveId(idText, 'dispute');
      if (options.case) {
        const resolved = await withContext(command, (ctx) =>
          resolveDisputeCase(ctx, { caseId: id, ...input }),
        );
        if (json) return printJson(resolved);
        return void process.stdout.write(`${t('disputes.cli.caseResolved', { id })}\n`);
      }
      const row = await withContext(command, (ctx) => resolveDispute(ctx, { disputeId: id, ...input }));
      if (json) return printJson(row);
      process.stdout.write(`${t('dunning.cli.disputeResolved', { id: row.disputeId })}\n`);
    });
}

function registerDisputeCommand(program: Command): void {
  const dispute = program.command('dispute').description(help('cliHelp.dispute.description'));
  registerOpenResolve(dispute);
  registerDisputeChanges(dispute);
  dispute
    .command('attach <id> <file>')
    .description(help('cliHelp.dispute.attach.description'))
    .option('--kind <kind>', help('cliHelp.dispute.attach.option.kind'), 'other')
    .option('--name <name>', help('cliHelp.dispute.attach.option.name'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (idText: string, file: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const attachment = await withContext(command, (ctx) =>
        attachToDispute(ctx, {
          disputeId: positiveId(idText, 'dispute'),
          filePath: file,
          fileName: options.name ?? file,
          kind: options.kind,
          lang,
        }),
      );
      if (globalOptions(command).json) return printJson(attachment);
      process.stdout.write(
        `${translator(lang)('disputes.cli.attached', { id: attachment.attachmentId, file: attachment.fileName, dispute: attachment.disputeId, invoice: attachment.documentRef })}\n`,
      );
    });
  dispute
    .command('list')
    .description(help('cliHelp.dispute.list.description'))
    .option('--status <status>', help('cliHelp.dispute.list.option.status'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      const rows = await withContext(command, (ctx) => listDisputes(ctx, { status: options.status }));
      if (globalOptions(command).json) return printJson(rows);
      printDisputes(rows, lang);
    });
}

function printPromises(rows: readonly PromiseView[], lang: Lang): void {
  const t = translator(lang);
  if (rows.length === 0) return void process.stdout.write(`${t('disputes.cli.noPromise')}\n`);
  printTable(rows, [
    { header: t('disputes.page.id'), value: (p) => String(p.promiseId), align: 'right' },
    { header: t('dunning.page.customer'), value: (p) => p.customerCode },
    { header: t('disputes.promise.madeOn'), value: (p) => formatDate(lang, p.madeOn) },
    {
      header: t('disputes.promise.instalments'),
      value: (p) =>
        plain(
          p.instalments
            .map((i) => `${formatDate(lang, i.dueDate)} ${money(i.amountMinor, p.currency, lang)}`)
            .join(t('common.listSeparator')),
        ),
    },
    { header: t('dunning.page.invoice'), value: (p) => p.documentRefs.join(' ') },
    {
      header: t('disputes.promise.promised'),
      value: (p) => money(p.assessment.promisedMinor, p.currency, lang),
      align: 'right',
    },
    {
      header: t('disputes.promise.paid'),
      value: (p) => money(p.assessment.paidMinor, p.currency, lang),
      align: 'right',
    },
    {
      header: t('dunning.page.status'),
      value: (p) => label(lang, 'dunningPromiseStatus', p.assessment.status),
    },
  ]);
}

function registerPromiseCommand(program: Command): void {
  const promise = program.command('promise').description(help('cliHelp.promise.description'));
  promise
    .command('add <customer>')
    .description(help('cliHelp.promise.add.description'))
    .requiredOption('--instalment <date=amount...>', help('cliHelp.promise.add.option.instalment'))
    .option('--invoice <ref...>', help('cliHelp.promise.add.option.invoice'))
    .option('--note <text>', help('cliHelp.promise.add.option.note'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (customerCode: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const instalments = (options.instalment as string[]).map((text) => {
        const [dueDate, amount] = text.split('=');
        if (!dueDate || !amount)
          throw new DomainError('invalid_input', {
            key: 'errors.dunning.instalmentOption',
            params: { value: text },
          });
        // Day first as every date option takes it: 15/07/2026 is the 15 July.
        return { dueDate: parseCliDate(dueDate, '--instalment', lang), amountMinor: amountFromText(amount) };
      });
      const view = await withContext(command, (ctx) =>
        recordPromise(ctx, { customerCode, instalments, documentRefs: options.invoice, note: options.note }),
      );
      if (globalOptions(command).json) return printJson(view);
      process.stdout.write(
        `${translator(lang)('dunning.cli.promiseAdded', { id: view.promiseId, customer: customerCode })}\n`,
      );
    });
  promise
    .command('list')
    .description(help('cliHelp.promise.list.description'))
    .option('--as-of <date>', help('cliHelp.promise.list.option.as-of'))
    .option('--customer <code>', help('cliHelp.shared.oneCustomerOnly'))
    .option('--imported', help('cliHelp.promise.list.option.imported'))
    .option('--status <status>', help('cliHelp.promise.list.option.status'))
    .option('--limit <n>', help('cliHelp.promise.list.option.limit'), '50')
    .option('--offset <n>', help('cliHelp.promise.list.option.offset'), '0')
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      const json = globalOptions(command).json;
      const status: string | undefined = options.status;
      checkPromiseStatus(status);
      const limit = integerOption(options.limit, '--limit', { min: 0, max: MAX_IMPORTED_PROMISE_PAGE }, lang);
      const offset = integerOption(options.offset, '--offset', { min: 0 }, lang);
      const input = {
        ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
        ...(options.customer === undefined ? {} : { customerCode: options.customer }),
      };
      // --json keeps its one document of recorded promises; the imported ones (a page, as the API
      // serves them) are asked for by name.
      const [recorded, imported] = await withContext(command, async (ctx) => [
        options.imported ? [] : await listPromises(ctx, input),
        options.imported || !json
          ? await listImportedPromisePage(ctx, { ...input, status, offset, limit: limit || undefined })
          : null,
      ]);
      const rows = recorded.filter((p) => status === undefined || p.assessment.status === status);
      if (json) return printJson(options.imported ? imported : rows);
      if (!options.imported) printPromises(rows, lang);
      if (imported) printImportedPromises(imported, lang, !options.imported, offset);
    });
}

export function registerDisputeCommands(program: Command): void {
  registerDisputeCommand(program);
  registerPromiseCommand(program);
}
