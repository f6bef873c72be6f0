/**
 * Credit-insurance cover of a buyer (agrément) and the split of an exposure into its insured and
 * uninsured parts. The insurer covers exposure up to the granted amount and pays the insured share
 * (quotité garantie, e.g. 90 %) of a loss on it; the rest — the share it never pays, and all
 * exposure beyond the granted amount — is the company's own risk. A cover counts only while it is
 * granted (fully or partly), started and not expired at `asOf`.
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
  /** Part of the exposure within the granted amount. */
  coveredMinor: number;
  /** What the insurer would pay: covered × insured share (rounded half up to the minor unit). */
  insuredMinor: number;
  /** Exposure − insured: the company's own risk. */
  uninsuredMinor: number;
  /** Exposure above the granted amount (0 when within cover), which raises an alert. */
  beyondCoverMinor: number;
}

/** Insured and uninsured parts of an exposure; a negative exposure (credit balance) has no risk. */
export function splitInsured(
  exposureMinor: number,
  currency: CurrencyCode,
  cover: InsurerCover | null,
  asOf: IsoDate,
): InsuredSplit {
  let state = coverState(cover, asOf);
  // A cover in another currency cannot be compared without a rate: the caller converts first.
  if (cover !== null && state === 'active' && cover.currency !== currency) state = 'other_currency';
  const atRiskMinor = Math.max(exposureMinor, 0);
  if (cover !== null && state === 'active') {
    const grantedMinor = Math.max(cover.grantedMinor, 0);
    const coveredMinor = Math.min(atRiskMinor, grantedMinor);
    const insuredMinor = Number(roundDiv(BigInt(coveredMinor) * BigInt(cover.insuredShareBps), 10_000n));
    return {
      coverState: state,
      grantedMinor,
      coveredMinor,
      insuredMinor,
      uninsuredMinor: exposureMinor - insuredMinor,
      beyondCoverMinor: atRiskMinor - coveredMinor,
    };
  }
  return {
    coverState: state,
    grantedMinor: 0,
    coveredMinor: 0,
    insuredMinor: 0,
    uninsuredMinor: exposureMinor,
    beyondCoverMinor: atRiskMinor,
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
