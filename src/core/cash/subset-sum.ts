/**
 * Which open items a receipt pays when it names none: a combination whose total is the amount,
 * credit notes netted (negative items). Exact subset sum is exponential, so the search is
 * bounded — the oldest items only, a few per combination, a budget of steps — and says whether
 * it finished; it keeps two solutions at most, since a second one makes the first a guess.
 */

export interface SubsetItem {
  id: number;
  /** Signed: an invoice > 0, a credit note or an open credit < 0. */
  amountMinor: number;
}

export interface SubsetLimits {
  /** The oldest items considered (the caller orders them). */
  maxItems: number;
  maxPicked: number;
  maxSteps: number;
}

export const DEFAULT_SUBSET_LIMITS: SubsetLimits = { maxItems: 24, maxPicked: 6, maxSteps: 60_000 };

export interface SubsetResult {
  solutions: number[][];
  /** False when the budget ran out before the search space was covered. */
  complete: boolean;
}

export function findSubsets(
  items: readonly SubsetItem[],
  targetMinor: number,
  limits: SubsetLimits = DEFAULT_SUBSET_LIMITS,
): SubsetResult {
  const pool = items.slice(0, limits.maxItems).filter((item) => item.amountMinor !== 0);
  // Suffix bounds of what the remaining items can still add, to prune branches early.
  const positiveAfter = new Array<number>(pool.length + 1).fill(0);
  const negativeAfter = new Array<number>(pool.length + 1).fill(0);
  for (let index = pool.length - 1; index >= 0; index--) {
    const amount = pool[index]?.amountMinor ?? 0;
    positiveAfter[index] = (positiveAfter[index + 1] ?? 0) + Math.max(amount, 0);
    negativeAfter[index] = (negativeAfter[index + 1] ?? 0) + Math.min(amount, 0);
  }
  const solutions: number[][] = [];
  const picked: number[] = [];
  let steps = 0;
  let complete = true;
  const search = (start: number, sumMinor: number): boolean => {
    if (++steps > limits.maxSteps) {
      complete = false;
      return true;
    }
    if (picked.length > 0 && sumMinor === targetMinor) {
      solutions.push([...picked]);
      if (solutions.length >= 2) return true;
    }
    if (picked.length >= limits.maxPicked) return false;
    for (let index = start; index < pool.length; index++) {
      const reachableHigh = sumMinor + (positiveAfter[index] ?? 0);
      const reachableLow = sumMinor + (negativeAfter[index] ?? 0);
      if (reachableHigh < targetMinor || reachableLow > targetMinor) return false;
      const item = pool[index] as SubsetItem;
      picked.push(item.id);
      const stop = search(index + 1, sumMinor + item.amountMinor);
      picked.pop();
      if (stop) return true;
    }
    return false;
  };
  search(0, 0);
  return { solutions, complete };
}
