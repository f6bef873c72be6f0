/**
 * What a threatened-loss declaration takes, worked out once for the preview and for the
 * declaration itself. A declaration (déclaration de menace de sinistre) is made on a buyer: the
 * insurer then takes over the recovery of what the buyer owes, so by default it takes every
 * overdue invoice of the buyer not declared yet — the policy sets no minimum delay, only the last
 * day to declare each invoice (due date + the policy's days). The web page shows the preview
 * (invoices, days late, deadlines, total and insured share) and declares only once the person
 * confirms, with the invoices they kept. An invoice declared after its deadline is not guaranteed
 * (`lapsedInvoices`): it may be declared with the others (the insurer still takes over its
 * recovery) and is left out of the insured share; the preview marks it, so the page does not
 * propose it by default.
 */
import type { Kysely } from 'kysely';
import { daysBetween } from '#core/calendar';
import type { InsurerCover } from '#core/credit/insurer-cover';
import {
  type DeclarationState,
  declarationState,
  type InsuredClaim,
  indemnityExpectedOn,
  insuredClaim,
  lapsedInvoices,
  threatenedLossDeadline,
} from '#core/legal/insurance-claims';
import type { CurrencyCode, IsoDate } from '#core/types';
import { type CoverRow, currentCovers } from '#db/credit/cover-queries';
import type { Database } from '#db/infra/schema';
import {
  type InsuredInvoiceRow,
  type PolicyRow,
  selectCurrentPolicies,
  selectOverdueInvoices,
} from '#db/legal/insurance-queries';
import type { AppContext } from '../context.ts';
import { checkedCustomer } from '../credit/customer-risk.ts';
import { requireDate, resolveAsOf } from '../customers/customers.ts';
import { INSOLVENCY_STATUSES } from '../dunning/plan-data.ts';
import { DomainError } from '../errors.ts';
import { policyOf } from './insurance-policies.ts';

export interface DeclareInput {
  customerCode: string;
  /** The invoices to declare; none: every overdue invoice of the buyer not declared yet. */
  invoices?: readonly string[] | undefined;
  date?: string | undefined;
}

export interface PlannedDeclaration {
  date: IsoDate;
  customer: { code: string; name: string; status: string };
  cover: CoverRow;
  policy: PolicyRow;
  invoices: InsuredInvoiceRow[];
  outstandingMinor: number;
  share: InsuredClaim;
  indemnityExpectedOn: IsoDate;
}

/** The invoices named (each overdue and not declared yet), or every overdue one not declared yet. */
function chooseInvoices(
  customerCode: string,
  overdue: readonly InsuredInvoiceRow[],
  refs: readonly string[] | undefined,
): InsuredInvoiceRow[] {
  const chosen = refs?.length
    ? refs.map((ref) => {
        const found = overdue.find((i) => i.ref === ref);
        if (!found)
          throw new DomainError('invalid_input', {
            key: 'errors.legal.notOverdueInvoiceOf',
            params: { ref, customer: customerCode },
          });
        if (found.claimId !== null)
          throw new DomainError('conflict', {
            key: 'errors.legal.alreadyDeclared',
            params: { ref, claimId: found.claimId },
          });
        return found;
      })
    : overdue.filter((i) => i.claimId === null);
  if (chosen.length === 0)
    throw new DomainError('invalid_input', {
      key: 'errors.legal.nothingToDeclare',
      params: { customer: customerCode },
    });
  return chosen;
}

/**
 * The date of the declaration: the one given, else the company's reference date. Read before the
 * declaration's transaction: the embedded engine has one connection, which the transaction holds.
 */
export async function declarationDate(ctx: AppContext, input: DeclareInput): Promise<IsoDate> {
  return requireDate(input.date, 'date') ?? (await resolveAsOf(ctx, undefined));
}

/** The declaration `input` asks for on `date`, with what it refuses; records nothing. */
export async function planDeclaration(
  ctx: AppContext,
  db: Kysely<Database>,
  input: DeclareInput,
  date: IsoDate,
  lock: boolean,
): Promise<PlannedDeclaration> {
  const customer = await checkedCustomer(ctx, db, input.customerCode, lock);
  const cover = (await currentCovers(db, ctx.companyId, [customer.code])).get(customer.code);
  if (!cover)
    throw new DomainError('invalid_input', {
      key: 'errors.legal.noCover',
      params: { customer: customer.code },
    });
  const policy = policyOf(await selectCurrentPolicies(db, ctx.companyId), cover.insurer);
  if (!policy)
    throw new DomainError('invalid_input', {
      key: 'errors.legal.noPolicy',
      params: { insurer: cover.insurer },
    });
  const overdue = (await selectOverdueInvoices(db, ctx.companyId, date, [customer.code])).filter(
    (i) => i.currency === cover.currency,
  );
  const invoices = chooseInvoices(customer.code, overdue, input.invoices);
  const outstandingMinor = invoices.reduce((sum, i) => sum + i.openMinor, 0);
  const late = lapsedInvoices(
    invoices.map((i) => ({ ...i, declaredOn: null })),
    policy.threatenedLossDays,
    date,
  ).reduce((sum, i) => sum + i.openMinor, 0);
  const share = insuredClaim(
    outstandingMinor,
    cover.currency as CurrencyCode,
    cover as InsurerCover,
    date,
    late,
  );
  const insolvent = INSOLVENCY_STATUSES.has(customer.status);
  return {
    date,
    customer: { code: customer.code, name: customer.name, status: customer.status },
    cover,
    policy,
    invoices,
    outstandingMinor,
    share,
    indemnityExpectedOn: indemnityExpectedOn(date, policy.waitingDays, insolvent),
  };
}

export interface DeclarationPreview {
  date: IsoDate;
  customerCode: string;
  customerName: string;
  insurer: string;
  currency: string;
  invoices: {
    ref: string;
    dueDate: IsoDate;
    openMinor: number;
    daysLate: number;
    /** The last day to declare it under the policy, and where the date stands against it. */
    deadline: IsoDate;
    state: DeclarationState;
    /** False: its deadline has passed, declared now it is not guaranteed. */
    guaranteed: boolean;
  }[];
  outstandingMinor: number;
  grantedMinor: number;
  insuredShareBps: number;
  insuredMinor: number;
  indemnityExpectedOn: IsoDate;
}

/** What `declareThreatenedLoss` would declare, so that the person sees it before confirming. */
export async function previewDeclaration(ctx: AppContext, input: DeclareInput): Promise<DeclarationPreview> {
  const plan = await planDeclaration(ctx, ctx.db, input, await declarationDate(ctx, input), false);
  const { date, policy } = plan;
  return {
    date,
    customerCode: plan.customer.code,
    customerName: plan.customer.name,
    insurer: plan.cover.insurer,
    currency: plan.cover.currency,
    invoices: plan.invoices.map((i) => {
      const deadline = threatenedLossDeadline(i.dueDate, policy.threatenedLossDays);
      return {
        ref: i.ref,
        dueDate: i.dueDate,
        openMinor: i.openMinor,
        daysLate: daysBetween(i.dueDate, date),
        deadline,
        state: declarationState(deadline, date, policy.warningDays),
        guaranteed:
          lapsedInvoices([{ ...i, declaredOn: date }], policy.threatenedLossDays, date).length === 0,
      };
    }),
    outstandingMinor: plan.outstandingMinor,
    grantedMinor: plan.share.grantedMinor,
    insuredShareBps: plan.share.insuredShareBps,
    insuredMinor: plan.share.insuredMinor,
    indemnityExpectedOn: plan.indemnityExpectedOn,
  };
}
