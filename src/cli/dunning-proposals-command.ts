/**
 * `encours dunning proposals [ID]`, `dunning approve ID [--customers A,B]`, `dunning reject ID
 * [--note …]` and `dunning settings` (dunning-settings-command.ts): the runs a company that reviews
 * before sending gets from its daily job, and the setting that asks for them.
 */
import type { Command } from 'commander';
import { approveRunProposal, rejectRunProposal } from '#app/dunning/proposal-decisions';
import { getRunProposal, listRunProposals, type ProposalView } from '#app/dunning/run-proposals';
import { DomainError } from '#app/errors';
import { type Lang, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import { registerSettingsCommand } from './dunning-settings-command.ts';
import { help } from './help-words.ts';
import { printJson, printTable } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

function proposalId(text: string): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id < 1)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.notANumber',
      params: { what: 'proposal', value: text },
    });
  return id;
}

const amountOf = (lang: Lang, p: ProposalView) =>
  p.totals.map((total) => formatMoney(lang, total.totalDueMinor, total.currency)).join(' · ') || '—';

function summaryLine(lang: Lang, p: ProposalView): string {
  const t = translator(lang);
  return `${p.proposalId} — ${t('dunningProposals.status', { status: p.status })} — ${t(
    'dunningProposals.summary',
    {
      date: formatDate(lang, p.asOf),
      customers: p.customers,
      actions: p.actions,
      amount: amountOf(lang, p),
    },
  )}`;
}

function printProposals(rows: readonly ProposalView[], lang: Lang): void {
  const t = translator(lang);
  if (rows.length === 0) {
    process.stdout.write(`${t('dunningProposals.cli.none')}\n`);
    return;
  }
  printTable(rows, [
    { header: t('dunningProposals.cli.id'), value: (p) => String(p.proposalId), align: 'right' },
    { header: t('dunningProposals.cli.date'), value: (p) => formatDate(lang, p.asOf) },
    {
      header: t('dunningProposals.cli.statusHeader'),
      value: (p) => t('dunningProposals.status', { status: p.status }),
    },
    { header: t('dunningProposals.cli.customers'), value: (p) => String(p.customers), align: 'right' },
    { header: t('dunningProposals.cli.actions'), value: (p) => String(p.actions), align: 'right' },
    { header: t('dunningProposals.cli.amount'), value: (p) => amountOf(lang, p), align: 'right' },
    { header: t('dunningProposals.cli.decidedBy'), value: (p) => p.decidedBy ?? '' },
  ]);
}

export function registerDunningProposalCommands(dunning: Command): void {
  dunning
    .command('proposals [id]')
    .description(help('cliHelp.dunning.proposals.description'))
    .option('--status <status>', help('cliHelp.dunning.proposals.option.status'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (id: string | undefined, options, command: Command) => {
      const lang = parseLang(options.lang);
      const json = globalOptions(command).json;
      if (id !== undefined) {
        const detail = await withContext(command, (ctx) => getRunProposal(ctx, proposalId(id)));
        if (json) return printJson(detail);
        process.stdout.write(`${summaryLine(lang, detail)}\n${detail.customerCodes.join(' ')}\n`);
        return;
      }
      const rows = await withContext(command, (ctx) => listRunProposals(ctx, { status: options.status }));
      if (json) return printJson(rows);
      printProposals(rows, lang);
    });
  dunning
    .command('approve <id>')
    .description(help('cliHelp.dunning.approve.description'))
    .option('--customers <codes>', help('cliHelp.dunning.approve.option.customers'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (id: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const customers = options.customers as string | undefined;
      const customerCodes = customers
        ?.split(',')
        .map((code) => code.trim())
        .filter((code) => code !== '');
      const result = await withContext(command, (ctx) =>
        approveRunProposal(ctx, { proposalId: proposalId(id), customerCodes, lang }),
      );
      if (globalOptions(command).json) return printJson(result);
      process.stdout.write(
        `${translator(lang)('dunningProposals.approved', { run: result.run.runId, sent: result.run.sentActions })}\n`,
      );
    });
  dunning
    .command('reject <id>')
    .description(help('cliHelp.dunning.reject.description'))
    .option('--note <text>', help('cliHelp.dunning.reject.option.note'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (id: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const view = await withContext(command, (ctx) =>
        rejectRunProposal(ctx, { proposalId: proposalId(id), note: options.note, lang }),
      );
      if (globalOptions(command).json) return printJson(view);
      process.stdout.write(`${translator(lang)('dunningProposals.rejected')}\n`);
    });
  registerSettingsCommand(dunning);
}
