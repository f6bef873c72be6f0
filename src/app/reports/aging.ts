/** Aged balance (balance âgée) as of any date, grouped, with drill-down and proof against the ledger. */
import {
  type AgeBucket,
  type AgedBalance,
  type AgingBasis,
  assembleAgedBalance,
  bucketsFromBounds,
  DEFAULT_BUCKET_BOUNDS,
} from '#core/analytics/aging';
import type { IsoDate } from '#core/types';
import {
  type AgingDocumentRow,
  type AgingGroupBy,
  type AgingQuery,
  agingAssigned,
  agingCells,
  agingDocuments,
  ledgerBalance,
} from '#db/reports/aging';
import { inParallelReportSnapshot } from '#db/reports/report-parallel';
import { label, toLang } from '#text/catalogue';
import { findCompany, unknownCompany } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { resolveAsOf } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { scopedToCaller } from './report-scope.ts';

export const AGING_GROUP_BYS: readonly AgingGroupBy[] = [
  'customer',
  'customer_type',
  'salesperson',
  'group',
  'country',
];

export interface AgingInput {
  asOf?: string | undefined;
  basis?: AgingBasis | undefined;
  /** Upper bounds of the buckets in days, e.g. [30, 60, 90]. */
  bucketBounds?: readonly number[] | undefined;
  groupBy?: AgingGroupBy | undefined;
  customerType?: string | undefined;
  salesperson?: string | undefined;
  lang?: string | undefined;
}

/** A bucket with its label in the reader's language (« 1–30 j »). */
export type LabelledAgeBucket = AgeBucket & { label: string };

/** A line or the totals, with the open amount of its invoices assigned to a factor (flagged). */
type WithAssigned<T> = T & { assignedMinor: number };

export interface AgingReport extends AgedBalance<LabelledAgeBucket> {
  groups: WithAssigned<AgedBalance['groups'][number]>[];
  totals: WithAssigned<AgedBalance['totals']>;
  groupBy: AgingGroupBy;
  filter: { customerType: string | null; salesperson: string | null };
  proof: AgedBalance['proof'] & { ledgerBalanceMinor: number; matchesLedger: boolean };
}

export async function companyCurrency(ctx: AppContext): Promise<string> {
  const company = await findCompany(ctx, ctx.companyId);
  if (!company) throw unknownCompany(ctx.companyId);
  return company.currency;
}

export function resolveBuckets(input: {
  basis?: AgingBasis | undefined;
  bucketBounds?: readonly number[] | undefined;
  lang?: string | undefined;
}): {
  basis: AgingBasis;
  buckets: LabelledAgeBucket[];
} {
  const basis = input.basis ?? 'due';
  const bounds = input.bucketBounds ?? DEFAULT_BUCKET_BOUNDS;
  if (basis !== 'due' && basis !== 'issue')
    throw new DomainError('invalid_input', { key: 'errors.reports.basis', params: { basis } });
  try {
    return {
      basis,
      buckets: bucketsFromBounds(bounds, basis).map((bucket) => ({
        ...bucket,
        label: label(toLang(input.lang), 'agingBucket', bucket.key),
      })),
    };
  } catch (error) {
    // The core refuses bounds that are not increasing positive whole days with a RangeError.
    if (!(error instanceof RangeError)) throw error;
    throw new DomainError('invalid_input', {
      key: 'errors.reports.bucketBounds',
      params: { bounds: bounds.join(',') },
    });
  }
}

export async function agingQueryOf(
  ctx: AppContext,
  input: AgingInput,
): Promise<AgingQuery & { buckets: LabelledAgeBucket[] }> {
  const asOf: IsoDate = await resolveAsOf(ctx, input.asOf);
  const { basis, buckets } = resolveBuckets(input);
  return {
    companyId: ctx.companyId,
    asOf,
    basis,
    buckets,
    filter: { customerType: input.customerType, salesperson: input.salesperson },
  };
}

export async function getAgedBalance(ctx: AppContext, asked: AgingInput = {}): Promise<AgingReport> {
  const input = scopedToCaller(ctx, asked);
  const groupBy = input.groupBy ?? 'customer';
  if (!AGING_GROUP_BYS.includes(groupBy))
    throw new DomainError('invalid_input', { key: 'errors.reports.grouping', params: { groupBy } });
  const query = await agingQueryOf(ctx, input);
  const currency = await companyCurrency(ctx);
  // One snapshot, so that the proof compares the buckets with the very ledger they came from; on a
  // server the two scans run side by side.
  const [cells, ledgerBalanceMinor, assigned] = await inParallelReportSnapshot(ctx.db, (run) =>
    Promise.all([
      run((trx) => agingCells(trx, query, groupBy)),
      run((trx) => ledgerBalance(trx, query)),
      run((trx) => agingAssigned(trx, query, groupBy)),
    ]),
  );
  const report = assembleAgedBalance(
    { asOf: query.asOf, basis: query.basis, currency, buckets: [...query.buckets] },
    cells,
  );
  const assignedByGroup = new Map(assigned.map((row) => [row.groupKey, row.assignedMinor]));
  return {
    ...report,
    groups: report.groups.map((group) => ({ ...group, assignedMinor: assignedByGroup.get(group.key) ?? 0 })),
    totals: { ...report.totals, assignedMinor: assigned.reduce((sum, row) => sum + row.assignedMinor, 0) },
    groupBy,
    filter: { customerType: input.customerType ?? null, salesperson: input.salesperson ?? null },
    proof: {
      ...report.proof,
      ledgerBalanceMinor,
      matchesLedger: ledgerBalanceMinor === report.totals.totalMinor,
    },
  };
}

export interface AgingDrillDown {
  asOf: IsoDate;
  basis: AgingBasis;
  groupBy: AgingGroupBy;
  groupKey: string;
  bucket: LabelledAgeBucket | null;
  currency: string;
  documents: (AgingDocumentRow & { bucketKey: string })[];
  totalMinor: number;
}

/** The documents behind one line (and optionally one bucket key, or 'credits') of the aged balance. */
export async function getAgingDocuments(
  ctx: AppContext,
  asked: AgingInput & { groupKey: string; bucketKey?: string | undefined; limit?: number | undefined },
): Promise<AgingDrillDown> {
  const input = scopedToCaller(ctx, asked);
  const groupBy = input.groupBy ?? 'customer';
  const query = await agingQueryOf(ctx, input);
  let bucketIndex: number | undefined;
  if (input.bucketKey !== undefined) {
    bucketIndex =
      input.bucketKey === 'credits'
        ? -1
        : query.buckets.findIndex((bucket) => bucket.key === input.bucketKey);
    if (bucketIndex === -1 && input.bucketKey !== 'credits')
      throw new DomainError('invalid_input', {
        key: 'errors.reports.bucket',
        params: { bucket: input.bucketKey },
      });
  }
  const rows = await agingDocuments(ctx.db, query, groupBy, input.groupKey, {
    bucketIndex,
    limit: input.limit,
  });
  return {
    asOf: query.asOf,
    basis: query.basis,
    groupBy,
    groupKey: input.groupKey,
    bucket: bucketIndex === undefined ? null : (query.buckets[bucketIndex] ?? null),
    currency: await companyCurrency(ctx),
    documents: rows.map((row) => ({ ...row, bucketKey: query.buckets[row.bucketIndex]?.key ?? 'credits' })),
    totalMinor: rows.reduce((total, row) => total + row.openMinor, 0),
  };
}
