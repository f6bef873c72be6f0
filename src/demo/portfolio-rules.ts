/**
 * How each type of customer buys and pays at CB2C: invoicing rhythm and size, payment terms,
 * payer behaviours, payment methods, and which salesperson covers which channel.
 */
import type { CustomerType } from '../core/types.ts';
import type { PayerBehaviour, PaymentMethod } from './demo-types.ts';
import type { Rng } from './random.ts';

/** Number of customers of each type (the 'other' type is not used by CB2C). */
export const DEMO_TYPE_COUNTS: Readonly<Partial<Record<CustomerType, number>>> = {
  large_retail: 15,
  wholesaler: 35,
  independent_retailer: 120,
  sme: 90,
  public_body: 25,
  export: 15,
};

export interface TypeProfile {
  invoicesPerMonth: number;
  medianInvoiceMinor: number;
  terms: readonly (readonly [string, number])[];
  behaviours: readonly (readonly [PayerBehaviour, number])[];
}

export const TYPE_PROFILES: Record<CustomerType, TypeProfile> = {
  large_retail: {
    invoicesPerMonth: 3,
    medianInvoiceMinor: 900_000,
    terms: [
      ['eom:45', 0.45],
      ['net:60', 0.25],
      ['net:45', 0.3],
    ],
    behaviours: [
      ['punctual', 0.65],
      ['slow', 0.31],
      ['deteriorating', 0.04],
    ],
  },
  wholesaler: {
    invoicesPerMonth: 2.5,
    medianInvoiceMinor: 450_000,
    terms: [
      ['eom:45', 0.3],
      ['net:45', 0.3],
      ['net:30', 0.4],
    ],
    behaviours: [
      ['punctual', 0.4],
      ['slow', 0.35],
      ['erratic', 0.1],
      ['deteriorating', 0.15],
    ],
  },
  independent_retailer: {
    invoicesPerMonth: 0.8,
    medianInvoiceMinor: 90_000,
    terms: [
      ['net:30', 0.8],
      ['eom:30', 0.2],
    ],
    behaviours: [
      ['punctual', 0.35],
      ['slow', 0.3],
      ['erratic', 0.25],
      ['deteriorating', 0.1],
    ],
  },
  sme: {
    invoicesPerMonth: 1.2,
    medianInvoiceMinor: 130_000,
    terms: [
      ['net:30', 0.5],
      ['eom:45', 0.25],
      ['eom_plus:30:10', 0.25],
    ],
    behaviours: [
      ['punctual', 0.4],
      ['slow', 0.3],
      ['erratic', 0.15],
      ['deteriorating', 0.15],
    ],
  },
  public_body: {
    invoicesPerMonth: 1,
    medianInvoiceMinor: 250_000,
    // Public purchasers must pay within 30 days (Code de la commande publique, R2192-10).
    terms: [['net:30', 1]],
    behaviours: [
      ['punctual', 0.3],
      ['slow', 0.65],
      ['erratic', 0.05],
    ],
  },
  export: {
    invoicesPerMonth: 1,
    medianInvoiceMinor: 700_000,
    terms: [['net:60', 1]],
    behaviours: [
      ['punctual', 0.5],
      ['slow', 0.35],
      ['erratic', 0.1],
      ['deteriorating', 0.05],
    ],
  },
  other: {
    invoicesPerMonth: 1,
    medianInvoiceMinor: 100_000,
    terms: [['net:30', 1]],
    behaviours: [['punctual', 1]],
  },
};

/** The portfolio-wide slowdown starts for invoices due from this date and peaks at the as-of date. */
export const PORTFOLIO_DRIFT_START = '2025-06-01';

/** The salesperson whose portfolio deteriorates (planted situation). */
export const STRUGGLING_SALESPERSON = 'Karim Haddad';

export function salespersonFor(customerType: CustomerType, behaviour: PayerBehaviour, rng: Rng): string {
  const isTraditionalTrade = customerType === 'independent_retailer' || customerType === 'sme';
  if (isTraditionalTrade && behaviour === 'deteriorating' && rng.chance(0.7)) return STRUGGLING_SALESPERSON;
  switch (customerType) {
    case 'export':
      return rng.weighted([
        ['Thomas Girard', 0.85],
        ['Sophie Bernard', 0.15],
      ]);
    case 'public_body':
      return rng.weighted([
        ['Nadia Benali', 0.8],
        ['Julie Lefèvre', 0.2],
      ]);
    case 'large_retail':
      return rng.weighted([
        ['Sophie Bernard', 0.6],
        ['Julie Lefèvre', 0.4],
      ]);
    case 'wholesaler':
      return rng.weighted([
        ['Julie Lefèvre', 0.45],
        ['Sophie Bernard', 0.35],
        ['Thomas Girard', 0.2],
      ]);
    case 'independent_retailer':
      return rng.weighted([
        [STRUGGLING_SALESPERSON, 0.45],
        ['Julie Lefèvre', 0.25],
        ['Nadia Benali', 0.3],
      ]);
    default:
      return rng.weighted([
        [STRUGGLING_SALESPERSON, 0.35],
        ['Thomas Girard', 0.35],
        ['Nadia Benali', 0.3],
      ]);
  }
}

export function paymentMethodFor(customerType: CustomerType, rng: Rng): PaymentMethod {
  switch (customerType) {
    case 'large_retail':
      return rng.chance(0.6) ? 'lcr' : 'transfer';
    case 'public_body':
      return 'public_mandate';
    case 'export':
      return 'swift';
    case 'independent_retailer':
      return rng.chance(0.55) ? 'cheque' : 'transfer';
    default:
      return rng.weighted([
        ['transfer', 0.6],
        ['cheque', 0.25],
        ['lcr', 0.15],
      ]);
  }
}

export function meanDelayFor(behaviour: PayerBehaviour, customerType: CustomerType, rng: Rng): number {
  switch (behaviour) {
    case 'punctual':
      return rng.between(-2, 3);
    case 'slow':
      // Big retailers that pay late do so by a couple of weeks; small accounts by up to a month.
      return customerType === 'large_retail' ? rng.between(4, 15) : rng.between(6, 26);
    case 'erratic':
      return rng.between(5, 25);
    default:
      return rng.between(0, 8);
  }
}
