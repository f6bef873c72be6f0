/**
 * The run review's pure part: the shapes the preview carries beyond types.ts (interest status,
 * the incomplete flag, credits), a step's readable name, the semesters an action's missing
 * interest falls in, per-step totals (the grand total is RunTotalsModel.ts), the filters (of the
 * actions and of the invoices skipped), the credits an action deducts, the two texts a person
 * types here (a date in the UI's format, a rate in %) and the rates form's draft. Kept apart from
 * the page so tests read it without a browser.
 */
import { addDays } from '../../../../src/core/calendar.ts';
import { parseSemester } from '../../../../src/core/dunning/semesters.ts';
import type { Lang } from '../../../../src/text/catalogue.ts';
import type { RaisedBy } from '../../../../src/text/dunning-raised.ts';
import type { DeductedCredit, RunAction, RunView } from './types.ts';

export interface ReviewItem {
  documentRef: string;
  dueDate: string;
  daysLate: number;
  openMinor: number;
  interestMinor: number | null;
  interestStatus?: string;
  /** A planned invoice past the step after its last one: why (the account's notice, a catch-up). */
  raisedBy?: RaisedBy;
}
export interface ReviewAction extends Omit<RunAction, 'items'> {
  level?: number;
  interestIncomplete?: boolean;
  /** Unapplied credits deducted from the total due (the API always gives it). */
  creditsMinor?: number;
  items: ReviewItem[];
}
export interface ReviewView extends Omit<RunView, 'actions'> {
  actions: ReviewAction[];
}
export interface RateRow {
  semester: string;
  ecbRateBps: number;
  legalInterestRateBps: number | null;
  source: string;
}

/** The late-payment penalty rate is the ECB rate plus 10 points (C. com. L441-10). */
export const PENALTY_MARGIN_BPS = 1000;

/**
 * One key per action: a customer has at most one action per channel, currency and step (a courtesy
 * e-mail for what is not yet due goes beside the e-mail reminding what is overdue).
 */
export const actionKey = (a: { customerCode: string; channel: string; currency: string; step: string }) =>
  `${a.customerCode}|${a.channel}|${a.currency}|${a.step}`;

/** A step's readable name and number: one function for the run review and the command line. */
export { stepName, stepNumber } from '../../../../src/text/dunning-step-name.ts';

/** `2026-07-01` → `2026H2`. */
export const semesterOf = (isoDate: string) =>
  `${isoDate.slice(0, 4)}H${Number(isoDate.slice(5, 7)) <= 6 ? 1 : 2}`;

/** The semesters from a day to another, both included, in order. */
export function semestersBetween(from: string, to: string): string[] {
  const found: string[] = [];
  for (let day = from; day <= to; ) {
    const semester = semesterOf(day);
    found.push(semester);
    const year = Number(semester.slice(0, 4));
    day = semester.endsWith('H1') ? `${year}-07-01` : `${year + 1}-01-01`;
  }
  return found;
}

/**
 * The semesters without a rate over which an action's items run late (the day after the due date
 * to the run date), the ones a `rate_missing` interest needs. With a single-rate company setting the
 * computation needs only one of them: listing all the days' semesters still names the one missing.
 */
export function missingSemesters(
  actions: readonly ReviewAction[],
  asOf: string,
  rates: readonly RateRow[],
): string[] {
  const known = new Set(rates.map((r) => r.semester));
  const missing = new Set<string>();
  for (const action of actions)
    for (const item of action.items)
      if (item.interestStatus === 'rate_missing')
        for (const semester of semestersBetween(addDays(item.dueDate, 1), asOf))
          if (!known.has(semester)) missing.add(semester);
  return [...missing].sort();
}

export const lacksRate = (a: ReviewAction) =>
  a.interestIncomplete === true || a.items.some((i) => i.interestStatus === 'rate_missing');

export interface StepTotal {
  step: string;
  action: ReviewAction;
  count: number;
  totalsByCurrency: Map<string, number>;
}

/** Count and amount due per step, in the policy's order of levels then by code. */
export function stepTotals(actions: readonly ReviewAction[]): StepTotal[] {
  const byStep = new Map<string, StepTotal>();
  for (const action of actions) {
    const total = byStep.get(action.step) ?? {
      step: action.step,
      action,
      count: 0,
      totalsByCurrency: new Map<string, number>(),
    };
    total.count += 1;
    total.totalsByCurrency.set(
      action.currency,
      (total.totalsByCurrency.get(action.currency) ?? 0) + action.totalDueMinor,
    );
    byStep.set(action.step, total);
  }
  return [...byStep.values()].sort(
    (a, b) => (a.action.level ?? 0) - (b.action.level ?? 0) || a.step.localeCompare(b.step),
  );
}

export interface ReviewFilter {
  step: string | null;
  channel: string | null;
  search: string;
}

/** Whether a customer is one the filter's search names, by part of its name or code. */
function namesCustomer(search: string, row: { customerCode: string; customerName: string | null }): boolean {
  const needle = search.trim().toLocaleLowerCase();
  return (
    needle === '' ||
    (row.customerName ?? '').toLocaleLowerCase().includes(needle) ||
    row.customerCode.toLocaleLowerCase().includes(needle)
  );
}

export function filterActions(actions: readonly ReviewAction[], filter: ReviewFilter): ReviewAction[] {
  return actions.filter(
    (a) =>
      (filter.step === null || a.step === filter.step) &&
      (filter.channel === null || a.channel === filter.channel) &&
      namesCustomer(filter.search, a),
  );
}

/**
 * The invoices a run skips, of the customers the filter names. Only the customer counts: a skipped
 * invoice has no step or channel of the run, it was left out before either was chosen.
 */
export function filterSkipped<T extends { customerCode: string; customerName: string | null }>(
  skipped: readonly T[],
  filter: Pick<ReviewFilter, 'search'>,
): T[] {
  return skipped.filter((s) => namesCustomer(filter.search, s));
}

/** The run's credits by customer, each customer's list as the preview carries it once. */
export function creditsByCustomer(
  deducted: readonly { customerCode: string; credits: readonly DeductedCredit[] }[] | undefined,
): ReadonlyMap<string, readonly DeductedCredit[]> {
  return new Map((deducted ?? []).map((entry) => [entry.customerCode, entry.credits]));
}

/**
 * The credits an action deducts, from those the run deducts from its customer: the ones in the
 * action's currency, oldest first. The planner deducts all of them, so they add up to the action's
 * `creditsMinor`; null when they do not (an answer without them), so that the page never lists
 * credits the run did not deduct.
 */
export function deductedCredits(
  customerCredits: readonly DeductedCredit[],
  action: { currency: string; creditsMinor?: number },
): DeductedCredit[] | null {
  const credits = customerCredits
    .filter((credit) => credit.openMinor < 0 && credit.currency === action.currency)
    .sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.documentRef.localeCompare(b.documentRef));
  const total = credits.reduce((sum, credit) => sum - credit.openMinor, 0);
  return total === (action.creditsMinor ?? 0) ? credits : null;
}

/** The customers to send to: the run's selection is by customer (the use case's `customerCodes`). */
export function selectedCustomers(actions: readonly ReviewAction[], selected: ReadonlySet<string>): string[] {
  return [...new Set(actions.filter((a) => selected.has(actionKey(a))).map((a) => a.customerCode))].sort();
}

/** « 30/04/2026 » (both UI languages write day/month/year) → `2026-04-30`; null when not a date. */
export function parseDisplayDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}`;
  const day = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** « 2,15 » or « 2.15 » (%) → 215 basis points; null when not a rate of at most two decimals. */
export function percentToBps(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 215 → « 2,15 » in French, « 2.15 » in English: the same digits a person types. */
export function bpsToPercentText(bps: number, lang: 'fr' | 'en'): string {
  const text = `${Math.trunc(bps / 100)}.${String(bps % 100).padStart(2, '0')}`;
  return lang === 'fr' ? text.replace('.', ',') : text;
}

/** The rates form's fields as typed (RateForm.tsx). */
export interface Draft {
  semester: string;
  ecb: string;
  legal: string;
  source: string;
}

export const EMPTY_DRAFT: Draft = { semester: '', ecb: '', legal: '', source: '' };

/** A saved half-year as the form shows it: its rates in the reader's % (« 2,15 »), its source. */
export function draftOf(row: RateRow, lang: Lang): Draft {
  return {
    semester: row.semester,
    ecb: bpsToPercentText(row.ecbRateBps, lang),
    legal: row.legalInterestRateBps === null ? '' : bpsToPercentText(row.legalInterestRateBps, lang),
    source: row.source,
  };
}

/**
 * The draft once the half-year reads `text`: when it comes to name a half-year of the table (it did
 * not before), that half-year's saved rates and source, the text kept as typed. When it leaves one
 * whose saved figures the form still shows untouched, they go too: a new half-year would otherwise
 * be saved with another's source. Otherwise only the text changes.
 */
export function withSemesterText(draft: Draft, text: string, rows: readonly RateRow[], lang: Lang): Draft {
  const semester = parseSemester(text);
  const previous = parseSemester(draft.semester);
  if (semester === previous) return { ...draft, semester: text };
  const saved = rows.find((row) => row.semester === semester);
  if (saved) return { ...draftOf(saved, lang), semester: text };
  const left = rows.find((row) => row.semester === previous);
  const shown = left && draftOf(left, lang);
  const untouched =
    shown !== undefined &&
    shown.ecb === draft.ecb &&
    shown.legal === draft.legal &&
    shown.source === draft.source;
  return untouched ? { ...EMPTY_DRAFT, semester: text } : { ...draft, semester: text };
}
