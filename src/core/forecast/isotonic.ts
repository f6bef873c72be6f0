/**
 * Isotonic regression by pooled adjacent violators (PAV): the non-decreasing function of the
 * predicted probability closest (weighted least squares) to the observed outcomes. As a
 * recalibration map it keeps the ranking of the invoices and corrects only the levels.
 */

export interface CalibrationPoint {
  /** What the model said (a probability). */
  predicted: number;
  /** What happened: 1 or 0 (or a rate, when points are already grouped). */
  observed: number;
  weight?: number;
}

/**
 * Knots of the fitted map, by increasing `predicted`: between two knots the map is linear, below
 * the first and above the last it is flat. `points` is how many observations the fit used.
 */
export interface IsotonicMap {
  predicted: readonly number[];
  calibrated: readonly number[];
  points: number;
}

interface Block {
  sum: number;
  weight: number;
  /** Smallest and largest `predicted` pooled into the block. */
  low: number;
  high: number;
}

/** Pools equal predictions first, then merges blocks while their means decrease. */
export function fitIsotonic(points: readonly CalibrationPoint[]): IsotonicMap {
  const sorted = [...points].filter((p) => (p.weight ?? 1) > 0).sort((a, b) => a.predicted - b.predicted);
  const blocks: Block[] = [];
  for (const point of sorted) {
    const weight = point.weight ?? 1;
    const last = blocks.at(-1);
    if (last && last.high === point.predicted) {
      last.sum += point.observed * weight;
      last.weight += weight;
    } else {
      blocks.push({ sum: point.observed * weight, weight, low: point.predicted, high: point.predicted });
    }
    // Pool backwards while the order is violated: the last block's mean below the one before.
    while (blocks.length > 1) {
      const top = blocks[blocks.length - 1] as Block;
      const below = blocks[blocks.length - 2] as Block;
      if (below.sum / below.weight <= top.sum / top.weight) break;
      below.sum += top.sum;
      below.weight += top.weight;
      below.high = top.high;
      blocks.pop();
    }
  }
  const predicted: number[] = [];
  const calibrated: number[] = [];
  for (const block of blocks) {
    const mean = block.sum / block.weight;
    // A block spanning several predictions is flat across them: one knot at each end.
    predicted.push(block.low);
    calibrated.push(mean);
    if (block.high > block.low) {
      predicted.push(block.high);
      calibrated.push(mean);
    }
  }
  return { predicted, calibrated, points: sorted.length };
}

/** The calibrated value of a prediction: linear between the knots, flat beyond them. */
export function applyIsotonic(map: IsotonicMap, value: number): number {
  const { predicted: xs, calibrated: ys } = map;
  if (xs.length === 0) return value;
  if (value <= (xs[0] as number)) return ys[0] as number;
  if (value >= (xs[xs.length - 1] as number)) return ys[ys.length - 1] as number;
  // Binary search for the first knot above the value.
  let low = 0;
  let high = xs.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if ((xs[middle] as number) <= value) low = middle;
    else high = middle;
  }
  const x0 = xs[low] as number;
  const x1 = xs[high] as number;
  const y0 = ys[low] as number;
  const y1 = ys[high] as number;
  return x1 === x0 ? y1 : y0 + ((y1 - y0) * (value - x0)) / (x1 - x0);
}
