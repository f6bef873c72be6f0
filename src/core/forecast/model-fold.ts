/**
 * The habits model's training as a fold, so that the history need not be held: each invoice is
 * added once, in document order, to running sums per customer, per segment and for the company at
 * every cut-off wanted (the weekly job's date and the three month ends its recalibration replays),
 * and to its customer's counts of delays. Memory is per customer and per distinct delay, whatever
 * the years of history.
 * The weighted means, counts and amounts are summed in the order the list-based training summed
 * them, so they are the same to the bit (model-finish.ts turns the sums into the model).
 */
import { toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { isWeekdayHoliday, weekdayOfDay, weekendDueNeighbours } from './bank-days.ts';
import type { ModelOptions } from './model.ts';
import {
  type CutoffSums,
  emptySums,
  type ModelFold,
  OPEN,
  PAID,
  type PaidAs,
  type Sums,
  tagsOf,
} from './model-fold-sums.ts';
import { addTrend, TREND } from './model-trend.ts';
import { addToPortfolioTrend } from './portfolio-trend.ts';
import type { InvoiceRecord } from './types.ts';

export function startModelFold(cutoffs: readonly IsoDate[], options: ModelOptions): ModelFold {
  const sorted = [...new Set(cutoffs)].sort();
  const capacity = 1024;
  return {
    options,
    cutoffs: sorted.map((cutoff) => ({
      cutoff,
      day: toDayNumber(cutoff),
      paid: new Float64Array(capacity * PAID),
      open: options.censoredOverdue ? new Float64Array(capacity * OPEN) : null,
      trend: options.trend ? new Float64Array(capacity * TREND) : null,
      portfolio: options.trend && options.pooledTrend ? new Float64Array(capacity * TREND) : null,
      paidOrder: [],
      openOrder: [],
      company: emptySums(),
      companyOpen: emptySums(),
      segments: new Map(),
      segmentsOpen: new Map(),
      companyDisputed: emptySums(),
      segmentsDisputedWeight: new Map(),
      companyElectronic: emptySums(),
      companyDisputedElectronicWeight: 0,
      segmentsElectronicWeight: new Map(),
      paidOnWeekends: 0,
      paidOnHolidays: 0,
      firstSettledDay: Number.POSITIVE_INFINITY,
      weekendDue: { before: 0, after: 0 },
    })),
    customerIndex: new Map(),
    codes: [],
    segmentOf: [],
    delays: [],
    capacity,
  };
}

function grow(array: Float64Array, size: number): Float64Array {
  const larger = new Float64Array(size);
  larger.set(array);
  return larger;
}

function customerOf(fold: ModelFold, record: InvoiceRecord): number {
  const known = fold.customerIndex.get(record.customerCode);
  if (known !== undefined) return known;
  const index = fold.codes.length;
  if (index >= fold.capacity) {
    fold.capacity *= 2;
    for (const at of fold.cutoffs) {
      at.paid = grow(at.paid, fold.capacity * PAID);
      if (at.open) at.open = grow(at.open, fold.capacity * OPEN);
      if (at.trend) at.trend = grow(at.trend, fold.capacity * TREND);
      if (at.portfolio) at.portfolio = grow(at.portfolio, fold.capacity * TREND);
    }
  }
  fold.customerIndex.set(record.customerCode, index);
  fold.codes.push(record.customerCode);
  fold.segmentOf.push(record.customerType);
  fold.delays.push([]);
  return index;
}

function countDelay(pairs: number[], key: number): void {
  for (let at = 0; at < pairs.length; at += 2)
    if (pairs[at] === key) {
      pairs[at + 1] = (pairs[at + 1] ?? 0) + 1;
      return;
    }
  pairs.push(key, 1);
}

function addTo(sums: Sums, delay: number, weight: number): void {
  sums.count += 1;
  sums.weighted += delay * weight;
  sums.weight += weight;
}

function segmentSums(map: Map<string, Sums>, segment: string): Sums {
  let sums = map.get(segment);
  if (!sums) {
    sums = emptySums();
    map.set(segment, sums);
  }
  return sums;
}

/** The first tag of a paid invoice's kind (see ModelFold.delays), k added for cut-off k. */
function paidTagBase(cutoffs: number, disputed: boolean, electronic: boolean): number {
  if (electronic) return (disputed ? 4 : 3) * cutoffs;
  return disputed ? 2 * cutoffs : 0;
}

/**
 * Adds one invoice of the history (in document order) to the sums of every cut-off. `disputedOn`:
 * the date the first dispute on it was raised, if any; a paid invoice disputed on or before its
 * payment counts as disputed (known at every cut-off it was paid by, since it was raised before).
 * An invoice sent electronically (`record.electronic`, known from its issue) counts as such; one
 * whose channel is unknown counts with the paper ones.
 */
export function addToModelFold(
  fold: ModelFold,
  record: InvoiceRecord,
  disputedOn: IsoDate | null = null,
): void {
  const { options, cutoffs } = fold;
  const paid = record.settledByPayment && record.settledOn !== null;
  const firstPaid = paid ? cutoffs.findIndex((at) => (record.settledOn as IsoDate) <= at.cutoff) : -1;
  // With `censoredTail` (and not `censoredOverdue`), the invoices open at a cut-off count as censored.
  const censored = options.censoredTail === true && !options.censoredOverdue;
  const portfolio = fold.cutoffs[0]?.portfolio != null;
  if (firstPaid < 0 && !options.censoredOverdue && !censored && !portfolio) return;
  const customer = customerOf(fold, record);
  const dueDay = toDayNumber(record.dueDate);
  if (portfolio) addToPortfolioTrend(options, cutoffs, customer, record, dueDay, disputedOn);
  if (firstPaid >= 0) {
    const settledDay = toDayNumber(record.settledOn as IsoDate);
    const delay = settledDay - dueDay;
    const disputed = disputedOn !== null && disputedOn <= (record.settledOn as IsoDate);
    const electronic = record.electronic === true;
    const tag = paidTagBase(cutoffs.length, disputed, electronic) + firstPaid;
    countDelay(fold.delays[customer] as number[], delay * tagsOf(fold) + tag);
    const paidAs = { delay, settledDay, dueDay, disputed, electronic };
    for (let k = firstPaid; k < cutoffs.length; k += 1)
      addPaid(fold, cutoffs[k] as CutoffSums, record, customer, paidAs);
  }
  if (censored) {
    addCensored(fold, record, customer, dueDay);
    return;
  }
  if (!options.censoredOverdue) return;
  cutoffs.forEach((at, k) => {
    const openThen = record.settledOn === null || record.settledOn > at.cutoff;
    if (!openThen || record.issueDate > at.cutoff || record.dueDate >= at.cutoff) return;
    const delay = at.day - dueDay;
    countDelay(fold.delays[customer] as number[], delay * tagsOf(fold) + cutoffs.length + k);
    const sums = at.open as Float64Array;
    const base = customer * OPEN;
    if (sums[base] === 0) at.openOrder.push(customer);
    sums[base] = (sums[base] ?? 0) + 1;
    sums[base + 1] = (sums[base + 1] ?? 0) + delay * record.amountMinor;
    sums[base + 2] = (sums[base + 2] ?? 0) + record.amountMinor;
    addTo(at.companyOpen, delay, record.amountMinor);
    addTo(segmentSums(at.segmentsOpen, record.customerType), delay, record.amountMinor);
  });
}

/**
 * With `censoredTail`: the invoice, at each cut-off it is open and overdue at, as a delay of at
 * least its age then (tag cut-offs + k, as `censoredOverdue` counts it), ages beyond a year counted
 * as a year: far beyond every residual the tail reads, and a customer's distinct delays stay few
 * however long its old open items have waited. How it was closed later (a payment, a credit note
 * or a write-off) is not known at the cut-off: one closed otherwise than by a payment counts at
 * the cut-offs it was still open at, and at none after.
 */
function addCensored(fold: ModelFold, record: InvoiceRecord, customer: number, dueDay: number): void {
  const { cutoffs } = fold;
  cutoffs.forEach((at, k) => {
    const openThen = record.settledOn === null || record.settledOn > at.cutoff;
    if (!openThen || record.issueDate > at.cutoff || record.dueDate >= at.cutoff) return;
    const age = Math.min(CENSORED_AGE_CAP_DAYS, at.day - dueDay);
    countDelay(fold.delays[customer] as number[], age * tagsOf(fold) + cutoffs.length + k);
  });
}

const CENSORED_AGE_CAP_DAYS = 365;

function addPaid(
  fold: ModelFold,
  at: CutoffSums,
  record: InvoiceRecord,
  customer: number,
  paidAs: PaidAs,
): void {
  const { delay, settledDay } = paidAs;
  const age = at.day - settledDay;
  const weight = record.amountMinor * 0.5 ** (age / fold.options.halfLifeDays);
  const sums = at.paid;
  const base = customer * PAID;
  if (sums[base] === 0) at.paidOrder.push(customer);
  sums[base] = (sums[base] ?? 0) + 1;
  sums[base + 1] = (sums[base + 1] ?? 0) + delay * weight;
  sums[base + 2] = (sums[base + 2] ?? 0) + weight;
  if (age <= fold.options.trendWindowDays) {
    sums[base + 3] = (sums[base + 3] ?? 0) + 1;
    sums[base + 4] = (sums[base + 4] ?? 0) + delay * weight;
    sums[base + 5] = (sums[base + 5] ?? 0) + weight;
  }
  sums[base + 6] = (sums[base + 6] ?? 0) + record.amountMinor;
  if (at.trend)
    addTrend(fold.options, at.trend, customer * TREND, record.amountMinor, paidAs, at.day, weight);
  addTo(at.company, delay, weight);
  addTo(segmentSums(at.segments, record.customerType), delay, weight);
  if (weekdayOfDay(settledDay) > 5) at.paidOnWeekends += 1;
  else if (isWeekdayHoliday(settledDay)) at.paidOnHolidays += 1;
  if (settledDay < at.firstSettledDay) at.firstSettledDay = settledDay;
  const neighbours = weekendDueNeighbours(paidAs.dueDay);
  if (neighbours?.friday === settledDay) at.weekendDue.before += 1;
  else if (neighbours?.monday === settledDay) at.weekendDue.after += 1;
  const segment = record.customerType;
  if (paidAs.disputed) {
    sums[base + 7] = (sums[base + 7] ?? 0) + weight;
    addTo(at.companyDisputed, delay, weight);
    at.segmentsDisputedWeight.set(segment, (at.segmentsDisputedWeight.get(segment) ?? 0) + weight);
  }
  if (!paidAs.electronic) return;
  sums[base + 8] = (sums[base + 8] ?? 0) + weight;
  addTo(at.companyElectronic, delay, weight);
  if (paidAs.disputed) at.companyDisputedElectronicWeight += weight;
  at.segmentsElectronicWeight.set(segment, (at.segmentsElectronicWeight.get(segment) ?? 0) + weight);
}
