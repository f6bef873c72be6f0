/**
 * Names as banks write them: upper case, accents dropped, legal forms and filler words left out
 * ("SARL DUPONT & FILS" ≈ "Dupont et Fils"), cut or misspelt. Tokens are compared with a bounded
 * edit distance and weighted by how rare they are among the customers, so "DISTRIBUTION" weighs
 * less than "VERNHES".
 */

const LEGAL_FORMS = new Set([
  'SA',
  'SAS',
  'SASU',
  'SARL',
  'EURL',
  'SNC',
  'SCI',
  'SCOP',
  'SCA',
  'SCS',
  'SEL',
  'SELARL',
  'SELAS',
  'GIE',
  'EI',
  'EIRL',
  'SC',
  'SCP',
  'ETS',
  'ETABLISSEMENTS',
  'STE',
  'SOCIETE',
  'CIE',
  'GMBH',
  'LTD',
  'LLC',
  'INC',
  'BV',
  'NV',
  'SPA',
  'SRL',
  'AG',
]);
const FILLERS = new Set([
  'ET',
  'DE',
  'DU',
  'DES',
  'LA',
  'LE',
  'LES',
  'L',
  'D',
  'AND',
  'THE',
  'OF',
  'EN',
  'A',
  'AU',
  'AUX',
]);

/** Upper case, accents and punctuation removed, single spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/&/g, ' ET ')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** The tokens that identify a name: no legal form, no filler word, no single letter. */
export function nameTokens(name: string): string[] {
  return normalizeText(name)
    .split(' ')
    .filter((token) => token.length > 1 && !LEGAL_FORMS.has(token) && !FILLERS.has(token));
}

/** A name variant as learned: its tokens in order, joined ("DUPONT FILS"). */
export function nameKey(name: string): string {
  return nameTokens(name).join(' ');
}

/** Rows of the distance table, reused from call to call (one comparison at a time: no I/O between). */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (previousRow.length <= b.length) {
    previousRow = new Int32Array(2 * (b.length + 1));
    currentRow = new Int32Array(2 * (b.length + 1));
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const letter = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = letter === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length] as number;
}

/** How alike two tokens are, 0–1: equal 1, one typo in a long word ≈ 0.85, a prefix cut by the bank ≈ 0.9. */
export function tokenSimilarity(a: string, b: string): number {
  return similarity(a, b, -1, -1);
}

/**
 * The letters of a token as bits, for `maskedSimilarity` (the digits and other characters share
 * six bits: a bit stands for one character or more, never the other way round).
 */
export function letterMask(token: string): number {
  let mask = 0;
  for (let at = 0; at < token.length; at++) {
    const code = token.charCodeAt(at);
    mask |= 1 << (code >= 65 && code <= 90 ? code - 65 : 26 + (code % 6));
  }
  return mask;
}

/** Set bits of a 32-bit mask. */
function bitCount(mask: number): number {
  let rest = mask - ((mask >>> 1) & 0x55555555);
  rest = (rest & 0x33333333) + ((rest >>> 2) & 0x33333333);
  return Math.imul((rest + (rest >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * `tokenSimilarity` of two tokens whose `letterMask`s are at hand: the same figure, but most pairs
 * of unlike words are told apart without a distance table. Each character of one token absent
 * from the other costs one edit at least, so more absent letters than the edits allowed means the
 * words are not alike.
 */
export function maskedSimilarity(a: string, maskA: number, b: string, maskB: number): number {
  return similarity(a, b, maskA, maskB);
}

/** `tokenSimilarity`, with the letter test when both masks are given (not -1). */
function similarity(a: string, b: string, maskA: number, maskB: number): number {
  if (a === b) return 1;
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  // Banks cut long names: "DISTRIBUT" for "DISTRIBUTION".
  if (shorter.length >= 5 && longer.startsWith(shorter)) return 0.9;
  if (shorter.length < 4) return 0;
  const allowed = longer.length >= 8 ? 2 : 1;
  if (longer.length - shorter.length > allowed) return 0;
  if (maskA !== -1 && maskB !== -1) {
    if (bitCount(maskA & ~maskB) > allowed || bitCount(maskB & ~maskA) > allowed) return 0;
  }
  const distance = boundedDistance(a, b, allowed);
  if (distance > allowed) return 0;
  return 1 - distance / (longer.length + 2);
}

/** 1 for a common word, more for a rare one: ln(1 + customers / customers with the token). */
export type TokenWeight = (token: string) => number;

/** The best similarity of a token to any token of a text (1 as soon as one is equal). */
function bestAlike(
  token: string,
  textTokens: readonly string[],
  similarity: (a: string, b: string) => number,
): number {
  let best = 0;
  for (const candidate of textTokens) {
    const alike = similarity(token, candidate);
    if (alike > best) best = alike;
    if (best === 1) break;
  }
  return best;
}

/**
 * How much of a customer's name the text contains, 0–1: the weighted share of the name's tokens
 * found in the text (each at its best similarity). A name of one short token needs an exact hit.
 */
export function nameContainment(
  nameTokenList: readonly string[],
  textTokens: readonly string[],
  weight: TokenWeight,
  similarity: (a: string, b: string) => number = tokenSimilarity,
): number {
  if (textTokens.length === 0) return 0;
  return containmentOf(nameTokenList, weight, (token) => bestAlike(token, textTokens, similarity));
}

/** `nameContainment` with each token's best similarity in the text given by `bestInText`. */
function containmentOf(
  nameTokenList: readonly string[],
  weight: TokenWeight,
  bestInText: (token: string) => number,
): number {
  if (nameTokenList.length === 0) return 0;
  let total = 0;
  let found = 0;
  for (const token of nameTokenList) {
    const tokenWeight = weight(token);
    total += tokenWeight;
    let best = bestInText(token);
    if (nameTokenList.length === 1 && token.length < 5 && best < 1) best = 0;
    found += tokenWeight * best;
  }
  return total === 0 ? 0 : found / total;
}

/** Similarity of two names, symmetric: the lower of the two containments, so extra words count. */
export function nameSimilarity(
  a: readonly string[],
  b: readonly string[],
  weight: TokenWeight,
  similarity: (a: string, b: string) => number = tokenSimilarity,
): number {
  return Math.min(nameContainment(a, b, weight, similarity), nameContainment(b, a, weight, similarity));
}
