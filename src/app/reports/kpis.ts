/** Receivables indicators for a period with their monthly evolution (Mission 1 of the seed scenario). */

import { ratio, round2, round4 } from '#core/analytics/kpis';
import { receivablesAtDates } from '#core/analytics/kpis-cube';
import { cubeFromOpening, foldDocumentDays, invoicedAndSettled } from '#core/analytics/kpis-ledger';
import {
  buildKpis,
  type CountbackDayBasis,
  evaluationDates,
  type KpiFigures,
} from '#core/analytics/kpis-report';
import { writeOffTotals } from '#core/analytics/write-off-nature';
import { addDays, addMonths, isValidIsoDate, startOfMonth } from '#core/calendar';
import type { IsoDate } from '#core/types';
import {
  documentDays,
  openingOpenItems,
  periodAllocations,
  portfolioSnapshot,
  salesByCustomerType,
  writeOffOrigins,
} from '#db/reports/kpis';
import { inParallelReportSnapshot } from '#db/reports/report-parallel';
import { formatDate } from '#text/format';
import { getFinancingRate } from '../companies/financing-rate.ts';
import type { AppContext } from '../context.ts';
import { type CreditConfig, creditConfig } from '../credit/configuration.ts';
import { countBands, readCreditPositions } from '../credit/credit-positions.ts';
import { resolveAsOf } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { companyCurrency } from './aging.ts';
import { callerPortfolio } from './report-scope.ts';

export interface KpiInput {
  from?: string | undefined;
  to?: string | undefined;
  countbackDayBasis?: CountbackDayBasis | undefined;
  /** Annual rate of the cash cost of late payment, in basis points (default: the company's financing rate). */
  lateCostRateBps?: number | undefined;
  /** Include the payment delay of every customer (otherwise the 20 slowest). */
  perCustomer?: boolean | undefined;
}

const AT_RISK_HORIZON_DAYS = 90;
const SEVERE_OVERDUE_DAYS = 90;

export async function resolvePeriod(
  ctx: AppContext,
  input: { from?: string | undefined; to?: string | undefined },
): Promise<{ from: IsoDate; to: IsoDate }> {
  const to = await resolveAsOf(ctx, input.to);
  const from = input.from ?? startOfMonth(addMonths(to, -11));
  if (!isValidIsoDate(from))
    throw new DomainError('invalid_input', { key: 'errors.common.date', params: { value: from } });
  if (from > to)
    throw new DomainError('invalid_input', {
      key: 'errors.common.period',
      params: { from: (lang) => formatDate(lang, from), to: (lang) => formatDate(lang, to) },
    });
  return { from, to };
}

export interface KpiReport extends KpiFigures {
  from: IsoDate;
  to: IsoDate;
  currency: string;
  countbackDayBasis: CountbackDayBasis;
  creditLineUsage: number | null;
  /**
   * Customers whose exposure (open items and orders not yet invoiced) is above their limit in
   * force at the end of the period: the credit panel's negative « Disponible ».
   */
  customersOverLimit: number;
  customersWithoutLimitWithBalance: number;
  withoutLimitBalanceMinor: number;
  customersWithBalance: number;
  top10Share: number | null;
  herfindahlIndex: number | null;
  paymentDelayByCustomer: {
    customerCode: string;
    paidMinor: number;
    averageDelayDays: number | null;
    averageDelayFromIssueDays: number | null;
  }[];
}

/** The ledger aggregates of the period, read concurrently in one snapshot where the engine allows. */
async function readAggregates(
  ctx: AppContext,
  period: { from: IsoDate; to: IsoDate; evalDates: readonly IsoDate[] },
  salesperson: string | undefined,
  credit: CreditConfig,
) {
  const { companyId } = ctx;
  const { from, to, evalDates } = period;
  const firstEvalDate = evalDates[0] as IsoDate;
  const dayAfterEvalDates = evalDates.map((date) => addDays(date, 1));
  // Countback DSO walks back through earlier months' sales: fetch three years before the period.
  const salesFrom = startOfMonth(addMonths(from, -36));
  return inParallelReportSnapshot(ctx.db, (run) =>
    Promise.all([
      // The slowest first, so that it starts on its own connection without waiting.
      run((db) =>
        periodAllocations(
          db,
          companyId,
          { from, to, evalDates, dayAfterEvalDates },
          AT_RISK_HORIZON_DAYS,
          salesperson,
        ),
      ),
      run((db) =>
        documentDays(db, companyId, { from: salesFrom, to, dueDatesAfter: firstEvalDate }, salesperson),
      ),
      // Sales by customer type count from the first day of the period's first month, like the
      // other monthly totals.
      run((db) => salesByCustomerType(db, companyId, startOfMonth(from), to, salesperson)),
      run((db) => openingOpenItems(db, companyId, firstEvalDate, salesperson)),
      run((db) => portfolioSnapshot(db, companyId, to, salesperson)),
      run((db) => readCreditPositions(db, companyId, to, credit, salesperson)),
      // Write-offs count from the first day of the period's first month, like the credit notes.
      run((db) => writeOffOrigins(db, companyId, startOfMonth(from), to, salesperson)),
    ]),
  );
}

/** « Pertes sur créances » are the bad debts only; bank charges and discounts are shown apart. */
const writeOffFigures = (totals: ReturnType<typeof writeOffTotals>) => ({
  writeOffsMinor: totals.badDebtsMinor,
  settlementDifferencesMinor: totals.settlementDifferencesMinor,
});

export async function getKpis(ctx: AppContext, input: KpiInput = {}): Promise<KpiReport> {
  // A salesperson's indicators cover their own customers (callerPortfolio fails closed).
  const salesperson = callerPortfolio(ctx);
  const { from, to } = await resolvePeriod(ctx, input);
  const countbackDayBasis = input.countbackDayBasis ?? 'actual';
  const rateBps = input.lateCostRateBps ?? (await getFinancingRate(ctx)).rateBps;
  if (!Number.isInteger(rateBps) || rateBps < 0)
    throw new DomainError('invalid_input', { key: 'errors.reports.rate' });
  const evalDates = evaluationDates(from, to);
  const [allocations, days, salesByType, opening, portfolio, positions, writeOffs] = await readAggregates(
    ctx,
    { from, to, evalDates },
    salesperson,
    await creditConfig(ctx, to),
  );
  const documents = foldDocumentDays(days, evalDates, from);
  const cube = cubeFromOpening(evalDates, opening, documents, allocations.cube);
  const delays = allocations.delays;
  const figures = buildKpis(
    {
      snapshots: receivablesAtDates(cube, SEVERE_OVERDUE_DAYS),
      salesByMonth: documents.salesByMonth,
      creditNotesMinor: documents.creditNotesMinor,
      ...writeOffFigures(writeOffTotals(writeOffs)),
      salesByCustomerType: salesByType,
      dailyMovements: documents.dailyMovements,
      paymentDelayByMonth: new Map(delays.filter((d) => d.month !== null).map((d) => [d.month as string, d])),
      settledWithin90: invoicedAndSettled(documents.invoicedByMonth, allocations.settledByInvoiceMonth),
      horizonDays: AT_RISK_HORIZON_DAYS,
    },
    { from, to, countbackDayBasis, lateCostRateBps: rateBps },
  );
  const perCustomer = delays
    .filter((d) => d.customerCode !== null)
    .map((d) => ({
      customerCode: d.customerCode as string,
      paidMinor: d.paidMinor,
      averageDelayDays: round2(ratio(d.dueWeighted, d.paidMinor)),
      averageDelayFromIssueDays: round2(ratio(d.issueWeighted, d.paidMinor)),
    }))
    .sort(
      (a, b) =>
        (b.averageDelayDays ?? 0) - (a.averageDelayDays ?? 0) || a.customerCode.localeCompare(b.customerCode),
    );
  return {
    from,
    to,
    currency: await companyCurrency(ctx),
    countbackDayBasis,
    ...figures,
    creditLineUsage: round4(ratio(portfolio.limitedBalanceMinor, portfolio.limitsMinor)),
    customersOverLimit: countBands(positions).over,
    customersWithoutLimitWithBalance: portfolio.customersWithoutLimitWithBalance,
    withoutLimitBalanceMinor: portfolio.withoutLimitBalanceMinor,
    customersWithBalance: portfolio.customersWithBalance,
    top10Share: round4(ratio(portfolio.top10Minor, portfolio.positiveBalanceMinor)),
    herfindahlIndex: portfolio.herfindahl === null ? null : Math.round(portfolio.herfindahl),
    paymentDelayByCustomer: input.perCustomer ? perCustomer : perCustomer.slice(0, 20),
  };
}
