/**
 * Credit limits as a credit manager would have set them a year before the as-of date: the peak
 * exposure seen over the previous twelve months plus a margin, rounded. Public bodies get none
 * (they cannot go bankrupt); a few private customers were simply never given one.
 */
import { addDays, addMonths, endOfMonth } from '../core/calendar.ts';
import type { Customer, CustomerEvent, IsoDate } from '../core/types.ts';
import { DEMO_AS_OF } from './demo-types.ts';
import { euros } from './french-format.ts';
import type { LedgerReplay } from './ledger-replay.ts';
import { nextBusinessDay } from './payment-behaviour.ts';
import { type PlantedCustomers, RECEIVERSHIP_JUDGMENT_DATE } from './planting.ts';
import { createRng } from './random.ts';

const MISSING_LIMIT_RATE = 0.07;
const REVIEW_PERIOD_START: IsoDate = '2024-07-31';
const REVIEW_PERIOD_END: IsoDate = '2025-06-30';

const MINIMUM_LIMIT_MINOR: Readonly<Record<string, number>> = {
  large_retail: 5_000_000,
  wholesaler: 1_500_000,
  export: 1_500_000,
  sme: 500_000,
  independent_retailer: 300_000,
};

/** Round figures as people choose them: 1 000 € steps below 10 000 €, then 5 000 €, 10 000 €, 50 000 €. */
export function roundLimitMinor(amountMinor: number, direction: 'up' | 'down' = 'up'): number {
  const step =
    amountMinor < 1_000_000
      ? 100_000
      : amountMinor < 5_000_000
        ? 500_000
        : amountMinor < 20_000_000
          ? 1_000_000
          : 5_000_000;
  const rounded =
    direction === 'up' ? Math.ceil(amountMinor / step) * step : Math.floor(amountMinor / step) * step;
  return Math.max(step, rounded);
}

function peakBalanceMinor(replay: LedgerReplay, customerCode: string): number {
  let peakMinor = 0;
  for (let date = REVIEW_PERIOD_START; date <= REVIEW_PERIOD_END; date = endOfMonth(addMonths(date, 1))) {
    peakMinor = Math.max(peakMinor, replay.balanceAt(customerCode, date));
  }
  return peakMinor;
}

function limitEvent(customerCode: string, eventDate: IsoDate, detail: string): CustomerEvent {
  return { customerCode, kind: 'limit_change', eventDate, documentRef: null, detail };
}

export interface CreditLimitResult {
  /** Private customers without a limit, largest exposure at the as-of date first. */
  noLimitCodes: string[];
  events: CustomerEvent[];
}

export function assignCreditLimits(
  customers: Customer[],
  replay: LedgerReplay,
  planted: PlantedCustomers,
  seed: number,
): CreditLimitResult {
  const rng = createRng(seed, 'credit-limits');
  const events: CustomerEvent[] = [];
  const plantedCodes = new Set([planted.overLimit, planted.receivership, planted.salespersonDriver]);
  for (const customer of customers) {
    const isMissing = rng.chance(MISSING_LIMIT_RATE);
    const marginFactor = rng.between(1.2, 1.8);
    const reviewDate = nextBusinessDay(addDays('2025-07-01', rng.int(0, 60)));
    const hasReviewEvent = rng.chance(0.3);
    if (customer.customerType === 'public_body' || (isMissing && !plantedCodes.has(customer.code))) continue;
    const minimumMinor = MINIMUM_LIMIT_MINOR[customer.customerType] ?? 300_000;
    const limitMinor = roundLimitMinor(
      Math.max(minimumMinor, peakBalanceMinor(replay, customer.code) * marginFactor),
    );
    customer.creditLimitMinor = limitMinor;
    if (hasReviewEvent) {
      const previousMinor = roundLimitMinor(limitMinor * 0.7, 'down');
      const detail = `Révision annuelle du plafond de crédit\u00a0: ${euros(previousMinor)} → ${euros(limitMinor)}`;
      events.push(limitEvent(customer.code, reviewDate, detail));
    }
  }
  plantOverLimit(customers, replay, planted, events);
  const receivership = customers.find((customer) => customer.code === planted.receivership);
  if (receivership) {
    // The line states the limit it replaces, as a credit manager's note would: the history reads it.
    const previousMinor = receivership.creditLimitMinor;
    receivership.creditLimitMinor = 0;
    const lowered =
      previousMinor === null ? 'Plafond ramené à 0 €' : `Plafond ramené de ${euros(previousMinor)} à 0 €`;
    const detail = `${lowered}\u00a0: ouverture d’une procédure collective, livraisons au comptant uniquement`;
    events.push(
      limitEvent(receivership.code, nextBusinessDay(addDays(RECEIVERSHIP_JUDGMENT_DATE, 3)), detail),
    );
  }
  const noLimitCodes = customers
    .filter((customer) => customer.creditLimitMinor === null && customer.customerType !== 'public_body')
    .map((customer) => ({ code: customer.code, balanceMinor: replay.balanceAt(customer.code, DEMO_AS_OF) }))
    .sort((a, b) => b.balanceMinor - a.balanceMinor || (a.code < b.code ? -1 : 1))
    .map((entry) => entry.code);
  return { noLimitCodes, events };
}

/** The fast-growing account: its limit was set on last year's volumes and is now well exceeded. */
function plantOverLimit(
  customers: Customer[],
  replay: LedgerReplay,
  planted: PlantedCustomers,
  events: CustomerEvent[],
): void {
  const customer = customers.find((candidate) => candidate.code === planted.overLimit);
  if (!customer) return;
  const balanceMinor = replay.balanceAt(customer.code, DEMO_AS_OF);
  const limitMinor = roundLimitMinor(Math.max(100_000, balanceMinor * 0.6), 'down');
  customer.creditLimitMinor = limitMinor;
  const detail = `Plafond de crédit fixé à ${euros(limitMinor)} sur la base des volumes 2025`;
  events.push(limitEvent(customer.code, '2025-09-15', detail));
}
