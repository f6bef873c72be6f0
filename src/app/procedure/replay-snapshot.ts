/** The replay's snapshot: the rows of `src/db/procedure` mapped to the pure core's types. */
import type { Kysely } from 'kysely';
import type { LimitRecord } from '#core/credit/limits';
import type { Decision, PaymentMode } from '#core/credit/order-check';
import type { ScoringInputs } from '#core/credit/scoring';
import type { RiskClass } from '#core/credit/scoring-method';
import { RATE_MODES, type RateMode } from '#core/dunning/late-interest';
import type { StepKind } from '#core/dunning/policy';
import type {
  ReplayCustomer,
  ReplayDocument,
  ReplayScoringInputs,
  ReplaySettlement,
  ReplaySnapshot,
} from '#core/procedure/replay';
import type { CustomerStatus, CustomerType } from '#core/types';
import { coverVersions } from '#db/credit/cover-queries';
import { selectSettings } from '#db/dunning/config-queries';
import { selectImportedReminders } from '#db/dunning/imported-reminders';
import type { Database } from '#db/infra/schema';
import {
  selectDunningRuns,
  selectReplayAllocations,
  selectReplayCustomers,
  selectReplayDisputes,
  selectReplayDocuments,
  selectReplayOrders,
  selectReplayPromises,
  selectScoreHistory,
  selectScoringInputs,
  selectSentSteps,
  selectTemporaryLimits,
} from '#db/procedure/replay-snapshot';
import { toInsurerCover } from '../credit/customer-risk.ts';
import { clauseOf, loadRates } from '../dunning/plan-data.ts';

export interface SnapshotPeriod {
  from: string;
  to: string;
  /** Read the inputs of the recorded scores, for a proposal that re-scores. */
  scoringInputs: boolean;
}

/** Each recorded score's inputs, by customer: a score that kept none is left out. */
async function loadScoringInputs(
  db: Kysely<Database>,
  companyId: string,
  period: SnapshotPeriod,
): Promise<Map<string, ReplayScoringInputs[]>> {
  const rows = period.scoringInputs ? await selectScoringInputs(db, companyId, period.from, period.to) : [];
  const inputsOf = new Map<string, ReplayScoringInputs[]>();
  for (const row of rows) {
    if (row.inputs === null || typeof row.inputs !== 'object') continue;
    const own = inputsOf.get(row.customerCode) ?? [];
    own.push({ asOf: row.asOf, inputs: row.inputs as ScoringInputs });
    inputsOf.set(row.customerCode, own);
  }
  return inputsOf;
}

async function loadCustomers(
  db: Kysely<Database>,
  companyId: string,
  period: SnapshotPeriod,
): Promise<ReplayCustomer[]> {
  const [rows, temporary, scores, covers, scoringInputs] = [
    await selectReplayCustomers(db, companyId),
    await selectTemporaryLimits(db, companyId),
    await selectScoreHistory(db, companyId),
    await coverVersions(db, companyId),
    await loadScoringInputs(db, companyId, period),
  ];
  const temporaryOf = Map.groupBy(temporary, (r) => r.customerCode);
  const scoresOf = Map.groupBy(scores, (r) => r.customerCode);
  const coversOf = Map.groupBy(covers, (r) => r.customerCode);
  return rows.map((row) => {
    const limits: LimitRecord[] = (temporaryOf.get(row.code) ?? []).map((t) => ({
      amountMinor: t.amountMinor,
      currency: t.currency,
      kind: 'temporary',
      validFrom: t.validFrom,
      expiresOn: t.expiresOn,
    }));
    if (row.creditLimitMinor !== null)
      limits.push({
        amountMinor: row.creditLimitMinor,
        currency: row.currency,
        kind: 'permanent',
        validFrom: null,
        expiresOn: null,
      });
    return {
      code: row.code,
      customerType: row.customerType as CustomerType,
      status: row.status as CustomerStatus,
      currency: row.currency,
      groupCode: row.groupCode,
      limits,
      covers: (coversOf.get(row.code) ?? []).map((version) => ({
        inForceFrom: version.inForceFrom,
        cover: toInsurerCover(version)!,
      })),
      scores: (scoresOf.get(row.code) ?? []).map((s) => ({
        asOf: s.asOf,
        riskClass: s.riskClass as RiskClass | null,
        score: s.score,
      })),
      pausedUntil: row.pausedUntil,
      interestClause: clauseOf(row),
      ...(period.scoringInputs ? { scoringInputs: scoringInputs.get(row.code) ?? [] } : {}),
    };
  });
}

async function loadDocuments(db: Kysely<Database>, companyId: string, to: string): Promise<ReplayDocument[]> {
  const rows = await selectReplayDocuments(db, companyId, to);
  const allocations = await selectReplayAllocations(db, companyId, to);
  const settlements = new Map<number, ReplaySettlement[]>();
  const add = (id: number, settlement: ReplaySettlement) => {
    const own = settlements.get(id);
    if (own) own.push(settlement);
    else settlements.set(id, [settlement]);
  };
  for (const a of allocations) {
    add(a.debitId, { date: a.date, amountMinor: a.amountMinor, byKind: a.creditKind });
    add(a.creditId, { date: a.date, amountMinor: a.amountMinor, byKind: a.debitKind });
  }
  return rows.map((row) => ({
    id: String(row.documentId),
    ref: row.ref,
    customerCode: row.customerCode,
    kind: row.kind,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    amountMinor: row.amountMinor,
    currency: row.currency,
    settlements: settlements.get(row.documentId) ?? [],
  }));
}

/** Reads everything the replay needs up to `to`, through `db` (a read-only snapshot transaction). */
export async function loadReplaySnapshot(
  db: Kysely<Database>,
  companyId: string,
  companyCurrency: string,
  period: SnapshotPeriod,
): Promise<ReplaySnapshot> {
  const { to } = period;
  const customers = await loadCustomers(db, companyId, period);
  const documents = await loadDocuments(db, companyId, to);
  const orders = await selectReplayOrders(db, companyId, to);
  const disputes = await selectReplayDisputes(db, companyId);
  const promises = await selectReplayPromises(db, companyId);
  const steps = await selectSentSteps(db, companyId, to);
  const settings = await selectSettings(db, companyId);
  const rateMode = (RATE_MODES as readonly string[]).includes(settings?.rateMode ?? '')
    ? (settings?.rateMode as RateMode)
    : 'split_by_semester';
  return {
    companyCurrency,
    customers,
    documents,
    orders: orders.map((o) => ({
      ref: o.ref,
      customerCode: o.customerCode,
      orderDate: o.orderDate,
      amountMinor: o.amountMinor,
      currency: o.currency,
      payment: (o.payment ?? 'terms') as PaymentMode,
      status: o.status,
      checkedOn: o.checkedOn,
      recorded:
        o.decision === null
          ? null
          : { decision: o.decision as Decision, reasonCodes: (o.reasons ?? []).map((r) => r.code) },
    })),
    disputes: disputes.map((d) => ({ invoiceId: String(d.documentId), from: d.from, until: d.until })),
    promises: promises.map((p) => ({
      customerCode: p.customerCode,
      madeOn: p.madeOn,
      lastDueOn: p.lastDueOn,
      totalMinor: p.totalMinor,
      invoiceIds: p.documentIds.map(String),
    })),
    recordedDunning: steps.map((s) => ({
      invoiceId: String(s.documentId),
      customerCode: s.customerCode,
      date: s.date,
      level: s.level,
      stepCode: s.stepCode,
      stepKind: s.stepKind as StepKind,
      ...(s.manual ? { manual: true } : {}),
    })),
    dunningRuns: await selectDunningRuns(db, companyId, to),
    importedReminders: await selectImportedReminders(db, companyId, to),
    rates: await loadRates(db),
    rateMode,
  };
}
