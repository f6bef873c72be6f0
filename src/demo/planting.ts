/**
 * Chooses the customers that carry the planted situations of the teaching scenario and bends their
 * profiles so that the situation is bound to show in the data (a receivership, a customer nobody
 * ever reminded, a salesperson whose portfolio slides…). Picking is seeded like everything else.
 */
import type { Customer } from '../core/types.ts';
import type { CustomerProfile } from './demo-types.ts';
import { DEMO_AS_OF, DEMO_HISTORY_START } from './demo-types.ts';
import { STRUGGLING_SALESPERSON } from './portfolio.ts';
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

const COURT_CITIES = ['Lyon', 'Grenoble', 'Saint-Étienne', 'Villefranche-sur-Saône', 'Bourg-en-Bresse', 'Annecy', 'Chambéry', 'Valence'];

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

export function plantCustomers(customers: Customer[], profiles: CustomerProfile[], seed: number): PlantedCustomers {
  const rng = createRng(seed, 'planting');
  const groupHeads = new Set(customers.flatMap((customer) => (customer.groupCode ? [customer.groupCode] : [])));
  const customerByCode = new Map(customers.map((customer) => [customer.code, customer]));
  const plain = profiles.filter((profile) => {
    const customer = customerByCode.get(profile.code);
    return customer !== undefined && isPlainCustomer(customer, groupHeads);
  });
  const ofTypes = (...types: string[]) => plain.filter((profile) => types.includes(profile.customerType));
  const taken = new Set<string>();

  // A wholesaler handed over to the struggling salesperson, who kept delivering it.
  const driver = takeCandidate(ofTypes('wholesaler').filter((p) => p.behaviour !== 'erratic'), taken, rng, 'driver');
  Object.assign(driver, {
    salesperson: STRUGGLING_SALESPERSON,
    behaviour: 'deteriorating',
    paymentTerms: 'net:30',
    medianInvoiceMinor: 600_000,
    invoicesPerMonth: 4.5,
    deteriorationStart: '2025-03-01',
    deteriorationMaxDays: 40,
    // Silent default: nothing due since early November has been paid, yet deliveries went on — and
    // grew, as other suppliers had cut the customer off.
    stopPayingDueFrom: '2025-11-05',
    volumeBoostFrom: '2025-10-01',
    volumeBoostFactor: 1.4,
    paymentRunDay: null,
  } satisfies Partial<CustomerProfile>);

  const notStruggling = (list: CustomerProfile[]) => list.filter((p) => p.salesperson !== STRUGGLING_SALESPERSON);
  const inCourtCity = ofTypes('sme', 'wholesaler').filter((p) => COURT_CITIES.includes(customerByCode.get(p.code)?.address.city ?? ''));
  const receivership = takeCandidate(notStruggling(inCourtCity.length > 0 ? inCourtCity : ofTypes('sme')), taken, rng, 'receivership');
  Object.assign(receivership, {
    behaviour: 'deteriorating',
    medianInvoiceMinor: Math.max(receivership.medianInvoiceMinor * 2, 400_000),
    invoicesPerMonth: Math.max(receivership.invoicesPerMonth, 2),
    deteriorationStart: '2025-06-01',
    deteriorationMaxDays: 45,
    stopPayingDueFrom: '2026-01-20',
    lastInvoiceDate: '2026-04-30',
  } satisfies Partial<CustomerProfile>);
  const receivershipCustomer = customerByCode.get(receivership.code);
  const courtCity = receivershipCustomer?.address.city ?? 'Lyon';

  const chronicLate = takeCandidate(notStruggling(ofTypes('independent_retailer', 'sme')), taken, rng, 'chronic late');
  Object.assign(chronicLate, {
    behaviour: 'slow',
    meanDelayDays: 50,
    driftMaxDays: 0,
    medianInvoiceMinor: Math.max(chronicLate.medianInvoiceMinor, 250_000),
    invoicesPerMonth: Math.max(chronicLate.invoicesPerMonth, 2.5),
    stopPayingDueFrom: '2025-12-15',
    neverReminded: true,
  } satisfies Partial<CustomerProfile>);

  const goodPayers = (list: CustomerProfile[]) => notStruggling(list).filter((p) => p.behaviour === 'punctual');
  const dispute = takeCandidate(goodPayers(ofTypes('wholesaler', 'sme')), taken, rng, 'dispute');
  Object.assign(dispute, { invoicesPerMonth: Math.max(dispute.invoicesPerMonth, 1.5), paymentRunDay: null } satisfies Partial<CustomerProfile>);

  const bounced = takeCandidate(goodPayers(ofTypes('independent_retailer', 'sme')), taken, rng, 'bounced');
  Object.assign(bounced, {
    paymentMethod: 'cheque',
    invoicesPerMonth: Math.max(bounced.invoicesPerMonth, 1.5),
    paymentRunDay: null,
  } satisfies Partial<CustomerProfile>);

  const overLimit = takeCandidate(goodPayers(ofTypes('wholesaler', 'sme')), taken, rng, 'over limit');
  Object.assign(overLimit, {
    behaviour: 'slow',
    meanDelayDays: 15,
    // A fast-growing account: volumes doubled this year, the credit limit did not follow.
    volumeBoostFrom: '2026-01-01',
    volumeBoostFactor: 2.4,
  } satisfies Partial<CustomerProfile>);

  const transferPayers = notStruggling(ofTypes('sme', 'wholesaler', 'independent_retailer')).filter((p) => p.paymentMethod === 'transfer');
  const unappliedCash = [0, 1, 2].map(() => takeCandidate(transferPayers, taken, rng, 'unapplied cash').code);

  return {
    receivership: receivership.code,
    receivershipCourtCity: COURT_CITIES.includes(courtCity) ? courtCity : 'Lyon',
    dispute: dispute.code,
    bounced: bounced.code,
    chronicLate: chronicLate.code,
    salespersonDriver: driver.code,
    overLimit: overLimit.code,
    unappliedCash,
  };
}
