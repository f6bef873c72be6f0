/**
 * Where a customer stands against its limit: one definition for every count of customers « au-delà
 * de la limite » (the dashboard tile and limit chart, the anomaly, the indicators). It compares the
 * exposure the order check compares (open items and orders not yet invoiced, `computeExposure`)
 * with the limit in force (`resolveLimit`: a temporary limit, the customer's, its group's, the
 * company default), as the credit panel's « Disponible » and SAP FSCM's credit exposure do. The
 * ledger balance alone left out a customer with nothing invoiced and 23 048,34 € of orders against
 * a 15 000 € limit, whose panel said « Disponible −8 048,34 € ».
 */

export type LimitBand = 'over' | 'near' | 'under' | 'without';

/** Usage from which a customer within its limit is near it: 80 %. */
export const NEAR_LIMIT_USAGE_BPS = 8_000;

/** Limit − exposure: below zero the exposure is over the limit; null without a limit in force. */
export function availableMinor(exposureMinor: number, limitMinor: number | null): number | null {
  return limitMinor === null ? null : limitMinor - exposureMinor;
}

/**
 * The band of a customer: over its limit (available < 0; a limit of 0 with any exposure is over
 * it), near it (from 80 % of it), under it, or without a limit with a positive exposure. Null: no
 * limit and nothing exposed, which no count reads.
 */
export function limitBand(exposureMinor: number, limitMinor: number | null): LimitBand | null {
  if (limitMinor === null) return exposureMinor > 0 ? 'without' : null;
  if (exposureMinor > limitMinor) return 'over';
  return exposureMinor * 10_000 >= limitMinor * NEAR_LIMIT_USAGE_BPS && exposureMinor > 0 ? 'near' : 'under';
}
