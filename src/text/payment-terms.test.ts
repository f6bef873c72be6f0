import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateArb, EOM45_A, EOM45_B, NET60, termsArb } from '../core/ledger/payment-terms.fixture.ts';
import { computeDueDate, formatPaymentTermsSpec, parsePaymentTerms } from '../core/ledger/payment-terms.ts';
import { label } from './catalogue.ts';
import { describePaymentTerms } from './payment-terms.ts';

describe('payment terms in words', () => {
  it('describes in French and English', () => {
    expect(describePaymentTerms(EOM45_A, 'fr')).toBe('45 jours fin de mois');
    expect(describePaymentTerms(EOM45_A, 'en')).toBe('45 days end of month');
    expect(describePaymentTerms(EOM45_B, 'fr')).toBe('fin de mois puis 45 jours');
    expect(describePaymentTerms(EOM45_B, 'en')).toBe('end of month then 45 days');
    expect(describePaymentTerms(NET60, 'fr')).toBe('60 jours nets');
    expect(describePaymentTerms(NET60, 'en')).toBe('net 60 days');
    expect(describePaymentTerms({ kind: 'net', days: 0 }, 'fr')).toBe('à réception');
    expect(describePaymentTerms({ kind: 'net', days: 0 }, 'en')).toBe('on receipt');
    expect(describePaymentTerms({ kind: 'net', days: 1 }, 'fr')).toBe('1 jour net');
    expect(describePaymentTerms({ kind: 'eom_plus', days: 30, plusDays: 10 }, 'fr')).toBe(
      '30 jours fin de mois le 10',
    );
    expect(describePaymentTerms({ kind: 'eom_plus', days: 0, plusDays: 10 }, 'en')).toBe(
      'end of month + 10 days',
    );
    expect(describePaymentTerms({ kind: 'net_day', days: 60, dayOfMonth: 15 }, 'fr')).toBe(
      '60 jours nets le 15',
    );
    expect(describePaymentTerms({ kind: 'net_day', days: 60, dayOfMonth: 22 }, 'en')).toBe(
      'net 60 days on the 22nd',
    );
    expect(describePaymentTerms({ kind: 'net_day', days: 60, dayOfMonth: 11 }, 'en')).toBe(
      'net 60 days on the 11th',
    );
  });

  it('descriptions parse back to terms with the same due dates', () => {
    fc.assert(
      fc.property(
        termsArb,
        fc.constantFrom('fr' as const, 'en' as const),
        dateArb,
        (terms, lang, issueDate) => {
          const parsed = parsePaymentTerms(describePaymentTerms(terms, lang));
          expect(parsed).not.toBeNull();
          expect(computeDueDate(issueDate, parsed!)).toBe(computeDueDate(issueDate, terms));
        },
      ),
    );
  });

  it('labels every canonical form of a stored spec', () => {
    expect(label('fr', 'paymentTerms', 'net:30')).toBe('30 jours nets');
    expect(label('fr', 'paymentTerms', 'eom:45')).toBe('45 jours fin de mois');
    expect(label('fr', 'paymentTerms', 'eom_b:45')).toBe('fin de mois puis 45 jours');
    expect(label('fr', 'paymentTerms', 'eom_plus:30:10')).toBe('30 jours fin de mois le 10');
    expect(label('fr', 'paymentTerms', 'net_day:60:15')).toBe('60 jours nets le 15');
    expect(label('fr', 'paymentTerms', 'net:0')).toBe('à réception');
    expect(label('en', 'paymentTerms', 'eom:45')).toBe('45 days end of month');
    expect(label('en', 'paymentTerms', 'net:30')).toBe('net 30 days');
  });

  it('labels every spec that round trips (property)', () => {
    fc.assert(
      fc.property(termsArb, fc.constantFrom('fr' as const, 'en' as const), (terms, lang) => {
        const text = label(lang, 'paymentTerms', formatPaymentTermsSpec(terms));
        expect(text).not.toMatch(/[:_]/);
        expect(parsePaymentTerms(text)).not.toBeNull();
      }),
    );
  });

  it('rejects invalid terms', () => {
    expect(() => describePaymentTerms({ kind: 'eom_plus', days: 0, plusDays: -1 }, 'fr')).toThrow(RangeError);
  });
});
