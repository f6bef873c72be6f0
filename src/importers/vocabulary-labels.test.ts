/**
 * A problem names the accepted values of a coded column by their labels (« grande distribution,
 * grossiste, PME… »): each label, in French and English, must then be a value the import accepts.
 */
import { describe, expect, it } from 'vitest';
import { LANGS, label } from '#text/catalogue';
import { CUSTOMER_STATUS_WORDS, CUSTOMER_TYPE_WORDS, ORDER_STATUS_WORDS } from './vocabulary.ts';

describe('the labels named by an unknown value', () => {
  it.each(LANGS)('are accepted values, in %s', (lang) => {
    for (const words of [CUSTOMER_TYPE_WORDS, CUSTOMER_STATUS_WORDS, ORDER_STATUS_WORDS]) {
      const domain = words.domain ?? '';
      expect(domain).not.toBe('');
      for (const code of words.codes) {
        expect(words.lookup(label(lang, domain, code)), `${domain}.${code}`).toBe(code);
        // The code itself stays accepted: exports of Encours re-import.
        expect(words.lookup(code)).toBe(code);
      }
    }
  });
});
