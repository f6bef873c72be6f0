/**
 * The anomalies page writes a concentration's shares as the report does (issue 16): a largest
 * customer at 10,04 % of the portfolio reads « 10,04 % » against the 10 % threshold, not « 10 % »,
 * which read as a finding about a share that does not pass it; a share clear of its threshold keeps
 * the page's whole percent. Kept in test/: Vitest reads no test under web/.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANOMALY_THRESHOLDS } from '#core/analytics/anomalies';
import { formatEvidence } from '../../web/src/pages/anomalies/evidence-text.ts';

const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const shown = (key: string, value: number) =>
  spaced(formatEvidence(key, value, 'EUR', 'fr', DEFAULT_ANOMALY_THRESHOLDS));

describe('the shares of a concentration on the anomalies page', () => {
  it('show the decimals that tell a share from its threshold', () => {
    expect(shown('largestShare', 0.1004)).toBe('10,04 %');
    expect(shown('share', 0.1004)).toBe('10,04 %');
    expect(shown('largestShare', 0.1)).toBe('10 %');
    expect(shown('top10Share', 0.5003)).toBe('50,03 %');
    expect(shown('top10Share', 0.3421)).toBe('34 %');
    expect(shown('limitUsage', 1.0004)).toBe('100 %');
  });
});
