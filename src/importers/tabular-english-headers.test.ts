import { describe, expect, it } from 'vitest';
import { importProblemMessage } from '../text/import-problems.ts';
import { BALANCE_SHEET_FIELDS } from './balance-sheets.ts';
import { ENTITY_FIELDS } from './entities.ts';
import type { FieldSpec } from './field-spec.ts';
import { resolveColumns } from './fields.ts';
import { LEGAL_REPORT_FIELDS } from './legal-reports.ts';
import { englishHeaderOf } from './tabular-english-headers.ts';

/** The fields a file may lack, so that a problem names them: the required ones, and those identifying a row. */
const MAY_BE_MISSING: readonly FieldSpec[] = [
  ...Object.values(ENTITY_FIELDS).flat(),
  ...BALANCE_SHEET_FIELDS,
  ...LEGAL_REPORT_FIELDS,
].filter((spec) => spec.required || ['customerCode', 'file'].includes(spec.name));

describe('the English header of a missing column', () => {
  it('is one of the field’s own English headers, for every field a file may lack', () => {
    for (const spec of MAY_BE_MISSING) {
      const english = englishHeaderOf(spec);
      expect(spec.headers, spec.name).toContain(english);
      // The usual French header itself only where the two languages share the word ("Date").
      if (english === spec.headers[0]) expect(english, spec.name).toBe('Date');
    }
  });

  it('names the missing columns of a file in English for a reader in English, the French unchanged', () => {
    const resolution = resolveColumns('invoices', ['Foo', 'Bar', 'Baz'], {}, [], [], 'ignore');
    const missing = resolution.problems.map(({ problem }) => problem);
    expect(missing.map((problem) => problem.params['englishLabel'])).toEqual([
      'Invoice number',
      'Customer code',
      'Invoice date',
      'Amount',
    ]);
    const amount = missing[3];
    const english = importProblemMessage('en', 'missing_required_column', amount?.params, 'api');
    expect(english).toMatch(
      /^missing required column “Amount”; accepted headers: “Montant TTC”, “Montant”, /,
    );
    expect(english).not.toContain('[');
    // French spacing aside (no-break spaces, which the catalogue's own test checks).
    expect(importProblemMessage('fr', 'missing_required_column', amount?.params, 'api')).toMatch(
      /^colonne obligatoire «\sMontant TTC\s» absente\s; en-têtes acceptés\s: «\sMontant TTC\s», /,
    );
  });
});
