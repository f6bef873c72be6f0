/**
 * The FEC warnings' catalogue: every code the reader and the import can give has a message in
 * French and English with its params filled, amounts as money (never minor units), every reason
 * a ledger rule can give worded, and counts choosing their plural.
 */
import { describe, expect, it } from 'vitest';
import { ALLOCATION_VIOLATIONS } from '#core/ledger/ledger';
import { FEC_WARNING_CODES, fecWarning } from '#importers/fec/fec-warnings';
import { wordFecWarnings } from './import-fec-warnings.ts';

const SAMPLE = {
  column: 'Analytique',
  journal: 'OD',
  letter: 'AB',
  customerCode: 'C1',
  account: '411000',
  creditRef: 'R1',
  debitRef: 'F1',
  reason: 'before_issue',
  differenceMinor: 123_456,
  amountMinor: 123_456,
  openMinor: 123_456,
  fecMinor: 123_456,
  currency: 'EUR',
  count: 2,
  firstDate: '2024-01-05',
  lastDate: '2024-02-20',
  refs: 'F1, F2',
  customers: 'C1, C2',
};

const word = (code: (typeof FEC_WARNING_CODES)[number], lang: 'fr' | 'en', params = SAMPLE) =>
  wordFecWarnings([fecWarning(code, params)], lang)[0]?.message ?? '';

describe('FEC warnings', () => {
  it('words every code in French and English, params filled, amounts as money', () => {
    for (const code of FEC_WARNING_CODES) {
      const [fr, en] = [word(code, 'fr'), word(code, 'en')];
      expect(fr, code).not.toBe(en);
      for (const message of [fr, en]) {
        expect(message, code).not.toMatch(/\{\w+\}|undefined|NaN|\[object/);
        expect(message, code).not.toContain('123456');
      }
    }
    expect(word('fec_customer_difference', 'fr')).toMatch(/^client C1\u00a0: pièces ouvertes 1\s234,56\s€ ≠/);
    expect(word('fec_customer_difference', 'en')).toMatch(/^customer C1: open items €1,234\.56 ≠/);
    expect(word('fec_documents_vanished', 'fr')).toContain('du 05/01/2024 au 20/02/2024');
  });

  it('keeps the code and params beside the message', () => {
    const [worded] = wordFecWarnings([fecWarning('fec_unknown_column', { column: 'X' })], 'en');
    expect(worded).toEqual({
      code: 'fec_unknown_column',
      params: { column: 'X' },
      message: 'column “X” is not a FEC column and was ignored',
    });
  });

  it('names each reason a ledger rule gives for refusing a lettering', () => {
    for (const lang of ['fr', 'en'] as const) {
      const fallback = word('fec_lettering_refused', lang, { ...SAMPLE, reason: 'unheard_of' });
      const reasons = ALLOCATION_VIOLATIONS.map((reason) =>
        word('fec_lettering_refused', lang, { ...SAMPLE, reason }),
      );
      for (const message of reasons) expect(message).not.toBe(fallback);
      expect(new Set(reasons).size).toBe(ALLOCATION_VIOLATIONS.length);
    }
  });

  it('chooses the plural from the count', () => {
    const one = word('fec_opening_repeated', 'fr', { ...SAMPLE, count: 1 });
    expect(one).toMatch(/^1 client a des à-nouveaux/);
    expect(word('fec_opening_repeated', 'fr')).toMatch(/^2 clients ont des à-nouveaux/);
    expect(word('fec_documents_vanished', 'en', { ...SAMPLE, count: 1 })).toMatch(/^1 document of an/);
  });
});
