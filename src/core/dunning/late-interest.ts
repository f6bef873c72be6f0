/**
 * French late-payment interest (C. com. L441-10 II) and the fixed recovery indemnity (D441-5),
 * as `shared/docs/reference/french-payment-rules.md` §1, §2 and §5 state them: each day of delay,
 * from the day after the due date up to and including the payment date (or the as-of date), carries
 * the rate of the half-year it falls in, on the TTC amount still open that day; a year counts 365
 * days; the sum is rounded once, half up, to the minor unit.
 */
import { addDays, daysBetween, maxDate } from '../calendar.ts';
import { assertSafeMinor } from '../money.ts';
import type { CurrencyCode, IsoDate } from '../types.ts';
import {
  findSemesterRate,
  nextSemesterStart,
  type SemesterKey,
  type SemesterRateRow,
  semesterOf,
} from './semesters.ts';

/** "+ 10 points" over the ECB rate (L441-10 II). */
export const LEGAL_MARGIN_BPS = 1000;
/** A contractual rate may not be below 3 × the taux d'intérêt légal (L441-10 II). */
export const LEGAL_FLOOR_MULTIPLIER = 3;
/** The reference's formula divides by 365, leap years included. */
export const DAYS_PER_YEAR = 365;
/** D441-5: 40 euros per late invoice. */
export const FIXED_RECOVERY_INDEMNITY_EUR_MINOR = 4000;

/** Which clause a customer's terms use; the number itself comes from the rate table each half-year. */
export type InterestRateClause =
  | { kind: 'legal' }
  | { kind: 'contractual_fixed'; annualRateBps: number }
  | { kind: 'contractual_ecb_plus'; marginBps: number };

/**
 * `split_by_semester` is the default of the reference (§5); the two single-rate variants some
 * practitioners use are a company setting: the half-year of the due date, or of the last day of delay.
 */
export const RATE_MODES = ['split_by_semester', 'due_date_semester', 'end_semester'] as const;
export type RateMode = (typeof RATE_MODES)[number];

export interface LateInterestTerms {
  rates: readonly SemesterRateRow[];
  clause: InterestRateClause;
  mode: RateMode;
}

/** Anything that reduces the invoice's open amount on a date (payment, credit note); negative = reversal. */
export interface Settlement {
  date: IsoDate;
  amountMinor: number;
}

export interface LateInterestInput {
  /** TTC amount owed on the due date, before any of `settlements`. */
  amountMinor: number;
  dueDate: IsoDate;
  asOf: IsoDate;
  settlements?: readonly Settlement[];
  /** Count only the days after this date (interest already claimed up to it); default: the due date. */
  accruedAfter?: IsoDate;
}

export type RateBasis = 'legal' | 'contractual' | 'legal_floor';

/** Days with one open amount and one rate. `from` and `to` are both included. */
export interface InterestPeriod {
  from: IsoDate;
  to: IsoDate;
  days: number;
  openMinor: number;
  semester: SemesterKey;
  rateBps: number;
  rateBasis: RateBasis;
}

export type LateInterestResult =
  | { status: 'computed'; interestMinor: number; daysLate: number; periods: InterestPeriod[] }
  | { status: 'rate_missing'; daysLate: number; missingSemesters: SemesterKey[] };

interface OpenSegment {
  from: IsoDate;
  to: IsoDate;
  openMinor: number;
}

/**
 * Splits the days in (after, asOf] into runs of one half-year and one open amount. A settlement
 * dated P still leaves its amount owed on day P (the payment day is a day of delay) and reduces
 * the open amount from P + 1. Days with nothing open are left out.
 */
function openSegments(input: LateInterestInput, after: IsoDate): OpenSegment[] {
  const first = addDays(after, 1);
  if (first > input.asOf) return [];
  const settlements = input.settlements ?? [];
  const breaks = new Set<IsoDate>([first]);
  for (let start = nextSemesterStart(first); start <= input.asOf; start = nextSemesterStart(start)) {
    breaks.add(start);
  }
  for (const settlement of settlements) {
    const effective = addDays(settlement.date, 1);
    if (effective > first && effective <= input.asOf) breaks.add(effective);
  }
  const starts = [...breaks].sort();
  const segments: OpenSegment[] = [];
  starts.forEach((from, index) => {
    const next = starts[index + 1];
    const to = next === undefined ? input.asOf : addDays(next, -1);
    const settledMinor = settlements.reduce((sum, s) => (s.date < from ? sum + s.amountMinor : sum), 0);
    const openMinor = input.amountMinor - settledMinor;
    if (openMinor > 0) segments.push({ from, to, openMinor });
  });
  return segments;
}

interface ResolvedRate {
  rateBps: number;
  rateBasis: RateBasis;
}

/** The legal rate has no floor; a contractual one is raised to 3 × the legal rate when below it. */
function resolveRate(
  rates: readonly SemesterRateRow[],
  clause: InterestRateClause,
  semester: SemesterKey,
): ResolvedRate | null {
  const row = findSemesterRate(rates, semester);
  if (!row) return null;
  if (clause.kind === 'legal') {
    return { rateBps: row.ecbMainRefinancingRateBps + LEGAL_MARGIN_BPS, rateBasis: 'legal' };
  }
  if (row.legalInterestRateBps === null) return null;
  const floorBps = LEGAL_FLOOR_MULTIPLIER * row.legalInterestRateBps;
  const agreedBps =
    clause.kind === 'contractual_fixed'
      ? clause.annualRateBps
      : row.ecbMainRefinancingRateBps + clause.marginBps;
  return agreedBps >= floorBps
    ? { rateBps: agreedBps, rateBasis: 'contractual' }
    : { rateBps: floorBps, rateBasis: 'legal_floor' };
}

/** numerator / denominator rounded half up, for numerator ≥ 0 and denominator > 0. */
function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

function checkInput(input: LateInterestInput): void {
  assertSafeMinor(input.amountMinor);
  for (const settlement of input.settlements ?? []) assertSafeMinor(settlement.amountMinor);
}

export function computeLateInterest(input: LateInterestInput, terms: LateInterestTerms): LateInterestResult {
  checkInput(input);
  const delay = openSegments(input, input.dueDate);
  const lastDay = delay.at(-1)?.to;
  const daysLate = lastDay === undefined ? 0 : daysBetween(input.dueDate, lastDay);
  const after = input.accruedAfter === undefined ? input.dueDate : maxDate(input.dueDate, input.accruedAfter);
  // Nothing accrued before: the same days as the delay's. Split once (the planner's hottest path
  // when old invoices are open: two thirds of its time went to splitting dates).
  const segments = after === input.dueDate ? delay : openSegments(input, after);
  const semesterFor = (segment: OpenSegment): SemesterKey => {
    if (terms.mode === 'due_date_semester') return semesterOf(input.dueDate);
    if (terms.mode === 'end_semester') return semesterOf(lastDay ?? input.asOf);
    return semesterOf(segment.from);
  };
  const periods: InterestPeriod[] = [];
  const missing = new Set<SemesterKey>();
  for (const segment of segments) {
    const semester = semesterFor(segment);
    const rate = resolveRate(terms.rates, terms.clause, semester);
    if (!rate) {
      missing.add(semester);
      continue;
    }
    const days = daysBetween(segment.from, segment.to) + 1;
    periods.push({ ...segment, days, semester, ...rate });
  }
  if (missing.size > 0) return { status: 'rate_missing', daysLate, missingSemesters: [...missing].sort() };
  const numerator = periods.reduce(
    (sum, p) => sum + BigInt(p.openMinor) * BigInt(p.rateBps) * BigInt(p.days),
    0n,
  );
  const interestMinor = Number(divideRoundHalfUp(numerator, 10_000n * BigInt(DAYS_PER_YEAR)));
  return { status: 'computed', interestMinor: assertSafeMinor(interestMinor), daysLate, periods };
}

export type IndemnityResult =
  | { status: 'due'; amountMinor: number; currency: 'EUR' }
  | { status: 'not_due'; reason: 'not_late' | 'insolvency_proceedings' | 'currency_not_eur' };

export interface IndemnityInput {
  /** From `computeLateInterest`: > 0 once the invoice has been open after its due date. */
  daysLate: number;
  currency: CurrencyCode;
  /** A safeguard, receivership or liquidation judgment forbids paying the debt at its due date. */
  debtorInInsolvency: boolean;
  /** The decree's figure, in EUR minor units; a parameter only because a decree can change it. */
  indemnityEurMinor?: number;
}

/**
 * The fixed recovery indemnity of one invoice: once per late invoice, however many reminders
 * restate it, and owed even when the invoice was paid late. It is a euro amount: for an invoice in
 * another currency it is not added to that invoice's figures.
 */
export function recoveryIndemnity(input: IndemnityInput): IndemnityResult {
  if (input.daysLate <= 0) return { status: 'not_due', reason: 'not_late' };
  if (input.debtorInInsolvency) return { status: 'not_due', reason: 'insolvency_proceedings' };
  if (input.currency.toUpperCase() !== 'EUR') return { status: 'not_due', reason: 'currency_not_eur' };
  const amountMinor = input.indemnityEurMinor ?? FIXED_RECOVERY_INDEMNITY_EUR_MINOR;
  return { status: 'due', amountMinor: assertSafeMinor(amountMinor), currency: 'EUR' };
}

/** What a dunning step claims for one invoice. */
export interface InvoiceClaim {
  interest: LateInterestResult | { status: 'not_claimed' };
  indemnity: IndemnityResult | { status: 'not_claimed' };
}

export function claimForInvoice(
  input: LateInterestInput & { currency: CurrencyCode; debtorInInsolvency: boolean },
  terms: LateInterestTerms,
  step: { claimInterest: boolean; claimIndemnity: boolean },
): InvoiceClaim {
  const computed = computeLateInterest(input, terms);
  const indemnity = step.claimIndemnity
    ? recoveryIndemnity({
        daysLate: computed.daysLate,
        currency: input.currency,
        debtorInInsolvency: input.debtorInInsolvency,
      })
    : ({ status: 'not_claimed' } as const);
  return { interest: step.claimInterest ? computed : { status: 'not_claimed' }, indemnity };
}
