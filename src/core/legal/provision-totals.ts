/**
 * The provision's totals, one per currency: a line is in its invoice's currency, and euros and
 * dollars do not add up into one figure. The shape is the app's for amounts per currency (as a
 * dunning run's `totals`): one entry per currency, with its code, in code order.
 */
import type { ProvisionCase, ProvisionLine, ProvisionMovement } from './provision.ts';

export type ProvisionBasis = 'age' | ProvisionCase;

export interface ProvisionTotal {
  currency: string;
  totalMinor: number;
  byBasis: Record<ProvisionBasis, number>;
}

export interface ProvisionMovementTotal {
  currency: string;
  openingMinor: number;
  allowanceMinor: number;
  reversalMinor: number;
  usedMinor: number;
  closingMinor: number;
}

const byCurrencyCode = <T extends { currency: string }>(totals: Map<string, T>): T[] =>
  [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));

/** The provision of the lines per currency, and per basis within each. */
export function provisionTotals(
  lines: readonly Pick<ProvisionLine, 'currency' | 'basis' | 'provisionMinor'>[],
): ProvisionTotal[] {
  const totals = new Map<string, ProvisionTotal>();
  for (const line of lines) {
    let total = totals.get(line.currency);
    if (!total) {
      total = {
        currency: line.currency,
        totalMinor: 0,
        byBasis: { age: 0, collective_procedure: 0, dispute: 0 },
      };
      totals.set(line.currency, total);
    }
    total.totalMinor += line.provisionMinor;
    total.byBasis[line.basis] += line.provisionMinor;
  }
  return byCurrencyCode(totals);
}

/** The movements of the period per currency: opening + allowance − reversal − used = closing in each. */
export function movementTotals(items: readonly ProvisionMovement[]): ProvisionMovementTotal[] {
  const totals = new Map<string, ProvisionMovementTotal>();
  for (const item of items) {
    let total = totals.get(item.currency);
    if (!total) {
      total = {
        currency: item.currency,
        openingMinor: 0,
        allowanceMinor: 0,
        reversalMinor: 0,
        usedMinor: 0,
        closingMinor: 0,
      };
      totals.set(item.currency, total);
    }
    total.openingMinor += item.openingMinor;
    total.allowanceMinor += item.allowanceMinor;
    total.reversalMinor += item.reversalMinor;
    total.usedMinor += item.usedMinor;
    total.closingMinor += item.closingMinor;
  }
  return byCurrencyCode(totals);
}
