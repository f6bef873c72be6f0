/**
 * Business bounds on amounts, so that no sum a report makes can leave the range where a
 * JavaScript number is exact (2^53 − 1 ≈ 9.007 × 10^15) — the database driver refuses an int8
 * outside it, which turned every report into a 500.
 *
 * Why these bounds suffice: every sum in a report adds amounts of ONE company and of ONE kind —
 * documents (open amounts, balances, sales, overdue), allocations, orders or credit limits.
 * - A sum of signed document amounts, of open amounts, or of allocations (which never exceed
 *   the amounts they settle, at any date) is at most Σ|document amounts| ≤ 10^15.
 * - Sums of orders and of credit limits are at most 10^15 each.
 * So every such sum is ≤ 10^15 < 2^53 / 9: up to nine of them can still be added together in
 * JavaScript (exposure = balance + orders, etc.) exactly. Weighted sums (amount × days) are
 * computed as float8 and never parsed as int8.
 * 10^13 minor units is 100 billion euros on one document; 10^15 is 10,000 billion for a company.
 */
export const MAX_AMOUNT_MINOR = 10 ** 13;
export const MAX_COMPANY_TOTAL_MINOR = 10 ** 15;

export function isAmountWithinBounds(amountMinor: number | null): boolean {
  return amountMinor === null || Math.abs(amountMinor) <= MAX_AMOUNT_MINOR;
}

/** A total read from the database as an exact decimal string. */
export function isTotalWithinBounds(totalText: string): boolean {
  return BigInt(totalText.split('.')[0] ?? '0') <= BigInt(MAX_COMPANY_TOTAL_MINOR);
}
