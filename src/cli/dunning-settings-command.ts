/**
 * `encours dunning settings [--phone …] [--email …] [--iban …] [--bic …] [--signatory-name …]
 * [--signatory-title …] [--review-before-sending on|off]`: the company's dunning settings, and
 * what its letters print beside its identity — how to reach and pay it, who signs. An empty value
 * clears a detail; the use case checks them (an IBAN or a BIC ibantools rejects is refused) as it
 * does for the API and the settings page.
 */
import type { Command } from 'commander';
import { type DunningSettings, getDunningSettings, updateDunningSettings } from '#app/dunning/settings';
import { DomainError } from '#app/errors';
import { type Lang, translator } from '#text/catalogue';
import { help } from './help-words.ts';
import { printJson } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

/** The letters' details the command sets, by option (commander's camel-case name) and field. */
const DETAIL_OPTIONS = [
  ['phone', 'phone'],
  ['email', 'email'],
  ['iban', 'iban'],
  ['bic', 'bic'],
  ['signatory-name', 'signatoryName'],
  ['signatory-title', 'signatoryTitle'],
] as const;

type DetailField = (typeof DETAIL_OPTIONS)[number][1];

function changeOf(options: Record<string, unknown>): Partial<DunningSettings> {
  const change: Partial<DunningSettings> = {};
  for (const [, field] of DETAIL_OPTIONS) {
    const given = options[field];
    if (typeof given === 'string') change[field] = given;
  }
  const review = options['reviewBeforeSending'] as string | undefined;
  if (review !== undefined && review !== 'on' && review !== 'off')
    throw new DomainError('invalid_input', { key: 'errors.dunning.reviewOption', params: { value: review } });
  if (review !== undefined) change.reviewBeforeSending = review === 'on';
  return change;
}

/**
 * The settings as lines « Téléphone : 04 72 00 00 00 », those changed when some were (all of them
 * otherwise); a title left empty says what the letters print instead.
 */
function settingsLines(settings: DunningSettings, change: Partial<DunningSettings>, lang: Lang): string[] {
  const t = translator(lang);
  const shown = (field: DetailField): string => {
    const value = settings[field];
    if (value) return value;
    return field === 'signatoryTitle'
      ? t('dunning.settings.cli.defaultTitle', { title: t('dunning.letter.signatoryTitle') })
      : '—';
  };
  const all = Object.keys(change).length === 0;
  return [
    ...DETAIL_OPTIONS.filter(([, field]) => all || field in change).map(([, field]) =>
      t('common.labelled', { label: t(`auditField.${field}`), value: shown(field) }),
    ),
    ...(all || 'reviewBeforeSending' in change
      ? [t('dunningProposals.cli.settingSaved', { review: String(settings.reviewBeforeSending) })]
      : []),
  ];
}

export function registerSettingsCommand(dunning: Command): void {
  const command = dunning.command('settings').description(help('cliHelp.dunning.settings.description'));
  for (const [option] of DETAIL_OPTIONS)
    command.option(`--${option} <text>`, help(`cliHelp.dunning.settings.option.${option}`));
  command
    .option('--review-before-sending <on|off>', help('cliHelp.dunning.settings.option.review-before-sending'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      const change = changeOf(options);
      const settings = await withContext(command, (ctx) =>
        Object.keys(change).length === 0 ? getDunningSettings(ctx) : updateDunningSettings(ctx, change),
      );
      if (globalOptions(command).json) return printJson(settings);
      for (const line of settingsLines(settings, change, lang)) process.stdout.write(`${line}\n`);
    });
}
