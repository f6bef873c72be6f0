import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifyCustomers } from './identify.ts';
import {
  boundedDistance,
  letterMask,
  maskedSimilarity,
  nameContainment,
  nameSimilarity,
  tokenSimilarity,
} from './names.ts';

/** The textbook Levenshtein distance, the reference the bounded one must agree with. */
function levenshtein(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      (rows[i] as number[])[j] = Math.min(
        (rows[i - 1]?.[j] ?? 0) + 1,
        (rows[i]?.[j - 1] ?? 0) + 1,
        (rows[i - 1]?.[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return rows[a.length]?.[b.length] ?? 0;
}

const token = fc.stringMatching(/^[A-E]{0,12}$/);
const words = fc.array(fc.stringMatching(/^[A-D]{2,9}$/), { maxLength: 4 });

describe('bounded edit distance', () => {
  it('is the distance when within the bound, and more than the bound beyond it', () => {
    fc.assert(
      fc.property(token, token, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const exact = levenshtein(a, b);
        const bounded = boundedDistance(a, b, max);
        if (exact <= max) expect(bounded).toBe(exact);
        else expect(bounded).toBeGreaterThan(max);
      }),
    );
  });
});

/** Token similarity as defined, on the textbook distance: equal, cut short, or a typo or two. */
function referenceSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length >= 5 && longer.startsWith(shorter)) return 0.9;
  if (shorter.length < 4) return 0;
  const allowed = longer.length >= 8 ? 2 : 1;
  const distance = levenshtein(a, b);
  return distance > allowed ? 0 : 1 - distance / (longer.length + 2);
}

describe('token similarity', () => {
  const mixed = fc.stringMatching(/^[A-F0-9 -]{0,12}$/);
  it('is the same figure with or without the letter masks', () => {
    fc.assert(
      fc.property(fc.oneof(token, mixed), fc.oneof(token, mixed), (a, b) => {
        const expected = referenceSimilarity(a, b);
        expect(tokenSimilarity(a, b)).toBe(expected);
        expect(maskedSimilarity(a, letterMask(a), b, letterMask(b))).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('tells unlike words apart by their letters alone', () => {
    expect(maskedSimilarity('DUPONT', letterMask('DUPONT'), 'VERNHES', letterMask('VERNHES'))).toBe(0);
    expect(maskedSimilarity('DUPONT', letterMask('DUPONT'), 'DUPOND', letterMask('DUPOND'))).toBe(1 - 1 / 8);
  });
});

describe('identification by name', () => {
  it('scores a name exactly as the pairwise similarity of its tokens does', () => {
    const weight = (word: string) => 1 + (word.length % 3);
    fc.assert(
      fc.property(
        fc.array(words, { minLength: 1, maxLength: 6 }),
        words,
        words,
        (names, counterparty, text) => {
          const candidates = names.map((tokens, at) => ({ code: `C${at}`, tokens }));
          const found = identifyCustomers({
            counterpartyTokens: counterparty,
            textTokens: text,
            iban: null,
            byIban: [],
            byName: [],
            refHits: [],
            codeHits: [],
            nameCandidates: candidates,
            amountOnly: [],
            weight,
          });
          // The figures the per-receipt memory must reproduce, computed pair by pair.
          for (const candidate of candidates) {
            const byCounterparty = nameSimilarity(candidate.tokens, counterparty, weight, tokenSimilarity);
            const inText = nameContainment(candidate.tokens, text, weight, tokenSimilarity);
            const evidence = found.find((c) => c.customerCode === candidate.code)?.evidence[0];
            if (byCounterparty >= 0.6)
              expect(evidence).toEqual({
                code: 'counterparty_name',
                similarityPct: Math.round(byCounterparty * 100),
              });
            else if (inText >= 0.75)
              expect(evidence).toEqual({ code: 'name_in_label', similarityPct: Math.round(inText * 100) });
            else expect(evidence).toBeUndefined();
          }
        },
      ),
    );
  });
});
