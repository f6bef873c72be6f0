/**
 * Where a customer stands against its limit: one definition for every count of customers « au-delà
 * de la limite » (the dashboard tile and limit chart, the anomaly, the indicators). It compares the
 * exposure the order check compares (open items and orders not yet invoiced, `computeExposure`)
 * with the limit in force (`resolveLimit`: a temporary limit, the customer's, its group's, the
 * company default), as the credit panel's « Disponible » and SAP FSCM's credit exposure do. The
 * ledger balance alone left out a customer with nothing invoiced and 23 048,34 € of orders against
 * a 15 000 € limit, whose panel said « Disponible −8 048,34 € ».
 */

/** `none`: no limit in force and nothing exposed (nothing owed, or in credit). */
export type LimitBand = 'over' | 'near' | 'under' | 'without' | 'none';

/** Usage from which a customer within its limit is near it: 80 %. */
export const NEAR_LIMIT_USAGE_BPS = 8_000;

/** Limit − exposure: below zero the exposure is over the limit; null without a limit in force. */
export function availableMinor(exposureMinor: number, limitMinor: number | null): number | null {
  return limitMinor === null ? null : limitMinor - exposureMinor;
}

/**
 * The band of a customer: over its limit (available < 0; a limit of 0 with any exposure is over
 * it), near it (from 80 % of it), under it, without a limit with a positive exposure, or without
 * a limit and nothing exposed. Every customer has exactly one, so the counts of the bands add up
 * to the customers counted (a customer owing nothing and with no limit fell out of them).
 */
export function limitBand(exposureMinor: number, limitMinor: number | null): LimitBand {
  if (limitMinor === null) return exposureMinor > 0 ? 'without' : 'none';
  if (exposureMinor > limitMinor) return 'over';
  return exposureMinor * 10_000 >= limitMinor * NEAR_LIMIT_USAGE_BPS && exposureMinor > 0 ? 'near' : 'under';
}
