/**
 * `encours insurance policy|policies|deadlines|declare|claims|status`: credit-insurance policies,
 * the threatened-loss declaration deadlines of covered buyers' overdue invoices, and the claims.
 */
import type { Command } from 'commander';
import {
  declareThreatenedLoss,
  type InsuranceClaimView,
  listInsuranceClaims,
  updateInsuranceClaimStatus,
} from '#app/legal/insurance-claims';
import {
  listDeclarationDeadlines,
  listInsurancePolicies,
  saveInsurancePolicy,
} from '#app/legal/insurance-policies';
import type { PolicyRow } from '#db/legal/insurance-queries';
import { type Lang, toLang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { amountOption, idArgument } from './legal-values.ts';
import { money, plain, printJson } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

function printClaims(items: readonly InsuranceClaimView[], lang: Lang): void {
  const t = translator(lang);
  const lines = items.map((c) =>
    t('insurance.cli.claim', {
      claimId: c.claimId,
      customer: `${c.customerName} (${c.customerCode})`,
      insurer: c.insurer,
      declaredOn: formatDate(lang, c.declaredOn),
      outstanding: money(c.outstandingMinor, c.currency, lang),
      insured: money(c.insuredMinor, c.currency, lang),
      expected: formatDate(lang, c.indemnityExpectedOn),
      status: t('insurance.status', { status: c.status }),
      late: c.late ? 'yes' : 'no',
    }),
  );
  process.stdout.write(`${plain((lines.length ? lines : [t('insurance.cli.none')]).join('\n'))}\n`);
}

function printPolicies(items: readonly PolicyRow[], lang: Lang): void {
  const t = translator(lang);
  const lines = items.map((p) => t('insurance.cli.policy', { ...p, policyNumber: p.policyNumber ?? 'none' }));
  process.stdout.write(`${plain((lines.length ? lines : [t('insurance.cli.none')]).join('\n'))}\n`);
}

export function registerInsuranceCommands(program: Command): void {
  const insurance = program
    .command('insurance')
    .description('credit-insurance claims: declaration deadlines, threatened-loss declarations, indemnities');
  insurance
    .command('policy <insurer>')
    .description('records the policy of an insurer (a new version when it changes)')
    .requiredOption(
      '--declaration-days <days>',
      'days after an unpaid due date to declare the threatened loss',
    )
    .requiredOption('--waiting-days <days>', 'waiting period before the indemnity (délai de carence)')
    .option('--warning-days <days>', 'list an invoice this many days before its deadline', '15')
    .option('--number <number>', 'the policy number')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (insurer: string, options, command: Command) => {
      const policy = await withContext(command, (ctx) =>
        saveInsurancePolicy(ctx, {
          insurer,
          policyNumber: options.number ?? null,
          threatenedLossDays: Number(options.declarationDays),
          waitingDays: Number(options.waitingDays),
          warningDays: Number(options.warningDays),
        }),
      );
      if (globalOptions(command).json) return printJson(policy);
      printPolicies([policy], toLang(options.lang));
    });
  insurance
    .command('policies')
    .description('the policy in force of each insurer')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (options, command: Command) => {
      const items = await withContext(command, (ctx) => listInsurancePolicies(ctx));
      if (globalOptions(command).json) return printJson({ items });
      printPolicies(items, toLang(options.lang));
    });
  insurance
    .command('deadlines')
    .description('overdue invoices of covered buyers approaching or past their declaration deadline')
    .option('--as-of <date>', 'as of this date (default: the reference date)')
    .option('--all', 'every overdue invoice of a covered buyer, declared or not')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (options, command: Command) => {
      const result = await withContext(command, (ctx) =>
        listDeclarationDeadlines(ctx, { asOf: options.asOf, all: options.all === true }),
      );
      if (globalOptions(command).json) return printJson(result);
      const lang = toLang(options.lang);
      const t = translator(lang);
      const lines = result.items.map((i) =>
        t('insurance.cli.deadline', {
          customer: i.customerCode,
          ref: i.ref,
          open: money(i.openMinor, i.currency, lang),
          dueDate: formatDate(lang, i.dueDate),
          deadline: i.deadline ? formatDate(lang, i.deadline) : 'none',
          insurer: i.insurer,
          state: t('insurance.state', { state: i.state }),
        }),
      );
      process.stdout.write(`${plain((lines.length ? lines : [t('insurance.cli.none')]).join('\n'))}\n`);
    });
  insurance
    .command('declare <customer>')
    .description('declares the threatened loss on a covered buyer’s overdue invoices')
    .option('--invoices <refs>', 'invoice references, comma-separated (default: every one not declared)')
    .option('--date <date>', 'declaration date (default: the reference date)')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (customer: string, options, command: Command) => {
      const claim = await withContext(command, (ctx) =>
        declareThreatenedLoss(ctx, {
          customerCode: customer,
          invoices: options.invoices
            ?.split(',')
            .map((r: string) => r.trim())
            .filter(Boolean),
          date: options.date,
        }),
      );
      if (globalOptions(command).json) return printJson(claim);
      printClaims([claim], toLang(options.lang));
    });
  insurance
    .command('claims')
    .description('credit-insurance claims, newest first')
    .option('--customer <code>', 'one customer')
    .option('--status <status>', 'declared|claim_filed|indemnified|rejected|settled')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (options, command: Command) => {
      const items = await withContext(command, (ctx) =>
        listInsuranceClaims(ctx, { customerCode: options.customer, status: options.status }),
      );
      if (globalOptions(command).json) return printJson({ items });
      printClaims(items, toLang(options.lang));
    });
  insurance
    .command('status <id> <status>')
    .description('moves a claim on: claim_filed, indemnified (--indemnity, --received), rejected, settled')
    .option('--indemnity <amount>', 'indemnity received')
    .option('--received <date>', 'date the indemnity was received')
    .option('--note <text>', 'comment')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (id: string, status: string, options, command: Command) => {
      const claim = await withContext(command, (ctx) =>
        updateInsuranceClaimStatus(ctx, {
          claimId: idArgument(id, 'claim'),
          status,
          indemnityMinor: amountOption(options.indemnity, '--indemnity') ?? null,
          receivedOn: options.received ?? null,
          note: options.note,
        }),
      );
      if (globalOptions(command).json) return printJson(claim);
      printClaims([claim], toLang(options.lang));
    });
}
