/**
 * `encours writeoff propose|approve|reject|list`: write-offs along the delegation matrix;
 * `encours provision --as-of D [--from D]`: the provision for doubtful debts and its movements
 * (the claim declarations are in claim-command.ts).
 * The CLI is run by someone with the database in hand; `--user EMAIL` names the user of the
 * company it acts for, whose role the approval is judged on (and who may not approve their own).
 */
import type { Command } from 'commander';
import type { AppContext } from '#app/context';
import { DomainError } from '#app/errors';
import { getProvision, type ProvisionReport } from '#app/legal/provisions';
import { vatNoteText } from '#app/legal/write-off-text';
import { decideWriteOff, listWriteOffs, proposeWriteOff, type WriteOffView } from '#app/legal/write-offs';
import { parseAmountToMinor } from '#core/money';
import { type Lang, label, toLang, translator } from '#text/catalogue';
import { formatDate, formatPercentBps } from '#text/format';
import { help } from './help-words.ts';
import { idArgument } from './legal-values.ts';
import { money, plain, printJson } from './output.ts';
import { globalOptions, withContext, withRuntime } from './shared.ts';

function asUser<T>(
  command: Command,
  user: string | undefined,
  work: (ctx: AppContext) => Promise<T>,
): Promise<T> {
  if (user === undefined) return withContext(command, work);
  return withRuntime(command, async (runtime) =>
    work(await runtime.contextFor(globalOptions(command).company, user)),
  );
}

/** `F1,F2=150.00`: every open amount of F1, 150.00 of F2. */
function parseInvoices(text: string): { ref: string; amountMinor?: number }[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [ref = '', amount] = part.split('=');
      if (amount === undefined) return { ref: ref.trim() };
      const amountMinor = parseAmountToMinor(amount, { exponent: 2, decimalSeparator: '.' });
      if (amountMinor === null || amountMinor <= 0)
        throw new DomainError('invalid_input', {
          key: 'errors.legal.option.amountFor',
          params: { ref: ref.trim(), value: amount },
        });
      return { ref: ref.trim(), amountMinor };
    });
}

function printWriteOffs(items: readonly WriteOffView[], lang: Lang): void {
  const t = translator(lang);
  if (items.length === 0) return void process.stdout.write(`${t('writeoff.cli.none')}\n`);
  const lines = items.flatMap((item) => [
    t('writeoff.cli.line', {
      proposalId: item.proposalId,
      customerName: item.customerName,
      customerCode: item.customerCode,
      amount: money(item.amountMinor, item.currency, lang),
      refs: item.items.map((line) => line.ref).join(', '),
      reason: t('writeoff.reason', { reason: item.reasonCode }),
      status: t('writeoff.status', { status: item.status }),
      requiredRole: item.status === 'proposed' ? label(lang, 'role', item.requiredRole) : 'none',
    }),
    `  ${vatNoteText(lang, item)}`,
  ]);
  process.stdout.write(`${plain(lines.join('\n'))}\n`);
}

function printProvision(report: ProvisionReport, lang: Lang): void {
  const t = translator(lang);
  const asOf = formatDate(lang, report.asOf);
  const lines: string[] = [];
  // One block per currency, euros and dollars never added up; without any line, the company's zero.
  const totals = report.totals.length > 0 ? report.totals : [report];
  for (const total of totals) {
    const amount = (minor: number) => money(minor, total.currency, lang);
    lines.push(t('provision.cli.total', { asOf, total: amount(total.totalMinor) }));
    for (const [basis, minor] of Object.entries(total.byBasis))
      if (minor > 0)
        lines.push(
          t('provision.cli.basis', { basis: t('provision.basis', { basis }), amount: amount(minor) }),
        );
  }
  const m = report.movements;
  if (m && report.from)
    for (const movement of m.totals.length > 0 ? m.totals : [{ ...m, currency: report.currency }]) {
      const amount = (minor: number) => money(minor, movement.currency, lang);
      lines.push(
        t('provision.cli.movements', {
          from: formatDate(lang, report.from),
          asOf,
          opening: amount(movement.openingMinor),
          allowance: amount(movement.allowanceMinor),
          reversal: amount(movement.reversalMinor),
          used: amount(movement.usedMinor),
          closing: amount(movement.closingMinor),
        }),
      );
    }
  for (const line of report.lines) {
    const amount = (minor: number) => money(minor, line.currency, lang);
    lines.push(
      t('provision.cli.line', {
        customerCode: line.customerCode,
        ref: line.ref,
        open: amount(line.openMinor),
        vat: line.vatRateBps > 0 ? 'charged' : 'none',
        days: line.daysPastDue,
        basis: t('provision.basis', { basis: line.basis }),
        rate: formatPercentBps(lang, line.rateBps),
        net: amount(line.netMinor),
        provision: amount(line.provisionMinor),
      }),
    );
    if (line.postJudgment)
      lines.push(`    ${t('provision.postJudgment', { issueDate: formatDate(lang, line.issueDate) })}`);
  }
  process.stdout.write(`${plain(lines.join('\n'))}\n`);
}

export function registerWriteOffCommands(program: Command): void {
  const writeoff = program.command('writeoff').description(help('cliHelp.writeoff.description'));
  writeoff
    .command('propose <customer>')
    .description(help('cliHelp.writeoff.propose.description'))
    .requiredOption('--invoices <refs>', help('cliHelp.writeoff.propose.option.invoices'))
    .requiredOption('--reason <code>', help('cliHelp.writeoff.propose.option.reason'))
    .requiredOption('--why <text>', help('cliHelp.writeoff.propose.option.why'))
    .option('--vat-rate <bps>', help('cliHelp.writeoff.propose.option.vat-rate'))
    .option('--user <email>', help('cliHelp.writeoff.propose.option.user'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (customer: string, options, command: Command) => {
      const view = await asUser(command, options.user, (ctx) =>
        proposeWriteOff(ctx, {
          customerCode: customer,
          invoices: parseInvoices(options.invoices),
          reasonCode: options.reason,
          reason: options.why,
          vatRateBps: options.vatRate === undefined ? null : Number(options.vatRate),
        }),
      );
      if (globalOptions(command).json) return printJson(view);
      printWriteOffs([view], toLang(options.lang));
    });
  for (const decision of ['approve', 'reject'] as const)
    writeoff
      .command(`${decision} <id>`)
      .description(
        decision === 'approve'
          ? help('cliHelp.writeoff.approve.description')
          : help('cliHelp.writeoff.reject.description'),
      )
      .requiredOption('--user <email>', help('cliHelp.shared.decidingUser'))
      .option(
        '--comment <text>',
        help(decision === 'approve' ? 'cliHelp.shared.comment' : 'cliHelp.shared.whyRequired'),
      )
      .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
      .action(async (id: string, options, command: Command) => {
        const proposalId = idArgument(id, 'proposal');
        const view = await asUser(command, options.user, (ctx) =>
          decideWriteOff(ctx, { proposalId, decision, comment: options.comment }),
        );
        if (globalOptions(command).json) return printJson(view);
        printWriteOffs([view], toLang(options.lang));
      });
  writeoff
    .command('list')
    .description(help('cliHelp.writeoff.list.description'))
    .option('--status <status>', help('cliHelp.writeoff.list.option.status'))
    .option('--customer <code>', help('cliHelp.shared.oneCustomer'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const items = await withContext(command, (ctx) =>
        listWriteOffs(ctx, { status: options.status, customerCode: options.customer }),
      );
      if (globalOptions(command).json) return printJson({ items });
      printWriteOffs(items, toLang(options.lang));
    });

  program
    .command('provision')
    .description(help('cliHelp.provision.description'))
    .option('--as-of <date>', help('cliHelp.provision.option.as-of'))
    .option('--from <date>', help('cliHelp.provision.option.from'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const report = await withContext(command, (ctx) =>
        getProvision(ctx, { asOf: options.asOf, from: options.from }),
      );
      if (globalOptions(command).json) return printJson(report);
      printProvision(report, toLang(options.lang));
    });
}
