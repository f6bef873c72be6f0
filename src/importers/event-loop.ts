/**
 * A long import shares the server: its loops over every row give the event loop a turn now and
 * then (other requests, timers, the upload progress), instead of holding it for seconds on a
 * 100,000-row file. One turn per thousand rows costs a few milliseconds over a whole file.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Rows handled between two turns of the event loop. */
export const ROWS_PER_TURN = 1000;

/** Gives the event loop a turn on every `every`-th row (`index` counts from 0 or 1, either way). */
export async function shareTheLoop(index: number, every = ROWS_PER_TURN): Promise<void> {
  if (index > 0 && index % every === 0) await nextTurn();
}
