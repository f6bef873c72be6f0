/**
 * A problem's remedy speaks its reader's channel: the command line names its flags (`--map`,
 * `--ignore-column`, `--date-order`), the web page its own choices (« Colonnes non reconnues »,
 * « Ordre des dates »), a program the request's parameters (`map`, `ignoreColumns`, `dateOrder`);
 * in French and English, the same problem (code and params) in each.
 */
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '#importers/problems';
import { LANGS } from './catalogue.ts';
import { MESSAGES } from './icu.ts';
import { IMPORT_CHANNELS, importProblemMessage, placeholders } from './import-problems.ts';

const FLAG = /--[a-z]/;
const cliTemplate = (code: string) => MESSAGES.fr.get(`importProblem.${code}`) ?? '';
/** The problems whose command-line remedy names a flag (the FEC's `--journal` is left out: see below). */
const FLAGGED = PROBLEM_CODES.filter((code) => !code.startsWith('fec_') && FLAG.test(cliTemplate(code)));

/** Every param a message names, filled with a value that shows where it went. */
function paramsOf(code: string): Record<string, string | number> {
  const names = LANGS.flatMap((lang) => placeholders(MESSAGES[lang].get(`importProblem.${code}`) ?? ''));
  return Object.fromEntries(names.map((name) => [name, name === 'count' ? 2 : `‹${name}›`]));
}

describe('the remedy of an import problem, by channel', () => {
  it('finds the problems whose command-line wording names a flag', () => {
    expect(FLAGGED).toEqual(
      expect.arrayContaining([
        'unknown_column',
        'unknown_column_no_match',
        'ambiguous_columns',
        'missing_required_column',
        'map_unknown_column',
        'map_unknown_field',
        'map_field_twice',
        'mixed_date_orders',
      ]),
    );
  });

  it.each(LANGS)(
    'words them with flags for the command line, without any for the page and the API (%s)',
    (lang) => {
      for (const code of FLAGGED) {
        const params = paramsOf(code);
        expect(importProblemMessage(lang, code, params, 'cli'), code).toMatch(FLAG);
        // The command line's wording stays the default.
        expect(importProblemMessage(lang, code, params), code).toBe(
          importProblemMessage(lang, code, params, 'cli'),
        );
        for (const channel of ['web', 'api'] as const) {
          const worded = importProblemMessage(lang, code, params, channel);
          expect(worded, `${code} (${channel})`).not.toContain('--');
          expect(worded, `${code} (${channel})`).not.toMatch(/\{\w+\}|‹count›/);
          expect(worded, `${code} (${channel})`).not.toBe(importProblemMessage(lang, code, params, 'cli'));
        }
      }
    },
  );

  it('keeps in the API’s wording every value the command line’s gives', () => {
    for (const code of FLAGGED)
      for (const lang of LANGS) {
        const params = paramsOf(code);
        const cli = importProblemMessage(lang, code, params, 'cli');
        const api = importProblemMessage(lang, code, params, 'api');
        const shown = (text: string) => [...text.matchAll(/‹\w+›/g)].map((match) => match[0]).sort();
        expect([...new Set(shown(api))], `${code} (${lang})`).toEqual([...new Set(shown(cli))]);
      }
  });

  it('says the same unknown column three ways, in French', () => {
    const params = { column: 'Remarque', suggestion: 'Raison sociale' };
    expect(importProblemMessage('fr', 'unknown_column', params, 'cli')).toBe(
      'colonne « Remarque » inconnue (en-tête reconnu le plus proche : « Raison sociale ») ; renommez-la, associez-la avec --map "Remarque=<champ>" ou ignorez-la avec --ignore-column "Remarque"',
    );
    expect(importProblemMessage('fr', 'unknown_column', params, 'web')).toBe(
      'colonne « Remarque » inconnue (en-tête reconnu le plus proche : « Raison sociale ») ; associez-la à un champ ou ignorez-la dans « Colonnes non reconnues », ou renommez-la dans le fichier',
    );
    expect(importProblemMessage('fr', 'unknown_column', params, 'api')).toBe(
      'colonne « Remarque » inconnue (en-tête reconnu le plus proche : « Raison sociale ») ; renommez-la, associez-la avec le paramètre map=Remarque=<champ> ou ignorez-la avec le paramètre ignoreColumns=Remarque',
    );
  });

  it('says the same unknown column three ways, in English', () => {
    const params = { column: 'Remark' };
    expect(importProblemMessage('en', 'unknown_column_no_match', params, 'cli')).toBe(
      'unknown column "Remark"; rename it, map it with --map "Remark=<field>" or skip it with --ignore-column "Remark"',
    );
    expect(importProblemMessage('en', 'unknown_column_no_match', params, 'web')).toBe(
      'unknown column "Remark"; read it as a field or skip it under “Unrecognised columns”, or rename it in the file',
    );
    expect(importProblemMessage('en', 'unknown_column_no_match', params, 'api')).toBe(
      'unknown column "Remark"; rename it, map it with the parameter map=Remark=<field> or skip it with the parameter ignoreColumns=Remark',
    );
  });

  it('points the page and the API to their own date-order setting', () => {
    const params = paramsOf('mixed_date_orders');
    expect(importProblemMessage('fr', 'mixed_date_orders', params, 'web')).toMatch(/« Ordre des dates »$/);
    expect(importProblemMessage('en', 'mixed_date_orders', params, 'web')).toMatch(/under “Date order”$/);
    expect(importProblemMessage('fr', 'mixed_date_orders', params, 'api')).toMatch(
      /paramètre dateOrder=dmy\|mdy$/,
    );
    expect(importProblemMessage('en', 'mixed_date_orders', params, 'api')).toMatch(
      /parameter dateOrder=dmy\|mdy$/,
    );
  });

  it('words a problem without a flag the same on every channel', () => {
    for (const channel of IMPORT_CHANNELS)
      expect(importProblemMessage('fr', 'unknown_customer', { customerCode: 'C1' }, channel)).toBe(
        'client inconnu : C1 (importez d’abord les clients)',
      );
  });
});
