import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commanderText, speakHelp } from './commander-words.ts';

describe('commander’s refusals in the catalogue’s words', () => {
  it('words each kind of refusal in French and in English', () => {
    expect(commanderText("error: unknown option '--date'", 'fr')).toBe('Option --date inconnue');
    expect(commanderText("error: unknown option '--dat' (Did you mean --date?)", 'en')).toBe(
      'Unknown option --dat (did you mean --date?)',
    );
    expect(commanderText("error: unknown command 'risk'", 'fr')).toBe('Commande «\u00a0risk\u00a0» inconnue');
    expect(commanderText("error: required option '--instalment <date=amount...>' not specified", 'fr')).toBe(
      'L’option --instalment <date=amount...> est obligatoire',
    );
    expect(commanderText("error: option '--out <file>' argument missing", 'en')).toBe(
      'Option --out <file> needs a value',
    );
    expect(commanderText("error: missing required argument 'code'", 'fr')).toBe('Il manque l’argument code');
    expect(
      commanderText("error: too many arguments for 'list'. Expected 0 arguments but got 2: a, b.", 'fr'),
    ).toBe('La commande list n’attend aucun argument (reçu\u00a0: a, b)');
    expect(
      commanderText(
        "error: option '--format <format>' argument 'doc' is invalid. Allowed choices are pdf, docx.",
        'fr',
      ),
    ).toBe('--format\u00a0: «\u00a0doc\u00a0» n’est pas accepté\u00a0; choisissez parmi pdf, docx');
    expect(commanderText("error: option '--a' cannot be used with option '--b <x>'", 'en')).toBe(
      'Options --a and --b cannot be used together',
    );
  });

  it('keeps a sentence it does not know behind a lead-in of the language', () => {
    expect(commanderText('error: something new', 'fr')).toBe(
      'Ligne de commande invalide\u00a0: something new',
    );
  });

  it('words commander’s help: headings, help option, defaults, and keeps « : » with its word', () => {
    const program = new Command('encours');
    speakHelp(program, 'fr');
    program
      .command('list')
      .option('--lang <lang>', 'fr ou en', 'fr')
      .option('--type <t>', 'type')
      .option('--map <a=b>', 'répétable', (_value: string, map: Record<string, string>) => map, {})
      .option('--skip <name>', 'répétable', (_value: string, list: string[]) => list, []);
    const list = program.commands[0] as Command;
    const help = list.createHelp();
    expect(help.styleTitle('Options:')).toBe('Options\u00a0:');
    expect(help.commandUsage(program)).toBe('encours [options] [commande]');
    expect(help.visibleOptions(list).map((option) => help.optionDescription(option))).toEqual([
      'fr ou en (par défaut\u00a0: «\u00a0fr\u00a0»)',
      'type',
      'répétable',
      'répétable',
      'afficher l’aide de la commande',
    ]);
    // Commander alone would break « défaut\n: 30 » at 48 columns.
    expect(help.boxWrap('le montant échu des factures ouvertes par défaut\u00a0: 30 jours', 48)).toBe(
      'le montant échu des factures ouvertes par\ndéfaut\u00a0: 30 jours',
    );
    const english = new Command('encours');
    speakHelp(english, 'en');
    english.command('list').option('--lang <lang>', 'fr or en', 'fr');
    const englishList = english.commands[0] as Command;
    const englishHelp = englishList.createHelp();
    expect(englishHelp.styleTitle('Commands:')).toBe('Commands:');
    expect(englishHelp.optionDescription(englishList.options[0] as never)).toBe('fr or en (default: "fr")');
  });
});
