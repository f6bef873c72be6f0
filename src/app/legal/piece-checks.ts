/**
 * What each dispute document's bytes are as a piece of a legal file's package (its pages and what it
 * adds to the PDF, or why it cannot go in), kept in memory by the file's SHA-256, so that the file's
 * page numbers the proofs of delivery as the package does without fetching and reading every
 * document (up to 15 MB, a large PNG decoded) at each view.
 *
 * Safe to keep without ever invalidating: a check is a pure function of the bytes (checkPiece reads
 * them into a PDF of their own; the media type is itself read from them), and a SHA-256 names one
 * content, whatever company holds it or whenever it was attached — a check is kept only when the
 * bytes read hash to that name (not, say, when a file deleted meanwhile came back empty). Only the page's numbering and the
 * package read it; the package still reads and embeds the bytes of the pieces that go in. Bounded:
 * the least recently used check goes first past MAX_PIECE_CHECKS (each one is a few numbers).
 */
import { createHash } from 'node:crypto';
import { type ContentCheck, checkPiece } from '#render/pieces';

export const MAX_PIECE_CHECKS = 2_000;

const checks = new Map<string, ContentCheck>();

/** The check kept for these bytes, now the most recently used; undefined when not read yet. */
export function knownCheck(sha256: string, mediaType: string): ContentCheck | undefined {
  const key = `${mediaType} ${sha256}`;
  const check = checks.get(key);
  if (check === undefined) return undefined;
  checks.delete(key);
  checks.set(key, check);
  return check;
}

/**
 * Keeps what `content` was found to be under its SHA-256, when it is the one named (hex), letting
 * the least recently used check go past the bound.
 */
export function rememberCheck(
  sha256: string,
  mediaType: string,
  check: ContentCheck,
  content: Uint8Array,
): void {
  if (createHash('sha256').update(content).digest('hex') !== sha256) return;
  const key = `${mediaType} ${sha256}`;
  checks.delete(key);
  checks.set(key, check);
  while (checks.size > MAX_PIECE_CHECKS) {
    const oldest = checks.keys().next().value;
    if (oldest === undefined) break;
    checks.delete(oldest);
  }
}

/** The check of these bytes: the one kept, else they are fetched, read and the check kept. */
export async function pieceCheck(
  sha256: string,
  mediaType: string,
  content: () => Promise<Uint8Array>,
): Promise<ContentCheck> {
  const known = knownCheck(sha256, mediaType);
  if (known) return known;
  const bytes = await content();
  const check = await checkPiece(mediaType, bytes);
  rememberCheck(sha256, mediaType, check, bytes);
  return check;
}

/** Forgets every check (for tests). */
export function forgetPieceChecks(): void {
  checks.clear();
}
