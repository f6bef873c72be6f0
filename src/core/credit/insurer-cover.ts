/**
 * Credit-insurance cover of a buyer (agrément) and the split of an exposure into its insured and
 * uninsured parts. The insurer covers exposure up to the granted amount and pays the insured share
 * (quotité garantie, e.g. 90 %) of a loss on it; the rest — the share it never pays, and all
 * exposure beyond the granted amount — is the company's own risk. A cover counts only while it is
 * granted (fully or partly), started and not expired at `asOf`.
 *
 * A cover in force still leaves out the invoices it no longer guarantees: those whose threatened
 * loss was not declared by the policy's deadline (`lapsedInvoices` in core/legal/insurance-claims).
 * French credit-insurance policies sanction a late declaration with the loss of the guarantee on
 * the debts concerned (déchéance de garantie), not with the end of the cover on the buyer, which
 * stays in force for the rest of its exposure — so the insurable exposure is the exposure less
 * those invoices, and the granted amount applies to what remains.
 */
import type { CurrencyCode, IsoDate } from '../types.ts';
import type { Problem } from './reason.ts';
import { roundDiv } from './rounding.ts';

export const COVER_STATUSES = ['requested', 'granted', 'partial', 'refused', 'cancelled'] as const;
export type CoverStatus = (typeof COVER_STATUSES)[number];

export interface InsurerCover {
  insurer: string;
  status: CoverStatus;
  /** Amount granted (for 'partial', what was granted out of what was requested). */
  grantedMinor: number;
  currency: CurrencyCode;
  /** Quotité garantie, e.g. 9 000 = 90 %. */
  insuredShareBps: number;
  effectiveFrom: IsoDate | null;
  /** Last day covered; null = open-ended. */
  expiresOn: IsoDate | null;
}

export type CoverState =
  | 'none'
  | 'active'
  | 'pending'
  | 'not_started'
  | 'expired'
  | 'refused'
  | 'cancelled'
  | 'other_currency';

export function coverState(cover: InsurerCover | null, asOf: IsoDate): CoverState {
  if (cover === null) return 'none';
  if (cover.status === 'requested') return 'pending';
  if (cover.status === 'refused') return 'refused';
  if (cover.status === 'cancelled') return 'cancelled';
  if (cover.expiresOn !== null && cover.expiresOn < asOf) return 'expired';
  if (cover.effectiveFrom !== null && cover.effectiveFrom > asOf) return 'not_started';
  return 'active';
}

/** A recorded version of a buyer's cover and the day it stands from (effective, else recorded). */
export interface CoverVersion {
  inForceFrom: IsoDate;
  cover: InsurerCover;
}

/**
 * The version standing on the day, from versions in the order they were recorded: the latest one
 * whose day has come — a renewal or a cancellation recorded ahead of its date does not replace the
 * version in force before it. The database's `coversAsOf` reads by the same rule.
 */
export function coverOn(versions: readonly CoverVersion[], day: IsoDate): InsurerCover | null {
  let standing: InsurerCover | null = null;
  for (const version of versions) if (version.inForceFrom <= day) standing = version.cover;
  return standing;
}

export interface InsuredSplit {
  coverState: CoverState;
  /** Granted amount while the cover is active, else 0. */
  grantedMinor: number;
  /**
   * Part of the exposure on invoices the active cover no longer guarantees (threatened loss not
   * declared in time), left out of the covered part; 0 without an active cover.
   */
  notGuaranteedMinor: number;
  /** Part of the exposure within the granted amount. */
  coveredMinor: number;
  /** What the insurer would pay: covered × insured share (rounded half up to the minor unit). */
  insuredMinor: number;
  /** Exposure − insured: the company's own risk. */
  uninsuredMinor: number;
  /**
   * Insurable exposure above the granted amount (0 when within cover), which raises an alert; with
   * no active cover, the whole positive exposure.
   */
  beyondCoverMinor: number;
}

/**
 * Insured and uninsured parts of an exposure; a negative exposure (credit balance) has no risk.
 * `notGuaranteedMinor`: the open amount of the invoices the cover no longer guarantees, taken off
 * the exposure before the granted amount applies.
 */
export function splitInsured(
  exposureMinor: number,
  currency: CurrencyCode,
  cover: InsurerCover | null,
  asOf: IsoDate,
  notGuaranteedMinor = 0,
): InsuredSplit {
  let state = coverState(cover, asOf);
  // A cover in another currency cannot be compared without a rate: the caller converts first.
  if (cover !== null && state === 'active' && cover.currency !== currency) state = 'other_currency';
  const atRiskMinor = Math.max(exposureMinor, 0);
  if (cover !== null && state === 'active') {
    const grantedMinor = Math.max(cover.grantedMinor, 0);
    const lapsedMinor = Math.min(Math.max(notGuaranteedMinor, 0), atRiskMinor);
    const insurableMinor = atRiskMinor - lapsedMinor;
    const coveredMinor = Math.min(insurableMinor, grantedMinor);
    const insuredMinor = Number(roundDiv(BigInt(coveredMinor) * BigInt(cover.insuredShareBps), 10_000n));
    return {
      coverState: state,
      grantedMinor,
      notGuaranteedMinor: lapsedMinor,
      coveredMinor,
      insuredMinor,
      uninsuredMinor: exposureMinor - insuredMinor,
      beyondCoverMinor: insurableMinor - coveredMinor,
    };
  }
  return {
    coverState: state,
    grantedMinor: 0,
    notGuaranteedMinor: 0,
    coveredMinor: 0,
    insuredMinor: 0,
    uninsuredMinor: exposureMinor,
    beyondCoverMinor: atRiskMinor,
  };
}

/**
 * The insured split of a group: each member's own split added up. A buyer cover insures one legal
 * entity (the insurer grants it on a SIREN), so each member's cover applies to that member's
 * exposure; the parent's cover, if any, is the parent's as a member. The state is active when
 * any member's cover is.
 */
export function sumInsuredSplits(splits: readonly InsuredSplit[]): InsuredSplit {
  const add = (pick: (split: InsuredSplit) => number) => splits.reduce((sum, s) => sum + pick(s), 0);
  const states = splits.map((split) => split.coverState);
  return {
    coverState: states.includes('active') ? 'active' : (states.find((state) => state !== 'none') ?? 'none'),
    grantedMinor: add((s) => s.grantedMinor),
    notGuaranteedMinor: add((s) => s.notGuaranteedMinor),
    coveredMinor: add((s) => s.coveredMinor),
    insuredMinor: add((s) => s.insuredMinor),
    uninsuredMinor: add((s) => s.uninsuredMinor),
    beyondCoverMinor: add((s) => s.beyondCoverMinor),
  };
}

/** Problems of a cover record (codes with the field concerned). */
export function validateCover(cover: InsurerCover): Problem[] {
  const problems: Problem[] = [];
  if (!Number.isSafeInteger(cover.grantedMinor) || cover.grantedMinor < 0) {
    problems.push({ code: 'granted_amount_invalid', params: { grantedMinor: cover.grantedMinor } });
  }
  if (
    !Number.isInteger(cover.insuredShareBps) ||
    cover.insuredShareBps < 0 ||
    cover.insuredShareBps > 10_000
  ) {
    problems.push({ code: 'insured_share_out_of_range', params: { insuredShareBps: cover.insuredShareBps } });
  }
  if (cover.effectiveFrom !== null && cover.expiresOn !== null && cover.expiresOn < cover.effectiveFrom) {
    problems.push({
      code: 'cover_expires_before_start',
      params: { effectiveFrom: cover.effectiveFrom, expiresOn: cover.expiresOn },
    });
  }
  return problems;
}
