/**
 * Pure ledger rules: document signs, open amounts, allocation (lettrage) checks and plans.
 * The database stores documents and allocations; these functions define what is allowed.
 *
 * Signs: debits (invoice, bounced payment, debit adjustment) have a positive amount, credits
 * (credit note, payment, write-off, credit adjustment) a negative one. An allocation matches a
 * credit to a debit for a positive amount; allocations are append-only and a reversal is a new
 * row with the opposite amount that points to the allocation it cancels.
 */
import { isValidIsoDate } from '../calendar.ts';
import { isCurrencyCode } from '../money.ts';
import { type CurrencyCode, DOCUMENT_KINDS, type DocumentKind, type IsoDate } from '../types.ts';

export type LedgerSide = 'debit' | 'credit';

export interface LedgerDoc {
  id: number;
  kind: DocumentKind;
  customerCode: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amountMinor: number;
  currency: CurrencyCode;
}

export interface AllocationRecord {
  id: number;
  debitId: number;
  creditId: number;
  /** Positive for an allocation, negative for the reversal of one. */
  amountMinor: number;
  allocationDate: IsoDate;
  /** Id of the allocation this row cancels; null for an ordinary allocation. */
  reversesId: number | null;
}

const KIND_SIGNS: Readonly<Record<DocumentKind, 1 | -1 | 0>> = {
  invoice: 1,
  bounced_payment: 1,
  credit_note: -1,
  payment: -1,
  write_off: -1,
  // An adjustment goes either way; the sign of its amount decides.
  adjustment: 0,
};

/** 1 = always a debit, -1 = always a credit, 0 = either (adjustment). */
export function expectedSign(kind: DocumentKind): 1 | -1 | 0 {
  return KIND_SIGNS[kind];
}

/** True for kinds that are always debits (an adjustment is neither always-debit nor always-credit). */
export function isDebitKind(kind: DocumentKind): boolean {
  return KIND_SIGNS[kind] === 1;
}

export function isCreditKind(kind: DocumentKind): boolean {
  return KIND_SIGNS[kind] === -1;
}

/**
 * Signed amount of a document of `kind` for an unsigned amount. Throws for an adjustment, whose
 * direction cannot be inferred, and for a negative input, which would hide a data error
 * (a negative "invoice" is really a credit note).
 */
export function signedAmountFor(kind: DocumentKind, absoluteMinor: number): number {
  if (!Number.isSafeInteger(absoluteMinor) || absoluteMinor < 0) {
    throw new RangeError(`expected a non-negative whole number of minor units, got ${absoluteMinor}`);
  }
  const sign = KIND_SIGNS[kind];
  if (sign === 0) throw new RangeError(`the sign of a ${kind} cannot be inferred from its kind`);
  return absoluteMinor === 0 ? 0 : sign * absoluteMinor;
}

/** Which side a document is on, from its amount; null for a zero amount or a sign contrary to its kind. */
export function documentSide(doc: Pick<LedgerDoc, 'kind' | 'amountMinor'>): LedgerSide | null {
  if (doc.amountMinor === 0) return null;
  const sign = doc.amountMinor > 0 ? 1 : -1;
  if (KIND_SIGNS[doc.kind] === -sign) return null;
  return sign === 1 ? 'debit' : 'credit';
}

/** Violations of the document rules (empty = ok). Zero amounts are allowed but never allocatable. */
export function checkDocument(doc: LedgerDoc): string[] {
  const violations: string[] = [];
  const label = `document ${doc.id}`;
  if (!Number.isSafeInteger(doc.id)) violations.push(`${label}: id must be a whole number`);
  if (!DOCUMENT_KINDS.includes(doc.kind))
    violations.push(`${label}: unknown kind ${JSON.stringify(doc.kind)}`);
  if (doc.customerCode.trim() === '') violations.push(`${label}: missing customer code`);
  if (!isCurrencyCode(doc.currency))
    violations.push(`${label}: invalid currency ${JSON.stringify(doc.currency)}`);
  if (!Number.isSafeInteger(doc.amountMinor)) {
    violations.push(`${label}: amount must be a whole number of minor units`);
  } else if (doc.amountMinor !== 0 && DOCUMENT_KINDS.includes(doc.kind) && documentSide(doc) === null) {
    violations.push(`${label}: a ${doc.kind} cannot have amount ${doc.amountMinor}`);
  }
  const datesValid = isValidIsoDate(doc.issueDate) && isValidIsoDate(doc.dueDate);
  if (!datesValid) violations.push(`${label}: invalid issue or due date`);
  else if (doc.dueDate < doc.issueDate) violations.push(`${label}: due date before issue date`);
  return violations;
}

export function touches(allocation: AllocationRecord, docId: number): boolean {
  return allocation.debitId === docId || allocation.creditId === docId;
}

/**
 * Open amount of a document as of `asOf` (same sign as the document, moving toward 0).
 * A document not yet issued on `asOf` has nothing open.
 */
export function openAmountAsOf(
  doc: LedgerDoc,
  allocationsTouchingDoc: readonly AllocationRecord[],
  asOf: IsoDate,
): number {
  if (asOf < doc.issueDate) return 0;
  let allocatedMinor = 0;
  for (const allocation of allocationsTouchingDoc) {
    if (touches(allocation, doc.id) && allocation.allocationDate <= asOf)
      allocatedMinor += allocation.amountMinor;
  }
  return doc.amountMinor >= 0 ? doc.amountMinor - allocatedMinor : doc.amountMinor + allocatedMinor;
}

/**
 * Smallest unsigned open amount of `doc` at any date on or after `fromDate`: how much a new
 * allocation dated `fromDate` may take without making the open amount cross zero at some later
 * date. Taking the minimum (not the latest value) matters once reversals exist: an allocation
 * reversed later frees the amount only from the reversal date on.
 */
export function availableFrom(
  doc: LedgerDoc,
  allocations: readonly AllocationRecord[],
  fromDate: IsoDate,
): number {
  const touching = allocations.filter((allocation) => touches(allocation, doc.id));
  const unsignedOpenAt = (date: IsoDate) =>
    touching.reduce(
      (open, allocation) => (allocation.allocationDate <= date ? open - allocation.amountMinor : open),
      Math.abs(doc.amountMinor),
    );
  // The open amount only changes on allocation dates, so those are the only dates to look at.
  const laterDates = touching
    .map((allocation) => allocation.allocationDate)
    .filter((date) => date > fromDate);
  return Math.min(...[fromDate, ...laterDates].map(unsignedOpenAt));
}

/** Why an allocation may not be recorded: a stable code each (the text catalogue words them). */
export const ALLOCATION_VIOLATIONS = [
  'not_debit',
  'not_credit',
  'customers_differ',
  'currencies_differ',
  'invalid_amount',
  'invalid_date',
  'before_issue',
  'exceeds_open',
] as const;
export type AllocationViolationCode = (typeof ALLOCATION_VIOLATIONS)[number];

export interface AllocationViolation {
  code: AllocationViolationCode;
  /** The document concerned, when the rule is about one side. */
  documentId?: number;
  /** `exceeds_open`: what that document still has open from the allocation date on. */
  availableMinor?: number;
}

/** Violations of the allocation rules, as codes (empty = the allocation may be recorded). */
export function allocationViolations(
  debit: LedgerDoc,
  credit: LedgerDoc,
  amountMinor: number,
  allocationDate: IsoDate,
  existingAllocations: readonly AllocationRecord[],
): AllocationViolation[] {
  const violations: AllocationViolation[] = [];
  if (documentSide(debit) !== 'debit') violations.push({ code: 'not_debit', documentId: debit.id });
  if (documentSide(credit) !== 'credit') violations.push({ code: 'not_credit', documentId: credit.id });
  if (debit.customerCode !== credit.customerCode) violations.push({ code: 'customers_differ' });
  if (debit.currency !== credit.currency) violations.push({ code: 'currencies_differ' });
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) violations.push({ code: 'invalid_amount' });
  if (!isValidIsoDate(allocationDate)) violations.push({ code: 'invalid_date' });
  for (const doc of [debit, credit]) {
    if (allocationDate < doc.issueDate) violations.push({ code: 'before_issue', documentId: doc.id });
  }
  // Open amounts only mean something for a well-formed pair, amount and date.
  if (violations.length > 0) return violations;
  for (const doc of [debit, credit]) {
    const availableMinor = availableFrom(doc, existingAllocations, allocationDate);
    if (amountMinor > availableMinor)
      violations.push({ code: 'exceeds_open', documentId: doc.id, availableMinor });
  }
  return violations;
}

/**
 * The violations as sentences for a developer's log or an error's detail (English, with ids):
 * what the ledger-rule errors of the use cases carry. A person reads the codes' labels instead.
 */
export function checkAllocation(
  debit: LedgerDoc,
  credit: LedgerDoc,
  amountMinor: number,
  allocationDate: IsoDate,
  existingAllocations: readonly AllocationRecord[],
): string[] {
  const sideOf = (id: number | undefined) => (id === debit.id ? 'debit' : 'credit');
  const describe: Record<AllocationViolationCode, (violation: AllocationViolation) => string> = {
    not_debit: () => `document ${debit.id} is not a debit`,
    not_credit: () => `document ${credit.id} is not a credit`,
    customers_differ: () => `customers differ: ${debit.customerCode}, ${credit.customerCode}`,
    currencies_differ: () => `currencies differ: ${debit.currency}, ${credit.currency}`,
    invalid_amount: () => `amount must be a positive whole number of minor units: ${amountMinor}`,
    invalid_date: () => `invalid allocation date ${JSON.stringify(allocationDate)}`,
    before_issue: (violation) => `allocation dated before document ${violation.documentId} was issued`,
    exceeds_open: (violation) =>
      `amount ${amountMinor} exceeds the open amount ${violation.availableMinor} of ${sideOf(violation.documentId)} ${violation.documentId}`,
  };
  return allocationViolations(debit, credit, amountMinor, allocationDate, existingAllocations).map(
    (violation) => describe[violation.code](violation),
  );
}

export interface OpenDebit {
  id: number;
  dueDate: IsoDate;
  issueDate: IsoDate;
  openMinor: number;
}

export interface PlannedAllocation {
  debitId: number;
  amountMinor: number;
}

/**
 * Spreads a credit over debits, oldest due date first (ties: issue date, then id), never more
 * than each debit's open amount nor the credit. `creditOpenMinor` may be signed (a credit's open
 * amount is negative) or unsigned; its magnitude is what gets allocated.
 */
export function planOldestFirst(creditOpenMinor: number, debits: readonly OpenDebit[]): PlannedAllocation[] {
  if (![creditOpenMinor, ...debits.map((debit) => debit.openMinor)].every(Number.isSafeInteger)) {
    throw new RangeError('amounts must be whole numbers of minor units');
  }
  const ordered = debits
    .filter((debit) => debit.openMinor > 0)
    .sort(
      (a, b) => a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate) || a.id - b.id,
    );
  let remainingMinor = Math.abs(creditOpenMinor);
  const plan: PlannedAllocation[] = [];
  for (const debit of ordered) {
    if (remainingMinor === 0) break;
    const amountMinor = Math.min(remainingMinor, debit.openMinor);
    plan.push({ debitId: debit.id, amountMinor });
    remainingMinor -= amountMinor;
  }
  return plan;
}

/** The row that cancels `allocation` on `date`. `newId` defaults to 0 (to be assigned by storage). */
export function reversalOf(allocation: AllocationRecord, date: IsoDate, newId = 0): AllocationRecord {
  if (allocation.reversesId !== null || allocation.amountMinor <= 0) {
    throw new RangeError(`allocation ${allocation.id} is itself a reversal`);
  }
  if (!isValidIsoDate(date)) throw new RangeError(`invalid reversal date ${JSON.stringify(date)}`);
  // An earlier reversal would leave the documents over-open between the two dates.
  if (date < allocation.allocationDate) {
    throw new RangeError(
      `reversal dated ${date}, before allocation ${allocation.id} (${allocation.allocationDate})`,
    );
  }
  return {
    id: newId,
    debitId: allocation.debitId,
    creditId: allocation.creditId,
    amountMinor: -allocation.amountMinor,
    allocationDate: date,
    reversesId: allocation.id,
  };
}
