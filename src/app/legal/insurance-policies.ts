/**
 * Credit-insurance policies (per insurer: days allowed to declare a threatened loss after a due
 * date, waiting period, warning days) and the overdue invoices of buyers whose cover is in force,
 * with their declaration deadline and whether the cover still guarantees them (`lapsedInvoices`,
 * the rule the risk panel and the risk map take off the insured part by).
 */
import { daysBetween } from '#core/calendar';
import { coverState, type InsurerCover } from '#core/credit/insurer-cover';
import {
  type DeclarationState,
  declarationState,
  lapsedInvoices,
  threatenedLossDeadline,
  validatePolicyTerms,
} from '#core/legal/insurance-claims';
import type { IsoDate } from '#core/types';
import { currentCovers } from '#db/credit/cover-queries';
import {
  insertPolicy,
  type PolicyRow,
  selectCurrentPolicies,
  selectOverdueInvoices,
} from '#db/legal/insurance-queries';
import { wordedList } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { resolveAsOf } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';

export async function listInsurancePolicies(ctx: AppContext): Promise<PolicyRow[]> {
  return selectCurrentPolicies(ctx.db, ctx.companyId);
}

export async function saveInsurancePolicy(
  ctx: AppContext,
  input: Omit<PolicyRow, 'policyId' | 'createdBy' | 'warningDays'> & { warningDays?: number | undefined },
): Promise<PolicyRow> {
  const insurer = input.insurer?.trim();
  if (!insurer) throw new DomainError('invalid_input', { key: 'errors.legal.policyInsurer' });
  const policy = {
    ...input,
    insurer,
    policyNumber: input.policyNumber?.trim() || null,
    warningDays: input.warningDays ?? 15,
  };
  const problems = validatePolicyTerms(policy);
  if (problems.length > 0)
    throw new DomainError(
      'invalid_input',
      {
        key: 'errors.legal.policyTerms',
        params: {
          problems: wordedList(
            'errors.legal.policyTerm',
            problems.map((problem) => ({ problem })),
          ),
        },
      },
      { problems },
    );
  await ctx.db.transaction().execute(async (trx) => {
    const before = (await selectCurrentPolicies(trx, ctx.companyId)).find(
      (p) => p.insurer.toLowerCase() === insurer.toLowerCase(),
    );
    const policyId = await insertPolicy(trx, ctx.companyId, ctx.actor, policy);
    await recordAudit(ctx, trx, {
      action: 'insurance.policy',
      entity: 'insurance_policy',
      entityKey: String(policyId),
      before: before ?? null,
      after: policy,
    });
  });
  return (await listInsurancePolicies(ctx)).find((p) => p.insurer.toLowerCase() === insurer.toLowerCase())!;
}

export const policyOf = (policies: readonly PolicyRow[], insurer: string) =>
  policies.find((p) => p.insurer.toLowerCase() === insurer.trim().toLowerCase()) ?? null;

export interface DeclarationDeadline {
  customerCode: string;
  customerName: string;
  customerStatus: string;
  insurer: string;
  policyId: number | null;
  documentId: number;
  ref: string;
  dueDate: IsoDate;
  openMinor: number;
  currency: string;
  /** Null when the insurer has no policy recorded: the deadline is unknown. */
  deadline: IsoDate | null;
  daysLeft: number | null;
  state: DeclarationState | 'no_policy';
  claimId: number | null;
  /** False once its deadline passed with no declaration made in time: the cover no longer guarantees it. */
  guaranteed: boolean;
}

/**
 * Overdue invoices of buyers with a cover in force, with their declaration deadline; by default
 * only those approaching or past it and not declared yet (`all` lists every one).
 */
export async function listDeclarationDeadlines(
  ctx: AppContext,
  input: { asOf?: string | undefined; all?: boolean | undefined } = {},
): Promise<{ asOf: IsoDate; items: DeclarationDeadline[] }> {
  const asOf = await resolveAsOf(ctx, input.asOf);
  const covers = [...(await currentCovers(ctx.db, ctx.companyId)).values()].filter(
    (c) => coverState(c as InsurerCover, asOf) === 'active',
  );
  const coverOf = new Map(covers.map((c) => [c.customerCode, c]));
  const policies = await selectCurrentPolicies(ctx.db, ctx.companyId);
  const invoices = await selectOverdueInvoices(ctx.db, ctx.companyId, asOf, [...coverOf.keys()]);
  const items = invoices.map((invoice): DeclarationDeadline => {
    const cover = coverOf.get(invoice.customerCode)!;
    const policy = policyOf(policies, cover.insurer);
    const deadline = policy ? threatenedLossDeadline(invoice.dueDate, policy.threatenedLossDays) : null;
    const lapsed =
      policy !== null &&
      lapsedInvoices([{ ...invoice, declaredOn: invoice.claimDeclaredOn }], policy.threatenedLossDays, asOf)
        .length > 0;
    const { claimDeclaredOn: _declaredOn, ...row } = invoice;
    return {
      ...row,
      insurer: cover.insurer,
      policyId: policy?.policyId ?? null,
      deadline,
      daysLeft: deadline ? daysBetween(asOf, deadline) : null,
      state: policy && deadline ? declarationState(deadline, asOf, policy.warningDays) : 'no_policy',
      guaranteed: !lapsed,
    };
  });
  const shown = input.all ? items : items.filter((i) => i.claimId === null && i.state !== 'not_yet');
  shown.sort(
    (a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.ref.localeCompare(b.ref),
  );
  return { asOf, items: shown };
}
