/**
 * A rejected file's error: its sentence counts problems and lines as the rest of the application
 * writes numbers (plural, grouped), and a large file lists its first problems only, with every
 * problem counted and grouped by kind and column.
 */
import { describe, expect, it } from 'vitest';
import { type ImportError, placeProblem, problem } from '#importers/parse-file';
import type { DomainError } from '../errors.ts';
import { type ImportChannel, type ImportRejection, importRejected } from './import-problems.ts';

const unknownCustomer = (line: number): ImportError =>
  placeProblem(
    'gros.csv',
    line,
    'Code client',
    'NOPE',
    problem('unknown_customer', { customerCode: 'NOPE' }),
  );

describe('a rejected file', () => {
  it('counts in words, plural and grouped: « 109 526 problèmes sur 109 526 lignes »', () => {
    const errors = Array.from({ length: 109_526 }, (_, index) => unknownCustomer(index + 2));
    const error = importRejected('gros.csv', errors, 'fr', { listLimit: 200 });
    expect(error.message).toBe(
      'gros.csv\u00a0: fichier refusé, 109\u202f526 problèmes sur 109\u202f526 lignes\u00a0; rien n’a été importé',
    );
    const details = error.details as ImportRejection;
    expect(details.errors).toHaveLength(200);
    expect(details).toMatchObject({ problemCount: 109_526, lineCount: 109_526 });
    expect(details.groups).toEqual([
      {
        code: 'unknown_customer',
        column: 'Code client',
        count: 109_526,
        example: expect.objectContaining({
          line: 2,
          reason: 'client inconnu\u00a0: NOPE (importez d’abord les clients)',
        }),
      },
    ]);
    expect(importRejected('gros.csv', errors.slice(0, 1), 'en').message).toBe(
      'gros.csv: rejected, 1 problem on 1 line; nothing was imported',
    );
  });

  it('lists every problem when no limit is asked (the command line), the parser’s « N more » counted', () => {
    const omitted = placeProblem('f.csv', 9, null, null, problem('more_errors_omitted', { count: 40 }));
    const error = importRejected('f.csv', [unknownCustomer(2), unknownCustomer(3), omitted], 'fr');
    expect((error.details as ImportRejection).errors).toHaveLength(3);
    expect(error.message).toBe(
      'f.csv\u00a0: fichier refusé, 42 problèmes sur 2 lignes\u00a0; rien n’a été importé',
    );
  });

  it('says no line of a file that could not be read at all', () => {
    const unreadable = placeProblem(
      'f.xlsx',
      0,
      null,
      null,
      problem('xlsx_unreadable', { detail: 'FILE_ENDED' }),
    );
    expect(importRejected('f.xlsx', [unreadable], 'fr').message).toBe(
      'f.xlsx\u00a0: fichier refusé, 1 problème\u00a0; rien n’a été importé',
    );
  });

  it('words its problems for the page or the API, its counts, groups and sentence the same', () => {
    const unknown = placeProblem(
      'f.csv',
      1,
      'Remarque',
      null,
      problem('unknown_column_no_match', { column: 'Remarque' }),
    );
    const rejected = (channel?: ImportChannel) =>
      importRejected('f.csv', [unknown, unknownCustomer(2)], 'en', {
        unmappedColumns: ['Remarque'],
        ...(channel ? { channel } : {}),
      });
    const reasons = (rejection: DomainError) => {
      const details = rejection.details as ImportRejection;
      return [...details.errors, ...details.groups.map((group) => group.example)].map((e) => e.reason);
    };
    // The command line's words by default.
    const error = rejected();
    expect(reasons(error)[0]).toContain('--ignore-column "Remarque"');
    expect(reasons(rejected('cli'))).toEqual(reasons(error));
    const forApi = rejected('api');
    expect(forApi.message).toBe(error.message);
    expect({ ...(forApi.details as ImportRejection), errors: [], groups: [] }).toEqual({
      ...(error.details as ImportRejection),
      errors: [],
      groups: [],
    });
    expect(reasons(forApi)).toEqual([
      'unknown column “Remarque”; rename it, map it with the parameter map=Remarque=<field> or skip it with the parameter ignoreColumns=Remarque',
      'unknown customer: NOPE (import the customers first)',
      'unknown column “Remarque”; rename it, map it with the parameter map=Remarque=<field> or skip it with the parameter ignoreColumns=Remarque',
      'unknown customer: NOPE (import the customers first)',
    ]);
    expect(reasons(rejected('web'))[0]).toBe(
      'unknown column “Remarque”; read it as a field or skip it under “Unrecognised columns”, or rename it in the file',
    );
  });
});
