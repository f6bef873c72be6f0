/** Evidence in words: a similarity reads as each language writes a percentage. */
import { describe, expect, it } from 'vitest';
import { translator } from '#text/catalogue';
import { formatPercent } from '#text/format';
import { describeEvidence } from './evidence-text.ts';

describe('evidence in words', () => {
  it('writes the similarity as a percentage of the language: « 100 % » in French, "100%" in English', () => {
    const evidence = { code: 'counterparty_name', similarityPct: 100 } as const;
    // French puts a no-break space before the sign, as the app's own percentages do.
    expect(formatPercent('fr', 1)).toMatch(/^100\s%$/u);
    expect(describeEvidence('en', evidence, 'EUR')).toBe('Payer name close to the customer’s (100%)');
    expect(describeEvidence('fr', evidence, 'EUR')).toBe(
      `Nom du payeur proche du nom du client (${formatPercent('fr', 1)})`,
    );
  });

  it('writes the CLI lines’ confidence and threshold the same way', () => {
    const en = translator('en');
    const line = en('cash.match.line', {
      id: 7,
      amount: '€10.00',
      customer: 'C00001',
      confidence: 95,
      method: 'Exact amount',
      invoices: 'F1',
    });
    expect(line).toBe('  #7 €10.00 → C00001 95% (Exact amount) F1');
    expect(
      translator('fr')('cash.returns.candidate', {
        confidence: 98,
        id: 3,
        date: '10/06/2026',
        customer: 'C00001',
        evidence: 'même IBAN',
      }),
    ).toBe(`  ${formatPercent('fr', 0.98)} → encaissement n° 3 du 10/06/2026 (C00001)\u00a0: même IBAN`);
  });
});
