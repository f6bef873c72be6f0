/**
 * The ~300 customers of SA CB2C and how each of them buys and pays (its simulation profile).
 * Everything is drawn from streams derived from the seed, one per concern, so that tuning one
 * aspect (say, names) does not reshuffle another (say, payment habits).
 */
import { addMonths, minDate } from '../core/calendar.ts';
import type { Customer, CustomerType } from '../core/types.ts';
import { buildIdentity } from './customer-identity.ts';
import { type CustomerProfile, DEMO_AS_OF, DEMO_HISTORY_START } from './demo-types.ts';
import { RETAIL_CHAINS, SURNAMES } from './french-data.ts';
import { customerCodeFor } from './identifiers.ts';
import {
  DEMO_TYPE_COUNTS,
  meanDelayFor,
  PORTFOLIO_DRIFT_START,
  paymentMethodFor,
  STRUGGLING_SALESPERSON,
  salespersonFor,
  TYPE_PROFILES,
} from './portfolio-rules.ts';
import { createRng, type Rng } from './random.ts';

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
    specs.push({
      customerType: 'large_retail',
      name: headName,
      groupKey: headName,
      isGroupHead: true,
      sizeFactor: 1.6,
    });
    for (const city of rng
      .shuffle(['Bron', 'Vénissieux', 'Grenoble', 'Annecy', 'Villefranche', 'Valence'])
      .slice(0, 3)) {
      const name = `${storePrefix} ${city}`;
      specs.push({
        customerType: 'large_retail',
        name,
        groupKey: headName,
        isGroupHead: false,
        sizeFactor: 0.7,
      });
    }
  }
  const wholesaleGroup = `Groupe ${rng.pick(SURNAMES)} Distribution`;
  specs.push({
    customerType: 'wholesaler',
    name: wholesaleGroup,
    groupKey: wholesaleGroup,
    isGroupHead: true,
    sizeFactor: 1.5,
  });
  for (const branch of ['Agence Lyon Nord', 'Agence Grenoble']) {
    const name = `${wholesaleGroup} – ${branch}`;
    specs.push({
      customerType: 'wholesaler',
      name,
      groupKey: wholesaleGroup,
      isGroupHead: false,
      sizeFactor: 0.8,
    });
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
function activityWindow(rng: Rng): { firstInvoiceDate: string; lastInvoiceDate: string } {
  // Most accounts are older than the history; some were opened during it, a few lost along the way.
  const firstInvoiceDate = rng.chance(0.85)
    ? DEMO_HISTORY_START
    : addMonths(DEMO_HISTORY_START, rng.int(2, 28));
  const lastInvoiceDate = rng.chance(0.06) ? addMonths(firstInvoiceDate, rng.int(8, 20)) : DEMO_AS_OF;
  return { firstInvoiceDate, lastInvoiceDate: minDate(lastInvoiceDate, DEMO_AS_OF) };
}

function buildProfile(spec: CustomerSpec, code: string, seed: number): CustomerProfile {
  const rng = createRng(seed, 'profile', code);
  const typeProfile = TYPE_PROFILES[spec.customerType];
  const behaviour = rng.weighted(typeProfile.behaviours);
  const salesperson = salespersonFor(spec.customerType, behaviour, rng);
  const window = spec.groupKey
    ? { firstInvoiceDate: DEMO_HISTORY_START, lastInvoiceDate: DEMO_AS_OF }
    : activityWindow(rng);
  // The slowdown of the last year hits about half the customers, and all of the struggling salesperson's, harder.
  const isStruggling = salesperson === STRUGGLING_SALESPERSON;
  const driftMaxDays = isStruggling ? rng.between(25, 45) : rng.chance(0.5) ? rng.between(3, 12) : 0;
  const paysInRuns =
    spec.customerType === 'large_retail' || (spec.customerType === 'wholesaler' && rng.chance(0.4));
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

/** Two shops called "Droguerie du Beffroi" exist, but in different towns: say which. */
function distinctName(name: string, city: string, usedNames: Set<string>): string {
  let candidate = usedNames.has(name) ? `${name} (${city})` : name;
  for (let suffix = 2; usedNames.has(candidate); suffix++) candidate = `${name} (${city} ${suffix})`;
  usedNames.add(candidate);
  return candidate;
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
  const usedNames = new Set<string>();
  specs.forEach((spec, index) => {
    const code = codes[index] ?? customerCodeFor(index + 1);
    const profile = buildProfile(spec, code, seed);
    const identity = buildIdentity(index, spec.customerType, createRng(seed, 'identity', code), spec.name);
    identity.name = distinctName(identity.name, identity.address.city ?? '', usedNames);
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
