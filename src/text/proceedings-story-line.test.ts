/**
 * The proceedings view dates the customer-file line it quotes (issue 14): in English that line read
 * « Story of 14/05/2026: … », a word-for-word « Historique du … »; it says when the line was recorded.
 */
import { describe, expect, it } from 'vitest';
import { translator } from './catalogue.ts';

describe('the dated customer-file line of the proceedings view', () => {
  it('says when it was recorded, in each language', () => {
    const values = { date: '14/05/2026', text: 'Mandataire : Me X' };
    expect(translator('en')('legal.proceedings.story', values)).toBe(
      'Recorded on 14/05/2026: Mandataire : Me X',
    );
    expect(translator('fr')('legal.proceedings.story', values)).toBe(
      'Historique du 14/05/2026\u00a0: Mandataire : Me X',
    );
  });
});
