/**
 * `encours companies list|create|identity`: the companies (tenants) of the database, and the
 * identity their documents and letters print (legal name, SIREN, address, legal mentions).
 */
import type { Command } from 'commander';
import {
  type CompanyIdentityChange,
  findCompany,
  getCompanyIdentity,
  listCompanies,
  updateCompanyIdentity,
} from '#app/companies/companies';
import { createCompany } from '#app/companies/create-company';
import { DomainError } from '#app/errors';
import { currencyExponent, parseAmountToMinor } from '#core/money';
import { toLang, translator } from '#text/catalogue';
import { formatMoney } from '#text/format';
import { help } from './help-words.ts';
import { plain, printJson, printTable } from './output.ts';
import { globalOptions, withContext, withRuntime } from './shared.ts';

/** The options of `companies identity` that change a field, by the field they change. */
const IDENTITY_OPTIONS = {
  name: 'name',
  siren: 'siren',
  address: 'addressLine1',
  address2: 'addressLine2',
  postalCode: 'postalCode',
  city: 'city',
  country: 'country',
  legalForm: 'legalForm',
  rcsCity: 'rcsCity',
} as const;

/** What the options ask to change; an empty text clears an optional field. */
function identityChange(options: Record<string, unknown>, exponent: number): CompanyIdentityChange {
  const change: Record<string, unknown> = {};
  for (const [option, field] of Object.entries(IDENTITY_OPTIONS))
    if (typeof options[option] === 'string') change[field] = options[option];
  const capital = options['shareCapital'];
  if (typeof capital === 'string') {
    const minor = capital.trim() === '' ? null : parseAmountToMinor(capital, { exponent: exponent });
    if (minor === null && capital.trim() !== '')
      throw new DomainError('invalid_input', { key: 'errors.cli.shareCapital' });
    change['shareCapitalMinor'] = minor;
  }
  return change as CompanyIdentityChange;
}

function registerIdentityCommand(companies: Command): void {
  companies
    .command('identity')
    .description(help('cliHelp.companies.identity.description'))
    .option('--name <name>', help('cliHelp.companies.identity.option.name'))
    .option('--siren <siren>', help('cliHelp.companies.identity.option.siren'))
    .option('--address <line>', help('cliHelp.companies.identity.option.address'))
    .option('--address2 <line>', help('cliHelp.companies.identity.option.address2'))
    .option('--postal-code <code>', help('cliHelp.companies.identity.option.postal-code'))
    .option('--city <city>', help('cliHelp.companies.identity.option.city'))
    .option('--country <code>', help('cliHelp.companies.identity.option.country'))
    .option('--legal-form <form>', help('cliHelp.companies.identity.option.legal-form'))
    .option('--share-capital <amount>', help('cliHelp.companies.identity.option.share-capital'))
    .option('--rcs-city <city>', help('cliHelp.companies.identity.option.rcs-city'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const { identity, currency } = await withContext(command, async (ctx) => {
        const company = await findCompany(ctx, ctx.companyId);
        const currency = company?.currency ?? 'EUR';
        const change = identityChange(options, currencyExponent(currency));
        if (Object.keys(change).length > 0) await updateCompanyIdentity(ctx, change);
        return { identity: await getCompanyIdentity(ctx), currency };
      });
      if (globalOptions(command).json) return printJson(identity);
      const lang = toLang(options.lang);
      const t = translator(lang);
      const lines: [string, string | null][] = [
        [t('admin.companyName'), identity.name],
        [t('admin.companySiren'), identity.siren],
        [t('admin.companyAddressLine1'), identity.addressLine1],
        [t('admin.companyAddressLine2'), identity.addressLine2],
        [t('admin.companyPostalCode'), identity.postalCode],
        [t('admin.companyCity'), identity.city],
        [t('admin.companyCountry'), identity.country],
        [t('admin.companyLegalForm'), identity.legalForm],
        [t('admin.companyShareCapital'), formatMoney(lang, identity.shareCapitalMinor, currency)],
        [t('admin.companyRcsCity'), identity.rcsCity],
      ];
      const width = Math.max(...lines.map(([label]) => label.length));
      for (const [label, value] of lines)
        process.stdout.write(`${label.padEnd(width)}  ${plain(value ?? '')}\n`);
    });
}

export function registerCompaniesCommand(program: Command): void {
  const companies = program.command('companies').description(help('cliHelp.companies.description'));
  companies
    .command('list')
    .description(help('cliHelp.companies.list.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
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
    .description(help('cliHelp.companies.create.description'))
    .requiredOption('--name <name>', help('cliHelp.companies.create.option.name'))
    .option('--currency <code>', help('cliHelp.companies.create.option.currency'), 'EUR')
    .option('--siren <siren>', help('cliHelp.companies.create.option.siren'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (code: string, options, command: Command) => {
      if (typeof options.name !== 'string')
        throw new DomainError('invalid_input', { key: 'errors.cli.nameRequired' });
      const company = await withRuntime(command, (runtime) =>
        createCompany(
          { db: runtime.handle.db, clock: runtime.clock, actor: 'cli' },
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
  registerIdentityCommand(companies);
}
