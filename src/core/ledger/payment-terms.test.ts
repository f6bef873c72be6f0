import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.ts';
import { dateArb, EOM45_A, EOM45_B, NET60, termsArb } from './payment-terms.fixture.ts';
import {
  computeDueDate,
  formatPaymentTermsSpec,
  maxLegalTermsCheck,
  parsePaymentTerms,
} from './payment-terms.ts';

// Invoice date → "45 jours fin de mois" method A, method B, "60 jours nets"
// (french-payment-rules.md §4; the computed values are the oracle).
const REFERENCE_TABLE: ReadonlyArray<readonly [string, string, string, string]> = [
  ['2014-01-02', '2014-02-28', '2014-03-17', '2014-03-03'],
  ['2025-03-10', '2025-04-30', '2025-05-15', '2025-05-09'],
  ['2025-04-10', '2025-05-31', '2025-06-14', '2025-06-09'],
  ['2008-04-15', '2008-05-31', '2008-06-14', '2008-06-14'],
  ['2008-04-17', '2008-06-30', '2008-06-14', '2008-06-16'],
  ['2024-01-31', '2024-03-31', '2024-03-16', '2024-03-31'],
  ['2024-12-20', '2025-02-28', '2025-02-14', '2025-02-18'],
];

describe('computeDueDate — reference table', () => {
  it.each(REFERENCE_TABLE)('invoice %s → A %s, B %s, net 60 %s', (invoice, methodA, methodB, net60) => {
    expect(computeDueDate(invoice, EOM45_A)).toBe(methodA);
    expect(computeDueDate(invoice, EOM45_B)).toBe(methodB);
    expect(computeDueDate(invoice, NET60)).toBe(net60);
    expect(computeDueDate(invoice, 'eom:45')).toBe(methodA);
    expect(computeDueDate(invoice, 'eom_b:45')).toBe(methodB);
    expect(computeDueDate(invoice, '60 jours nets')).toBe(net60);
  });

  it('"30 jours fin de mois" on 2025-01-31 differs between methods', () => {
    expect(computeDueDate('2025-01-31', { kind: 'eom', days: 30, method: 'A' })).toBe('2025-03-31');
    expect(computeDueDate('2025-01-31', { kind: 'eom', days: 30, method: 'B' })).toBe('2025-03-02');
  });
});

describe('computeDueDate — other kinds', () => {
  it('net:0 is the issue date', () => {
    expect(computeDueDate('2025-05-17', 'net:0')).toBe('2025-05-17');
    expect(computeDueDate('2025-05-17', 'à réception')).toBe('2025-05-17');
  });

  it('eom_plus: end of month of issue + N days, then + M days', () => {
    expect(computeDueDate('2025-01-15', 'eom_plus:30:10')).toBe('2025-03-10');
    expect(computeDueDate('2025-01-10', 'eom_plus:30:10')).toBe('2025-03-10'); // +30 = 2025-02-09
    expect(computeDueDate('2024-12-31', 'eom_plus:30:10')).toBe('2025-02-10'); // +30 = 2025-01-30
    expect(computeDueDate('2025-01-15', 'eom_plus:0:10')).toBe('2025-02-10');
    expect(computeDueDate('2024-12-05', 'eom_plus:0:10')).toBe('2025-01-10');
    expect(computeDueDate('2024-12-05', 'eom_plus:30:0')).toBe('2025-01-31');
  });

  it('eom:0 and eom_b:0 are the end of the month of issue', () => {
    expect(computeDueDate('2024-02-03', 'eom:0')).toBe('2024-02-29');
    expect(computeDueDate('2024-02-03', 'eom_b:0')).toBe('2024-02-29');
  });

  it('net_day: next day-of-month on or after issue + N days', () => {
    expect(computeDueDate('2025-01-10', 'net_day:60:15')).toBe('2025-03-15'); // +60 = 2025-03-11
    expect(computeDueDate('2025-01-14', 'net_day:60:15')).toBe('2025-03-15'); // +60 = 2025-03-15
    expect(computeDueDate('2025-01-15', 'net_day:60:15')).toBe('2025-04-15'); // +60 = 2025-03-16
  });

  it('net_day clamps the day to short months', () => {
    expect(computeDueDate('2025-01-01', 'net_day:30:31')).toBe('2025-01-31'); // +30 = 2025-01-31
    expect(computeDueDate('2025-01-10', 'net_day:30:31')).toBe('2025-02-28'); // +30 = 2025-02-09
    expect(computeDueDate('2024-01-10', 'net_day:30:30')).toBe('2024-02-29');
    expect(computeDueDate('2025-01-02', 'net_day:0:30')).toBe('2025-01-30');
    expect(computeDueDate('2025-01-31', 'net_day:0:30')).toBe('2025-02-28');
  });

  it('net_day crosses the year', () => {
    expect(computeDueDate('2024-11-20', 'net_day:30:15')).toBe('2025-01-15'); // +30 = 2024-12-20
    expect(computeDueDate('2024-12-31', 'net_day:0:5')).toBe('2025-01-05');
  });

  it('throws on an unparsable spec or invalid input', () => {
    expect(() => computeDueDate('2025-01-01', 'whenever')).toThrow(RangeError);
    expect(() => computeDueDate('2025-02-30', 'net:30')).toThrow(RangeError);
    expect(() => computeDueDate('2025-01-01', { kind: 'net', days: -3 })).toThrow(RangeError);
    expect(() => computeDueDate('2025-01-01', { kind: 'net_day', days: 30, dayOfMonth: 32 })).toThrow(
      RangeError,
    );
  });

  it('due dates never precede the issue date and grow with the day count', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 200 }), (issueDate, days) => {
        for (const spec of [`net:${days}`, `eom:${days}`, `eom_b:${days}`, `eom_plus:${days}:10`]) {
          const due = computeDueDate(issueDate, spec);
          expect(due >= addDays(issueDate, days)).toBe(true);
        }
        expect(computeDueDate(issueDate, `net_day:${days}:15`) >= addDays(issueDate, days)).toBe(true);
        expect(computeDueDate(issueDate, `eom:${days}`) <= computeDueDate(issueDate, `eom:${days + 1}`)).toBe(
          true,
        );
      }),
    );
  });
});

describe('parsePaymentTerms', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['30 jours nets', 'net:30'],
    ['30 j nets', 'net:30'],
    ['30J', 'net:30'],
    ['30 jours', 'net:30'],
    ['net 30', 'net:30'],
    ['NET30', 'net:30'],
    ['30 days net', 'net:30'],
    ['Net 30 days', 'net:30'],
    ['paiement à 30 jours', 'net:30'],
    ['60 jours date de facture', 'net:60'],
    ['60 jours nets date de facture', 'net:60'],
    ['60 jours à compter de la date d’émission', 'net:60'],
    ['45 jours fin de mois', 'eom:45'],
    ['45 Jours Fin De Mois', 'eom:45'],
    ['45 j fdm', 'eom:45'],
    ['45j FDM', 'eom:45'],
    ['45 jours fin de mois méthode A', 'eom:45'],
    ['45 jours fin de mois méthode B', 'eom_b:45'],
    ['45 jours fin de mois (methode b)', 'eom_b:45'],
    ['fin de mois puis 45 jours', 'eom_b:45'],
    ['45 days end of month', 'eom:45'],
    ['45 days end of month method B', 'eom_b:45'],
    ['end of month then 45 days', 'eom_b:45'],
    ['fin de mois', 'eom:0'],
    ['30 jours fin de mois le 10', 'eom_plus:30:10'],
    ['30 jours fin de mois le 10 du mois suivant', 'eom_plus:30:10'],
    ['30 jours fin de mois + 10 jours', 'eom_plus:30:10'],
    ['fin de mois le 10', 'eom_plus:0:10'],
    ['fin de mois + 10', 'eom_plus:0:10'],
    ['fin de mois + 10 jours', 'eom_plus:0:10'],
    ['fin de mois+10j', 'eom_plus:0:10'],
    ['end of month + 10', 'eom_plus:0:10'],
    ['30 days end of month + 10 days', 'eom_plus:30:10'],
    ['60 jours nets le 15', 'net_day:60:15'],
    ['60 jours le 15', 'net_day:60:15'],
    ['net 60 days on the 15th', 'net_day:60:15'],
    ['net 30 on the 1st', 'net_day:30:1'],
    ['à réception', 'net:0'],
    ['A RECEPTION', 'net:0'],
    ['à réception de facture', 'net:0'],
    ['comptant', 'net:0'],
    ['paiement comptant', 'net:0'],
    ['on receipt', 'net:0'],
    ['due on receipt', 'net:0'],
    ['  net:30 ', 'net:30'],
    ['EOM:45', 'eom:45'],
    ['eom_b:45', 'eom_b:45'],
    ['eom_plus:30:10', 'eom_plus:30:10'],
    ['net_day:60:15', 'net_day:60:15'],
  ];

  it.each(cases)('%j → %s', (text, spec) => {
    const terms = parsePaymentTerms(text);
    expect(terms).not.toBeNull();
    expect(formatPaymentTermsSpec(terms!)).toBe(spec);
  });

  it('returns the discriminated union', () => {
    expect(parsePaymentTerms('45 jours fin de mois')).toEqual({ kind: 'eom', days: 45, method: 'A' });
    expect(parsePaymentTerms('60 jours nets le 15')).toEqual({ kind: 'net_day', days: 60, dayOfMonth: 15 });
    expect(parsePaymentTerms('fin de mois le 10')).toEqual({ kind: 'eom_plus', days: 0, plusDays: 10 });
  });

  it.each([
    '',
    '   ',
    'abc',
    '30',
    'net',
    'net -30',
    '-30 jours',
    '30,5 jours',
    '30 jours fin de mois le 31',
    '60 jours nets le 32',
    '60 jours nets le 0',
    'net 45 eom',
    '45 jours fin de mois méthode C',
    '30 jours date de réception',
    '1000 jours',
    'net:1000',
    'net:-1',
    'eom:abc',
    'eom_plus:30',
    'net_day:60:0',
    'cash',
    '30 jours nets et 45 jours fin de mois',
  ])('%j → null', (text) => {
    expect(parsePaymentTerms(text)).toBeNull();
  });
});

describe('formatting', () => {
  it('round trips spec → parse → spec', () => {
    fc.assert(
      fc.property(termsArb, (terms) => {
        const spec = formatPaymentTermsSpec(terms);
        const parsed = parsePaymentTerms(spec);
        expect(parsed).toEqual(terms);
        expect(formatPaymentTermsSpec(parsed!)).toBe(spec);
      }),
    );
  });

  it('rejects invalid terms', () => {
    expect(() => formatPaymentTermsSpec({ kind: 'net', days: 1.5 })).toThrow(RangeError);
    expect(() => formatPaymentTermsSpec({ kind: 'eom_plus', days: 0, plusDays: -1 })).toThrow(RangeError);
  });
});

describe('maxLegalTermsCheck', () => {
  it('accepts 60 days net and 45 days end of month (method A)', () => {
    for (const [invoice, methodA, , net60] of REFERENCE_TABLE) {
      expect(maxLegalTermsCheck(invoice, net60).ok).toBe(true);
      expect(maxLegalTermsCheck(invoice, methodA).ok).toBe(true);
    }
  });

  it('limit is the later of the two bounds', () => {
    // 2025-03-10: +60 = 2025-05-09, 45 j fdm = 2025-04-30
    expect(maxLegalTermsCheck('2025-03-10', '2025-05-09')).toEqual({ ok: true, limitDate: '2025-05-09' });
    expect(maxLegalTermsCheck('2025-03-10', '2025-05-10')).toEqual({ ok: false, limitDate: '2025-05-09' });
    // 2008-04-17: +60 = 2008-06-16, 45 j fdm = 2008-06-30
    expect(maxLegalTermsCheck('2008-04-17', '2008-06-30')).toEqual({ ok: true, limitDate: '2008-06-30' });
    expect(maxLegalTermsCheck('2008-04-17', '2008-07-01')).toEqual({ ok: false, limitDate: '2008-06-30' });
  });

  it('method B may exceed the limit', () => {
    // 2014-01-02: B = 2014-03-17 > max(2014-03-03, 2014-02-28)
    expect(maxLegalTermsCheck('2014-01-02', computeDueDate('2014-01-02', EOM45_B)).ok).toBe(false);
  });

  it('due dates on or before the issue date are fine', () => {
    expect(maxLegalTermsCheck('2025-03-10', '2025-03-10').ok).toBe(true);
  });
});
