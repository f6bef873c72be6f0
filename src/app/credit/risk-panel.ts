/**
 * The customer's risk panel (score, explanation, history, exposure by bucket, limit in force,
 * cover) and the preview of a scoring method: the class changes it would cause, computed on the
 * same inputs as the scores in force, without writing anything.
 */
import { type ClassOverride, contributionsByGroup } from '#core/credit/scoring';
import { type ScoringMethod, validateScoringMethod } from '#core/credit/scoring-method';
import type { IsoDate } from '#core/types';
import { latestScores, scoreHistory } from '#db/credit/score-queries';
import type { Lang } from '#text/catalogue';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { creditConfig } from './configuration.ts';
import { checkedCustomer, readCustomerRisk } from './customer-risk.ts';
import { readScoringData, scoreRows } from './scoring.ts';

export async function getRiskPanel(ctx: AppContext, customerCode: string, _lang: Lang = 'fr') {
  const asOf = await defaultAsOf(ctx);
  const config = await creditConfig(ctx, asOf);
  const customer = await checkedCustomer(ctx, ctx.db, customerCode, false);
  const risk = await readCustomerRisk(ctx, ctx.db, config, customer, asOf);
  const history = await scoreHistory(ctx.db, ctx.companyId, customer.code);
  const latest = history[0] ?? null;
  const explanation = (latest?.explanation ?? null) as {
    criteria: { criterion: string; group: string; contributionScore: number }[];
    missing: string[];
    invalid: string[];
    coverageBps: number;
    override?: ClassOverride;
    inputs?: Record<string, unknown>;
  } | null;
  // The amount behind the share with no payment expected: the panel shows both (« 12 345,67 € (42 %) »).
  const noPaymentExpectedMinor = explanation?.inputs?.['no_payment_expected_minor'];
  return {
    asOf,
    customerCode: customer.code,
    currency: customer.currency,
    score: latest
      ? {
          asOf: latest.asOf,
          status: latest.status,
          score: latest.score,
          riskClass: latest.riskClass,
          methodVersion: latest.methodVersion,
          criteria: explanation?.criteria ?? [],
          missing: explanation?.missing ?? [],
          invalid: explanation?.invalid ?? [],
          coverageBps: explanation?.coverageBps ?? 0,
          override: explanation?.override ?? null,
          noPaymentExpectedMinor: typeof noPaymentExpectedMinor === 'number' ? noPaymentExpectedMinor : null,
          byGroup: explanation
            ? contributionsByGroup({ criteria: explanation.criteria } as Parameters<
                typeof contributionsByGroup
              >[0])
            : {},
        }
      : null,
    history: history
      .map((row) => ({
        asOf: row.asOf,
        score: row.score,
        riskClass: row.riskClass,
        methodVersion: row.methodVersion,
      }))
      .reverse(),
    exposure: {
      totalMinor: risk.exposure.totalMinor,
      buckets: risk.exposure.buckets,
      insuredMinor: risk.exposure.insurance.insuredMinor,
      uninsuredMinor: risk.exposure.insurance.uninsuredMinor,
      beyondCoverMinor: risk.exposure.insurance.beyondCoverMinor,
      coverState: risk.exposure.insurance.coverState,
      // The invoices the cover no longer guarantees, each with the deadline it missed.
      notGuaranteedMinor: risk.exposure.insurance.notGuaranteedMinor,
      notGuaranteed: risk.lapsedInvoices,
    },
    limit: { limitMinor: risk.limit.limitMinor, source: risk.limit.source, expiresOn: risk.limit.expiresOn },
    group: risk.group
      ? {
          parentCode: risk.group.parentCode,
          parentName: risk.group.parentName,
          memberCodes: risk.group.memberCodes,
          exposureMinor: risk.group.exposure.totalMinor,
          insuredMinor: risk.group.exposure.insurance.insuredMinor,
          uninsuredMinor: risk.group.exposure.insurance.uninsuredMinor,
          limitMinor: risk.group.limit.limitMinor,
          availableMinor: risk.group.availableMinor,
        }
      : null,
    availableMinor: risk.limit.limitMinor === null ? null : risk.limit.limitMinor - risk.exposure.totalMinor,
    cover: risk.coverRow
      ? {
          insurer: risk.coverRow.insurer,
          status: risk.coverRow.status,
          grantedMinor: risk.coverRow.grantedMinor,
          insuredShareBps: risk.coverRow.insuredShareBps,
          effectiveFrom: risk.coverRow.effectiveFrom,
          expiresOn: risk.coverRow.expiresOn,
        }
      : null,
  };
}

export interface ClassChange {
  customerCode: string;
  before: string | null;
  after: string | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
}

/** What a candidate method would change: every customer whose class would differ from its current one. */
export async function previewScoringMethod(
  ctx: AppContext,
  method: ScoringMethod,
  asOf?: IsoDate,
): Promise<{
  asOf: IsoDate;
  customers: number;
  changes: ClassChange[];
  countsBefore: Record<string, number>;
  countsAfter: Record<string, number>;
}> {
  const problems = validateScoringMethod(method);
  if (problems.length > 0)
    throw new DomainError('invalid_input', { key: 'errors.credit.scoringInvalid' }, { problems });
  const date = asOf ?? (await defaultAsOf(ctx));
  const data = await readScoringData(ctx.db, ctx.companyId, date);
  const current = await latestScores(ctx.db, ctx.companyId);
  const scores = scoreRows(method, date, data);
  const countsBefore: Record<string, number> = {};
  const countsAfter: Record<string, number> = {};
  const changes: ClassChange[] = [];
  for (const { customerCode, result } of scores) {
    const before = current.get(customerCode);
    const beforeClass = before?.riskClass ?? null;
    countsBefore[beforeClass ?? '-'] = (countsBefore[beforeClass ?? '-'] ?? 0) + 1;
    countsAfter[result.riskClass ?? '-'] = (countsAfter[result.riskClass ?? '-'] ?? 0) + 1;
    if (beforeClass !== result.riskClass)
      changes.push({
        customerCode,
        before: beforeClass,
        after: result.riskClass,
        scoreBefore: before?.score ?? null,
        scoreAfter: result.score,
      });
  }
  return { asOf: date, customers: scores.length, changes, countsBefore, countsAfter };
}
