/**
 * Factoring (affacturage) arithmetic, exact in minor units. The convention is the usual French one
 * for a subrogation contract, applied invoice by invoice so that each figure can be redone by hand:
 *
 * - gross assigned `g` = the invoice's open amount (TTC) handed over in the batch (bordereau);
 * - reserve (fonds de garantie) `r = g × reserveRate`, held by the factor until the customer pays;
 * - advance `a = (g − r) × advanceRate`: what the factor finances;
 * - commission `c = max(g × commissionRate, minimum per invoice)` (commission d'affacturage);
 * - financing interest (commission de financement) on the advance, per day, from the financing
 *   date to the expected collection date (due date + the contract's collection delay), at the
 *   yearly rate over a year of `dayCountBasis` days (360 by default, as French factors quote it),
 *   charged in advance (précomptée) and adjusted, both ways, once the real end is known;
 * - fixed fees per invoice and per batch, and the VAT on commission and fees (services; the
 *   financing interest is exempt), computed once per batch on their sum.
 *
 * Funds paid = Σa − Σc − fees − VAT − Σinterest. Every product is rounded once, half up, to the
 * minor unit (BigInt arithmetic: no float ever touches an amount).
 */
import { addDays, daysBetween } from '../calendar.ts';
import type { IsoDate } from '../types.ts';

export interface FactoringTerms {
  withRecourse: boolean;
  /** With recourse: an invoice still unpaid this many days after its due date is charged back. */
  recourseDays: number;
  /** Share of the assigned amount net of the reserve that the factor advances (10 000 = all). */
  advanceRateBps: number;
  commissionBps: number;
  /** Per invoice; 0 = no minimum. */
  minCommissionMinor: number;
  /** Yearly rate of the financing interest. */
  financingRateBps: number;
  dayCountBasis: 360 | 365;
  /** Interest runs to the due date plus these days (the factor's usual collection delay). */
  collectionDelayDays: number;
  reserveRateBps: number;
  feePerInvoiceMinor: number;
  feePerBatchMinor: number;
  /** VAT on the commission and the fees (2000 = 20 %); 0 when none is charged. */
  feesVatRateBps: number;
}

export interface InvoiceToAssign {
  documentId: number;
  ref: string;
  customerCode: string;
  dueDate: IsoDate;
  amountMinor: number;
}

export interface AssignedLine extends InvoiceToAssign {
  reserveMinor: number;
  advanceMinor: number;
  commissionMinor: number;
  /** Days from the financing date to the expected collection date (never negative). */
  interestDays: number;
  interestMinor: number;
}

export interface BatchFigures {
  financingDate: IsoDate;
  lines: AssignedLine[];
  invoiceCount: number;
  grossMinor: number;
  reserveMinor: number;
  advanceMinor: number;
  commissionMinor: number;
  feesMinor: number;
  feesVatMinor: number;
  interestMinor: number;
  /** What the factor pays: advances less commission, fees, VAT and interest. */
  netFundsMinor: number;
}

/** round(value × numerator ÷ denominator), half up, for values ≥ 0 (every factoring product is one). */
export function mulDivHalfUp(value: number, numerator: number, denominator: number): number {
  if (value < 0 || numerator < 0 || denominator <= 0) throw new RangeError('factoring figures are ≥ 0');
  const product = BigInt(value) * BigInt(numerator);
  const divisor = BigInt(denominator);
  return Number((2n * product + divisor) / (2n * divisor));
}

export function applyRateBps(baseMinor: number, rateBps: number): number {
  return mulDivHalfUp(baseMinor, rateBps, 10_000);
}

/** Interest on `principalMinor` for `days` at `rateBps` a year over a `basis`-day year. */
export function financingInterest(
  principalMinor: number,
  rateBps: number,
  days: number,
  basis: number,
): number {
  if (days <= 0) return 0;
  return mulDivHalfUp(principalMinor, rateBps * days, 10_000 * basis);
}

/** The date to which the interest is charged in advance: due date + the collection delay. */
export function expectedCollectionDate(terms: FactoringTerms, dueDate: IsoDate): IsoDate {
  return addDays(dueDate, terms.collectionDelayDays);
}

export function assignLine(
  terms: FactoringTerms,
  invoice: InvoiceToAssign,
  financingDate: IsoDate,
): AssignedLine {
  const reserveMinor = applyRateBps(invoice.amountMinor, terms.reserveRateBps);
  const advanceMinor = applyRateBps(invoice.amountMinor - reserveMinor, terms.advanceRateBps);
  const commissionMinor = Math.max(
    applyRateBps(invoice.amountMinor, terms.commissionBps),
    terms.minCommissionMinor,
  );
  const interestDays = Math.max(
    0,
    daysBetween(financingDate, expectedCollectionDate(terms, invoice.dueDate)),
  );
  return {
    ...invoice,
    reserveMinor,
    advanceMinor,
    commissionMinor,
    interestDays,
    interestMinor: financingInterest(advanceMinor, terms.financingRateBps, interestDays, terms.dayCountBasis),
  };
}

const total = (lines: readonly AssignedLine[], pick: (line: AssignedLine) => number) =>
  lines.reduce((sum, line) => sum + pick(line), 0);

/** The figures of a batch (bordereau de cession) financed on `financingDate`. */
export function computeBatch(
  terms: FactoringTerms,
  invoices: readonly InvoiceToAssign[],
  financingDate: IsoDate,
): BatchFigures {
  const lines = invoices.map((invoice) => assignLine(terms, invoice, financingDate));
  const feesMinor = lines.length === 0 ? 0 : terms.feePerInvoiceMinor * lines.length + terms.feePerBatchMinor;
  const commissionMinor = total(lines, (line) => line.commissionMinor);
  const feesVatMinor = applyRateBps(commissionMinor + feesMinor, terms.feesVatRateBps);
  const advanceMinor = total(lines, (line) => line.advanceMinor);
  const interestMinor = total(lines, (line) => line.interestMinor);
  return {
    financingDate,
    lines,
    invoiceCount: lines.length,
    grossMinor: total(lines, (line) => line.amountMinor),
    reserveMinor: total(lines, (line) => line.reserveMinor),
    advanceMinor,
    commissionMinor,
    feesMinor,
    feesVatMinor,
    interestMinor,
    netFundsMinor: advanceMinor - commissionMinor - feesMinor - feesVatMinor - interestMinor,
  };
}

export type ClosingKind = 'collected' | 'charged_back';

export interface ItemClosing {
  kind: ClosingKind;
  date: IsoDate;
  /** The reserve of the invoice comes back to the current account either way. */
  reserveReleasedMinor: number;
  /**
   * Interest charged in advance less the interest really due to the closing date: > 0 is given
   * back (collected early), < 0 is charged on top (collected late, or charged back).
   */
  interestAdjustmentMinor: number;
  /** Charged back: the factor takes back the gross amount it bought (we collect it ourselves). */
  chargebackMinor: number;
}

/** What closing an assigned invoice moves: collected by the factor, or charged back under recourse. */
export function closeLine(
  terms: FactoringTerms,
  line: Pick<AssignedLine, 'amountMinor' | 'reserveMinor' | 'advanceMinor' | 'interestMinor'>,
  financingDate: IsoDate,
  kind: ClosingKind,
  date: IsoDate,
): ItemClosing {
  const days = Math.max(0, daysBetween(financingDate, date));
  const dueMinor = financingInterest(line.advanceMinor, terms.financingRateBps, days, terms.dayCountBasis);
  return {
    kind,
    date,
    reserveReleasedMinor: line.reserveMinor,
    interestAdjustmentMinor: line.interestMinor - dueMinor,
    chargebackMinor: kind === 'charged_back' ? line.amountMinor : 0,
  };
}

/** With recourse, the day an unpaid invoice is charged back: its due date + the recourse delay. */
export function recourseDate(terms: FactoringTerms, dueDate: IsoDate): IsoDate | null {
  return terms.withRecourse ? addDays(dueDate, terms.recourseDays) : null;
}

/** Checks the terms a contract may hold; returns the names of the fields out of range. */
export function invalidTerms(terms: FactoringTerms): string[] {
  const bad: string[] = [];
  const bps = [
    'advanceRateBps',
    'commissionBps',
    'financingRateBps',
    'reserveRateBps',
    'feesVatRateBps',
  ] as const;
  for (const name of bps)
    if (!Number.isInteger(terms[name]) || terms[name] < 0 || terms[name] > 10_000) bad.push(name);
  const amounts = ['minCommissionMinor', 'feePerInvoiceMinor', 'feePerBatchMinor'] as const;
  for (const name of amounts) if (!Number.isSafeInteger(terms[name]) || terms[name] < 0) bad.push(name);
  for (const name of ['recourseDays', 'collectionDelayDays'] as const)
    if (!Number.isInteger(terms[name]) || terms[name] < 0 || terms[name] > 3650) bad.push(name);
  if (terms.dayCountBasis !== 360 && terms.dayCountBasis !== 365) bad.push('dayCountBasis');
  return bad;
}
