/**
 * `encours claim list|prepare|declare|letter`: the claims to declare to the mandataire judiciaire
 * for customers in collective procedures, as the collective-procedures page and `/api/legal/claims`
 * show and record them (the same use cases), each with the court the letter names, and the
 * declaration letter as PDF. With `--user EMAIL` a command acts for that user of the company and
 * the use cases judge their role as the API does (`app/legal/claim-rights.ts`): a collector may
 * list but not prepare, declare or print, a salesperson not even list — refused with the
 * catalogue's words and exit code 2, as other refusals. Without it the CLI, run by someone with the
 * database in hand, acts for the company (the cli actor), as the dunning and credit commands do.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { defaultAsOf } from '#app/companies/companies';
import { declareClaim, prepareClaim } from '#app/legal/claim-declaration';
import { type MandataireMissing, mandataireMissing, renderClaimLetter } from '#app/legal/claim-letter';
import { type ClaimView, listClaims } from '#app/legal/claims';
import { daysBetween } from '#core/calendar';
import type { IsoDate } from '#core/types';
import { type Lang, label, toLang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { help } from './help-words.ts';
import { idArgument } from './legal-values.ts';
import { money, plain, printJson } from './output.ts';
import { globalOptions, withUserContext } from './shared.ts';

/** `--address 'L1|L2'`: the mandataire's address lines, as the API takes them (one per line). */
function addressLines(text: string | undefined): string[] {
  return String(text ?? '')
    .split('|')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * What the letter lacks to be posted by registered mail — the mandataire's name, or their postal
 * address — said as the preparation dialog says it; none when both are known.
 */
function mandataireWarning(lang: Lang, missing: MandataireMissing): string[] {
  if (missing === null) return [];
  const t = translator(lang);
  return [t('legalFile.cli.warning', { text: t('legal.proceedings.mandataireMissing', { missing }) })];
}

const missingOf = (claim: Pick<ClaimView, 'mandataire' | 'mandataireAddress'>): MandataireMissing =>
  mandataireMissing({
    name: claim.mandataire,
    addressLines: (claim.mandataireAddress ?? '').split('\n').filter((line) => line.trim()),
  });

/** The days left to the deadline (or past it) of a claim still to declare, as the page says them. */
function daysText(lang: Lang, claim: ClaimView, asOf: IsoDate): string {
  if (claim.status !== 'to_declare' || claim.deadline === null) return 'none';
  const t = translator(lang);
  const days = daysBetween(asOf, claim.deadline);
  return days < 0 ? t('legal.proceedings.late', { days: -days }) : t('legal.proceedings.daysLeft', { days });
}

function claimLine(lang: Lang, claim: ClaimView, asOf: IsoDate): string {
  const t = translator(lang);
  const cash = (minor: number) => money(minor, claim.currency, lang);
  return t('legal.proceedings.cli.line', {
    customerCode: claim.customerCode,
    customerName: claim.customerName,
    procedure: label(lang, 'customerStatus', claim.procedure),
    closed: claim.inProceedings ? 'no' : 'yes',
    judgment: claim.judgmentDate
      ? t('legal.proceedings.judgment', {
          source: claim.judgmentDateStated && claim.source === 'story' ? 'told' : claim.source,
          date: formatDate(lang, claim.judgmentDate),
        })
      : t('legal.proceedings.judgmentUnknown'),
    deadline: claim.deadline ? formatDate(lang, claim.deadline) : 'none',
    estimated: claim.deadline && claim.deadlineEstimated ? 'yes' : 'no',
    days: daysText(lang, claim, asOf),
    status: t('legal.proceedings.state', {
      status: claim.status,
      date: claim.declaredOn ? formatDate(lang, claim.declaredOn) : '',
    }),
    claim: claim.claimId === null ? 'none' : String(claim.claimId),
    total: cash(claim.totalMinor),
    principal: cash(claim.principalMinor),
    interest: cash(claim.interestMinor),
    indemnity: cash(claim.indemnityMinor),
  });
}

function printClaims(claims: readonly ClaimView[], asOf: IsoDate, lang: Lang): void {
  const t = translator(lang);
  // Each claim's court under its line, as the page and the letter name it.
  const lines =
    claims.length === 0
      ? [t('legal.proceedings.cli.none', { asOf: formatDate(lang, asOf) })]
      : claims.flatMap((claim) => [
          claimLine(lang, claim, asOf),
          `  ${t('legal.proceedings.court', { court: claim.court ?? 'none' })}`,
          // A declaration prepared, still to send, whose letter cannot be posted as it stands.
          ...(claim.claimId !== null && claim.status === 'to_declare'
            ? mandataireWarning(lang, missingOf(claim)).map((line) => `  ${line}`)
            : []),
        ]);
  process.stdout.write(`${plain(lines.join('\n'))}\n`);
}

function registerList(claim: Command): void {
  claim
    .command('list')
    .description(help('cliHelp.claim.list.description'))
    .option('--customer <code>', help('cliHelp.shared.oneCustomer'))
    .option('--as-of <date>', help('cliHelp.shared.asOfReference'))
    .option('--user <email>', help('cliHelp.claim.option.user'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = toLang(options.lang);
      const list = await withUserContext(command, options.user, async (ctx) => {
        const asOf: IsoDate = options.asOf ?? (await defaultAsOf(ctx));
        return { asOf, items: await listClaims(ctx, options.customer, lang, asOf) };
      });
      if (globalOptions(command).json) return printJson(list);
      printClaims(list.items, list.asOf, lang);
    });
}

function registerPrepareAndDeclare(claim: Command): void {
  claim
    .command('prepare <customer>')
    .description(help('cliHelp.claim.prepare.description'))
    .option('--judgment <date>', help('cliHelp.claim.prepare.option.judgment'))
    .option('--publication <date>', help('cliHelp.claim.prepare.option.publication'))
    .option('--mandataire <name>', help('cliHelp.claim.letter.option.mandataire'))
    .option('--address <lines>', help('cliHelp.claim.letter.option.address'))
    .option('--secured', help('cliHelp.shared.secured'))
    .option('--user <email>', help('cliHelp.claim.option.user'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (customer: string, options, command: Command) => {
      const view = await withUserContext(command, options.user, (ctx) =>
        prepareClaim(ctx, {
          customerCode: customer,
          judgmentDate: options.judgment,
          publicationDate: options.publication,
          secured: options.secured === true,
          mandataire: options.mandataire,
          mandataireAddress: addressLines(options.address).join('\n') || undefined,
        }),
      );
      if (globalOptions(command).json) return printJson(view);
      const lang = toLang(options.lang);
      const text = translator(lang)('legal.proceedings.prepared', {
        claimId: view.claimId ?? 0,
        deadline: formatDate(lang, view.deadline),
      });
      process.stdout.write(`${plain([text, ...mandataireWarning(lang, missingOf(view))].join('\n'))}\n`);
    });
  claim
    .command('declare <id>')
    .description(help('cliHelp.claim.declare.description'))
    .option('--on <date>', help('cliHelp.claim.declare.option.on'))
    .option('--mandataire <name>', help('cliHelp.claim.declare.option.mandataire'))
    .option('--address <lines>', help('cliHelp.claim.letter.option.address'))
    .option('--user <email>', help('cliHelp.claim.option.user'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (id: string, options, command: Command) => {
      const claimId = idArgument(id, 'claimTask');
      const view = await withUserContext(command, options.user, (ctx) =>
        declareClaim(ctx, {
          claimId,
          declaredOn: options.on,
          mandataire: options.mandataire,
          mandataireAddress: addressLines(options.address).join('\n') || undefined,
        }),
      );
      if (globalOptions(command).json) return printJson(view);
      const text = translator(toLang(options.lang))('legal.proceedings.declared', { claimId });
      process.stdout.write(`${plain(text)}\n`);
    });
}

function registerLetter(claim: Command): void {
  claim
    .command('letter <id>')
    .description(help('cliHelp.claim.letter.description'))
    .requiredOption('--out <file>', help('cliHelp.shared.outPdf'))
    .option('--mandataire <name>', help('cliHelp.claim.letter.option.mandataire'))
    .option('--address <lines>', help('cliHelp.claim.letter.option.address'))
    .option('--date <date>', help('cliHelp.claim.letter.option.date'))
    .option('--user <email>', help('cliHelp.claim.option.user'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (id: string, options, command: Command) => {
      const claimId = idArgument(id, 'claimTask');
      const mandataire = options.mandataire
        ? { name: options.mandataire, addressLines: addressLines(options.address) }
        : undefined;
      const letter = await withUserContext(command, options.user, (ctx) =>
        renderClaimLetter(ctx, { claimId, lang: toLang(options.lang), mandataire, date: options.date }),
      );
      await writeFile(options.out, letter.pdf);
      const lang = toLang(options.lang);
      const warnings = mandataireWarning(lang, letter.missing);
      if (globalOptions(command).json)
        return printJson({
          file: options.out,
          fileName: letter.fileName,
          totals: letter.model.totals,
          mandataireMissing: letter.missing,
          warnings,
        });
      process.stdout.write(`${plain([options.out, ...warnings].join('\n'))}\n`);
    });
}

export function registerClaimCommands(program: Command): void {
  const claim = program.command('claim').description(help('cliHelp.claim.description'));
  registerList(claim);
  registerPrepareAndDeclare(claim);
  registerLetter(claim);
}
