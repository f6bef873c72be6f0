import { describe, expect, it } from 'vitest';
import { learnNumberings, numberedDigits, numberedRef, writtenWider } from './numbering.ts';
import { readYearNumbers } from './year-number.ts';

const read = (text: string) => readYearNumbers(text).map(({ year, number }) => `${number}/${year}`);

describe('readYearNumbers', () => {
  it('reads an invoice written as its number and its year, however the payer wrote it', () => {
    expect(readYearNumbers('VIR SEPA CABINET GAUTHIER 1331 DU 2026 F2026-001564')[0]).toEqual({
      year: 2026,
      number: 1331,
      typed: '1331 DU 2026',
    });
    expect(read('facture 1331 du 2026')).toEqual(['1331/2026']);
    expect(read('Fact. 1331/2026')).toEqual(['1331/2026']);
    expect(read('N° 1331 2026')).toEqual(['1331/2026']);
    expect(read('FACTURE N°1331-2026 ET 1332 / 2026')).toEqual(['1331/2026', '1332/2026']);
    expect(read('REGLT FACT 431 DE 2024')).toEqual(['431/2024']);
    expect(read('facture n° 1331 du 15/06/2026')).toEqual(['1331/2026']);
    expect(read('FACTURE 1331 DU 2026-06-15')).toEqual(['1331/2026']);
    expect(read('F2026-1331')).toEqual(['1331/2026']);
    // A whole reference keeps its letters, a number and a year do not.
    expect(readYearNumbers('VIR F2026-0001564,F2026-0001565')).toEqual([
      { year: 2026, number: 1564, typed: '2026-0001564', written: 'F2026-0001564' },
      { year: 2026, number: 1565, typed: '2026-0001565', written: 'F2026-0001565' },
    ]);
    expect(readYearNumbers('1564 DU 2026 F2026-0001564')).toEqual([
      { year: 2026, number: 1564, typed: '2026-0001564', written: 'F2026-0001564' },
    ]);
    expect(readYearNumbers('FACT 1564/2026')[0]?.written).toBeUndefined();
    expect(read('FACT 2026/1331')).toEqual(['1331/2026']);
    expect(read('FA 2026 1331')).toEqual(['1331/2026']);
    expect(read('LCR ECH 05/06/26 1227 DU 2026')).toEqual(['1227/2026']);
    expect(read('1331 DU 2026 1331/2026')).toEqual(['1331/2026']);
    expect(read('factures 1331, 1332 et 1340 du 2026')).toEqual(['1331/2026', '1332/2026', '1340/2026']);
    // A comma with no space between numbers of three digits or more.
    expect(readYearNumbers('123,124 du 2026')).toEqual([
      { year: 2026, number: 123, typed: '123,124 DU 2026' },
      { year: 2026, number: 124, typed: '123,124 DU 2026' },
    ]);
    expect(read('FACT 1331,1332,1340 DU 2026')).toEqual(['1331/2026', '1332/2026', '1340/2026']);
    expect(read('factures 1331,1332 et 1340 du 2026')).toEqual(['1331/2026', '1332/2026', '1340/2026']);
    expect(readYearNumbers('FACT 12 & 13 DU 2025')).toEqual([
      { year: 2025, number: 12, typed: '12 & 13 DU 2025' },
      { year: 2025, number: 13, typed: '12 & 13 DU 2025' },
    ]);
  });

  it('leaves alone an amount, a date, a postcode, a SIREN and a bare number beside a year', () => {
    // Amounts.
    expect(read('REGLEMENT 2026,00 EUR')).toEqual([]);
    expect(read('VIR 1 331,00 DU 2026')).toEqual([]);
    expect(read('ACOMPTE 1331 2026 EUR')).toEqual([]);
    expect(read('FACT 1331 2026,50')).toEqual([]);
    expect(read('VIREMENT 1331,00 DU 2026')).toEqual([]);
    // A comma with one or two digits after it, or after one or two digits, is a decimal one.
    expect(read('fact 1234,56 du 2026')).toEqual([]);
    expect(read('FACT 1234,5 DU 2026')).toEqual([]);
    expect(read('VIR 12,345 DU 2026')).toEqual([]);
    expect(read('FACT 1331, 12,345 DU 2026')).toEqual([]);
    // Dates.
    expect(read('ECHEANCE DU 12/06/2026')).toEqual([]);
    expect(read('LOYER 06/2026')).toEqual([]);
    expect(read('PRLV 2026-06-15')).toEqual([]);
    expect(read('ECHEANCE 2026-06')).toEqual([]);
    expect(read('REMISE DU 15.06.2026 12:30')).toEqual([]);
    // Postcodes, a SIREN, a SIRET, an IBAN.
    expect(read('MAIRIE 13100 AIX EN PROVENCE 2026')).toEqual([]);
    expect(read('CCAS 13100 2026')).toEqual([]);
    expect(read('SIREN 552 100 554 2026')).toEqual([]);
    expect(read('SIREN 552100554 DU 2026')).toEqual([]);
    expect(read('SIRET 55210055400013 2026')).toEqual([]);
    expect(read('FR76 3000 6000 0112 3456 7890 189')).toEqual([]);
    // A number and a year with nothing saying it is an invoice, or inside a code.
    expect(read('COMMANDE 1331 2026')).toEqual([]);
    expect(read('2026 1331')).toEqual([]);
    expect(read('LOT AB1331/2026')).toEqual([]);
    // A year that cannot be an invoice's.
    expect(read('FACTURE 1331 DU 1789')).toEqual([]);
  });
});

describe('numbering', () => {
  const refs = ['F2026-001331', 'F2026-001564', 'F2025-000738', 'F2024-002118', 'AV2026-000012'];

  it('is learned from the company’s references, whatever their prefix', () => {
    expect(learnNumberings(refs)).toEqual([{ yearFirst: true, yearDigits: 4, numberWidths: [6], share: 1 }]);
    expect(learnNumberings(['FA-1331/2026', 'FA-1332/2026', 'FA-98/2025', 'FA-1200/2025'])).toEqual([
      { yearFirst: false, yearDigits: 4, numberWidths: [0], share: 1 },
    ]);
    expect(learnNumberings(['FC26-01331', 'FC26-01332', 'FC25-00098'])).toEqual([
      { yearFirst: true, yearDigits: 2, numberWidths: [5], share: 1 },
    ]);
    // Numbers of one length without a leading zero: padded or not, both are tried.
    expect(learnNumberings(['INV2026/1331', 'INV2026/1332', 'INV2025/1200'])[0]?.numberWidths).toEqual([
      0, 4,
    ]);
  });

  it('is none for references that carry no year, or too few references', () => {
    expect(learnNumberings(['100234', '100235', '100236', '100237'])).toEqual([]);
    expect(learnNumberings(['2026001331', '2026001332', '2026001333'])).toEqual([]);
    expect(learnNumberings(['C-000123', 'C-000124', 'C-000125'])).toEqual([]);
    expect(learnNumberings(['F2026-001331', 'F2026-001332'])).toEqual([]);
  });

  it('gives the digits the reference of a year and number has, and reads them back', () => {
    const [numbering] = learnNumberings(refs);
    expect(numberedDigits({ year: 2026, number: 1331 }, numbering ? [numbering] : [])).toEqual([
      '2026001331',
    ]);
    expect(numberedDigits({ year: 2026, number: 1234567 }, numbering ? [numbering] : [])).toEqual([]);
    expect(
      numberedDigits({ year: 2026, number: 98 }, [
        { yearFirst: false, yearDigits: 4, numberWidths: [0], share: 1 },
      ]),
    ).toEqual(['982026']);
    expect(numberedRef('F2026-001331')).toEqual({ year: 2026, number: 1331 });
    expect(numberedRef('FA-1331/2026')).toEqual({ year: 2026, number: 1331 });
    expect(numberedRef('FC26-01331')).toEqual({ year: 2026, number: 1331 });
    expect(numberedRef('20261331')).toBeNull();
  });

  it('tells a reference written with more zeros before its number from another reference', () => {
    expect(writtenWider('F2026-0001564', 'F2026-001564')).toBe(true);
    expect(writtenWider('F2026/00001564', 'F2026-001564')).toBe(true);
    expect(writtenWider('FA-0001331/2026', 'FA-1331/2026')).toBe(true);
    // The same width, other letters, another year or number, no letters at all.
    expect(writtenWider('F2026-001564', 'F2026-001564')).toBe(false);
    expect(writtenWider('FA2026-0001564', 'F2026-001564')).toBe(false);
    expect(writtenWider('F2025-0001564', 'F2026-001564')).toBe(false);
    expect(writtenWider('F2026-0001565', 'F2026-001564')).toBe(false);
    expect(writtenWider('2026-0001564', '2026-001564')).toBe(false);
  });
});
