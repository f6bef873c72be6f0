/** `encours companies list|create`: the companies (tenants) of the database. */
import type { Command } from 'commander';
import { listCompanies } from '#app/companies/companies';
import { createCompany } from '#app/companies/create-company';
import { DomainError } from '#app/errors';
import { toLang, translator } from '#text/catalogue';
import { plain, printJson, printTable } from './output.ts';
import { globalOptions, withRuntime } from './shared.ts';

export function registerCompaniesCommand(program: Command): void {
  const companies = program
    .command('companies')
    .description('the companies of the database: list, create one with its name before its first import');
  companies
    .command('list')
    .description('every company: code, name, currency, SIREN')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (options, command: Command) => {
      const list = await withRuntime(command, (runtime) => listCompanies({ db: runtime.handle.db }));
      if (globalOptions(command).json) return printJson(list);
      const t = translator(toLang(options.lang));
      printTable(list, [
        { header: t('cli.companies.code'), value: (company) => company.companyId },
        { header: t('cli.companies.name'), value: (company) => company.name },
        { header: t('cli.companies.currency'), value: (company) => company.currency },
        { header: 'SIREN', value: (company) => company.siren ?? '' },
      ]);
    });
  companies
    .command('create <code>')
    .description(
      'create a company; `--company CODE` then works on it (an import under a new code creates it too)',
    )
    .requiredOption('--name <name>', 'its legal name, as on its letters')
    .option('--currency <code>', 'its currency (ISO 4217)', 'EUR')
    .option('--siren <siren>', 'its SIREN')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (code: string, options, command: Command) => {
      if (typeof options.name !== 'string') throw new DomainError('invalid_input', '--name is required');
      const company = await withRuntime(command, (runtime) =>
        createCompany(
          { db: runtime.handle.db, actor: 'cli' },
          { companyId: code, name: options.name, currency: options.currency, siren: options.siren },
        ),
      );
      if (globalOptions(command).json) return printJson(company);
      const t = translator(toLang(options.lang));
      const line = t('cli.companies.created', {
        code: company.companyId,
        name: company.name,
        currency: company.currency,
      });
      process.stdout.write(`${plain(line)}\n`);
    });
}
