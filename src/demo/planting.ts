/**
 * Chooses the customers that carry the planted situations of the teaching scenario and bends their
 * profiles so that the situation is bound to show in the data (a receivership, a customer nobody
 * ever reminded, a salesperson whose portfolio slides…). Picking is seeded like everything else.
 */
import type { Customer } from '../core/types.ts';
import type { CustomerProfile } from './demo-types.ts';
import { DEMO_AS_OF, DEMO_HISTORY_START } from './demo-types.ts';
import { STRUGGLING_SALESPERSON } from './portfolio-rules.ts';
import { createRng, type Rng } from './random.ts';

export const RECEIVERSHIP_JUDGMENT_DATE = '2026-05-12';

export interface PlantedCustomers {
  receivership: string;
  /** City of the commercial court that opened the proceedings. */
  receivershipCourtCity: string;
  dispute: string;
  bounced: string;
  chronicLate: string;
  /** The struggling salesperson's customer that stopped paying and drives the growth of their overdue. */
  salespersonDriver: string;
  overLimit: string;
  unappliedCash: string[];
}

const COURT_CITIES = [
  'Lyon',
  'Grenoble',
  'Saint-Étienne',
  'Villefranche-sur-Saône',
  'Bourg-en-Bresse',
  'Annecy',
  'Chambéry',
  'Valence',
];

/** Customers outside groups, active over the whole history: their story is easy to read. */
function isPlainCustomer(customer: Customer, groupHeads: ReadonlySet<string>): boolean {
  return customer.groupCode === null && !groupHeads.has(customer.code);
}

function takeCandidate(
  candidates: readonly CustomerProfile[],
  taken: Set<string>,
  rng: Rng,
  label: string,
): CustomerProfile {
  const free = candidates.filter((profile) => !taken.has(profile.code));
  if (free.length === 0) throw new Error(`no customer available for the planted situation "${label}"`);
  const chosen = rng.pick(free);
  taken.add(chosen.code);
  // Planted customers buy over the whole history so that their story has a beginning.
  chosen.firstInvoiceDate = DEMO_HISTORY_START;
  chosen.lastInvoiceDate = DEMO_AS_OF;
  return chosen;
}

interface PlantingContext {
  rng: Rng;
  taken: Set<string>;
  /** Customers outside groups, the only ones planted. */
  plain: CustomerProfile[];
  customerByCode: ReadonlyMap<string, Customer>;
}

/** Plain customers of the given types, not followed by the struggling salesperson unless asked. */
function candidatesOf(
  context: PlantingContext,
  types: readonly string[],
  keep: (profile: CustomerProfile) => boolean = (profile) => profile.salesperson !== STRUGGLING_SALESPERSON,
): CustomerProfile[] {
  return context.plain.filter((profile) => types.includes(profile.customerType) && keep(profile));
}

function plant(
  context: PlantingContext,
  label: string,
  candidates: readonly CustomerProfile[],
  changes: (profile: CustomerProfile) => Partial<CustomerProfile>,
): CustomerProfile {
  const chosen = takeCandidate(candidates, context.taken, context.rng, label);
  return Object.assign(chosen, changes(chosen));
}

/** A wholesaler handed over to the struggling salesperson, who kept delivering it. */
function plantSalespersonDriver(context: PlantingContext): CustomerProfile {
  const candidates = candidatesOf(context, ['wholesaler'], (profile) => profile.behaviour !== 'erratic');
  return plant(context, 'salesperson driver', candidates, () => ({
    salesperson: STRUGGLING_SALESPERSON,
    behaviour: 'deteriorating',
    paymentTerms: 'net:30',
    medianInvoiceMinor: 700_000,
    invoicesPerMonth: 4.5,
    deteriorationStart: '2025-03-01',
    deteriorationMaxDays: 40,
    // Silent default: nothing due since early November has been paid, yet deliveries went on — and
    // grew, as other suppliers had cut the customer off.
    stopPayingDueFrom: '2025-11-05',
    volumeBoostFrom: '2025-10-01',
    volumeBoostFactor: 1.4,
    paymentRunDay: null,
  }));
}

function plantReceivership(context: PlantingContext): { profile: CustomerProfile; courtCity: string } {
  const cityOf = (profile: CustomerProfile) => context.customerByCode.get(profile.code)?.address.city ?? '';
  const inCourtCity = candidatesOf(context, ['sme', 'wholesaler']).filter((profile) =>
    COURT_CITIES.includes(cityOf(profile)),
  );
  const candidates = inCourtCity.length > 0 ? inCourtCity : candidatesOf(context, ['sme']);
  const profile = plant(context, 'receivership', candidates, (chosen) => ({
    behaviour: 'deteriorating',
    medianInvoiceMinor: Math.max(chosen.medianInvoiceMinor * 2, 400_000),
    invoicesPerMonth: Math.max(chosen.invoicesPerMonth, 2),
    deteriorationStart: '2025-06-01',
    deteriorationMaxDays: 45,
    stopPayingDueFrom: '2026-01-20',
    lastInvoiceDate: '2026-04-30',
  }));
  const city = cityOf(profile);
  return { profile, courtCity: COURT_CITIES.includes(city) ? city : 'Lyon' };
}

function plantChronicLate(context: PlantingContext): CustomerProfile {
  return plant(context, 'chronic late', candidatesOf(context, ['independent_retailer', 'sme']), (chosen) => ({
    behaviour: 'slow',
    meanDelayDays: 50,
    driftMaxDays: 0,
    medianInvoiceMinor: Math.max(chosen.medianInvoiceMinor, 250_000),
    invoicesPerMonth: Math.max(chosen.invoicesPerMonth, 2.5),
    stopPayingDueFrom: '2025-12-15',
    neverReminded: true,
  }));
}

function plantIncidents(context: PlantingContext): { dispute: string; bounced: string; overLimit: string } {
  const goodPayers = (types: readonly string[]) =>
    candidatesOf(context, types).filter((profile) => profile.behaviour === 'punctual');
  const dispute = plant(context, 'dispute', goodPayers(['wholesaler', 'sme']), (chosen) => ({
    invoicesPerMonth: Math.max(chosen.invoicesPerMonth, 1.5),
    paymentRunDay: null,
  }));
  const bounced = plant(context, 'bounced', goodPayers(['independent_retailer', 'sme']), (chosen) => ({
    paymentMethod: 'cheque',
    invoicesPerMonth: Math.max(chosen.invoicesPerMonth, 1.5),
    paymentRunDay: null,
  }));
  // A fast-growing account: volumes doubled this year, the credit limit did not follow.
  const overLimit = plant(context, 'over limit', goodPayers(['wholesaler', 'sme']), () => ({
    behaviour: 'slow',
    meanDelayDays: 15,
    volumeBoostFrom: '2026-01-01',
    volumeBoostFactor: 2.4,
  }));
  return { dispute: dispute.code, bounced: bounced.code, overLimit: overLimit.code };
}

export function plantCustomers(
  customers: Customer[],
  profiles: CustomerProfile[],
  seed: number,
): PlantedCustomers {
  const groupHeads = new Set(
    customers.flatMap((customer) => (customer.groupCode ? [customer.groupCode] : [])),
  );
  const customerByCode = new Map(customers.map((customer) => [customer.code, customer]));
  const plain = profiles.filter((profile) => {
    const customer = customerByCode.get(profile.code);
    return customer !== undefined && isPlainCustomer(customer, groupHeads);
  });
  const context: PlantingContext = {
    rng: createRng(seed, 'planting'),
    taken: new Set(),
    plain,
    customerByCode,
  };
  const driver = plantSalespersonDriver(context);
  const receivership = plantReceivership(context);
  const chronicLate = plantChronicLate(context);
  const incidents = plantIncidents(context);
  const transferPayers = candidatesOf(context, ['sme', 'wholesaler', 'independent_retailer']).filter(
    (profile) => profile.paymentMethod === 'transfer',
  );
  const unappliedCash = [0, 1, 2].map(
    () => takeCandidate(transferPayers, context.taken, context.rng, 'unapplied cash').code,
  );
  return {
    receivership: receivership.profile.code,
    receivershipCourtCity: receivership.courtCity,
    chronicLate: chronicLate.code,
    salespersonDriver: driver.code,
    ...incidents,
    unappliedCash,
  };
}
