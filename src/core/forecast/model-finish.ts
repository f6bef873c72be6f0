/**
 * The habits model at one of a fold's cut-offs (model-fold.ts): the means from the running sums,
 * then the prior strength, the spreads and the residual quantiles from each customer's counts of
 * distinct delays. Those sums of squares add each distinct delay once, times its count, ascending:
 * they can differ from adding the invoices one by one (the list-based training before) in the last
 * bits only, and are the same whatever other cut-offs the fold holds. The residual quantiles are
 * read from the counts at the ranks a sorted list of every residual would give: the same values.
 * With `censoredOverdue` the open invoices' sums are added to the paid ones' at the end.
 * With `disputeAdjusted` every mean and spread is of the delays net of the dispute effect: the
 * disputed invoices' mean delay minus the others' (company-wide, weighted like the means, the
 * channel's effect apart: below), taken off each disputed invoice's delay, so that a customer's
 * habit is how it pays an undisputed invoice and a disputed one adds the effect back (predict.ts).
 * Without disputes the effect is 0 and nothing moves.
 * With `channelAdjusted` the same for the channel effect: each electronic invoice's delay is taken
 * net of it, so that a habit is how the customer pays a paper invoice. The two effects are fitted
 * jointly (model-effects.ts), so that the delay of the disputed invoices sent electronically is not
 * counted twice, nor given to the wrong one. An effect of 0 takes 0 off every sum: without channel
 * data the model is the same to the bit.
 * With `trend` each habit also gets its trend (model-trend.ts), and with `censoredTail` the
 * residuals' distribution reads the invoices open and overdue at the cut-off as censored delays
 * (model-residuals.ts). Neither moves the levels, spreads or residuals: they are measured from the
 * habit's level, the trend added at prediction (model.ts `trendDaysAt`).
 */
import type { IsoDate } from '../types.ts';
import { learnDueDayRoll, learnPaymentDays, type PaymentDays } from './bank-days.ts';
import type { CustomerHabit, TrainedModel } from './model.ts';
import { type Effects, electronicShares, jointEffects } from './model-effects.ts';
import { type CutoffSums, emptySums, type ModelFold, OPEN, PAID, tagsOf } from './model-fold-sums.ts';
import { residualQuantiles } from './model-residuals.ts';
import { customerTrend, keptSlope, levelDueOffsetOf } from './model-trend.ts';
import { pooledTrend } from './portfolio-trend.ts';

const mean = (weighted: number, weight: number) => (weight > 0 ? weighted / weight : 0);

/** One customer at the cut-off: its observations' figures, paid and (optionally) open ones together. */
export interface Folded {
  index: number;
  count: number;
  /** Mean delay net of the dispute and channel effects; `ownRaw` as observed (the reason's figure). */
  own: number;
  ownRaw: number;
  recentCount: number;
  recent: number;
  amount: number;
  /** Distinct delays ascending, and how many times each was observed. */
  delays: number[];
  counts: number[];
  /** With `censoredTail`: the ages of its invoices open and overdue at the cut-off, the same way. */
  censored: number[];
  censoredCounts: number[];
}

function foldedCustomers(fold: ModelFold, k: number, effects: Effects): Folded[] {
  const at = fold.cutoffs[k] as CutoffSums;
  const { paid, open } = at;
  const paidCount = (index: number) => paid[index * PAID] ?? 0;
  const order = [...at.paidOrder, ...at.openOrder.filter((index) => paidCount(index) === 0)];
  return order.map((index) => {
    const p = index * PAID;
    const o = index * OPEN;
    const openCount = open?.[o] ?? 0;
    const openWeighted = open?.[o + 1] ?? 0;
    const openWeight = open?.[o + 2] ?? 0;
    const recentCount = (paid[p + 3] ?? 0) + openCount;
    const weighted = (paid[p + 1] ?? 0) + openWeighted;
    const weight = (paid[p + 2] ?? 0) + openWeight;
    return {
      index,
      count: paidCount(index) + openCount,
      own: mean(
        weighted - effects.dispute * (paid[p + 7] ?? 0) - effects.electronic * (paid[p + 8] ?? 0),
        weight,
      ),
      ownRaw: mean(weighted, weight),
      recentCount,
      recent: mean((paid[p + 4] ?? 0) + openWeighted, (paid[p + 5] ?? 0) + openWeight),
      amount: (paid[p + 6] ?? 0) + openWeight,
      ...delaysAt(fold, index, k, effects),
    };
  });
}

/**
 * The customer's delays observed at cut-off k (a disputed or electronic invoice's net of its effects),
 * each distinct delay once with its count, ascending, and apart the ages of its invoices open and
 * overdue then when they count as censored (`censoredTail`, not `censoredOverdue`): the same sums
 * whatever other cut-offs the fold holds (so a fold of several cut-offs trains, at each, the model
 * a fold of that one alone trains).
 */
function delaysAt(
  fold: ModelFold,
  customer: number,
  k: number,
  effects: Effects,
): Pick<Folded, 'delays' | 'counts' | 'censored' | 'censoredCounts'> {
  const cutoffs = fold.cutoffs.length;
  const tags = tagsOf(fold);
  const pairs = fold.delays[customer] as number[];
  const byDelay = new Map<number, number>();
  const byAge = new Map<number, number>();
  const count = (delay: number, n: number) => byDelay.set(delay, (byDelay.get(delay) ?? 0) + n);
  const censor = (age: number, n: number) => byAge.set(age, (byAge.get(age) ?? 0) + n);
  for (let at = 0; at < pairs.length; at += 2) {
    const key = pairs[at] as number;
    const delay = Math.floor(key / tags);
    const tag = key - delay * tags;
    const kind = Math.floor(tag / cutoffs);
    const paidBy = tag - kind * cutoffs;
    if (tag === cutoffs + k && !fold.options.censoredOverdue) censor(delay, pairs[at + 1] as number);
    else if (tag <= k || tag === cutoffs + k) count(delay, pairs[at + 1] as number);
    else if (kind === 1 || paidBy > k) continue;
    else if (kind === 2) count(delay - effects.dispute, pairs[at + 1] as number);
    else if (kind === 3) count(delay - effects.electronic, pairs[at + 1] as number);
    else count(delay - effects.dispute - effects.electronic, pairs[at + 1] as number);
  }
  const delays = [...byDelay.keys()].sort((a, b) => a - b);
  const censored = [...byAge.keys()].sort((a, b) => a - b);
  return {
    delays,
    counts: delays.map((delay) => byDelay.get(delay) as number),
    censored,
    censoredCounts: censored.map((age) => byAge.get(age) as number),
  };
}

function sumOfSquares(c: Folded, center: number): number {
  let sum = 0;
  c.delays.forEach((delay, at) => {
    sum += (c.counts[at] as number) * (delay - center) ** 2;
  });
  return sum;
}

/** The model trained at one of the fold's cut-offs. */
export function finishModel(fold: ModelFold, cutoff: IsoDate): TrainedModel {
  const k = fold.cutoffs.findIndex((at) => at.cutoff === cutoff);
  const at = fold.cutoffs[k];
  if (!at) throw new RangeError(`the fold has no cut-off ${cutoff}`);
  const { options } = fold;
  // The dispute's and the channel's effects fitted jointly (model-effects.ts).
  const effects: Effects = jointEffects(at, options);
  const { dispute: disputeDelayDays, electronic: electronicDelayDays } = effects;
  const globalDelayDays = mean(
    at.company.weighted +
      at.companyOpen.weighted -
      disputeDelayDays * at.companyDisputed.weight -
      electronicDelayDays * at.companyElectronic.weight,
    at.company.weight + at.companyOpen.weight,
  );
  const segments = new Map<string, { delayDays: number; settledInvoices: number }>();
  for (const [segment, sums] of at.segments) {
    const open = at.segmentsOpen.get(segment) ?? emptySums();
    const disputedWeight = at.segmentsDisputedWeight.get(segment) ?? 0;
    const electronicWeight = at.segmentsElectronicWeight.get(segment) ?? 0;
    segments.set(segment, {
      delayDays: mean(
        sums.weighted +
          open.weighted -
          disputeDelayDays * disputedWeight -
          electronicDelayDays * electronicWeight,
        sums.weight + open.weight,
      ),
      settledInvoices: sums.count + open.count,
    });
  }
  for (const [segment, open] of at.segmentsOpen)
    if (!segments.has(segment))
      segments.set(segment, { delayDays: mean(open.weighted, open.weight), settledInvoices: open.count });
  const folded = foldedCustomers(fold, k, effects);
  const strength = priorStrength(fold, folded, segments);
  const customers = new Map<string, CustomerHabit>();
  // The portfolio's line (portfolio-trend.ts), kept as far as it stands out of its noise.
  const portfolioSlope = at.portfolio ? keptSlope(pooledTrend(at.portfolio, fold.codes.length, effects)) : 0;
  for (const c of folded) {
    const segment = fold.segmentOf[c.index] as string;
    const ownWeight = c.count / (c.count + strength);
    const segmentDelay = segments.get(segment)?.delayDays ?? globalDelayDays;
    const habitWeight = at.paid[c.index * PAID + 2] ?? 0;
    const trend = customerTrend(at, c.index, effects, habitWeight);
    // Its own line weighs in the blend as its own mean does, the portfolio's as its segment's. From
    // the mean due day of its invoices (where the mean stands on the line) to the cut-off, the
    // trend adds slope × the days between.
    const trendDaysPerDay = ownWeight * keptSlope(trend, portfolioSlope) + (1 - ownWeight) * portfolioSlope;
    const levelDueOffset = trend?.levelDueOffset ?? levelDueOffsetOf(at, c.index, habitWeight);
    customers.set(fold.codes[c.index] as string, {
      segment,
      settledInvoices: c.count,
      ownDelayDays: c.ownRaw,
      recentDelayDays: c.recentCount > 0 ? c.recent : null,
      meanAmountMinor: c.amount / c.count,
      ownWeight,
      delayDays: ownWeight * c.own + (1 - ownWeight) * segmentDelay,
      trendDays: trendDaysPerDay === 0 ? 0 : -trendDaysPerDay * levelDueOffset,
      trendDaysPerDay,
      spreadDays: 1,
    });
  }
  const pooledSpreadDays = scaleSpreads(fold, folded, customers);
  return {
    cutoff,
    options,
    globalDelayDays,
    segments,
    customers,
    priorStrength: strength,
    trendOriginDay: at.day,
    trendHorizonDays: options.trendHorizonDays ?? 0,
    portfolioTrendDaysPerDay: portfolioSlope,
    pooledSpreadDays,
    disputeDelayDays,
    electronicDelayDays,
    electronicShares: electronicShares(fold, at, electronicDelayDays),
    paymentDays: options.bankDays === false ? 'calendar' : learnedPaymentDays(at),
    dueDayRoll: options.bankDays === false ? 'forward' : learnDueDayRoll(at.weekendDue),
    residualQuantiles: residualQuantiles(
      folded.map((c) => ({ ...c, habit: customers.get(fold.codes[c.index] as string) })),
    ),
  };
}

/**
 * Method of moments: K = σ² / τ², σ² the spread of invoices around their customer's mean, τ² the
 * spread of customers' means around their segment's beyond what σ² alone explains. Customers
 * that differ a lot from their segment get a small K (their own history wins quickly).
 */
function priorStrength(
  fold: ModelFold,
  folded: readonly Folded[],
  segments: Map<string, { delayDays: number }>,
): number {
  const { options } = fold;
  let within = 0;
  let count = 0;
  for (const c of folded) {
    within += sumOfSquares(c, c.own);
    count += c.count;
  }
  const sigma2 = count > folded.length ? within / (count - folded.length) : 0;
  let between = 0;
  let noise = 0;
  for (const c of folded) {
    const segment = segments.get(fold.segmentOf[c.index] as string)?.delayDays ?? 0;
    between += (c.own - segment) ** 2;
    noise += sigma2 / c.count;
  }
  const customers = folded.length;
  const tau2 = customers > 0 ? Math.max((between - noise) / customers, 1e-6) : 1e-6;
  const strength = sigma2 > 0 ? sigma2 / tau2 : options.minPriorStrength;
  return Math.min(options.maxPriorStrength, Math.max(options.minPriorStrength, strength));
}

/**
 * A punctual customer who always pays on the day should get a narrow distribution and an erratic
 * one a wide one: each customer's root-mean-square residual, shrunk toward the pooled one.
 * Returns the pooled spread (1 when scaling is off).
 */
function scaleSpreads(
  fold: ModelFold,
  folded: readonly Folded[],
  customers: Map<string, CustomerHabit>,
): number {
  const priorCount = fold.options.spreadPriorCount;
  if (priorCount <= 0) return 1;
  const own = new Float64Array(folded.length);
  let total = 0;
  let count = 0;
  folded.forEach((c, at) => {
    const delayDays = customers.get(fold.codes[c.index] as string)?.delayDays ?? 0;
    const squares = sumOfSquares(c, delayDays);
    own[at] = squares;
    total += squares;
    count += c.count;
  });
  const pooled = count > 0 ? total / count : 1;
  folded.forEach((c, at) => {
    const habit = customers.get(fold.codes[c.index] as string);
    // At least one day, so that a perfectly regular payer still gets a distribution.
    if (habit)
      habit.spreadDays = Math.max(
        1,
        Math.sqrt(((own[at] ?? 0) + priorCount * pooled) / (c.count + priorCount)),
      );
  });
  return Math.max(1, Math.sqrt(pooled));
}

/** The days the company was paid on by the cut-off (bank-days.ts). */
function learnedPaymentDays(at: CutoffSums): PaymentDays {
  return learnPaymentDays({
    payments: at.company.count,
    onWeekends: at.paidOnWeekends,
    onHolidays: at.paidOnHolidays,
    firstDay: at.firstSettledDay,
    lastDay: at.day,
  });
}
