/**
 * The demo company SA CB2C: a deterministic, seeded history of 36 months of invoicing, payments,
 * credit notes, orders and customer events up to the fixed as-of date, with planted situations
 * listed in a manifest (the "jeu d'essai" of the teaching scenario).
 */
import type { Customer, LedgerDocument } from '../core/types.ts';
import { settle } from './booking.ts';
import { assignCreditLimits } from './credit-limits.ts';
import { generateCreditNotes } from './credit-notes.ts';
import { withCreditSituations } from './credit-situations.ts';
import {
  type CustomerProfile,
  DEMO_AS_OF,
  DEMO_DEFAULT_SEED,
  type DemoDataset,
  type InvoiceDraft,
  type PayerBehaviour,
} from './demo-types.ts';
import { DEMO_USERS } from './demo-users.ts';
import { generateEvents } from './events.ts';
import { generateInvoices } from './invoicing.ts';
import { LedgerReplay } from './ledger-replay.ts';
import { buildManifest } from './manifest.ts';
import { generateOrders } from './orders.ts';
import { type PlantedCustomers, plantCustomers } from './planting.ts';
import { buildPortfolio } from './portfolio.ts';

export interface GenerateDemoOptions {
  seed?: number;
}

/** The customer's largest invoice of late winter 2026: disputed, so it stays unpaid. */
function pickDisputedInvoice(invoices: readonly InvoiceDraft[], customerCode: string): InvoiceDraft {
  const own = invoices.filter(
    (invoice) => invoice.customerCode === customerCode && invoice.issueDate <= '2026-04-15',
  );
  const recent = own.filter((invoice) => invoice.issueDate >= '2026-02-15');
  const chosen = [...recent].sort((a, b) => b.amountMinor - a.amountMinor)[0] ?? own[own.length - 1];
  if (!chosen) throw new Error(`no invoice to dispute for ${customerCode}`);
  return chosen;
}

/** The customer's latest invoice due early enough for its cheque to bounce before the as-of date. */
function pickBouncedInvoice(invoices: readonly InvoiceDraft[], customerCode: string): InvoiceDraft {
  const candidates = invoices.filter(
    (invoice) => invoice.customerCode === customerCode && invoice.dueDate <= '2026-06-05',
  );
  const chosen = candidates[candidates.length - 1];
  if (!chosen) throw new Error(`no invoice to bounce for ${customerCode}`);
  return chosen;
}

function invoiceDocument(invoice: InvoiceDraft): LedgerDocument {
  return {
    kind: 'invoice',
    source: 'demo',
    externalRef: invoice.ref,
    customerCode: invoice.customerCode,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    valueDate: null,
    amountMinor: invoice.amountMinor,
    currency: 'EUR',
    label: invoice.label,
  };
}

function compareDocuments(a: LedgerDocument, b: LedgerDocument): number {
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? -1 : 1;
  return a.externalRef < b.externalRef ? -1 : a.externalRef > b.externalRef ? 1 : 0;
}

function byDate<T extends { allocationDate: string; debitRef: string }>(items: T[]): T[] {
  return items.sort((a, b) =>
    a.allocationDate !== b.allocationDate ? (a.allocationDate < b.allocationDate ? -1 : 1) : 0,
  );
}

/** Customers and their planted situations, with the customers' records synced to their profiles. */
function buildCustomers(seed: number): {
  customers: Customer[];
  profiles: CustomerProfile[];
  planted: PlantedCustomers;
} {
  const { customers, profiles } = buildPortfolio(seed);
  const planted = plantCustomers(customers, profiles, seed);
  const profileByCode = new Map(profiles.map((profile) => [profile.code, profile]));
  // Planting may hand a customer to another salesperson or change its terms.
  for (const customer of customers) {
    const profile = profileByCode.get(customer.code);
    if (!profile) continue;
    customer.salesperson = profile.salesperson;
    customer.paymentTerms = profile.paymentTerms;
    if (customer.code === planted.receivership) customer.status = 'receivership';
  }
  return { customers, profiles, planted };
}

/** Invoices, credit notes, payments and their matching, from the customers' buying and paying habits. */
function simulateLedger(profiles: readonly CustomerProfile[], planted: PlantedCustomers, seed: number) {
  const profileByCode = new Map(profiles.map((profile) => [profile.code, profile]));
  const invoices = generateInvoices(profiles, seed);
  const disputedInvoice = pickDisputedInvoice(invoices, planted.dispute);
  const bouncedInvoice = pickBouncedInvoice(invoices, planted.bounced);
  const creditNotes = generateCreditNotes(invoices, new Set([disputedInvoice.ref, bouncedInvoice.ref]), seed);
  const settlement = settle({
    profiles: profileByCode,
    invoices,
    creditNotes,
    unpaidInvoiceRefs: new Set([disputedInvoice.ref]),
    bouncedInvoiceRef: bouncedInvoice.ref,
    unappliedCashCustomers: new Set(planted.unappliedCash),
    seed,
  });
  const documents = [...invoices.map(invoiceDocument), ...settlement.documents].sort(compareDocuments);
  const allocations = byDate(settlement.allocations);
  const reversals = byDate(settlement.reversals);
  const replay = new LedgerReplay(documents, allocations, reversals);
  return {
    profileByCode,
    invoices,
    disputedInvoice,
    bouncedInvoice,
    creditNotes,
    settlement,
    documents,
    allocations,
    reversals,
    replay,
  };
}

export function generateDemo(options: GenerateDemoOptions = {}): DemoDataset {
  const seed = options.seed ?? DEMO_DEFAULT_SEED;
  const { customers, profiles, planted } = buildCustomers(seed);
  const ledger = simulateLedger(profiles, planted, seed);
  const { replay, documents, settlement, disputedInvoice, bouncedInvoice } = ledger;
  const limits = assignCreditLimits(customers, replay, planted, seed);
  const orders = generateOrders(ledger.invoices, ledger.profileByCode, planted, seed);
  const events = generateEvents({
    customers,
    profiles: ledger.profileByCode,
    replay,
    planted,
    creditNotes: ledger.creditNotes,
    settlement,
    disputedInvoice,
    limitEvents: limits.events,
    seed,
  });
  const behaviours: Record<string, PayerBehaviour> = {};
  for (const profile of profiles) behaviours[profile.code] = profile.behaviour;
  const manifestInput = {
    seed,
    customers,
    documents,
    orders,
    replay,
    planted,
    disputedInvoice,
    bouncedInvoice,
    settlement,
  };
  return {
    company: {
      code: 'CB2C',
      name: 'SA CB2C',
      currency: 'EUR',
      asOf: DEMO_AS_OF,
      identity: {
        siren: '552100554',
        addressLine1: '12 rue de la République',
        postalCode: '69002',
        city: 'Lyon',
        country: 'FR',
      },
    },
    customers,
    documents,
    allocations: ledger.allocations,
    reversals: ledger.reversals,
    orders,
    events,
    users: DEMO_USERS.map((user) => ({ ...user })),
    behaviours,
    manifest: withCreditSituations(buildManifest({ ...manifestInput, noLimitCodes: limits.noLimitCodes }), {
      customers,
      orders,
      documents,
    }),
  };
}
