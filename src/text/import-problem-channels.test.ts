/**
 * A problem's remedy speaks its reader's channel: the command line names its flags (`--map`,
 * `--ignore-column`, `--date-order`, `--journal`), the web page its own choices (« Colonnes non
 * reconnues », « Ordre des dates »), a program the request's parameters (`map`, `ignoreColumns`,
 * `dateOrder`, `journals`); in French and English, the same problem (code and params) in each.
 * The notices of an accepted file too; and a file of fixed columns (balance sheets, a partner's
 * report) advises what every channel of it offers: renaming or removing a column.
 */
import { describe, expect, it } from 'vitest';
import { NOTICE_CODES } from '#importers/import-notices';
import { PROBLEM_CODES } from '#importers/problems';
import { LANGS } from './catalogue.ts';
import { MESSAGES } from './icu.ts';
import {
  IMPORT_CHANNELS,
  importProblemMessage,
  importWarningMessage,
  placeholders,
} from './import-problems.ts';

const FLAG = /--[a-z]/;
const cliTemplate = (code: string) => MESSAGES.fr.get(`importProblem.${code}`) ?? '';
/** The problems whose command-line remedy names a flag. */
const FLAGGED = PROBLEM_CODES.filter((code) => FLAG.test(cliTemplate(code)));

/** Every param a message names, filled with a value that shows where it went. */
function paramsOf(code: string): Record<string, string | number> {
  const names = LANGS.flatMap((lang) => placeholders(MESSAGES[lang].get(`importProblem.${code}`) ?? ''));
  // A document kind is a code the wording labels (« avoir »).
  const value = (name: string) => (name === 'count' ? 2 : name === 'kind' ? 'credit_note' : `‹${name}›`);
  return Object.fromEntries(names.map((name) => [name, value(name)]));
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
        'fec_kind_conflict',
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
      'colonne «\u00a0Remarque\u00a0» inconnue (en-tête reconnu le plus proche\u00a0: «\u00a0Raison sociale\u00a0»)\u00a0; renommez-la, associez-la avec --map "Remarque=<champ>" ou ignorez-la avec --ignore-column "Remarque"',
    );
    expect(importProblemMessage('fr', 'unknown_column', params, 'web')).toBe(
      'colonne «\u00a0Remarque\u00a0» inconnue (en-tête reconnu le plus proche\u00a0: «\u00a0Raison sociale\u00a0»)\u00a0; associez-la à un champ ou ignorez-la dans «\u00a0Colonnes non reconnues\u00a0», ou renommez-la dans le fichier',
    );
    expect(importProblemMessage('fr', 'unknown_column', params, 'api')).toBe(
      'colonne «\u00a0Remarque\u00a0» inconnue (en-tête reconnu le plus proche\u00a0: «\u00a0Raison sociale\u00a0»)\u00a0; renommez-la, associez-la avec le paramètre map=Remarque=<champ> ou ignorez-la avec le paramètre ignoreColumns=Remarque',
    );
  });

  it('says the same unknown column three ways, in English', () => {
    const params = { column: 'Remark' };
    expect(importProblemMessage('en', 'unknown_column_no_match', params, 'cli')).toBe(
      'unknown column “Remark”; rename it, map it with --map "Remark=<field>" or skip it with --ignore-column "Remark"',
    );
    expect(importProblemMessage('en', 'unknown_column_no_match', params, 'web')).toBe(
      'unknown column “Remark”; read it as a field or skip it under “Unrecognised columns”, or rename it in the file',
    );
    expect(importProblemMessage('en', 'unknown_column_no_match', params, 'api')).toBe(
      'unknown column “Remark”; rename it, map it with the parameter map=Remark=<field> or skip it with the parameter ignoreColumns=Remark',
    );
  });

  it('points the page and the API to their own date-order setting', () => {
    const params = paramsOf('mixed_date_orders');
    expect(importProblemMessage('fr', 'mixed_date_orders', params, 'web')).toMatch(
      /«\u00a0Ordre des dates\u00a0»$/,
    );
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
        'client inconnu\u00a0: C1 (importez d’abord les clients)',
      );
  });
});

describe('the remedy of a FEC whose journal type changed, by channel', () => {
  const params = { kind: 'invoice' };

  it('names --journal to the command line, the journals parameter to a program, neither to the page', () => {
    expect(importProblemMessage('fr', 'fec_kind_conflict', params, 'cli')).toBe(
      'cette ligne a déjà été importée comme facture\u00a0: utilisez --journal pour garder le type du journal',
    );
    expect(importProblemMessage('fr', 'fec_kind_conflict', params, 'api')).toBe(
      'cette ligne a déjà été importée comme facture\u00a0: utilisez le paramètre journals=<code journal>=<type> pour garder le type du journal',
    );
    expect(importProblemMessage('en', 'fec_kind_conflict', params, 'api')).toBe(
      "this line was imported before as a document of kind invoice: use the parameter journals=<journal code>=<type> to keep the journal's type",
    );
    expect(importProblemMessage('fr', 'fec_kind_conflict', params, 'web')).toBe(
      'cette ligne a déjà été importée comme facture\u00a0: le type d’un journal ne se choisit pas sur cette page\u00a0; importez ce fichier en ligne de commande ou par l’API en indiquant le type du journal',
    );
    expect(importProblemMessage('en', 'fec_kind_conflict', params, 'web')).not.toMatch(/--|journals=/);
  });
});

/** The notices of an accepted file whose command-line remedy names a flag. */
const NOTICE_PARAMS = { column: 'Date', count: 2, value: '03/04/2026', file: 'mars.csv', line: 3 };
const FLAGGED_NOTICES = NOTICE_CODES.filter((code) =>
  LANGS.some((lang) => FLAG.test(MESSAGES[lang].get(`importWarning.${code}`) ?? '')),
);

describe('the remedy of a notice, by channel', () => {
  it('finds the date-order notices that name --date-order', () => {
    expect(FLAGGED_NOTICES).toEqual(['date_order_remembered', 'date_order_assumed']);
  });

  it.each(LANGS)('words them with the flag for the command line only (%s)', (lang) => {
    for (const code of FLAGGED_NOTICES)
      for (const order of ['mdy', 'dmy']) {
        const params = { ...NOTICE_PARAMS, order };
        const cli = importWarningMessage(lang, code, params);
        expect(importWarningMessage(lang, code, params, 'cli'), code).toBe(cli);
        expect(cli, code).toMatch(/--date-order (mdy|dmy)$/);
        const api = importWarningMessage(lang, code, params, 'api');
        expect(api, code).toMatch(/ dateOrder=(mdy|dmy)$/);
        expect(api.replace(/the parameter |le paramètre /, '').replace('dateOrder=', '--date-order ')).toBe(
          cli,
        );
        const web = importWarningMessage(lang, code, params, 'web');
        expect(web, code).not.toMatch(/--|dateOrder/);
        expect(web, code).toMatch(/«\u00a0Ordre des dates\u00a0»|“Date order”/);
      }
  });

  it('words the page’s notice as the page does, and a notice without a flag the same for the API', () => {
    const params = { ...NOTICE_PARAMS, count: 1 };
    expect(importWarningMessage('fr', 'date_order_assumed', params, 'web')).toBe(
      'Colonne «\u00a0Date\u00a0»\u00a0: la date 03/04/2026 se lit dans les deux ordres\u00a0; elle a été lue jour en premier (JJ/MM/AAAA). Si elle est mois en premier, choisissez «\u00a0Mois/jour/année\u00a0» dans «\u00a0Ordre des dates\u00a0» et recommencez.',
    );
    expect(importWarningMessage('en', 'date_order_assumed', params, 'api')).toBe(
      'column “Date”: 1 date such as 03/04/2026 reads both ways; it was read day first (DD/MM/YYYY). If it is month first, import again with the parameter dateOrder=mdy',
    );
    for (const code of ['date_order_month_first', 'disputes_skipped_settled'])
      expect(importWarningMessage('en', code, params, 'api')).toBe(importWarningMessage('en', code, params));
  });
});

describe('the notices of the columns an accepted file read past', () => {
  const params = { column: 'Echéances', suggestion: 'Échéance', other: 'Date d’échéance' };

  it('names the column and the header it is near, the same on every channel', () => {
    for (const channel of IMPORT_CHANNELS) {
      expect(importWarningMessage('fr', 'column_ignored_near', params, channel)).toMatch(
        /^[Cc]olonne «\u00a0Echéances\u00a0» ignorée \(en-tête reconnu le plus proche\u00a0: «\u00a0Échéance\u00a0»\)\.?$/,
      );
      expect(importWarningMessage('en', 'column_ignored_near', params, channel)).toMatch(
        /^[Cc]olumn “Echéances” ignored \(closest known header: “Échéance”\)\.?$/,
      );
      expect(importWarningMessage('fr', 'column_ignored', params, channel)).toMatch(
        /^[Cc]olonne «\u00a0Echéances\u00a0» ignorée\u00a0: aucun champ n’y est lu\.?$/,
      );
      expect(importWarningMessage('fr', 'column_ignored_field_taken', params, channel)).toMatch(
        /^[Cc]olonne «\u00a0Echéances\u00a0» ignorée\u00a0: son champ est lu dans la colonne «\u00a0Date d’échéance\u00a0»\.?$/,
      );
    }
  });
});

describe('the column problems of a file of fixed columns', () => {
  const COLUMN_CODES = [
    'unknown_column',
    'unknown_column_no_match',
    'ambiguous_columns',
    'missing_required_column',
  ];

  it.each(LANGS)(
    'advise renaming or removing a column on every channel, never a flag or a mapping (%s)',
    (lang) => {
      for (const code of COLUMN_CODES) {
        const params = { ...paramsOf(code), fixedColumns: 'yes' };
        const cli = importProblemMessage(lang, code, params, 'cli');
        expect(cli, code).toMatch(lang === 'fr' ? /renommez|retirez/ : /rename|remove/);
        expect(cli, code).not.toMatch(/--|map|ignore|associez|Colonnes non reconnues/i);
        expect(cli, code).not.toMatch(/\{\w+\}|‹fixedColumns›/);
        for (const channel of IMPORT_CHANNELS)
          expect(importProblemMessage(lang, code, params, channel)).toBe(cli);
      }
    },
  );

  it('keeps the accepted headers and the suggestion', () => {
    expect(
      importProblemMessage('fr', 'unknown_column', {
        column: 'Bilan',
        suggestion: 'Total bilan',
        fixedColumns: 'yes',
      }),
    ).toBe(
      'colonne «\u00a0Bilan\u00a0» inconnue (en-tête reconnu le plus proche\u00a0: «\u00a0Total bilan\u00a0»)\u00a0; renommez-la avec un en-tête accepté ou retirez-la du fichier',
    );
  });
});
