import { describe, expect, it } from 'vitest';
import { skippedReasonText } from './plan-lateness-text.ts';

describe('a skipped invoice’s reason (CLI and API)', () => {
  it('never prints a model’s probability of lateness as « 0 % » (prediction-lateness.ts)', () => {
    const skipped = {
      reason: 'likely_on_time' as const,
      lateProbabilityBp: 40,
      minimumLateProbabilityBp: 5_000,
    };
    expect(skippedReasonText('fr', skipped)).toBe(
      'probabilité de retard <\u00a01\u00a0% < 50\u00a0%\u00a0: pas de relance avant l’échéance',
    );
    expect(skippedReasonText('en', { ...skipped, lateProbabilityBp: 1_800 })).toBe(
      'probability of lateness 18% < 50%: no reminder before the due date',
    );
  });
});
