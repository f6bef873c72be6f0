/**
 * The risk map of the portfolio as of a date: customers and exposure by risk class (each customer's
 * latest score on or before that date, not one scored since), with insured and uninsured exposure
 * from the insurer covers in force on that date (each customer's version standing then), less the
 * invoices a cover no longer guarantees (`coverLapses`, as the risk panel takes them off). Both read
 * as the measures report reads them, in a few set-based queries; the arithmetic is the core's
 * (`computeExposure`, `riskMap`).
 */
import { computeExposure, emptyAmounts } from '#core/credit/exposure';
import { type RiskMapCell, riskMap } from '#core/credit/risk-map';
import type { RiskClass } from '#core/credit/scoring-method';
import type { IsoDate } from '#core/types';
import { coversAsOf } from '#db/credit/cover-queries';
import { selectExposureByCustomer } from '#db/credit/risk-map-queries';
import { riskClassesAsOf } from '#db/procedure/report-queries';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { creditConfig } from './configuration.ts';
import { coverLapses, lapsedMinor } from './cover-lapses.ts';
import { toInsurerCover } from './customer-risk.ts';

export async function getRiskMap(
  ctx: AppContext,
  input: { asOf?: IsoDate | undefined } = {},
): Promise<{ asOf: IsoDate; cells: RiskMapCell[] }> {
  const asOf = input.asOf ?? (await defaultAsOf(ctx));
  const config = await creditConfig(ctx, asOf);
  const [rows, classes, covers] = await Promise.all([
    selectExposureByCustomer(ctx.db, ctx.companyId, asOf),
    riskClassesAsOf(ctx.db, ctx.companyId, asOf),
    coversAsOf(ctx.db, ctx.companyId, asOf),
  ]);
  const lapses = await coverLapses(ctx.db, ctx.companyId, asOf, covers.values());
  const customers = rows.map((row) => {
    const amounts = emptyAmounts(row.currency);
    amounts.amountsMinor.notDue = row.notDueMinor;
    amounts.amountsMinor.overdue = row.overdueMinor;
    amounts.amountsMinor.unappliedCredits = row.creditsMinor;
    amounts.amountsMinor.openOrders = row.ordersMinor;
    const cover = toInsurerCover(covers.get(row.customerCode));
    return {
      riskClass: (classes.get(row.customerCode) ?? null) as RiskClass | null,
      exposure: computeExposure(
        amounts,
        config.exposure_config,
        cover,
        asOf,
        lapsedMinor(lapses.get(row.customerCode)),
      ),
    };
  });
  return { asOf, cells: riskMap(customers) };
}
