import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { JOB_KINDS } from '../app/jobs/job-kinds.ts';
import { hasLabel, hasMessage, LANGS, label, messageKeys, toLang, translator } from './catalogue.ts';
import { LABEL_DOMAINS } from './domains.ts';
import { MESSAGES } from './icu.ts';

/** Names of the ICU arguments a message uses (a plural in one language may be plain in the other). */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if ('value' in element && typeof element.value === 'string') into.add(element.value);
    if ('options' in element)
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
  }
  return into;
}

describe('the text catalogue', () => {
  it('labels every code of every domain in both languages', () => {
    const missing: string[] = [];
    for (const [domain, codes] of Object.entries(LABEL_DOMAINS))
      for (const code of codes)
        for (const lang of LANGS)
          if (!hasLabel(lang, domain, code)) missing.push(`${lang} ${domain}.${code}`);
    expect(missing).toEqual([]);
    expect(Object.keys(LABEL_DOMAINS).length).toBeGreaterThan(10);
  });

  it('names every job kind in both languages (the jobs page labels them)', () => {
    const missing = JOB_KINDS.kinds().flatMap((kind) =>
      LANGS.filter((lang) => !hasLabel(lang, 'jobKind', kind)).map((lang) => `${kind} (${lang})`),
    );
    expect(missing).toEqual([]);
  });

  it('has every message in both languages, with the same ICU arguments', () => {
    const fr = [...MESSAGES.fr.keys()].sort();
    const en = [...MESSAGES.en.keys()].sort();
    expect(en).toEqual(fr);
    const different = fr.filter((key) => {
      const french = [...argumentsOf(parse(MESSAGES.fr.get(key) ?? '', { ignoreTag: true }))].sort();
      const english = [...argumentsOf(parse(MESSAGES.en.get(key) ?? '', { ignoreTag: true }))].sort();
      return JSON.stringify(french) !== JSON.stringify(english);
    });
    expect(different).toEqual([]);
  });

  it('keys every message as area.key', () => {
    expect(messageKeys().filter((key) => !/^[a-zA-Z0-9]+(\.[\w-]+)+$/.test(key))).toEqual([]);
  });

  it('a label is never the code itself or an empty text', () => {
    for (const [domain, codes] of Object.entries(LABEL_DOMAINS))
      for (const code of codes)
        for (const lang of LANGS) {
          const text = label(lang, domain, code);
          expect(text.trim(), `${domain}.${code}`).not.toBe('');
          if (code.includes('_')) expect(text, `${domain}.${code}`).not.toBe(code);
        }
    expect(label('fr', 'customerType', 'large_retail')).toBe('Grande distribution');
    expect(label('en', 'eventKind', 'limit_change')).toBe('Credit limit change');
    expect(label('fr', 'customerType', null)).toBe('—');
  });

  it('applies ICU plurals per language', () => {
    const fr = translator('fr');
    const en = translator('en');
    expect(fr('common.days', { n: 0 })).toBe('0 jour');
    expect(fr('common.days', { n: 1 })).toBe('1 jour');
    expect(fr('common.days', { n: 45 })).toBe('45 jours');
    expect(en('common.days', { n: 1 })).toBe('1 day');
    expect(en('common.days', { n: 2 })).toBe('2 days');
    expect(fr('common.customers', { n: 1200 })).toBe('1\u202f200 clients');
    expect(en('common.customers', { n: 0 })).toBe('no customers');
  });

  it('labels computed codes: age buckets and anomaly windows', () => {
    expect(label('fr', 'agingBucket', 'not_due')).toBe('Non échu');
    expect(label('fr', 'agingBucket', 'd1_30')).toBe('1–30 j');
    expect(label('en', 'agingBucket', 'd0_30')).toBe('≤ 30 d');
    expect(label('fr', 'agingBucket', 'd90_plus')).toBe('> 90 j');
    expect(label('en', 'anomalyKind', 'payment_delay_deteriorating_6m')).toBe(
      'Payment delay rising over 6 months',
    );
  });

  it('fails loud on an unknown key or code outside production', () => {
    expect(hasMessage('common.none')).toBe(true);
    expect(hasMessage('common.nothing')).toBe(false);
    expect(() => translator('fr')('common.nothing')).toThrow(/common\.nothing/);
    expect(() => label('fr', 'customerType', 'spaceship')).toThrow(/customerType\.spaceship/);
  });

  it('reads any English tag as English, anything else as French', () => {
    expect(['en', 'EN', 'en-GB', 'fr', 'de', undefined, null, 3].map(toLang)).toEqual([
      'en',
      'en',
      'en',
      'fr',
      'fr',
      'fr',
      'fr',
      'fr',
    ]);
  });
});
