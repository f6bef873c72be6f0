/**
 * The top-level commands and the module that defines each. `encours` loads only the module of
 * the command it runs, so `encours --help` and a small command do not pay for loading every use
 * case, renderer and driver. `test/integration/cli-commands.test.ts` checks this table against
 * what the modules really register.
 */
import type { Command } from 'commander';
import type { Lang } from '#text/catalogue';
import { buildInLang, help } from './help-words.ts';

export type Register = (program: Command) => void;

export interface CommandModule {
  /** Top-level commands the module registers (described by `cliHelp.<name>.description`, as in it). */
  commands: readonly string[];
  load: () => Promise<Register>;
}

export const COMMAND_MODULES: readonly CommandModule[] = [
  {
    commands: ['serve', 'migrate'],
    load: async () => (await import('./serve-commands.ts')).registerServeCommands,
  },
  {
    commands: ['demo'],
    load: async () => (await import('./demo-command.ts')).registerDemoCommand,
  },
  {
    commands: ['import'],
    load: async () => (await import('./import-command.ts')).registerImportCommand,
  },
  {
    commands: ['companies'],
    load: async () => (await import('./companies-command.ts')).registerCompaniesCommand,
  },
  {
    commands: ['customers', 'customer'],
    load: async () => (await import('./customers-commands.ts')).registerCustomerCommands,
  },
  {
    commands: ['report'],
    load: async () => (await import('./report-command.ts')).registerReportCommand,
  },
  {
    commands: ['order', 'credit'],
    load: async () => (await import('./credit-command.ts')).registerCreditCommands,
  },
  {
    commands: ['dunning'],
    load: async () => (await import('./dunning-command.ts')).registerDunningCommands,
  },
  {
    commands: ['dispute', 'promise'],
    load: async () => (await import('./dispute-command.ts')).registerDisputeCommands,
  },
  {
    commands: ['agenda'],
    load: async () => (await import('./agenda-command.ts')).registerAgendaCommand,
  },
  {
    commands: ['cash'],
    load: async () => (await import('./cash-command.ts')).registerCashCommand,
  },
  {
    commands: ['predict', 'forecast'],
    load: async () => (await import('./forecast-command.ts')).registerForecastCommands,
  },
  {
    commands: ['watch', 'company'],
    load: async () => (await import('./legal-command.ts')).registerLegalCommands,
  },
  {
    commands: ['writeoff', 'provision'],
    load: async () => (await import('./writeoff-command.ts')).registerWriteOffCommands,
  },
  {
    commands: ['claim'],
    load: async () => (await import('./claim-command.ts')).registerClaimCommands,
  },
  {
    commands: ['legal', 'insurance'],
    load: async () => (await import('./legal-handover-command.ts')).registerLegalHandoverCommands,
  },
  {
    commands: ['factoring'],
    load: async () => (await import('./factoring-command.ts')).registerFactoringCommand,
  },
  {
    commands: ['outsourcing'],
    load: async () => (await import('./outsourcing-command.ts')).registerOutsourcingCommand,
  },
  {
    commands: ['jobs'],
    load: async () => (await import('./jobs-command.ts')).registerJobsCommand,
  },
  {
    commands: ['outbox'],
    load: async () => (await import('./outbox-command.ts')).registerOutboxCommand,
  },
  {
    commands: ['audit'],
    load: async () => (await import('./audit-command.ts')).registerAuditCommands,
  },
  {
    commands: ['promotion'],
    load: async () => (await import('./promotion-command.ts')).registerPromotionCommands,
  },
  {
    commands: ['procedure'],
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
 * Registers what the command line needs, described in `lang`: the module of its command, or, for
 * the top-level help and unknown commands, every command as a one-line stub (so the help lists
 * them all and an unknown name is refused with the list) — without loading any module. A stub
 * takes the description its module gives the command, from the same catalogue key.
 */
export async function registerFor(
  program: Command,
  args: readonly string[],
  lang: Lang = 'fr',
): Promise<void> {
  const name = commandNameOf(args);
  const module = COMMAND_MODULES.find((entry) => entry.commands.some((command) => command === name));
  if (module) {
    const register = await module.load();
    buildInLang(lang, () => register(program));
    return;
  }
  buildInLang(lang, () => {
    for (const entry of COMMAND_MODULES)
      for (const commandName of entry.commands)
        program.command(commandName).description(help(`cliHelp.${commandName}.description`));
  });
}
