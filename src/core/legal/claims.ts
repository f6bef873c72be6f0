/**
 * The declaration of a claim in a collective procedure (Code de commerce L622-24 and R622-24):
 * the deadline counted from the BODACC publication of the opening judgment, and the amounts to
 * declare — the principal still open on the judgment date, the interest run up to that date
 * (the opening judgment stops interest running, L622-28), and the fixed recovery indemnity of each
 * invoice already late on that day (L441-10, D441-5: 40 €, owed once the due date has passed; none for
 * an invoice falling due after the judgment, which forbids paying it on its date). One total, the same
 * on the claims list, in the API and in the letter.
 */
import { addMonths, nextBusinessDay } from '../calendar.ts';
import {
  computeLateInterest,
  FIXED_RECOVERY_INDEMNITY_EUR_MINOR,
  type LateInterestResult,
  type LateInterestTerms,
  type Settlement,
} from '../dunning/late-interest.ts';
import { assertSafeMinor } from '../money.ts';

// Moved to the kernel calendar (dunning moves its step dates to business days too).
export { isFrenchPublicHoliday } from '../calendar.ts';

import type { CurrencyCode, IsoDate } from '../types.ts';

/** R622-24: two months from the publication; two more for a creditor outside metropolitan France. */
export const CLAIM_DEADLINE_MONTHS = 2;
export const CLAIM_DEADLINE_EXTRA_MONTHS_OUTSIDE_METROPOLE = 2;

/**
 * Code de procédure civile 641: a period in months ends on the day of the last month with the
 * same number as the publication day, or the month's last day when it has none (addMonths
 * clamps); 642: a period ending on a Saturday, Sunday or public holiday runs to the next working day.
 */
export function claimDeadline(publicationDate: IsoDate, creditorOutsideMetropole = false): IsoDate {
  const months =
    CLAIM_DEADLINE_MONTHS + (creditorOutsideMetropole ? CLAIM_DEADLINE_EXTRA_MONTHS_OUTSIDE_METROPOLE : 0);
  return nextBusinessDay(addMonths(publicationDate, months));
}

/**
 * The deadline of a claim whose BODACC publication is known, or — when only the judgment's date is
 * (a procedure known from the customer's status or story) — estimated from it: the publication
 * follows the judgment, so the estimate falls on or before the true deadline, never after.
 */
export function claimDeadlineFrom(
  dates: { judgmentDate: IsoDate; publicationDate: IsoDate | null },
  creditorOutsideMetropole = false,
): { deadline: IsoDate; estimated: boolean } {
  const from = dates.publicationDate ?? dates.judgmentDate;
  return {
    deadline: claimDeadline(from, creditorOutsideMetropole),
    estimated: dates.publicationDate === null,
  };
}

export interface ClaimItem {
  documentRef: string;
  dueDate: IsoDate;
  /** Still owed on the judgment date (TTC). */
  openMinor: number;
  /**
   * The invoice's amount and the payments that reduced it, so that the interest runs on what was
   * open in each period (as the dunning letters compute it); without it, on `openMinor` throughout.
   */
  interestBasis?: { amountMinor: number; settlements: readonly Settlement[] } | undefined;
}

export interface ClaimItemAmounts {
  documentRef: string;
  dueDate: IsoDate;
  openMinor: number;
  interestMinor: number;
  indemnityMinor: number;
}

export interface ClaimAmounts {
  currency: CurrencyCode;
  principalMinor: number;
  interestMinor: number;
  /** The 40 € indemnities of the invoices late on the judgment's day. */
  indemnityMinor: number;
  /** Principal + interest + indemnities: what the letter declares. */
  totalMinor: number;
  /** Secured claims (retention of title, guarantee…) are declared as such ("à titre privilégié"). */
  secured: boolean;
  /** Interest not computed because a half-year's rate is missing from the table. */
  interestStatus: 'computed' | 'not_claimed' | 'rate_missing';
  items: ClaimItemAmounts[];
}

/**
 * The recovery indemnity an invoice adds to the claim: 40 € when it was late on the judgment's day
 * (due before it) and is in euros (the decree fixes it in euros only); nothing otherwise.
 */
export function claimIndemnityMinor(dueDate: IsoDate, judgmentDate: IsoDate, currency: string): number {
  return dueDate < judgmentDate && currency === 'EUR' ? FIXED_RECOVERY_INDEMNITY_EUR_MINOR : 0;
}

/** The totals of a claim's items: principal (the watch's, net of credits), interest and indemnities. */
export function claimTotals(
  principalMinor: number,
  interestMinor: number,
  items: readonly { indemnityMinor: number }[],
): { indemnityMinor: number; totalMinor: number } {
  const indemnityMinor = assertSafeMinor(items.reduce((sum, item) => sum + item.indemnityMinor, 0));
  return { indemnityMinor, totalMinor: assertSafeMinor(principalMinor + interestMinor + indemnityMinor) };
}

export interface ClaimAmountsInput {
  judgmentDate: IsoDate;
  currency: CurrencyCode;
  items: readonly ClaimItem[];
  secured: boolean;
  /** Without terms (no rate table), only the principal is declared. */
  interestTerms?: LateInterestTerms | undefined;
}

export function claimAmounts(input: ClaimAmountsInput): ClaimAmounts {
  let interestStatus: ClaimAmounts['interestStatus'] = input.interestTerms ? 'computed' : 'not_claimed';
  const items = input.items
    .filter((item) => item.openMinor > 0)
    .map((item) => {
      let interestMinor = 0;
      if (input.interestTerms && item.dueDate < input.judgmentDate) {
        const result: LateInterestResult = computeLateInterest(
          {
            amountMinor: item.interestBasis?.amountMinor ?? item.openMinor,
            settlements: item.interestBasis?.settlements ?? [],
            dueDate: item.dueDate,
            asOf: input.judgmentDate,
          },
          input.interestTerms,
        );
        if (result.status === 'computed') interestMinor = result.interestMinor;
        else interestStatus = 'rate_missing';
      }
      return {
        documentRef: item.documentRef,
        dueDate: item.dueDate,
        openMinor: item.openMinor,
        interestMinor,
        indemnityMinor: claimIndemnityMinor(item.dueDate, input.judgmentDate, input.currency),
      };
    });
  // Interest is declared whole or not at all: a half-year without its rate leaves it undeclared.
  if ((interestStatus as ClaimAmounts['interestStatus']) === 'rate_missing')
    for (const item of items) item.interestMinor = 0;
  const principalMinor = assertSafeMinor(items.reduce((sum, item) => sum + item.openMinor, 0));
  const interestMinor = assertSafeMinor(items.reduce((sum, item) => sum + item.interestMinor, 0));
  return {
    currency: input.currency,
    principalMinor,
    interestMinor,
    ...claimTotals(principalMinor, interestMinor, items),
    secured: input.secured,
    interestStatus,
    items,
  };
}
