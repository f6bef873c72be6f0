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
import { help } from './help-words.ts';
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
      lateInvoices: c.lateInvoices,
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
  const insurance = program.command('insurance').description(help('cliHelp.insurance.description'));
  insurance
    .command('policy <insurer>')
    .description(help('cliHelp.insurance.policy.description'))
    .requiredOption('--declaration-days <days>', help('cliHelp.insurance.policy.option.declaration-days'))
    .requiredOption('--waiting-days <days>', help('cliHelp.insurance.policy.option.waiting-days'))
    .option('--warning-days <days>', help('cliHelp.insurance.policy.option.warning-days'), '15')
    .option('--number <number>', help('cliHelp.insurance.policy.option.number'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
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
    .description(help('cliHelp.insurance.policies.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const items = await withContext(command, (ctx) => listInsurancePolicies(ctx));
      if (globalOptions(command).json) return printJson({ items });
      printPolicies(items, toLang(options.lang));
    });
  insurance
    .command('deadlines')
    .description(help('cliHelp.insurance.deadlines.description'))
    .option('--as-of <date>', help('cliHelp.shared.asOfReference'))
    .option('--all', help('cliHelp.insurance.deadlines.option.all'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
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
          state: i.guaranteed
            ? t('insurance.state', { state: i.state })
            : t('insurance.notGuaranteed', { deadline: formatDate(lang, i.deadline ?? i.dueDate) }),
        }),
      );
      process.stdout.write(`${plain((lines.length ? lines : [t('insurance.cli.none')]).join('\n'))}\n`);
    });
  insurance
    .command('declare <customer>')
    .description(help('cliHelp.insurance.declare.description'))
    .option('--invoices <refs>', help('cliHelp.insurance.declare.option.invoices'))
    .option('--date <date>', help('cliHelp.insurance.declare.option.date'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
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
    .description(help('cliHelp.insurance.claims.description'))
    .option('--customer <code>', help('cliHelp.shared.oneCustomer'))
    .option('--status <status>', help('cliHelp.insurance.claims.option.status'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const items = await withContext(command, (ctx) =>
        listInsuranceClaims(ctx, { customerCode: options.customer, status: options.status }),
      );
      if (globalOptions(command).json) return printJson({ items });
      printClaims(items, toLang(options.lang));
    });
  insurance
    .command('status <id> <status>')
    .description(help('cliHelp.insurance.status.description'))
    .option('--indemnity <amount>', help('cliHelp.insurance.status.option.indemnity'))
    .option('--received <date>', help('cliHelp.insurance.status.option.received'))
    .option('--note <text>', help('cliHelp.shared.comment'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
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
