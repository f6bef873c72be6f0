/**
 * Hand-over of receivables to a lawyer or a collection agency (dossier contentieux): the steps a
 * partner reports, the phase each recovery falls in, and what the partner charges — a commission
 * by phase on the amounts it recovered (amicable, then judicial once an injunction or a suit is
 * filed) and fixed fees (one per file, one more once the file goes to court), plus the costs it
 * advanced (court fees, commissaire de justice). A recovery is the partner's report only: the
 * money reaches the ledger through the ordinary payment or bank import, never from here.
 */
import { roundDiv } from '../credit/rounding.ts';
import { assertSafeMinor } from '../money.ts';
import type { IsoDate } from '../types.ts';

export const PARTNER_KINDS = ['lawyer', 'agency'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** In the order a file usually goes through them; `withdrawn`: we took the file back. */
export const LEGAL_STEPS = [
  'received',
  'amicable',
  'injunction_filed',
  'injunction_order',
  'judgment',
  'enforcement',
  'closed',
  'withdrawn',
] as const;
export type LegalStep = (typeof LEGAL_STEPS)[number];

export type LegalPhase = 'amicable' | 'judicial';
const JUDICIAL_STEPS: ReadonlySet<LegalStep> = new Set([
  'injunction_filed',
  'injunction_order',
  'judgment',
  'enforcement',
]);

/** The terms agreed with the partner, copied onto each file when it is handed over. */
export interface PartnerTerms {
  amicableCommissionBps: number;
  judicialCommissionBps: number;
  /** Charged once per file handed over. */
  fileFeeMinor: number;
  /** Charged once when the file goes to court. */
  judicialFeeMinor: number;
}

export interface StepReport {
  step: LegalStep;
  date: IsoDate;
  /** Collected by the partner and reported with this step (to be forwarded to us). */
  recoveredMinor: number;
  /** Costs the partner advanced and re-invoices (court fees, commissaire de justice). */
  costsMinor: number;
  /** What the partner says the debtor still owes, when it says so. */
  partnerOutstandingMinor: number | null;
}

/** Problems of a partner's terms, as codes. */
export function validatePartnerTerms(terms: PartnerTerms): string[] {
  const problems: string[] = [];
  for (const bps of [terms.amicableCommissionBps, terms.judicialCommissionBps])
    if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) problems.push('commission_out_of_range');
  for (const fee of [terms.fileFeeMinor, terms.judicialFeeMinor])
    if (!Number.isSafeInteger(fee) || fee < 0) problems.push('fee_invalid');
  return [...new Set(problems)];
}

/** Reports in the order they happened (a stable sort: same-day reports keep their order). */
export function chronological<T extends { date: IsoDate }>(steps: readonly T[]): T[] {
  return [...steps].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Once a file has gone to court it stays judicial, whatever is reported after. */
export function phaseAt(steps: readonly Pick<StepReport, 'step' | 'date'>[], date: IsoDate): LegalPhase {
  return steps.some((s) => s.date <= date && JUDICIAL_STEPS.has(s.step)) ? 'judicial' : 'amicable';
}

export interface FileState {
  /** The latest step reported (null: nothing reported yet). */
  step: LegalStep | null;
  stepDate: IsoDate | null;
  phase: LegalPhase;
  /** Closed by the partner, or withdrawn by us. */
  closedOn: IsoDate | null;
  withdrawn: boolean;
}

export function fileState(steps: readonly Pick<StepReport, 'step' | 'date'>[], asOf: IsoDate): FileState {
  const known = chronological(steps.filter((s) => s.date <= asOf));
  const last = known.at(-1) ?? null;
  const closing = known.find((s) => s.step === 'closed' || s.step === 'withdrawn') ?? null;
  return {
    step: last?.step ?? null,
    stepDate: last?.date ?? null,
    phase: phaseAt(known, asOf),
    closedOn: closing?.date ?? null,
    withdrawn: closing?.step === 'withdrawn',
  };
}

export interface PartnerCharges {
  recoveredMinor: number;
  amicableRecoveredMinor: number;
  judicialRecoveredMinor: number;
  amicableCommissionMinor: number;
  judicialCommissionMinor: number;
  commissionMinor: number;
  fixedFeesMinor: number;
  costsMinor: number;
  /** Commission + fixed fees + costs (excluding VAT). */
  totalChargesMinor: number;
  /** What the partner owes us once it keeps its charges (negative: we owe the partner). */
  netToForwardMinor: number;
}

const commissionOf = (amountMinor: number, bps: number) =>
  assertSafeMinor(Number(roundDiv(BigInt(amountMinor) * BigInt(bps), 10_000n)));

/**
 * The partner's charges on the reports dated up to `asOf`: each recovery bears the commission of
 * the phase the file was in on its date, rounded once per phase (half up, to the cent).
 */
export function partnerCharges(
  terms: PartnerTerms,
  steps: readonly StepReport[],
  asOf: IsoDate,
): PartnerCharges {
  const known = chronological(steps.filter((s) => s.date <= asOf));
  let amicableRecoveredMinor = 0;
  let judicialRecoveredMinor = 0;
  let costsMinor = 0;
  for (const step of known) {
    if (phaseAt(known, step.date) === 'judicial') judicialRecoveredMinor += step.recoveredMinor;
    else amicableRecoveredMinor += step.recoveredMinor;
    costsMinor += step.costsMinor;
  }
  const amicableCommissionMinor = commissionOf(amicableRecoveredMinor, terms.amicableCommissionBps);
  const judicialCommissionMinor = commissionOf(judicialRecoveredMinor, terms.judicialCommissionBps);
  const commissionMinor = amicableCommissionMinor + judicialCommissionMinor;
  const wentToCourt = phaseAt(known, asOf) === 'judicial';
  const fixedFeesMinor = terms.fileFeeMinor + (wentToCourt ? terms.judicialFeeMinor : 0);
  const recoveredMinor = assertSafeMinor(amicableRecoveredMinor + judicialRecoveredMinor);
  const totalChargesMinor = assertSafeMinor(commissionMinor + fixedFeesMinor + costsMinor);
  return {
    recoveredMinor,
    amicableRecoveredMinor,
    judicialRecoveredMinor,
    amicableCommissionMinor,
    judicialCommissionMinor,
    commissionMinor,
    fixedFeesMinor,
    costsMinor: assertSafeMinor(costsMinor),
    totalChargesMinor,
    netToForwardMinor: recoveredMinor - totalChargesMinor,
  };
}
