/**
 * The import problems the web page words again in the screen's language (web/src/pages/import-text.ts):
 * as the server words them, a missing column named by its English header in English and the
 * accepted headers quoted one by one, never the JSON list the params carry. Kept in test/: Vitest
 * reads no test under web/.
 */
import { describe, expect, it } from 'vitest';
import { screenColumn, screenWording } from '../../web/src/pages/import-text.ts';

/** A missing Amount column as the server sends it to the page (`params`, JSON list included). */
const missingAmount = {
  code: 'missing_required_column',
  params: {
    label: 'Montant TTC',
    englishLabel: 'Amount',
    field: 'amount',
    headers: JSON.stringify(['Montant TTC', 'Montant', 'Amount', 'Invoice amount']),
  },
};

describe('the import page’s own wording of a problem', () => {
  it('quotes the accepted headers and names the column in the screen’s language', () => {
    expect(screenWording('en', 'problem', missingAmount, 'server text')).toBe(
      'missing required column “Amount”; accepted headers: “Montant TTC”, “Montant”, “Amount”, “Invoice amount”; ' +
        'or choose the column of the file that holds it under “Unrecognised columns”',
    );
    const french = screenWording('fr', 'problem', missingAmount, 'server text');
    expect(french).toMatch(/^colonne obligatoire «\sMontant TTC\s» absente/);
    expect(french).toContain('«\u00a0Montant\u00a0», «\u00a0Amount\u00a0»');
    expect(french).not.toContain('[');
  });

  it('names a missing column in its column cell as the sentence does', () => {
    const row = { ...missingAmount, column: 'Montant TTC' };
    expect([screenColumn('en', row), screenColumn('fr', row)]).toEqual(['Amount', 'Montant TTC']);
    expect(screenColumn('en', { column: 'Date facture', params: {} })).toBe('Date facture');
  });

  it('keeps the server’s sentence for a problem the page has no words of its own for', () => {
    const other = { code: 'invalid_amount', params: { currency: 'EUR' } };
    expect(screenWording('en', 'problem', other, 'as the server said')).toBe('as the server said');
  });
});
