import { describe, expect, it } from 'vitest';
import { label, translator } from './catalogue.ts';
import { formatDate, formatMoney } from './format.ts';
import { eventText, storyLine, storyParamText, storyText } from './story.ts';

// Intl separates thousands and the euro sign with no-break spaces; compare with plain spaces.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('a story parameter in words', () => {
  it('formats money from minor units in each language', () => {
    const money = { minor: 123_456, currency: 'EUR' };
    expect(spaced(String(storyParamText('fr', money)))).toBe('1 234,56 €');
    expect(storyParamText('en', money)).toBe('€1,234.56');
    // The currency's own exponent: yen have no minor digits.
    expect(storyParamText('en', { minor: 1500, currency: 'JPY' })).toBe('JP¥1,500');
    expect(spaced(String(storyParamText('fr', { minor: -5, currency: 'EUR' })))).toBe('-0,05 €');
  });

  it('formats ISO dates in each language', () => {
    expect(storyParamText('fr', { date: '2026-07-03' })).toBe('03/07/2026');
    expect(storyParamText('en', { date: '2026-07-03' })).toBe('03/07/2026');
    expect(
      storyText('en', { key: 'legal.event.ceased', params: { siren: '1', date: { date: '2026-07-03' } } }),
    ).toBe('Register alert: the company has ceased trading (SIREN 1) since 03/07/2026.');
  });

  it('words codes as the catalogue labels them, and figures with their decimals', () => {
    expect(storyParamText('fr', { domain: 'dunningChannel', code: 'letter' })).toBe(
      label('fr', 'dunningChannel', 'letter'),
    );
    expect(storyParamText('en', { domain: 'dunningChannel', code: 'letter' })).toBe(
      label('en', 'dunningChannel', 'letter'),
    );
    expect(storyParamText('en', { domain: 'creditDecision', code: 'refuse' })).toBe('Refused');
    expect(storyParamText('fr', { figure: 61.25, decimals: 1 })).toBe('61,3');
    expect(storyParamText('en', { figure: 61.25, decimals: 1 })).toBe('61.3');
    expect(storyParamText('en', { figure: null, decimals: 1 })).toBe('—');
  });

  it('keeps strings and numbers as they are and words nested messages', () => {
    expect(storyParamText('en', 'FA-2026-001')).toBe('FA-2026-001');
    expect(storyParamText('en', 3)).toBe(3);
    expect(storyParamText('en', { key: 'legal.judgmentKind', params: { kind: 'opening' } })).toBe(
      translator('en')('legal.judgmentKind', { kind: 'opening' }),
    );
    expect(storyParamText('fr', { key: 'common.noLimit', params: {} })).toBe('aucune');
  });
});

describe('a story line', () => {
  const message = {
    key: 'dunning.event.promise',
    params: { amount: { minor: 250_000, currency: 'EUR' }, date: { date: '2026-07-15' }, note: '' },
  };

  it('stores the French sentence made from its message, without a trailing space', () => {
    const line = storyLine(message.key, message.params);
    expect(line.message).toEqual(message);
    expect(spaced(line.detail)).toBe('Promesse de paiement : 2 500,00 €, dernière échéance le 15/07/2026.');
    expect(line.detail).toBe(storyText('fr', message));
    // The same words as the catalogue gives for the same values formatted by hand.
    expect(line.detail).toBe(
      translator('fr')('dunning.event.promise', {
        amount: formatMoney('fr', 250_000, 'EUR'),
        date: formatDate('fr', '2026-07-15'),
        note: '',
      }).trim(),
    );
  });

  it('reads in the reader’s language when it has a message, as stored otherwise', () => {
    const stored = storyLine(message.key, message.params);
    expect(eventText('en', stored)).toBe('Promise to pay: €2,500.00, last instalment on 15/07/2026.');
    expect(eventText('fr', stored)).toBe(stored.detail);
    const imported = { detail: 'Relance téléphonique (import ERP)', message: null };
    expect(eventText('en', imported)).toBe('Relance téléphonique (import ERP)');
    expect(eventText('fr', { detail: 'texte libre' })).toBe('texte libre');
    // A key this catalogue no longer has: the French text it was stored with stands.
    expect(eventText('en', { detail: 'ancienne ligne', message: { key: 'gone.key', params: {} } })).toBe(
      'ancienne ligne',
    );
  });
});
