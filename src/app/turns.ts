/**
 * Long loops that run while the database works for the same use case (cash matching proposes a
 * batch while the one before is written; a dunning run composes a slice while the next is read):
 * the driver sends a connection's next statement only when the event loop handles the previous
 * answer. A turn every fixed number of items made each statement wait as long as those items took
 * (20–40 ms in cash matching); a turn after a few milliseconds of work bounds the wait whatever an
 * item costs.
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
