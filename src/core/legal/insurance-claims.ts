/**
 * Credit-insurance claims. The policy gives the insured a maximum number of days after an unpaid
 * due date to declare the threatened loss (déclaration de menace de sinistre, typically 60 to 150
 * days); a late declaration costs the guarantee on the invoices concerned (`lapsedInvoices`). The
 * claim is then for the insured share: the outstanding within the amount granted on the buyer,
 * times the insured percentage (quotité garantie). For a protracted default the insurer pays after
 * the policy's waiting period (délai de carence) counted from the declaration; for a buyer under a
 * collective procedure the loss is established by the judgment, with no waiting period.
 */
import { addDays, daysBetween } from '../calendar.ts';
import { type InsurerCover, splitInsured } from '../credit/insurer-cover.ts';
import type { CurrencyCode, IsoDate } from '../types.ts';

export const INSURANCE_CLAIM_STATUSES = [
  'declared',
  'claim_filed',
  'indemnified',
  'rejected',
  'settled',
] as const;
export type InsuranceClaimStatus = (typeof INSURANCE_CLAIM_STATUSES)[number];

export interface InsurancePolicyTerms {
  /** Maximum days after the due date to declare the threatened loss. */
  threatenedLossDays: number;
  /** Days between the declaration and the indemnity for a protracted default. */
  waitingDays: number;
  /** How many days before the deadline an invoice is listed as approaching. */
  warningDays: number;
}

export function validatePolicyTerms(terms: InsurancePolicyTerms): string[] {
  const problems: string[] = [];
  if (
    !Number.isInteger(terms.threatenedLossDays) ||
    terms.threatenedLossDays < 1 ||
    terms.threatenedLossDays > 365
  )
    problems.push('threatened_loss_days_out_of_range');
  if (!Number.isInteger(terms.waitingDays) || terms.waitingDays < 0 || terms.waitingDays > 730)
    problems.push('waiting_days_out_of_range');
  if (!Number.isInteger(terms.warningDays) || terms.warningDays < 0 || terms.warningDays > 120)
    problems.push('warning_days_out_of_range');
  return problems;
}

/** The last day to declare: the due date plus the policy's days (the day itself still counts). */
export function threatenedLossDeadline(dueDate: IsoDate, threatenedLossDays: number): IsoDate {
  return addDays(dueDate, threatenedLossDays);
}

export type DeclarationState = 'not_yet' | 'approaching' | 'past';

export function declarationState(deadline: IsoDate, asOf: IsoDate, warningDays: number): DeclarationState {
  const daysLeft = daysBetween(asOf, deadline);
  if (daysLeft < 0) return 'past';
  return daysLeft <= warningDays ? 'approaching' : 'not_yet';
}

/** An overdue invoice of a covered buyer, with the declaration naming it if one was made. */
export interface DeclarableInvoice {
  ref: string;
  dueDate: IsoDate;
  openMinor: number;
  /** When a threatened loss naming it was declared; null: never. */
  declaredOn: IsoDate | null;
}

/** An invoice the cover no longer guarantees, and the day its declaration deadline passed. */
export interface LapsedInvoice {
  ref: string;
  openMinor: number;
  deadline: IsoDate;
}

/**
 * The invoices whose threatened loss was not declared by the policy's deadline at `asOf`: not
 * declared at all by then (a declaration dated later did not exist yet), or declared after the
 * deadline. The policy sanctions a late declaration with the loss of the guarantee on the debts
 * concerned (déchéance de garantie); an invoice declared in time stays guaranteed. Only positive
 * open amounts: a settled invoice carries no risk.
 */
export function lapsedInvoices(
  invoices: readonly DeclarableInvoice[],
  threatenedLossDays: number,
  asOf: IsoDate,
): LapsedInvoice[] {
  const lapsed: LapsedInvoice[] = [];
  for (const invoice of invoices) {
    if (invoice.openMinor <= 0) continue;
    const deadline = threatenedLossDeadline(invoice.dueDate, threatenedLossDays);
    if (declarationState(deadline, asOf, 0) !== 'past') continue;
    const declaredInTime =
      invoice.declaredOn !== null && invoice.declaredOn <= deadline && invoice.declaredOn <= asOf;
    if (!declaredInTime) lapsed.push({ ref: invoice.ref, openMinor: invoice.openMinor, deadline });
  }
  return lapsed;
}

/**
 * How many of a claim's invoices were declared after their deadline, so lost their guarantee. A
 * claim is judged on the invoices it declares: one lapsed invoice among several declared in time
 * does not make the whole declaration late.
 */
export function lateDeclaredCount(items: readonly { deadline: IsoDate }[], declaredOn: IsoDate): number {
  return items.filter((item) => item.deadline < declaredOn).length;
}

export interface InsuredClaim {
  outstandingMinor: number;
  /** Granted on the buyer while the cover is in force at the date, else 0. */
  grantedMinor: number;
  coveredMinor: number;
  insuredShareBps: number;
  /** min(granted, outstanding) × insured share, rounded half up to the minor unit. */
  insuredMinor: number;
  /** The company's own loss if nothing more is recovered. */
  uninsuredMinor: number;
}

/** `notGuaranteedMinor`: what of the outstanding is on invoices declared after their deadline. */
export function insuredClaim(
  outstandingMinor: number,
  currency: CurrencyCode,
  cover: InsurerCover | null,
  asOf: IsoDate,
  notGuaranteedMinor = 0,
): InsuredClaim {
  const split = splitInsured(outstandingMinor, currency, cover, asOf, notGuaranteedMinor);
  return {
    outstandingMinor,
    grantedMinor: split.grantedMinor,
    coveredMinor: split.coveredMinor,
    insuredShareBps: split.coverState === 'active' && cover ? cover.insuredShareBps : 0,
    insuredMinor: split.insuredMinor,
    uninsuredMinor: split.uninsuredMinor,
  };
}

/** When the insurer is expected to pay: after the waiting period, or at once under a collective procedure. */
export function indemnityExpectedOn(
  declaredOn: IsoDate,
  waitingDays: number,
  buyerInsolvent: boolean,
): IsoDate {
  return buyerInsolvent ? declaredOn : addDays(declaredOn, waitingDays);
}
