import { describe, expect, it } from 'vitest';
import {
  AmountReader,
  decimalEvidence,
  parseDateText,
  parseEmails,
  parseList,
  parseSiren,
  parseSiret,
} from './values.ts';
import { CUSTOMER_TYPE_WORDS, parseCountry, parseLanguage } from './vocabulary.ts';

describe('parseDateText', () => {
  it('reads day-first and ISO dates', () => {
    expect(parseDateText('31/01/2024')).toBe('2024-01-31');
    expect(parseDateText('31-01-2024')).toBe('2024-01-31');
    expect(parseDateText('31.01.2024')).toBe('2024-01-31');
    expect(parseDateText('1/2/2024')).toBe('2024-02-01');
    expect(parseDateText('01/02/24')).toBe('2024-02-01');
    expect(parseDateText('2024-02-29')).toBe('2024-02-29');
    expect(parseDateText('2024-02-29T13:45:00Z')).toBe('2024-02-29');
    expect(parseDateText(' 2024-02-29 00:00:00 ')).toBe('2024-02-29');
  });

  it('reads the numbers of N/N/N dates in the order asked, ISO and year-first dates in any', () => {
    expect(parseDateText('3/4/2013')).toBe('2013-04-03');
    expect(parseDateText('3/4/2013', 'mdy')).toBe('2013-03-04');
    expect(parseDateText('3/25/2013', 'mdy')).toBe('2013-03-25');
    expect(parseDateText('3/25/2013', 'dmy')).toBeNull();
    expect(parseDateText('25/3/2013', 'mdy')).toBeNull();
    expect(parseDateText('12/31/13', 'mdy')).toBe('2013-12-31');
    expect(parseDateText('13/04/03', 'ymd')).toBe('2013-04-03');
    for (const order of ['dmy', 'mdy', 'ymd'] as const) {
      expect(parseDateText('2013-04-03', order)).toBe('2013-04-03');
      expect(parseDateText('2013/04/03', order)).toBe('2013-04-03');
      expect(parseDateText('2013.4.3', order)).toBe('2013-04-03');
    }
    expect(parseDateText('2/29/2023', 'mdy')).toBeNull();
  });

  it('refuses days that do not exist and other shapes', () => {
    for (const text of [
      '31/02/2024',
      '29/02/2023',
      '2024-13-01',
      '01/02-2024',
      '2024/01/31x',
      'demain',
      '45322',
    ]) {
      expect(parseDateText(text), text).toBeNull();
    }
  });
});

describe('decimal convention', () => {
  it('tells what an amount says about the decimal separator', () => {
    expect(decimalEvidence('1.234,56')).toBe(',');
    expect(decimalEvidence('1,234.56')).toBe('.');
    expect(decimalEvidence('1.234.567')).toBe(',');
    expect(decimalEvidence('12,5')).toBe(',');
    expect(decimalEvidence('1234.567')).toBe('.');
    expect(decimalEvidence('0,125')).toBe(',');
    expect(decimalEvidence('1.234')).toBe('ambiguous');
    expect(decimalEvidence('-12,500 €')).toBe('ambiguous');
    expect(decimalEvidence('1 234')).toBeNull();
  });

  function readAll(fallback: '.' | ',' | null, texts: string[]): Array<number | null> {
    const reader = new AmountReader(fallback);
    const results: Array<number | null> = texts.map(() => null);
    texts.forEach((text, index) => {
      reader.read(text, 'EUR', (amountMinor) => {
        results[index] = amountMinor;
      });
    });
    reader.finish();
    return results;
  }

  it('reads ambiguous amounts with the convention of the other amounts of the file', () => {
    expect(readAll(null, ['1.234', '12,50'])).toEqual([123_400, 1250]);
    expect(readAll(null, ['1.234', '12.50'])).toEqual([null, 1250]);
    expect(readAll(null, ['1,234', '1.5'])).toEqual([123_400, 150]);
  });

  it("falls back on the format's habit, then on money.ts's rule", () => {
    expect(readAll(',', ['1.234'])).toEqual([123_400]);
    expect(readAll('.', ['1.234'])).toEqual([null]);
    expect(readAll(null, ['1.234'])).toEqual([123_400]);
    // Both conventions seen: the format decides for the ambiguous ones.
    expect(readAll('.', ['1,5', '2.5', '1,234'])).toEqual([150, 250, 123_400]);
  });

  it('refuses more decimals than the currency has', () => {
    expect(readAll(null, ['1234.567'])).toEqual([null]);
    expect(readAll(',', ['12,345'])).toEqual([null]);
  });
});

describe('identifiers', () => {
  it('checks the Luhn key of SIREN and SIRET', () => {
    expect(parseSiren('552 100 554')).toEqual({ value: '552100554' });
    expect(parseSiren('552100555')).toEqual({ problem: { code: 'invalid_siren_check_digit', params: {} } });
    expect(parseSiren('55210055')).toEqual({ problem: { code: 'invalid_siren_length', params: {} } });
    expect(parseSiret('552 100 554 00013')).toEqual({ value: '55210055400013' });
    expect(parseSiret('55210055400014')).toEqual({
      problem: { code: 'invalid_siret_check_digit', params: {} },
    });
    // La Poste's establishments: digit sum multiple of 5 instead of the Luhn key.
    expect(parseSiret('35600000000001')).toEqual({ value: '35600000000001' });
  });

  it('splits lists of references and e-mails', () => {
    expect(parseList('F1; F2,F3 | F4  F5 F1')).toEqual(['F1', 'F2', 'F3', 'F4', 'F5']);
    expect(parseList('')).toEqual([]);
    expect(parseEmails('a@x.fr; b@y.com')).toBe('a@x.fr, b@y.com');
    expect(parseEmails('a@x')).toBeNull();
  });
});

describe('vocabulary', () => {
  it('maps French and English words', () => {
    expect(CUSTOMER_TYPE_WORDS.lookup('Grande Distribution')).toBe('large_retail');
    expect(CUSTOMER_TYPE_WORDS.lookup('GMS')).toBe('large_retail');
    expect(CUSTOMER_TYPE_WORDS.lookup('détaillant')).toBe('independent_retailer');
    expect(CUSTOMER_TYPE_WORDS.lookup('Secteur public')).toBe('public_body');
    expect(CUSTOMER_TYPE_WORDS.lookup('public_body')).toBe('public_body');
    expect(CUSTOMER_TYPE_WORDS.lookup('martien')).toBeUndefined();
    expect(parseCountry('États-Unis')).toBe('US');
    expect(parseCountry('uk')).toBe('GB');
    expect(parseCountry('pt')).toBe('PT');
    expect(parseCountry('Atlantide')).toBeNull();
    expect(parseLanguage('fr-FR')).toBe('fr');
    expect(parseLanguage('Anglais')).toBe('en');
  });
});
