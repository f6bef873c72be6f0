/**
 * Page numbers in a print batch count each letter's own pages: the customer who gets pages 3–4 of
 * the batch reads « 1 / 2 » and « 2 / 2 ».
 */
import { describe, expect, it } from 'vitest';
import { letterPageOf } from './letters.ts';

describe('a page number within its letter', () => {
  // Three letters: pages 1, 2–3 and 4–6 of a six-page batch.
  const firstPages = [1, 2, 4];

  it('counts from the letter’s first page, to its last', () => {
    expect([1, 2, 3, 4, 5, 6].map((page) => letterPageOf(firstPages, page, 6))).toEqual([
      { page: 1, pages: 1 },
      { page: 1, pages: 2 },
      { page: 2, pages: 2 },
      { page: 1, pages: 3 },
      { page: 2, pages: 3 },
      { page: 3, pages: 3 },
    ]);
  });

  it('is the document’s own numbering for a single letter', () => {
    expect(letterPageOf([1], 2, 3)).toEqual({ page: 2, pages: 3 });
  });
});
