/**
 * Long loops of the matching (a batch's leads, candidates and proposals) run while the database
 * writes the batch before: that write waits for a turn of the event loop at each of its
 * statements (about twenty a batch). A turn every fixed number of receipts made each statement
 * wait as long as those receipts took (20–40 ms); a turn after a few milliseconds of work bounds
 * the wait whatever a receipt costs.
 */

/** The longest stretch of work between two turns of the event loop. */
const TURN_MS = 4;

/** A function to await between items of a loop: it hands the event loop back once `TURN_MS` went by. */
export function turns(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < TURN_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
