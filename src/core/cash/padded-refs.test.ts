import { describe, expect, it } from 'vitest';
import { paddedRefDigits, paddedRefHits, padsRef, readPaddedRefs } from './padded-refs.ts';

describe('readPaddedRefs', () => {
  it('reads words of any letters whose number starts with a zero, once each', () => {
    expect(readPaddedRefs('VIR SEPA Fc26-00412, fc26-00412 et AV.000412/2026')).toEqual([
      'FC26-00412',
      'AV.000412/2026',
    ]);
    expect(readPaddedRefs('Réglement FÉ26-00412.')).toEqual(['FE26-00412']);
  });

  it('leaves alone amounts, dates, phone numbers, IBANs and numbers without letters', () => {
    const others = [
      'MONTANT 00412,00 EUR',
      'MONTANT FC26 00412,00 EUR',
      'FC26-00412,00',
      'EUR00412,50',
      '26-00412',
      'DU 02/06/2026',
      'TEL 06 12 34 56 78',
      'TEL 0612345678',
      'TEL0612345678',
      'FR76 3000 6000 0112 3456 7890 189',
      'FR7630006000011234567890189',
      // No zero before the number: nothing written wider.
      'FC26-412',
      'FC26-000',
      'FACTURES2026-0412',
    ];
    for (const text of others) expect(readPaddedRefs(text), text).toEqual([]);
  });
});

describe('paddedRefDigits', () => {
  it('gives the digits of the reference with each zero less before a number', () => {
    expect(paddedRefDigits('FC26-00412')).toEqual(['260412', '26412']);
    // The first number's zeros are no digits of the key: one key for every width.
    expect(paddedRefDigits('AV-0004/2026')).toEqual(['42026']);
    // Too few digits left to name anything (references.ts digitsKey).
    expect(paddedRefDigits('FC-0412')).toEqual([]);
  });
});

describe('padsRef', () => {
  it('is the same letters and numbers, one of them with more zeros', () => {
    expect(padsRef('FC26-00412', 'FC26-412')).toBe(true);
    expect(padsRef('FC26-00412', 'fc26/0412')).toBe(true);
    expect(padsRef('AV-000412/2026', 'AV-0412/2026')).toBe(true);
    for (const ref of ['FC26-00412', 'F26-412', 'FC27-412', 'FC26-413', 'FC26-4120', 'FC26-412-1', 'FC26412'])
      expect(padsRef('FC26-00412', ref), ref).toBe(false);
    expect(padsRef('FC026-00412', 'FC26-412')).toBe(false);
  });
});

describe('paddedRefHits', () => {
  const documents = [
    { documentId: 1, customerCode: 'C1', externalRef: 'FC26-412' },
    { documentId: 2, customerCode: 'C2', externalRef: 'F26-412' },
  ];
  it('names the documents the word writes wider, not those of other letters', () => {
    expect(paddedRefHits(['FC26-00412'], () => documents, [])).toEqual([
      {
        customerCode: 'C1',
        documentId: 1,
        ref: 'FC26-412',
        viaDigits: false,
        typed: 'FC26-00412',
        padded: true,
      },
    ]);
  });

  it('names nothing more for a word the text names as it is, or a document named already', () => {
    const named = (ref: string, documentId: number) => ({
      customerCode: 'C3',
      documentId,
      ref,
      viaDigits: false,
    });
    expect(paddedRefHits(['FC26-00412'], () => documents, [named('FC26-00412', 9)])).toEqual([]);
    expect(paddedRefHits(['FC26-00412'], () => documents, [named('FC26-412', 1)])).toEqual([]);
  });
});
