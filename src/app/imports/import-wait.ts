/**
 * How long an import waits for its turn behind another import of the same entity (see
 * takeImportTurn) before it answers that one is running: generous, since a large file takes
 * minutes to write, but bounded, so that an upload never hangs behind a stuck one.
 */

/** Five minutes: well above the largest import measured (about a minute for 1,000,000 invoices). */
export const DEFAULT_IMPORT_WAIT_MS = 5 * 60_000;

/** PostgreSQL's largest `lock_timeout` (milliseconds in an int). */
const MAX_WAIT_MS = 2_147_483_647;

/**
 * ENCOURS_IMPORT_WAIT_SECONDS (0: no limit); the default when absent or not a number of seconds.
 * Read by the shells, which pass it to `importFile`.
 */
export function importWaitFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const text = env['ENCOURS_IMPORT_WAIT_SECONDS']?.trim();
  const seconds = text === undefined || text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) return DEFAULT_IMPORT_WAIT_MS;
  // A fraction of a millisecond would round to 0, which means no limit.
  return seconds === 0 ? 0 : Math.min(MAX_WAIT_MS, Math.max(1, Math.round(seconds * 1000)));
}
