/**
 * Everything the credit rules need about one customer as of a date, read through one database
 * handle (the caller's transaction when a decision is to be recorded): exposure by bucket, the
 * limit in force with its fallbacks, the insurer cover in force on the date (`coversAsOf`, as the
 * risk map and the order check's one statement read it) with the invoices it no longer guarantees
 * (`coverLapses`), the latest score.
 */
import type { Kysely } from 'kysely';
import { daysBetween } from '#core/calendar';
import { computeExposure, type Exposure, exposureAmounts, groupExposure } from '#core/credit/exposure';
import type { InsurerCover } from '#core/credit/insurer-cover';
import { type LimitRecord, type ResolvedLimit, resolveLimit } from '#core/credit/limits';
import type { RiskClass } from '#core/credit/scoring-method';
import type { LapsedInvoice } from '#core/legal/insurance-claims';
import type { IsoDate } from '#core/types';
import { type CoverRow, coversAsOf } from '#db/credit/cover-queries';
import {
  type CheckedCustomerRow,
  headsGroup,
  type LimitRecordRow,
  type OpenItemLine,
  selectCheckedCustomer,
  selectGroupMembers,
  selectLimitRecords,
  selectOpenItemLines,
  selectUninvoicedOrders,
  type UninvoicedOrderLine,
} from '#db/credit/exposure-queries';
import { latestScores, type ScoreRow } from '#db/credit/score-queries';
import type { Database } from '#db/infra/schema';
import { isInScope, salespersonScope } from '../auth/auth.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { CreditConfig } from './configuration.ts';
import { coverLapses, lapsedMinor } from './cover-lapses.ts';

export interface CustomerRisk {
  customer: CheckedCustomerRow;
  exposure: Exposure;
  overdueMinor: number;
  oldestOverdueDays: number;
  limit: ResolvedLimit;
  cover: InsurerCover | null;
  coverRow: CoverRow | null;
  /** Invoices the cover in force no longer guarantees (declaration deadline passed). */
  lapsedInvoices: LapsedInvoice[];
  score: Pick<ScoreRow, 'score' | 'riskClass'> | null;
  riskClass: RiskClass | null;
  /** The customer's group (parent and members), checked against the parent's limit; null: none. */
  group: GroupRisk | null;
}

export interface GroupRisk {
  parentCode: string;
  parentName: string;
  memberCodes: string[];
  exposure: Exposure;
  /** The parent's own limit, which caps the whole group. */
  limit: ResolvedLimit;
  availableMinor: number | null;
}

export function toInsurerCover(row: CoverRow | undefined): InsurerCover | null {
  if (!row) return null;
  return {
    insurer: row.insurer,
    status: row.status,
    grantedMinor: row.grantedMinor,
    currency: row.currency,
    insuredShareBps: row.insuredShareBps,
    effectiveFrom: row.effectiveFrom,
    expiresOn: row.expiresOn,
  };
}

/** A limit row as the limit rules read it; null: a row without an amount (none granted). */
export function limitRecordOf(row: LimitRecordRow): LimitRecord | null {
  if (row.amountMinor === null) return null;
  return {
    amountMinor: row.amountMinor,
    currency: row.currency,
    kind: row.kind,
    validFrom: row.validFrom,
    expiresOn: row.expiresOn,
  };
}

function limitRecordsOf(rows: readonly LimitRecordRow[], code: string | null): LimitRecord[] {
  return rows.filter((row) => row.customerCode === code).flatMap((row) => limitRecordOf(row) ?? []);
}

/** The customer row, refused as unknown to a salesperson who does not follow it. */
export async function checkedCustomer(
  ctx: AppContext,
  db: Kysely<Database>,
  code: string,
  lock: boolean,
): Promise<CheckedCustomerRow> {
  const customer = await selectCheckedCustomer(db, ctx.companyId, code, lock);
  const scope = salespersonScope(ctx);
  if (!customer || !isInScope(scope, customer.salesperson))
    throw new DomainError('not_found', { key: 'errors.credit.unknownCustomer', params: { customer: code } });
  return customer;
}

/** What the rules read about one customer besides its row (the separate or the one-statement read). */
export interface RiskFacts {
  items: OpenItemLine[];
  orders: UninvoicedOrderLine[];
  limits: LimitRecordRow[];
  coverRow: CoverRow | null;
  /** The invoices that cover no longer guarantees (`coverLapses`). */
  lapsed: LapsedInvoice[];
  score: Pick<ScoreRow, 'score' | 'riskClass'> | null;
}

export async function readCustomerRisk(
  ctx: AppContext,
  db: Kysely<Database>,
  config: CreditConfig,
  customer: CheckedCustomerRow,
  asOf: IsoDate,
  /** A held order being re-judged: its own amount is not part of the exposure it is judged on. */
  excludeOrderRef?: string,
  /** A decision to be recorded: the group's parent row is locked too. */
  lock = false,
): Promise<CustomerRisk> {
  const codes = customer.groupCode ? [customer.code, customer.groupCode] : [customer.code];
  const [items, orders, limits, covers, scores] = await Promise.all([
    selectOpenItemLines(db, ctx.companyId, customer.code, asOf),
    selectUninvoicedOrders(db, ctx.companyId, customer.code),
    selectLimitRecords(db, ctx.companyId, codes, asOf),
    coversAsOf(db, ctx.companyId, asOf, [customer.code]),
    latestScores(db, ctx.companyId, [customer.code]),
  ]);
  const coverRow = covers.get(customer.code) ?? null;
  const lapses = await coverLapses(db, ctx.companyId, asOf, coverRow ? [coverRow] : []);
  const facts = {
    items,
    orders,
    limits,
    coverRow,
    lapsed: lapses.get(customer.code) ?? [],
    score: scores.get(customer.code) ?? null,
  };
  const group = await readGroupRisk(ctx, db, config, customer, asOf, { lock, excludeOrderRef });
  return { ...assembleRisk(config, customer, asOf, facts, excludeOrderRef), score: facts.score, group };
}

/** The figures of the rules from what was read: pure, shared by both ways of reading. */
export function assembleRisk(
  config: CreditConfig,
  customer: CheckedCustomerRow,
  asOf: IsoDate,
  facts: RiskFacts,
  excludeOrderRef: string | undefined,
): Omit<CustomerRisk, 'score' | 'group'> {
  const { items, orders, limits, coverRow, lapsed } = facts;
  const amounts = exposureAmounts(
    customer.currency,
    items,
    orders
      .filter((o) => o.currency === customer.currency && o.orderRef !== excludeOrderRef)
      .map((o) => ({ stage: 'open', amountMinor: o.amountMinor })),
    asOf,
  );
  const cover = toInsurerCover(coverRow ?? undefined);
  const oldestOverdueDays = items.reduce(
    (oldest, item) => (item.openMinor > 0 ? Math.max(oldest, daysBetween(item.dueDate, asOf)) : oldest),
    0,
  );
  const limit = resolveLimit(
    {
      customer: limitRecordsOf(limits, customer.code),
      group: limitRecordsOf(limits, customer.groupCode),
      companyDefaultMinor: config.limit_policy.companyDefaultMinor ?? null,
    },
    asOf,
  );
  return {
    customer,
    exposure: computeExposure(amounts, config.exposure_config, cover, asOf, lapsedMinor(lapsed)),
    overdueMinor: amounts.amountsMinor.overdue,
    oldestOverdueDays,
    limit,
    cover,
    coverRow,
    lapsedInvoices: lapsed,
    riskClass: (facts.score?.riskClass as RiskClass | null | undefined) ?? null,
  };
}

async function exposureAmountsOf(
  ctx: AppContext,
  db: Kysely<Database>,
  code: string,
  currency: string,
  asOf: IsoDate,
  excludeOrderRef: string | undefined,
) {
  const [items, orders] = await Promise.all([
    selectOpenItemLines(db, ctx.companyId, code, asOf),
    selectUninvoicedOrders(db, ctx.companyId, code),
  ]);
  const uninvoiced = orders
    .filter((o) => o.currency === currency && o.orderRef !== excludeOrderRef)
    .map((o) => ({ stage: 'open' as const, amountMinor: o.amountMinor }));
  return { items, amounts: exposureAmounts(currency, items, uninvoiced, asOf) };
}

/**
 * The group of a customer: its parent's group, or its own when other customers name it as their
 * parent. Members in another currency than the parent are left out (no conversion here). Each
 * member's cover and lapsed invoices make its insured part; the group's is their sum.
 */
export async function readGroupRisk(
  ctx: AppContext,
  db: Kysely<Database>,
  config: CreditConfig,
  customer: CheckedCustomerRow,
  asOf: IsoDate,
  options: { lock?: boolean; excludeOrderRef?: string | undefined; headsGroup?: boolean } = {},
): Promise<GroupRisk | null> {
  const heads =
    options.headsGroup ?? (customer.groupCode ? false : await headsGroup(db, ctx.companyId, customer.code));
  const parentCode = customer.groupCode ?? (heads ? customer.code : null);
  if (parentCode === null) return null;
  const members = await selectGroupMembers(db, ctx.companyId, parentCode, options.lock ?? false);
  const parent = members.find((m) => m.code === parentCode);
  if (!parent) return null;
  const sameCurrency = members.filter((m) => m.currency === parent.currency);
  const [limits, covers] = await Promise.all([
    selectLimitRecords(db, ctx.companyId, [parentCode], asOf),
    coversAsOf(
      db,
      ctx.companyId,
      asOf,
      sameCurrency.map((m) => m.code),
    ),
  ]);
  const lapses = await coverLapses(db, ctx.companyId, asOf, covers.values());
  const parts = [];
  for (const member of sameCurrency) {
    const { amounts } = await exposureAmountsOf(
      ctx,
      db,
      member.code,
      parent.currency,
      asOf,
      options.excludeOrderRef,
    );
    parts.push({
      customerCode: member.code,
      groupCode: member.code === parentCode ? null : parentCode,
      amounts,
      cover: toInsurerCover(covers.get(member.code)),
      notGuaranteedMinor: lapsedMinor(lapses.get(member.code)),
    });
  }
  const exposure = groupExposure(parentCode, parts, config.exposure_config, asOf, parent.currency);
  const limit = resolveLimit(
    { customer: limitRecordsOf(limits, parentCode), group: [], companyDefaultMinor: null },
    asOf,
  );
  return {
    parentCode,
    parentName: parent.name,
    memberCodes: exposure.memberCodes,
    exposure,
    limit,
    availableMinor: limit.limitMinor === null ? null : limit.limitMinor - exposure.totalMinor,
  };
}
