/**
 * The top-level commands and the module that defines each. `encours` loads only the module of
 * the command it runs, so `encours --help` and a small command do not pay for loading every use
 * case, renderer and driver. `test/integration/cli-commands.test.ts` checks this table against
 * what the modules really register.
 */
import type { Command } from 'commander';

export type Register = (program: Command) => void;

export interface CommandModule {
  /** Top-level commands the module registers, each with its one-line description (the module's own). */
  commands: readonly { name: string; summary: string }[];
  load: () => Promise<Register>;
}

export const COMMAND_MODULES: readonly CommandModule[] = [
  {
    commands: [
      {
        name: 'serve',
        summary: 'serve the HTTP API (and the web application); loads the demo company on first start',
      },
      { name: 'migrate', summary: 'apply pending database migrations (they also run automatically)' },
    ],
    load: async () => (await import('./serve-commands.ts')).registerServeCommands,
  },
  {
    commands: [
      { name: 'demo', summary: 'load the demo company SA CB2C (fixed data, reference date in the manifest)' },
    ],
    load: async () => (await import('./demo-command.ts')).registerDemoCommand,
  },
  {
    commands: [
      {
        name: 'import',
        summary:
          'import a CSV or XLSX file of customers, invoices, credit-notes, payments, orders, a FEC (`import fec FILE`) or a bank statement — camt.053/054, CFONB 120, OFX (`import bank FILE`): all-or-nothing, idempotent',
      },
    ],
    load: async () => (await import('./import-command.ts')).registerImportCommand,
  },
  {
    commands: [
      {
        name: 'companies',
        summary: 'the companies of the database: list, create one with its name before its first import',
      },
    ],
    load: async () => (await import('./companies-command.ts')).registerCompaniesCommand,
  },
  {
    commands: [
      { name: 'customers', summary: 'customer portfolio' },
      { name: 'customer', summary: 'one customer' },
    ],
    load: async () => (await import('./customers-commands.ts')).registerCustomerCommands,
  },
  {
    commands: [{ name: 'report', summary: 'receivables analytics (aged balance, indicators, risk table…)' }],
    load: async () => (await import('./report-command.ts')).registerReportCommand,
  },
  {
    commands: [
      { name: 'order', summary: 'orders and the credit check' },
      { name: 'credit', summary: 'credit scoring and limits' },
    ],
    load: async () => (await import('./credit-command.ts')).registerCreditCommands,
  },
  {
    commands: [{ name: 'dunning', summary: 'dunning runs: reminders, letters, formal notices' }],
    load: async () => (await import('./dunning-command.ts')).registerDunningCommands,
  },
  {
    commands: [
      { name: 'dispute', summary: 'disputes (litiges): their invoices are not reminded' },
      { name: 'promise', summary: 'promises to pay: their invoices wait until the promised date' },
    ],
    load: async () => (await import('./dispute-command.ts')).registerDisputeCommands,
  },
  {
    commands: [
      {
        name: 'agenda',
        summary: "the collector's prioritised list for the day, with the reasons for each rank",
      },
    ],
    load: async () => (await import('./agenda-command.ts')).registerAgendaCommand,
  },
  {
    commands: [{ name: 'cash', summary: 'bank receipts: cash application (lettrage des encaissements)' }],
    load: async () => (await import('./cash-command.ts')).registerCashCommand,
  },
  {
    commands: [
      { name: 'predict', summary: 'payment-date predictions' },
      { name: 'forecast', summary: 'collection forecast' },
    ],
    load: async () => (await import('./forecast-command.ts')).registerForecastCommands,
  },
  {
    commands: [
      { name: 'watch', summary: 'insolvency watch' },
      { name: 'company', summary: 'company-register data of customers' },
    ],
    load: async () => (await import('./legal-command.ts')).registerLegalCommands,
  },
  {
    commands: [
      { name: 'writeoff', summary: 'write-offs: proposal, approval along the delegation matrix' },
      {
        name: 'provision',
        summary: 'provision for doubtful debts at a date, by age or case; movements since --from',
      },
      { name: 'claim', summary: 'claim declarations in collective procedures: the letter to the mandataire' },
    ],
    load: async () => (await import('./writeoff-command.ts')).registerWriteOffCommands,
  },
  {
    commands: [
      {
        name: 'legal',
        summary:
          'legal hand-over to lawyers and collection agencies: files, package, reports, reconciliation',
      },
      {
        name: 'insurance',
        summary: 'credit-insurance claims: declaration deadlines, threatened-loss declarations, indemnities',
      },
    ],
    load: async () => (await import('./legal-handover-command.ts')).registerLegalHandoverCommands,
  },
  {
    commands: [
      {
        name: 'factoring',
        summary:
          'factoring: contracts, batches assigned to the factor, current account and its reconciliation',
      },
    ],
    load: async () => (await import('./factoring-command.ts')).registerFactoringCommand,
  },
  {
    commands: [
      {
        name: 'outsourcing',
        summary:
          'real annual cost of in-house receivables management against credit insurance, factoring and collection agencies',
      },
    ],
    load: async () => (await import('./outsourcing-command.ts')).registerOutsourcingCommand,
  },
  {
    commands: [
      { name: 'jobs', summary: 'long and scheduled work: start, follow, cancel; the worker; schedules' },
    ],
    load: async () => (await import('./jobs-command.ts')).registerJobsCommand,
  },
  {
    commands: [{ name: 'outbox', summary: 'the mail outbox: messages, status, .eml, sending' }],
    load: async () => (await import('./outbox-command.ts')).registerOutboxCommand,
  },
  {
    commands: [
      { name: 'audit', summary: 'internal audit: fraud and embezzlement signals, their thresholds' },
    ],
    load: async () => (await import('./audit-command.ts')).registerAuditCommands,
  },
  {
    commands: [
      {
        name: 'promotion',
        summary: 'marketing promotions: credit terms submitted for approval, their effect',
      },
    ],
    load: async () => (await import('./promotion-command.ts')).registerPromotionCommands,
  },
  {
    commands: [
      {
        name: 'procedure',
        summary: 'the credit procedure: replay a proposed policy on the history, process diagram',
      },
    ],
    load: async () => (await import('./procedure-command.ts')).registerProcedureCommand,
  },
];

/** Global options that take a value: their value is not the command name. */
const VALUE_OPTIONS = new Set(['--db', '--data-dir', '--company', '--lang']);

/** The first word of the command line that is not a global option or its value. */
export function commandNameOf(args: readonly string[]): string | undefined {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (VALUE_OPTIONS.has(arg)) {
      index++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return arg;
  }
  return undefined;
}

/**
 * Registers what the command line needs: the module of its command, or, for the top-level help
 * and unknown commands, every command as a one-line stub (so the help lists them all and an
 * unknown name is refused with the list) — without loading any module.
 */
export async function registerFor(program: Command, args: readonly string[]): Promise<void> {
  const name = commandNameOf(args);
  const module = COMMAND_MODULES.find((entry) => entry.commands.some((command) => command.name === name));
  if (module) {
    (await module.load())(program);
    return;
  }
  for (const entry of COMMAND_MODULES)
    for (const { name: commandName, summary } of entry.commands)
      program.command(commandName).description(summary);
}
