/**
 * The credit side of the demo company: a scoring profile for every customer (sector, creation date,
 * legal form, incidents), balance sheets for a few, insurer covers (one of them expired) and the
 * credit-insurance policy of each insurer that covers them (its declaration deadlines), a held
 * order of the customer over its limit and the limit request its salesperson made for it, waiting
 * for its approver, and the customer whose class dropped between the end of 2025 and the reference
 * date. Deterministic: derived from the customers and the planted situations. The demo loading use
 * case seeds these records; the manifest lists the three situations.
 */
import { addMonths } from '../core/calendar.ts';
import type { BalanceSheet } from '../core/credit/financial-ratios.ts';
import type { Customer, CustomerType, IsoDate } from '../core/types.ts';
import { roundLimitMinor } from './credit-limits.ts';
import { DEMO_AS_OF, type DemoDataset, type DemoSituation, type DemoUser } from './demo-types.ts';
import { DEMO_USERS } from './demo-users.ts';
import { euros, frenchDate } from './french-format.ts';

/** The earlier date of the scores, so that the class drop is visible in the history. */
export const CREDIT_PREVIOUS_SCORE_DATE: IsoDate = '2025-12-31';
export const EXPIRED_COVER_END: IsoDate = '2026-03-31';

const SECTOR_RISK: Record<CustomerType, string> = {
  large_retail: 'low',
  wholesaler: 'medium',
  independent_retailer: 'high',
  sme: 'medium',
  public_body: 'low',
  export: 'high',
  other: 'medium',
};

/** A stable number from a code (FNV-1a), so every profile is the same on every run. */
function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16777619) >>> 0;
  return h;
}

function legalFormOf(customer: Customer): string {
  if (customer.customerType === 'public_body') return 'public_body';
  const match = /\b(SAS|SASU|SARL|EURL|SA|SNC|EI)\b/.exec(customer.name);
  return match ? (match[1] ?? 'sas').toLowerCase() : ['sas', 'sarl', 'sa'][hash(customer.code) % 3]!;
}

export interface DemoCreditProfile {
  customerCode: string;
  sectorRisk: string;
  creationDate: IsoDate;
  legalForm: string;
  legalIncidents: number;
}

/** A balance sheet of the demo, for the customer it belongs to. */
export type DemoBalanceSheet = BalanceSheet & { customerCode: string };

export interface DemoCreditPlan {
  profiles: DemoCreditProfile[];
  balanceSheets: DemoBalanceSheet[];
  covers: {
    customerCode: string;
    insurer: string;
    status: 'granted';
    grantedMinor: number;
    insuredShareBps: number;
    effectiveFrom: IsoDate;
    expiresOn: IsoDate | null;
  }[];
  /** One per insurer of the covers: without it a threatened loss has no declaration deadline. */
  policies: DemoInsurancePolicy[];
  limitRequest: {
    customerCode: string;
    requestedMinor: number;
    requestedBy: string;
    justification: string;
    orderRef: string | null;
  };
  heldOrderRef: string | null;
  classDrop: string;
  situations: DemoSituation[];
}

export interface DemoInsurancePolicy {
  insurer: string;
  policyNumber: string;
  /** Days after an unpaid due date to declare the threatened loss. */
  threatenedLossDays: number;
  /** Délai de carence: days from the declaration to the indemnity of a protracted default. */
  waitingDays: number;
  /** Days before the deadline from which the claims page warns. */
  warningDays: number;
}

/** The company's policies: the usual terms of a French whole-turnover credit-insurance contract. */
const DEMO_POLICIES: readonly DemoInsurancePolicy[] = [
  {
    insurer: 'Allianz Trade',
    policyNumber: 'AT-FR-2025-041127',
    threatenedLossDays: 90,
    waitingDays: 150,
    warningDays: 15,
  },
  {
    insurer: 'Coface',
    policyNumber: 'CF-2025-118342',
    threatenedLossDays: 60,
    waitingDays: 150,
    warningDays: 15,
  },
];

function situationCode(manifest: DemoDataset['manifest'], kind: string): string {
  const found = manifest.situations.find((situation) => situation.kind === kind);
  if (!found) throw new Error(`demo situation ${kind} is missing`);
  return found.customerCode;
}

/** A balance sheet in proportion to a turnover, healthy or fragile. */
function sheetFor(
  customerCode: string,
  turnoverMinor: number,
  healthy: boolean,
  fiscalYearEnd: IsoDate = '2025-12-31',
): DemoBalanceSheet {
  const part = (bps: number) => Math.round((turnoverMinor * bps) / 10_000);
  return {
    customerCode,
    fiscalYearEnd,
    currency: 'EUR',
    totalAssetsMinor: part(6_000),
    equityMinor: part(healthy ? 2_400 : 300),
    totalDebtsMinor: part(healthy ? 3_600 : 5_700),
    turnoverMinor,
    valueAddedMinor: part(2_500),
    grossOperatingProfitMinor: part(healthy ? 900 : 100),
    permanentCapitalMinor: part(healthy ? 3_300 : 1_200),
    cashMinor: part(healthy ? 600 : 50),
    receivablesMinor: part(1_500),
    financialChargesMinor: part(healthy ? 50 : 300),
    staffCostsMinor: part(1_400),
    netResultMinor: part(healthy ? 450 : -200),
  };
}

/**
 * Who asks for the customer's limit: its salesperson when that person has a login (the request and
 * the order are theirs, in their portfolio), else the collector, who sees every customer.
 */
function requesterOf(customer: Customer | undefined): DemoUser {
  const salesperson = DEMO_USERS.find(
    (user) => user.role === 'salesperson' && user.salesperson === customer?.salesperson,
  );
  const requester = salesperson ?? DEMO_USERS.find((user) => user.role === 'collector');
  if (!requester) throw new Error('the demo has no user who may ask for a limit');
  return requester;
}

/** The customer's exposure once all its pending orders are invoiced: its balance plus those orders. */
function exposureWithOrdersMinor(
  dataset: Pick<DemoDataset, 'documents' | 'orders'>,
  customerCode: string,
): number {
  const balanceMinor = dataset.documents
    .filter((document) => document.customerCode === customerCode && document.issueDate <= DEMO_AS_OF)
    .reduce((sum, document) => sum + document.amountMinor, 0);
  return dataset.orders
    .filter((order) => order.customerCode === customerCode && order.status === 'pending')
    .reduce((sum, order) => sum + order.amountMinor, balanceMinor);
}

export function creditDemoPlan(
  dataset: Pick<DemoDataset, 'customers' | 'manifest' | 'orders' | 'documents'>,
): DemoCreditPlan {
  const { customers, manifest } = dataset;
  const overLimit = situationCode(manifest, 'over_limit_with_pending_orders');
  const receivership = situationCode(manifest, 'receivership');
  const expiredCover = situationCode(manifest, 'chronic_late_never_reminded');
  const classDrop = situationCode(manifest, 'salesperson_overdue_growing');
  const profiles = customers.map((customer) => {
    const h = hash(customer.code);
    return {
      customerCode: customer.code,
      sectorRisk: SECTOR_RISK[customer.customerType],
      creationDate: addMonths('2024-01-15', -12 * (1 + (h % 40)) - (h % 12)),
      legalForm: legalFormOf(customer),
      legalIncidents: customer.code === receivership ? 2 : h % 17 === 0 ? 1 : 0,
    };
  });
  const byCode = new Map(customers.map((customer) => [customer.code, customer]));
  const largest = customers
    .filter((customer) => customer.customerType === 'large_retail' && customer.status === 'active')
    .slice(0, 3);
  const balanceSheets = [
    ...largest.map((customer) =>
      sheetFor(customer.code, 5_000_000_000 + (hash(customer.code) % 100) * 10_000_000, true),
    ),
    // Healthy accounts at the end of 2024, fragile ones for the year closed in March 2026.
    sheetFor(classDrop, 900_000_000, true, '2024-12-31'),
    sheetFor(classDrop, 800_000_000, false, '2026-03-31'),
  ];
  const covers = [
    ...largest.map((customer) => ({
      customerCode: customer.code,
      insurer: 'Allianz Trade',
      status: 'granted' as const,
      grantedMinor: 15_000_000,
      insuredShareBps: 9_000,
      effectiveFrom: '2025-01-01',
      expiresOn: null,
    })),
    {
      customerCode: expiredCover,
      insurer: 'Coface',
      status: 'granted' as const,
      grantedMinor: 5_000_000,
      insuredShareBps: 9_000,
      effectiveFrom: '2025-04-01',
      expiresOn: EXPIRED_COVER_END,
    },
  ];
  const insurers = new Set(covers.map((cover) => cover.insurer));
  const policies = DEMO_POLICIES.filter((policy) => insurers.has(policy.insurer));
  const over = byCode.get(overLimit);
  const salesperson = requesterOf(over);
  const pending = dataset.orders.filter(
    (order) => order.customerCode === overLimit && order.status === 'pending',
  );
  // The order held in the queue is the one the request is made for; the limit asked for carries
  // every pending order, so once it is given the held order is back within the rules.
  const heldOrderRef = pending[1]?.number ?? pending[0]?.number ?? null;
  const requestedMinor = roundLimitMinor(exposureWithOrdersMinor(dataset, overLimit));
  const limitRequest = {
    customerCode: overLimit,
    requestedMinor,
    requestedBy: salesperson.email,
    justification: `Les volumes ont plus que doublé depuis janvier\u00a0; la commande ${heldOrderRef ?? ''} attend cette limite.`,
    orderRef: heldOrderRef,
  };
  const situations: DemoSituation[] = [
    {
      kind: 'limit_request_waiting',
      customerCode: overLimit,
      note: `${over?.name ?? overLimit}\u00a0: ${salesperson.name} demande de porter la limite de crédit de ${euros(over?.creditLimitMinor ?? 0)} à ${euros(requestedMinor)}\u00a0; la demande attend la validation du rôle désigné par la matrice de délégation.`,
    },
    {
      kind: 'insurer_cover_expired',
      customerCode: expiredCover,
      note: `${byCode.get(expiredCover)?.name ?? expiredCover}\u00a0: la garantie Coface de ${euros(5_000_000)} a expiré le ${frenchDate(EXPIRED_COVER_END)} sans renouvellement\u00a0; l’encours n’est plus assuré.`,
    },
    {
      kind: 'risk_class_dropped',
      customerCode: classDrop,
      note: `${byCode.get(classDrop)?.name ?? classDrop}\u00a0: sa classe de risque s’est dégradée entre le ${frenchDate(CREDIT_PREVIOUS_SCORE_DATE)} et le ${frenchDate(DEMO_AS_OF)} (plus aucun règlement depuis novembre 2025, bilan fragile).`,
    },
  ];
  return {
    profiles,
    balanceSheets,
    covers,
    policies,
    limitRequest,
    heldOrderRef,
    classDrop,
    situations,
  };
}

/** The manifest with the credit situations added (the hook of generate-demo.ts). */
export function withCreditSituations(
  manifest: DemoDataset['manifest'],
  dataset: Pick<DemoDataset, 'customers' | 'orders' | 'documents'>,
): DemoDataset['manifest'] {
  const plan = creditDemoPlan({ ...dataset, manifest });
  return { ...manifest, situations: [...manifest.situations, ...plan.situations] };
}
