/**
 * Every customer of a portfolio against its limit as of a date, as the credit panel and the order
 * check see one customer: the exposure (open items and orders not yet invoiced, the configured
 * buckets) against the limit in force (temporary, the customer's, its group's, the company
 * default). The dashboard's tile and limit chart, the « over_limit » anomaly, the risk-level rule and the
 * indicators count customers over their limit from these positions, so they count the customers
 * whose « Disponible » is negative, and no others.
 */
import type { Kysely } from 'kysely';
import { computeExposure, emptyAmounts } from '#core/credit/exposure';
import { availableMinor, type LimitBand, limitBand } from '#core/credit/limit-usage';
import { type LimitRecord, resolveLimit } from '#core/credit/limits';
import type { IsoDate } from '#core/types';
import type { LimitRecordRow } from '#db/credit/exposure-queries';
import { selectCreditPositionFacts } from '#db/credit/risk-map-queries';
import type { Database } from '#db/infra/schema';
import type { SalespersonScope } from '#db/reports/portfolio-scope';
import type { CreditConfig } from './configuration.ts';
import { limitRecordOf } from './customer-risk.ts';

export interface CreditPosition {
  code: string;
  customerType: string;
  currency: string;
  exposureMinor: number;
  limitMinor: number | null;
  /** Limit − exposure; negative over the limit, null without a limit in force. */
  availableMinor: number | null;
  band: LimitBand;
}

function recordsByCustomer(rows: readonly LimitRecordRow[]): Map<string, LimitRecord[]> {
  const byCode = new Map<string, LimitRecord[]>();
  for (const row of rows) {
    const record = limitRecordOf(row);
    if (record === null) continue;
    const list = byCode.get(row.customerCode) ?? [];
    list.push(record);
    byCode.set(row.customerCode, list);
  }
  return byCode;
}

/** The position of every customer of the portfolio (`salesperson`: one salesperson's customers). */
export async function readCreditPositions(
  db: Kysely<Database>,
  companyId: string,
  asOf: IsoDate,
  config: CreditConfig,
  salesperson: SalespersonScope,
): Promise<CreditPosition[]> {
  const { rows, limits } = await selectCreditPositionFacts(db, companyId, asOf, salesperson);
  const records = recordsByCustomer(limits);
  const companyDefaultMinor = config.limit_policy.companyDefaultMinor ?? null;
  return rows.map((row) => {
    const amounts = emptyAmounts(row.currency);
    amounts.amountsMinor.notDue = row.notDueMinor;
    amounts.amountsMinor.overdue = row.overdueMinor;
    amounts.amountsMinor.unappliedCredits = row.creditsMinor;
    amounts.amountsMinor.openOrders = row.ordersMinor;
    const exposureMinor = computeExposure(amounts, config.exposure_config, null, asOf).totalMinor;
    const { limitMinor } = resolveLimit(
      {
        customer: records.get(row.customerCode) ?? [],
        group: row.groupCode === null ? [] : (records.get(row.groupCode) ?? []),
        companyDefaultMinor,
      },
      asOf,
    );
    return {
      code: row.customerCode,
      customerType: row.customerType,
      currency: row.currency,
      exposureMinor,
      limitMinor,
      availableMinor: availableMinor(exposureMinor, limitMinor),
      band: limitBand(exposureMinor, limitMinor),
    };
  });
}

/** How many positions fall in each band. */
export function countBands(positions: readonly CreditPosition[]): Record<LimitBand, number> {
  const counts: Record<LimitBand, number> = { over: 0, near: 0, under: 0, without: 0, none: 0 };
  for (const position of positions) counts[position.band] += 1;
  return counts;
}
