/**
 * The company-wide effects the habits are learned net of (model-finish.ts): how much later the
 * invoices disputed before their payment were paid, and how much later (or sooner) those sent
 * electronically, fitted jointly (`jointEffects`) from the paid invoices' sums at the cut-off,
 * weighted by amount and recency like the habits' means.
 */
import type { ElectronicShares, ModelOptions } from './model.ts';
import { type CutoffSums, type ModelFold, PAID } from './model-fold-sums.ts';

export interface Effects {
  /** Days a dispute adds (≥ 0). */
  dispute: number;
  /** Days the electronic channel adds (negative: takes off). */
  electronic: number;
}

const mean = (weighted: number, weight: number) => weighted / weight;

/**
 * Fewer disputed invoices paid than this and no effect is learned: one large invoice paid very late
 * must not add months to every dispute (one 500 k€ invoice 150 days late said +148 days); the
 * disputes' resolution time then sets a floor instead (signals.ts).
 */
const MIN_DISPUTED_INVOICES = 5;

/**
 * Fewer electronic invoices paid than this, or fewer others, and no channel effect is learned: a
 * handful of invoices says more about their customers than about the channel.
 */
const MIN_CHANNEL_INVOICES = 5;

/**
 * How much later than the others the invoices disputed before their payment were paid, on average
 * (each mean weighted by amount and recency like the habits', the electronic invoices' delays net
 * of `electronicDays`); 0 without both kinds of invoices, with too few disputed ones, and when they
 * were paid sooner (a dispute does not bring a payment forward: the resolution time's floor
 * applies then). With `electronicDays` 0 it takes 0 off each sum: the same figure to the bit.
 */
function disputeEffect(at: CutoffSums, adjusted: boolean, electronicDays: number): number {
  const disputed = at.companyDisputed;
  const otherWeight = at.company.weight - disputed.weight;
  if (!adjusted || disputed.count < MIN_DISPUTED_INVOICES || disputed.weight <= 0 || otherWeight <= 0)
    return 0;
  const disputedElectronic = at.companyDisputedElectronicWeight;
  const otherElectronic = at.companyElectronic.weight - disputedElectronic;
  const gap =
    (disputed.weighted - electronicDays * disputedElectronic) / disputed.weight -
    (at.company.weighted - disputed.weighted - electronicDays * otherElectronic) / otherWeight;
  return Math.max(0, gap);
}

/**
 * How much later the invoices sent electronically were paid than the others (paper, or of unknown
 * channel), on average, weighted like the habits; negative when sooner (on IBM's sample about 6
 * days sooner), and not bounded, unlike the dispute effect: either channel may be the faster one.
 * Measured as observed (disputes included): what `jointEffects` keeps without enough disputed
 * invoices to tell the two apart. 0 when switched off or with too few of either kind — and so 0
 * for a company that never said.
 */
function channelEffect(at: CutoffSums, adjusted: boolean): number {
  const electronic = at.companyElectronic;
  const otherCount = at.company.count - electronic.count;
  const otherWeight = at.company.weight - electronic.weight;
  if (
    !adjusted ||
    electronic.count < MIN_CHANNEL_INVOICES ||
    otherCount < MIN_CHANNEL_INVOICES ||
    electronic.weight <= 0 ||
    otherWeight <= 0
  )
    return 0;
  return (
    mean(electronic.weighted, electronic.weight) -
    mean(at.company.weighted - electronic.weighted, otherWeight)
  );
}

/**
 * Both effects fitted jointly: the weighted least squares of the paid invoices' delays on an
 * intercept and the two indicators (disputed, electronic), from the sums the fold keeps (Σ w, Σ w·d
 * of all, of the disputed, of the electronic, and Σ w of those both). Measured one after the other,
 * the part of the disputes' delay shared with the channel (disputed invoices more often electronic,
 * or less) went to the channel. The dispute effect stays ≥ 0: when the joint fit says less, it is 0
 * and the channel's is the one observed, as the fit constrained to it gives. Without enough invoices
 * of both channels the channel's is 0 and the dispute's the one `disputeEffect` measures alone (the
 * same figure to the bit: without channel data nothing moves); without enough disputed ones, the
 * dispute's is 0 and the channel's the one observed.
 */
export function jointEffects(at: CutoffSums, options: ModelOptions): Effects {
  const electronic = channelEffect(at, options.channelAdjusted);
  const aloneDispute = disputeEffect(at, options.disputeAdjusted, 0);
  if (electronic === 0) return { dispute: aloneDispute, electronic: 0 };
  const sequential = { dispute: disputeEffect(at, options.disputeAdjusted, electronic), electronic };
  if (sequential.dispute === 0 && aloneDispute === 0) return { dispute: 0, electronic };
  const total = at.company.weight;
  const pD = at.companyDisputed.weight / total;
  const pE = at.companyElectronic.weight / total;
  const pDE = at.companyDisputedElectronicWeight / total;
  const y = at.company.weighted / total;
  const varD = pD - pD * pD;
  const varE = pE - pE * pE;
  const covDE = pDE - pD * pE;
  const covDy = at.companyDisputed.weighted / total - pD * y;
  const covEy = at.companyElectronic.weighted / total - pE * y;
  const det = varD * varE - covDE * covDE;
  // The two indicators (nearly) the same invoices: no telling them apart, the sequential measure.
  if (!(det > 1e-9 * varD * varE)) return sequential;
  const dispute = (varE * covDy - covDE * covEy) / det;
  if (!(dispute > 0)) return { dispute: 0, electronic };
  return { dispute, electronic: (varD * covEy - covDE * covDy) / det };
}

/**
 * The electronic shares at the cut-off (see ElectronicShares): Σ weight of the electronic paid
 * invoices over Σ weight of all, by customer, by segment and for the company. None without an
 * effect: the model is then the same without channel data as with data but no effect learned.
 */
export function electronicShares(fold: ModelFold, at: CutoffSums, effect: number): ElectronicShares {
  const segments = new Map<string, number>();
  const customers = new Map<string, number>();
  if (effect === 0) return { company: 0, segments, customers };
  const company = at.companyElectronic.weight / at.company.weight;
  for (const [segment, sums] of at.segments)
    if (sums.weight > 0) segments.set(segment, (at.segmentsElectronicWeight.get(segment) ?? 0) / sums.weight);
  const { paid } = at;
  const shareOf = (index: number) => {
    const weight = paid[index * PAID + 2] ?? 0;
    if (weight > 0) return (paid[index * PAID + 8] ?? 0) / weight;
    return segments.get(fold.segmentOf[index] as string) ?? company;
  };
  for (const index of [...at.paidOrder, ...at.openOrder]) {
    const share = shareOf(index);
    if (share !== 0) customers.set(fold.codes[index] as string, share);
  }
  return { company, segments, customers };
}
