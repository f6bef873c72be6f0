/**
 * `encours writeoff propose|approve|reject|list`: write-offs along the delegation matrix;
 * `encours provision --as-of D [--from D]`: the provision for doubtful debts and its movements;
 * `encours claim letter ID --out FILE`: the claim-declaration letter of a claim task, as PDF.
 * The CLI is run by someone with the database in hand; `--user EMAIL` names the user of the
 * company it acts for, whose role the approval is judged on (and who may not approve their own).
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { AppContext } from '#app/context';
import { DomainError } from '#app/errors';
import { renderClaimLetter } from '#app/legal/claim-letter';
import { getProvision, type ProvisionReport } from '#app/legal/provisions';
import { vatNoteText } from '#app/legal/write-off-text';
import { decideWriteOff, listWriteOffs, proposeWriteOff, type WriteOffView } from '#app/legal/write-offs';
import { parseAmountToMinor } from '#core/money';
import { type Lang, label, toLang, translator } from '#text/catalogue';
import { formatDate, formatPercentBps } from '#text/format';
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
  const eur = (minor: number) => money(minor, 'EUR', lang);
  const lines = [
    t('provision.cli.total', { asOf: formatDate(lang, report.asOf), total: eur(report.totalMinor) }),
  ];
  for (const [basis, amount] of Object.entries(report.byBasis))
    if (amount > 0)
      lines.push(t('provision.cli.basis', { basis: t('provision.basis', { basis }), amount: eur(amount) }));
  const m = report.movements;
  if (m && report.from)
    lines.push(
      t('provision.cli.movements', {
        from: formatDate(lang, report.from),
        asOf: formatDate(lang, report.asOf),
        opening: eur(m.openingMinor),
        allowance: eur(m.allowanceMinor),
        reversal: eur(m.reversalMinor),
        used: eur(m.usedMinor),
        closing: eur(m.closingMinor),
      }),
    );
  for (const line of report.lines)
    lines.push(
      t('provision.cli.line', {
        customerCode: line.customerCode,
        ref: line.ref,
        open: eur(line.openMinor),
        vat: line.vatRateBps > 0 ? 'charged' : 'none',
        days: line.daysPastDue,
        basis: t('provision.basis', { basis: line.basis }),
        rate: formatPercentBps(lang, line.rateBps),
        net: eur(line.netMinor),
        provision: eur(line.provisionMinor),
      }),
    );
  process.stdout.write(`${plain(lines.join('\n'))}\n`);
}

export function registerWriteOffCommands(program: Command): void {
  const writeoff = program
    .command('writeoff')
    .description('write-offs: proposal, approval along the delegation matrix');
  writeoff
    .command('propose <customer>')
    .description('propose writing off invoices of a customer')
    .requiredOption('--invoices <refs>', 'invoice references, comma-separated; REF=AMOUNT for part of one')
    .requiredOption('--reason <code>', 'insolvency|uncollectable|small_balance|commercial|other')
    .requiredOption('--why <text>', 'the justification')
    .option('--vat-rate <bps>', 'VAT rate of the invoices in basis points (2000 = 20 %), for the VAT note')
    .option('--user <email>', 'the user of the company who proposes')
    .option('--lang <lang>', 'fr or en', 'fr')
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
        decision === 'approve' ? 'approve: the write-off is written to the ledger' : 'reject, saying why',
      )
      .requiredOption(
        '--user <email>',
        'the user of the company who decides (their role must allow the amount)',
      )
      .option('--comment <text>', decision === 'approve' ? 'comment' : 'why (required)')
      .option('--lang <lang>', 'fr or en', 'fr')
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
    .description('write-off proposals, newest first')
    .option('--status <status>', 'proposed|approved|rejected')
    .option('--customer <code>', 'one customer')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (options, command: Command) => {
      const items = await withContext(command, (ctx) =>
        listWriteOffs(ctx, { status: options.status, customerCode: options.customer }),
      );
      if (globalOptions(command).json) return printJson({ items });
      printWriteOffs(items, toLang(options.lang));
    });

  program
    .command('provision')
    .description('provision for doubtful debts at a date, by age or case; movements since --from')
    .option('--as-of <date>', 'date of the provision (default: the reference date)')
    .option(
      '--from <date>',
      'start of the period of the movements (the provision at that date is the opening)',
    )
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (options, command: Command) => {
      const report = await withContext(command, (ctx) =>
        getProvision(ctx, { asOf: options.asOf, from: options.from }),
      );
      if (globalOptions(command).json) return printJson(report);
      printProvision(report, toLang(options.lang));
    });

  program
    .command('claim')
    .description('claim declarations in collective procedures: the letter to the mandataire')
    .command('letter <id>')
    .description('the claim-declaration letter of a claim task (L622-24, R622-23), as PDF')
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--mandataire <name>', 'the mandataire judiciaire named in the judgment')
    .option('--address <lines>', 'their address, lines separated by |')
    .option('--date <date>', 'date of the letter (default: the reference date)')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (id: string, options, command: Command) => {
      const claimId = idArgument(id, 'claimTask');
      const mandataire = options.mandataire
        ? {
            name: options.mandataire,
            addressLines: String(options.address ?? '')
              .split('|')
              .filter(Boolean),
          }
        : undefined;
      const letter = await withContext(command, (ctx) =>
        renderClaimLetter(ctx, { claimId, lang: toLang(options.lang), mandataire, date: options.date }),
      );
      await writeFile(options.out, letter.pdf);
      if (globalOptions(command).json)
        return printJson({ file: options.out, fileName: letter.fileName, totals: letter.model.totals });
      process.stdout.write(`${options.out}\n`);
    });
}
