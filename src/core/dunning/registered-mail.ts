/**
 * A registered letter with acknowledgement of receipt (LRAR) as La Poste tracks it: its number
 * (« 1A 123 456 7890 1 »: two letters or digits, then eleven digits, 13 characters) and what became
 * of it. The number is printed with spaces on the deposit slip and typed with or without them, so
 * it is kept without any and shown in the slip's groups.
 */

/** What the post office reports of a registered letter. */
export const REGISTERED_OUTCOMES = ['delivered', 'returned_unclaimed', 'returned_unknown_address'] as const;
export type RegisteredOutcome = (typeof REGISTERED_OUTCOMES)[number];

export function isRegisteredOutcome(value: string): value is RegisteredOutcome {
  return (REGISTERED_OUTCOMES as readonly string[]).includes(value);
}

const TRACKING_NUMBER = /^[0-9A-Z]{2}[0-9]{11}$/;

/**
 * The number as stored (« 1A12345678901 »): spaces of any kind dropped (the slip's groups, a
 * no-break space pasted from a PDF), letters in capitals; null when it is not a La Poste number.
 */
export function normaliseTrackingNumber(typed: string): string | null {
  const compact = typed.replace(/\s+/gu, '').toUpperCase();
  return TRACKING_NUMBER.test(compact) ? compact : null;
}

/** The number in the slip's groups, « 1A 123 456 7890 1 »; a value of another shape as it is. */
export function formatTrackingNumber(stored: string): string {
  if (!TRACKING_NUMBER.test(stored)) return stored;
  return [
    stored.slice(0, 2),
    stored.slice(2, 5),
    stored.slice(5, 8),
    stored.slice(8, 12),
    stored.slice(12),
  ].join(' ');
}
