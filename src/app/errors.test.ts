import { describe, expect, it } from 'vitest';
import { formatMoney } from '#text/format';
import { DomainError, errorText, exitCodeOf } from './errors.ts';

describe('DomainError', () => {
  it('keeps a plain message as it is, in every language', () => {
    const error = new DomainError('conflict', 'as given');
    expect(error.message).toBe('as given');
    expect(errorText(error, 'fr')).toBe('as given');
    expect(exitCodeOf(error)).toBe(5);
  });

  it('words a catalogue wording in the reader language, English in its message', () => {
    const error = new DomainError('not_found', {
      key: 'errors.http.noRoute',
      params: { method: 'GET', path: (lang) => (lang === 'fr' ? '/chemin' : '/path') },
    });
    expect(error.message).toBe('No route GET /path');
    expect(errorText(error, 'fr')).toBe('Aucune route GET /chemin');
    expect(errorText(error, 'en')).toBe('No route GET /path');
  });

  it('formats a language-dependent parameter, such as an amount, for each reader', () => {
    const amount = (lang: 'fr' | 'en') => formatMoney(lang, 123456, 'EUR');
    const error = new DomainError('invalid_input', {
      key: 'errors.http.noRoute',
      params: { method: 'X', path: amount },
    });
    expect(errorText(error, 'fr')).toMatch(/1\s234,56\s€/);
    expect(errorText(error, 'en')).toContain('1,234.56');
  });
});
