/**
 * Risk-level tracking table (tableau de suivi des niveaux de risque), built from the aged balance.
 * Its limit rules (over it, near it) read each customer's credit position — the exposure the order
 * check reads against the limit in force (`readCreditPositions`) — so that a customer is « au-delà
 * de la limite » here exactly when its credit panel shows a negative « Disponible ».
 */
import { type AgingBasis, bucketIndexFor } from '#core/analytics/aging';
import {
  assessRisk,
  type CollectionStage,
  DEFAULT_RISK_THRESHOLDS,
  RISK_LEVELS,
  type RiskLevel,
  type RiskThresholds,
  stageReplacingAction,
  usageBps,
} from '#core/analytics/risk-levels';
import type { IsoDate } from '#core/types';
import { agingCells } from '#db/reports/aging';
import { selectCollectionStages } from '#db/reports/collection-stages';
import { inParallelReportSnapshot, type RunInSnapshot } from '#db/reports/report-parallel';
import { type CustomerRiskFactsRow, customerRiskFacts } from '#db/reports/risk';
import { type Lang, label, toLang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import type { AppContext } from '../context.ts';
import { type CreditConfig, creditConfig } from '../credit/configuration.ts';
import { type CreditPosition, readCreditPositions } from '../credit/credit-positions.ts';
import { formalNoticeDeadline } from '../legal/handover-chasing.ts';
import { agingQueryOf, companyCurrency, type LabelledAgeBucket } from './aging.ts';
import { scopedToCaller } from './report-scope.ts';

const PROCEEDINGS_STATUSES = new Set(['safeguard', 'receivership', 'liquidation']);

export interface RiskTableInput {
  asOf?: string | undefined;
  bucketBounds?: readonly number[] | undefined;
  customerType?: string | undefined;
  salesperson?: string | undefined;
  thresholds?: Partial<RiskThresholds> | undefined;
  /** Only customers with something open (default), or every customer. */
  includeSettled?: boolean | undefined;
  lang?: string | undefined;
}

/** The customer's risk facts from the database, with the aged balance and the risk level set on them. */
export interface RiskTableRow extends CustomerRiskFactsRow {
  balanceMinor: number;
  bucketsMinor: number[];
  creditsMinor: number;
  overdueMinor: number;
  severeOverdueMinor: number;
  /** Balance / limit (1 = 100 %); null without a limit. */
  limitUsage: number | null;
  /** Open items and orders not yet invoiced, as the order check counts them. */
  exposureMinor: number;
  /** The limit in force (temporary, the customer's, its group's, the company default); null: none. */
  limitMinor: number | null;
  /** Limit in force − exposure, as the credit panel's « Disponible »; negative over the limit. */
  availableMinor: number | null;
  dispute: boolean;
  proceedings: boolean;
  riskLevel: RiskLevel;
  riskLevelLabel: string;
  rule: string;
  ruleLabel: string;
  action: string;
  /** The action's words, or the stage the collection already reached that replaces it. */
  actionLabel: string;
  /** Handed over or under a formal notice, when that replaces the ladder's action; null otherwise. */
  collectionStage: CollectionStage | null;
}

export interface RiskTable {
  asOf: IsoDate;
  basis: AgingBasis;
  currency: string;
  buckets: LabelledAgeBucket[];
  thresholds: RiskThresholds;
  filter: { customerType: string | null; salesperson: string | null };
  summary: { level: RiskLevel; label: string; customers: number; balanceMinor: number }[];
  rows: RiskTableRow[];
}

export async function getRiskTable(ctx: AppContext, asked: RiskTableInput = {}): Promise<RiskTable> {
  const plan = await riskTablePlan(ctx, asked);
  return inParallelReportSnapshot(ctx.db, (run) => readRiskTable(plan, run));
}

export interface RiskTablePlan {
  input: RiskTableInput;
  query: Awaited<ReturnType<typeof agingQueryOf>>;
  thresholds: RiskThresholds;
  currency: string;
  /** The credit configuration in force (exposure buckets, company default limit). */
  credit: CreditConfig;
}

/** What the table reads, settled before its snapshot opens (the embedded engine has one connection). */
export async function riskTablePlan(ctx: AppContext, asked: RiskTableInput): Promise<RiskTablePlan> {
  const input = scopedToCaller(ctx, asked);
  const query = await agingQueryOf(ctx, { ...input, basis: 'due' });
  return {
    input,
    query,
    thresholds: { ...DEFAULT_RISK_THRESHOLDS, ...input.thresholds },
    currency: await companyCurrency(ctx),
    credit: await creditConfig(ctx, query.asOf),
  };
}

/** The aged buckets and open credits of each customer, from the aging cells. */
function amountsByCustomer(
  cells: readonly { groupKey: string; bucketIndex: number; amountMinor: number }[],
  width: number,
): Map<string, { buckets: number[]; credits: number }> {
  const amounts = new Map<string, { buckets: number[]; credits: number }>();
  for (const cell of cells) {
    const entry = amounts.get(cell.groupKey) ?? { buckets: new Array<number>(width).fill(0), credits: 0 };
    if (cell.bucketIndex < 0) entry.credits += cell.amountMinor;
    else entry.buckets[cell.bucketIndex] = (entry.buckets[cell.bucketIndex] ?? 0) + cell.amountMinor;
    amounts.set(cell.groupKey, entry);
  }
  return amounts;
}

/** The exposure and the limit in force the limit rules read; the balance and the file's limit without a position. */
function creditPositionOf(
  position: CreditPosition | undefined,
  fact: CustomerRiskFactsRow,
  balanceMinor: number,
): { exposureMinor: number; limitMinor: number | null } {
  return position
    ? { exposureMinor: position.exposureMinor, limitMinor: position.limitMinor }
    : { exposureMinor: balanceMinor, limitMinor: fact.creditLimitMinor };
}

/** « Transmis au contentieux le … », « Mise en demeure en cours (délai jusqu’au …) »… */
export function collectionStageText(lang: Lang, stage: CollectionStage): string {
  return translator(lang)(`reports.riskStage.${stage.stage}`, {
    date: formatDate(lang, stage.date),
    deadline: 'deadline' in stage ? formatDate(lang, stage.deadline) : '',
  });
}

/**
 * The table read through `run`: its queries side by side in one report snapshot, with the report
 * settings (without them, plans spilled to disk and paid for JIT compilation); the anomalies
 * share that snapshot with their own queries.
 */
export async function readRiskTable(plan: RiskTablePlan, run: RunInSnapshot): Promise<RiskTable> {
  const { input, query, thresholds } = plan;
  const lang = toLang(input.lang ?? 'fr');
  const severeIndex = bucketIndexFor(thresholds.criticalOverdueDays + 1, query.buckets);
  const severeIsBucketed = query.buckets[severeIndex]?.fromDays === thresholds.criticalOverdueDays + 1;
  const [cells, facts, positions, stages] = await Promise.all([
    run((db) => agingCells(db, query, 'customer')),
    customerRiskFacts(run, query),
    run((db) => readCreditPositions(db, query.companyId, query.asOf, plan.credit, input.salesperson)),
    run((db) => selectCollectionStages(db, query.companyId, query.asOf)),
  ]);
  const positionOf = new Map(positions.map((position) => [position.code, position]));
  const width = query.buckets.length;
  const amounts = amountsByCustomer(cells, width);
  const rows: RiskTableRow[] = [];
  for (const fact of facts) {
    const amount = amounts.get(fact.code) ?? { buckets: new Array<number>(width).fill(0), credits: 0 };
    if (!input.includeSettled && !amounts.has(fact.code)) continue;
    const notDue = query.buckets[0]?.fromDays === null ? (amount.buckets[0] ?? 0) : 0;
    const debits = amount.buckets.reduce((s, b) => s + b, 0);
    const balanceMinor = debits + amount.credits;
    const overdueMinor = debits - notDue;
    // With buckets not aligned on the threshold, the severe amount is the buckets entirely beyond it.
    const severeOverdueMinor = amount.buckets
      .slice(severeIsBucketed ? severeIndex : severeIndex + 1)
      .reduce((s, b) => s + b, 0);
    const proceedings = PROCEEDINGS_STATUSES.has(fact.status) || fact.insolvencyDate !== null;
    const openDispute = fact.disputedOpenMinor > 0;
    const { exposureMinor, limitMinor } = creditPositionOf(positionOf.get(fact.code), fact, balanceMinor);
    const assessment = assessRisk(
      {
        balanceMinor,
        exposureMinor,
        overdueMinor,
        severeOverdueMinor,
        oldestOverdueDays: fact.oldestOverdueDays,
        creditLimitMinor: limitMinor,
        inProceedings: proceedings,
        openDispute,
      },
      thresholds,
    );
    const usage = usageBps(balanceMinor, fact.creditLimitMinor);
    const reached = stages.get(fact.code);
    const noticeDate = reached?.formalNoticeDate ?? null;
    const stage = stageReplacingAction(
      assessment.action,
      {
        handedOverOn: reached?.handedOverOn ?? null,
        formalNotice:
          noticeDate === null ? null : { date: noticeDate, deadline: formalNoticeDeadline(noticeDate) },
      },
      query.asOf,
    );
    rows.push({
      ...fact,
      balanceMinor,
      bucketsMinor: amount.buckets,
      creditsMinor: amount.credits,
      overdueMinor,
      severeOverdueMinor,
      limitUsage: usage === null || !Number.isFinite(usage) ? null : usage / 10_000,
      exposureMinor,
      limitMinor,
      availableMinor: limitMinor === null ? null : limitMinor - exposureMinor,
      dispute: openDispute,
      proceedings,
      riskLevel: assessment.level,
      riskLevelLabel: label(lang, 'riskLevel', assessment.level),
      rule: assessment.rule,
      ruleLabel: label(lang, 'riskRule', assessment.rule),
      action: assessment.action,
      actionLabel: stage ? collectionStageText(lang, stage) : label(lang, 'riskAction', assessment.action),
      collectionStage: stage,
    });
  }
  const severity = (level: RiskLevel) => RISK_LEVELS.indexOf(level);
  rows.sort(
    (a, b) =>
      severity(b.riskLevel) - severity(a.riskLevel) ||
      // Within a level, the amount at stake first: what is overdue, then what is owed.
      b.overdueMinor - a.overdueMinor ||
      b.balanceMinor - a.balanceMinor ||
      a.code.localeCompare(b.code),
  );
  return {
    asOf: query.asOf,
    basis: 'due',
    currency: plan.currency,
    buckets: [...query.buckets],
    thresholds,
    filter: { customerType: input.customerType ?? null, salesperson: input.salesperson ?? null },
    // Customers with something open, with or without the settled rows: one count everywhere.
    summary: [...RISK_LEVELS].reverse().map((level) => {
      const members = rows.filter((row) => row.riskLevel === level && amounts.has(row.code));
      return {
        level,
        label: label(lang, 'riskLevel', level),
        customers: members.length,
        balanceMinor: members.reduce((s, row) => s + row.balanceMinor, 0),
      };
    }),
    rows,
  };
}
