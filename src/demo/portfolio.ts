/**
 * The ~300 customers of SA CB2C and how each of them buys and pays (its simulation profile).
 * Everything is drawn from streams derived from the seed, one per concern, so that tuning one
 * aspect (say, names) does not reshuffle another (say, payment habits).
 */
import { addMonths } from '../core/calendar.ts';
import type { Customer, CustomerType } from '../core/types.ts';
import { buildIdentity } from './customer-identity.ts';
import {
  type CustomerProfile,
  DEMO_AS_OF,
  DEMO_HISTORY_START,
  type PayerBehaviour,
  type PaymentMethod,
} from './demo-types.ts';
import { RETAIL_CHAINS, SURNAMES } from './french-data.ts';
import { customerCodeFor } from './identifiers.ts';
import { createRng, type Rng } from './random.ts';

/** Number of customers of each type (the 'other' type is not used by CB2C). */
export const DEMO_TYPE_COUNTS: Readonly<Partial<Record<CustomerType, number>>> = {
  large_retail: 15,
  wholesaler: 35,
  independent_retailer: 120,
  sme: 90,
  public_body: 25,
  export: 15,
};

interface TypeProfile {
  invoicesPerMonth: number;
  medianInvoiceMinor: number;
  terms: readonly (readonly [string, number])[];
  behaviours: readonly (readonly [PayerBehaviour, number])[];
}

const TYPE_PROFILES: Record<CustomerType, TypeProfile> = {
  large_retail: {
    invoicesPerMonth: 3,
    medianInvoiceMinor: 900_000,
    terms: [['eom:45', 0.45], ['net:60', 0.25], ['net:45', 0.3]],
    behaviours: [['punctual', 0.65], ['slow', 0.31], ['deteriorating', 0.04]],
  },
  wholesaler: {
    invoicesPerMonth: 2.5,
    medianInvoiceMinor: 450_000,
    terms: [['eom:45', 0.3], ['net:45', 0.3], ['net:30', 0.4]],
    behaviours: [['punctual', 0.4], ['slow', 0.35], ['erratic', 0.1], ['deteriorating', 0.15]],
  },
  independent_retailer: {
    invoicesPerMonth: 0.8,
    medianInvoiceMinor: 90_000,
    terms: [['net:30', 0.8], ['eom:30', 0.2]],
    behaviours: [['punctual', 0.35], ['slow', 0.3], ['erratic', 0.25], ['deteriorating', 0.1]],
  },
  sme: {
    invoicesPerMonth: 1.2,
    medianInvoiceMinor: 130_000,
    terms: [['net:30', 0.5], ['eom:45', 0.25], ['eom_plus:30:10', 0.25]],
    behaviours: [['punctual', 0.4], ['slow', 0.3], ['erratic', 0.15], ['deteriorating', 0.15]],
  },
  public_body: {
    invoicesPerMonth: 1,
    medianInvoiceMinor: 250_000,
    // Public purchasers must pay within 30 days (Code de la commande publique, R2192-10).
    terms: [['net:30', 1]],
    behaviours: [['punctual', 0.3], ['slow', 0.65], ['erratic', 0.05]],
  },
  export: {
    invoicesPerMonth: 1,
    medianInvoiceMinor: 700_000,
    terms: [['net:60', 1]],
    behaviours: [['punctual', 0.5], ['slow', 0.35], ['erratic', 0.1], ['deteriorating', 0.05]],
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

interface CustomerSpec {
  customerType: CustomerType;
  name: string | null;
  /** Members of a group share a key; the head carries `isGroupHead`. */
  groupKey: string | null;
  isGroupHead: boolean;
  sizeFactor: number;
}

function groupSpecs(rng: Rng): CustomerSpec[] {
  const specs: CustomerSpec[] = [];
  for (const [headName, storePrefix] of RETAIL_CHAINS) {
    specs.push({ customerType: 'large_retail', name: headName, groupKey: headName, isGroupHead: true, sizeFactor: 1.6 });
    for (const city of rng.shuffle(['Bron', 'Vénissieux', 'Grenoble', 'Annecy', 'Villefranche', 'Valence']).slice(0, 3)) {
      const name = `${storePrefix} ${city}`;
      specs.push({ customerType: 'large_retail', name, groupKey: headName, isGroupHead: false, sizeFactor: 0.7 });
    }
  }
  const wholesaleGroup = `Groupe ${rng.pick(SURNAMES)} Distribution`;
  specs.push({ customerType: 'wholesaler', name: wholesaleGroup, groupKey: wholesaleGroup, isGroupHead: true, sizeFactor: 1.5 });
  for (const branch of ['Agence Lyon Nord', 'Agence Grenoble']) {
    const name = `${wholesaleGroup} – ${branch}`;
    specs.push({ customerType: 'wholesaler', name, groupKey: wholesaleGroup, isGroupHead: false, sizeFactor: 0.8 });
  }
  return specs;
}

function portfolioSpecs(rng: Rng): CustomerSpec[] {
  const specs = groupSpecs(rng);
  for (const [customerType, count] of Object.entries(DEMO_TYPE_COUNTS) as [CustomerType, number][]) {
    const already = specs.filter((spec) => spec.customerType === customerType).length;
    for (let index = already; index < count; index++) {
      specs.push({ customerType, name: null, groupKey: null, isGroupHead: false, sizeFactor: 1 });
    }
  }
  // Customer codes follow account opening order, which mixes types.
  return rng.shuffle(specs);
}

/** Sales are organised by channel; the struggling salesperson covers traditional trade and SMEs. */
function salespersonFor(customerType: CustomerType, behaviour: PayerBehaviour, rng: Rng): string {
  const isTraditionalTrade = customerType === 'independent_retailer' || customerType === 'sme';
  if (isTraditionalTrade && behaviour === 'deteriorating' && rng.chance(0.7)) return STRUGGLING_SALESPERSON;
  switch (customerType) {
    case 'export':
      return rng.weighted([['Thomas Girard', 0.85], ['Sophie Bernard', 0.15]]);
    case 'public_body':
      return rng.weighted([['Nadia Benali', 0.8], ['Julie Lefèvre', 0.2]]);
    case 'large_retail':
      return rng.weighted([['Sophie Bernard', 0.6], ['Julie Lefèvre', 0.4]]);
    case 'wholesaler':
      return rng.weighted([['Julie Lefèvre', 0.45], ['Sophie Bernard', 0.35], ['Thomas Girard', 0.2]]);
    case 'independent_retailer':
      return rng.weighted([[STRUGGLING_SALESPERSON, 0.45], ['Julie Lefèvre', 0.25], ['Nadia Benali', 0.3]]);
    default:
      return rng.weighted([[STRUGGLING_SALESPERSON, 0.35], ['Thomas Girard', 0.35], ['Nadia Benali', 0.3]]);
  }
}

function paymentMethodFor(customerType: CustomerType, rng: Rng): PaymentMethod {
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
      return rng.weighted([['transfer', 0.6], ['cheque', 0.25], ['lcr', 0.15]]);
  }
}

function meanDelayFor(behaviour: PayerBehaviour, customerType: CustomerType, rng: Rng): number {
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

function activityWindow(rng: Rng): { firstInvoiceDate: string; lastInvoiceDate: string } {
  // Most accounts are older than the history; some were opened during it, a few lost along the way.
  const firstInvoiceDate = rng.chance(0.85) ? DEMO_HISTORY_START : addMonths(DEMO_HISTORY_START, rng.int(2, 28));
  const lastInvoiceDate = rng.chance(0.06) ? addMonths(firstInvoiceDate, rng.int(8, 20)) : DEMO_AS_OF;
  return { firstInvoiceDate, lastInvoiceDate: lastInvoiceDate > DEMO_AS_OF ? DEMO_AS_OF : lastInvoiceDate };
}

function buildProfile(spec: CustomerSpec, code: string, seed: number): CustomerProfile {
  const rng = createRng(seed, 'profile', code);
  const typeProfile = TYPE_PROFILES[spec.customerType];
  const behaviour = rng.weighted(typeProfile.behaviours);
  const salesperson = salespersonFor(spec.customerType, behaviour, rng);
  const window = spec.groupKey ? { firstInvoiceDate: DEMO_HISTORY_START, lastInvoiceDate: DEMO_AS_OF } : activityWindow(rng);
  // The slowdown of the last year hits about half the customers, and all of the struggling salesperson's, harder.
  const isStruggling = salesperson === STRUGGLING_SALESPERSON;
  const driftMaxDays = isStruggling ? rng.between(25, 45) : rng.chance(0.5) ? rng.between(3, 12) : 0;
  const paysInRuns = spec.customerType === 'large_retail' || (spec.customerType === 'wholesaler' && rng.chance(0.4));
  return {
    code,
    customerType: spec.customerType,
    salesperson,
    paymentTerms: rng.weighted(typeProfile.terms),
    behaviour,
    invoicesPerMonth: typeProfile.invoicesPerMonth * (spec.isGroupHead ? 1.3 : rng.between(0.6, 1.5)),
    medianInvoiceMinor: Math.round(typeProfile.medianInvoiceMinor * spec.sizeFactor * rng.logNormal(1, 0.45)),
    paymentRunDay: paysInRuns ? rng.pick([5, 10, 12]) : null,
    meanDelayDays: meanDelayFor(behaviour, spec.customerType, rng),
    driftMaxDays,
    // The struggling salesperson's customers slide later but faster: his overdue grows every month.
    driftStart: isStruggling ? '2025-11-01' : PORTFOLIO_DRIFT_START,
    deteriorationMaxDays: behaviour === 'deteriorating' ? rng.between(30, 70) : 0,
    deteriorationStart: addMonths(DEMO_AS_OF, -rng.int(12, 18)),
    ...window,
    stopPayingDueFrom: null,
    neverReminded: false,
    volumeBoostFrom: null,
    volumeBoostFactor: 1,
    partialPaymentRate: behaviour === 'erratic' ? 0.15 : 0.02,
    paymentMethod: paymentMethodFor(spec.customerType, rng),
  };
}

export interface Portfolio {
  customers: Customer[];
  profiles: CustomerProfile[];
}

/** Builds the customers and their profiles; credit limits are set later, from the simulated history. */
export function buildPortfolio(seed: number): Portfolio {
  const specs = portfolioSpecs(createRng(seed, 'portfolio'));
  const codes = specs.map((_, index) => customerCodeFor(index + 1));
  const headCodes = new Map<string, string>();
  specs.forEach((spec, index) => {
    if (spec.isGroupHead && spec.groupKey) headCodes.set(spec.groupKey, codes[index] ?? '');
  });
  const customers: Customer[] = [];
  const profiles: CustomerProfile[] = [];
  specs.forEach((spec, index) => {
    const code = codes[index] ?? customerCodeFor(index + 1);
    const profile = buildProfile(spec, code, seed);
    const identity = buildIdentity(index, spec.customerType, createRng(seed, 'identity', code), spec.name);
    profiles.push(profile);
    customers.push({
      code,
      ...identity,
      customerType: spec.customerType,
      groupCode: spec.groupKey && !spec.isGroupHead ? (headCodes.get(spec.groupKey) ?? null) : null,
      salesperson: profile.salesperson,
      paymentTerms: profile.paymentTerms,
      currency: 'EUR',
      creditLimitMinor: null,
      status: 'active',
    });
  });
  return { customers, profiles };
}
