import { describe, expect, it } from 'vitest';
import { daysPerMonth } from '#core/forecast/predict-reasons';
import { portfolioTrendSentence } from './forecast-words.ts';

describe('portfolioTrendSentence', () => {
  it('says nothing of a slope that rounds to less than 0.1 day a month', () => {
    expect(portfolioTrendSentence('fr', daysPerMonth(0.001))).toBeNull();
    expect(portfolioTrendSentence('fr', 0)).toBeNull();
  });

  it('says which way the portfolio drifts, in days a month with one decimal', () => {
    // 0.031 day of delay a day is 0.93 a month, told as « 0,9 j ».
    expect(portfolioTrendSentence('fr', daysPerMonth(0.031))).toBe(
      'Vos clients paient de plus en plus tard\u00a0: environ 0,9 j de retard en plus chaque mois, dont la prévision tient compte.',
    );
    expect(portfolioTrendSentence('en', -1.5)).toBe(
      'Your customers pay sooner and sooner: about 1.5 fewer days late each month, which the forecast allows for.',
    );
  });
});
