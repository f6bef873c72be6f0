/** `encours import customers|invoices|credit-notes|payments|orders|fec FILE`. */

import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { companyOfFecFileName, ensureCompany } from '#app/companies/companies';
import { DomainError } from '#app/errors';
import { importFec } from '#app/fec/import-fec';
import { DATE_ORDERS, type ImportError, importFile, isDateOrder } from '#app/imports/import-file';
import { importWaitFromEnv } from '#app/imports/import-wait';
import { isJournalType, JOURNAL_TYPES, type JournalType } from '#importers/fec/fec-journals';
import { ENTITIES, type ImportEntity } from '#importers/parse-file';
import { type Lang, toLang, translator } from '#text/catalogue';
import { problemColumn } from '#text/import-problems';
import { runBankImport } from './cash-command.ts';
import { help } from './help-words.ts';
import { fecSummaryLines, importSummaryLines } from './import-print.ts';
import { printJson } from './output.ts';
import { globalOptions, parseLang, withRuntime } from './shared.ts';

/** The language of the refusals of options read before the action (its --lang is not known yet). */
const t = translator('fr');

function collectMapping(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.lastIndexOf('=');
  if (at <= 0 || at === value.length - 1)
    throw new DomainError('invalid_input', t('cli.import.error.map', { value }));
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

function collectJournal(value: string, previous: Record<string, JournalType>): Record<string, JournalType> {
  const [code, type] = value.split('=');
  if (!code || !type || !isJournalType(type))
    throw new DomainError(
      'invalid_input',
      t('cli.import.error.journal', { value, types: JOURNAL_TYPES.join('|') }),
    );
  return { ...previous, [code]: type };
}

export function registerImportCommand(program: Command): void {
  program
    .command('import <entity> <file>')
    .description(help('cliHelp.import.description'))
    .option('--dry-run', help('cliHelp.import.option.dry-run'))
    .option('--map <column=field>', help('cliHelp.import.option.map'), collectMapping, {})
    .option(
      '--ignore-column <name>',
      help('cliHelp.import.option.ignore-column'),
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option(
      '--date-order <order>',
      help('cliHelp.import.option.date-order', { orders: DATE_ORDERS.join('|') }),
    )
    .option('--lang <lang>', help('cliHelp.import.option.lang'), 'fr')
    .option('--customer-accounts <prefixes>', help('cliHelp.import.option.customer-accounts'))
    .option(
      '--journal <CODE=type>',
      help('cliHelp.import.option.journal', { types: JOURNAL_TYPES.join('|') }),
      collectJournal,
      {},
    )
    .option('--default-terms <terms>', help('cliHelp.import.option.default-terms'))
    .action(async (entity: string, file: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      requireFile(file, lang);
      if (entity === 'fec') return runFecImport(file, options, command);
      if (entity === 'bank') return runBankImport(file, options, command);
      if (!(ENTITIES as readonly string[]).includes(entity)) {
        const entities = `${ENTITIES.join(', ')}, fec, bank`;
        throw new DomainError(
          'invalid_input',
          translator(lang)('cli.import.error.entity', { entity, entities }),
        );
      }
      const dateOrder: string | undefined = options.dateOrder;
      if (dateOrder !== undefined && !isDateOrder(dateOrder)) {
        const orders = DATE_ORDERS.join(', ');
        throw new DomainError('invalid_input', translator(lang)('cli.import.error.dateOrder', { orders }));
      }
      const global = globalOptions(command);
      const bar =
        process.stderr.isTTY && !global.json
          ? new SingleBar({ format: 'Reading {bar} {percentage}% | {value}/{total} bytes' })
          : null;
      try {
        const summary = await withRuntime(command, async (runtime) => {
          if (global.company && !options.dryRun)
            await createCompanyIfNew(runtime.handle.db, global.company, null, lang);
          const ctx = await runtime.contextFor(global.company, 'cli');
          let started = false;
          return importFile(ctx, {
            entity: entity as ImportEntity,
            filePath: file,
            dryRun: options.dryRun ?? false,
            mapping: options.map,
            ignoreColumns: options.ignoreColumn,
            lang,
            ...(dateOrder === undefined ? {} : { dateOrder }),
            // ENCOURS_IMPORT_WAIT_SECONDS: how long to wait behind another import of the entity.
            turnWaitMs: importWaitFromEnv(process.env),
            onProgress: (bytesRead, totalBytes) => {
              if (!bar) return;
              if (!started) bar.start(totalBytes, 0);
              started = true;
              bar.update(bytesRead);
            },
          });
        });
        bar?.stop();
        if (global.json) printJson(summary);
        else printLines(importSummaryLines(summary, lang));
      } catch (error) {
        bar?.stop();
        if (error instanceof DomainError && error.code === 'import_rejected' && !global.json)
          printErrors(error, lang);
        throw error;
      }
    });
}

interface FecOptions {
  dryRun?: boolean;
  customerAccounts?: string;
  journal: Record<string, JournalType>;
  defaultTerms?: string;
  lang: string;
}

async function runFecImport(file: string, options: FecOptions, command: Command): Promise<void> {
  const lang = parseLang(options.lang);
  const global = globalOptions(command);
  try {
    // A FEC's legal name starts with the SIREN of its company: it creates that company if needed.
    const fromName = companyOfFecFileName(basename(file));
    const companyId = global.company ?? fromName?.siren;
    const summary = await withRuntime(command, async (runtime) => {
      if (companyId && !options.dryRun)
        await createCompanyIfNew(runtime.handle.db, companyId, fromName?.siren ?? null, lang);
      const ctx = await runtime.contextFor(companyId, 'cli');
      return importFec(ctx, {
        filePath: file,
        dryRun: options.dryRun ?? false,
        journalTypes: options.journal,
        lang,
        ...(options.customerAccounts
          ? { customerAccounts: options.customerAccounts.split(',').map((prefix) => prefix.trim()) }
          : {}),
        ...(options.defaultTerms ? { defaultTerms: options.defaultTerms } : {}),
      });
    });
    if (global.json) printJson(summary);
    else printLines(fecSummaryLines(summary, lang));
  } catch (error) {
    if (error instanceof DomainError && error.code === 'import_rejected' && !global.json)
      printErrors(error, lang);
    throw error;
  }
}

/**
 * A file that is not there is one plain error for every kind of import (a FEC or a bank
 * statement as much as a spreadsheet), not a problem on a line 0 nor an unexpected error.
 */
function requireFile(file: string, lang: Lang): void {
  const t = translator(lang);
  if (!existsSync(file))
    throw new DomainError('not_found', t('imports.file.notFound', { file: basename(file) }));
  if (statSync(file).isDirectory())
    throw new DomainError('invalid_input', t('imports.file.isDirectory', { file: basename(file) }));
}

function printLines(lines: readonly string[]): void {
  for (const line of lines) process.stdout.write(`${line}\n`);
}

function printErrors(error: DomainError, lang: Lang): void {
  const errors = (error.details as { errors?: ImportError[] } | undefined)?.errors ?? [];
  for (const problem of errors) {
    // A problem of the whole file (an unreadable XLSX) has no line to point at: no « :0 ».
    const line = problem.line > 0 ? `:${problem.line}` : '';
    // A missing column by its English header in English, as the sentence after it names it.
    const column = problemColumn(lang, problem);
    const where = `${problem.file}${line}${column ? ` [${column}]` : ''}`;
    process.stderr.write(
      `${where}${problem.value !== null ? ` "${problem.value}"` : ''}: ${problem.reason}\n`,
    );
  }
}

/** Creates the company named on the command line (or by a FEC's name) and says so on stderr. */
async function createCompanyIfNew(
  db: Parameters<typeof ensureCompany>[0]['db'],
  companyId: string,
  siren: string | null,
  lang: string,
): Promise<void> {
  const created = await ensureCompany(
    { db },
    { companyId, name: companyId, ...(siren ? { identity: { siren } } : {}) },
  );
  // stderr, so that --json keeps exactly one document on stdout.
  if (created)
    process.stderr.write(`${translator(toLang(lang))('cli.import.companyCreated', { code: companyId })}\n`);
}
