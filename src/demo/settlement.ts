/**
 * Turns each customer's payment intents into bank payments: grouped remittances, bounced cheques
 * and their replacements, unapplied cash, deducted bank charges to write off.
 */
import { addDays } from '../core/calendar.ts';
import type { IsoDate } from '../core/types.ts';
import type { CreditNoteDraft } from './credit-notes.ts';
import { type CustomerProfile, DEMO_AS_OF, type InvoiceDraft, type PaymentMethod } from './demo-types.ts';
import { nextBusinessDay, type PaymentIntent, planInvoicePayments } from './payment-behaviour.ts';
import { createRng, type Rng } from './random.ts';

export interface SettlementInput {
  profiles: ReadonlyMap<string, CustomerProfile>;
  invoices: readonly InvoiceDraft[];
  creditNotes: readonly CreditNoteDraft[];
  /** Invoices that must stay unpaid whatever the customer's habits (disputed goods). */
  unpaidInvoiceRefs: ReadonlySet<string>;
  /** Invoice paid by a cheque that bounces and is never replaced. */
  bouncedInvoiceRef: string | null;
  /** Customers whose last payment cannot be matched (no reference on the transfer). */
  unappliedCashCustomers: ReadonlySet<string>;
  seed: number;
}

export interface PaymentGroup {
  customerCode: string;
  issueDate: IsoDate;
  method: PaymentMethod;
  parts: { invoiceRef: string; amountMinor: number }[];
  bounceDate: IsoDate | null;
  /** A bounced cheque the customer replaced by a transfer. */
  isRegularisation: boolean;
  unapplied: boolean;
}

const RANDOM_BOUNCE_RATE = 0.002;

function groupIntents(profile: CustomerProfile, intents: readonly PaymentIntent[]): PaymentGroup[] {
  const byDate = new Map<string, PaymentGroup>();
  const groups: PaymentGroup[] = [];
  const sorted = [...intents].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const intent of sorted) {
    const existing = intent.alone ? undefined : byDate.get(intent.date);
    const part = { invoiceRef: intent.invoiceRef, amountMinor: intent.amountMinor };
    if (existing) {
      existing.parts.push(part);
      continue;
    }
    const group: PaymentGroup = {
      customerCode: profile.code,
      issueDate: intent.date,
      method: profile.paymentMethod,
      parts: [part],
      bounceDate: null,
      isRegularisation: false,
      unapplied: false,
    };
    groups.push(group);
    if (!intent.alone) byDate.set(intent.date, group);
  }
  return groups;
}

/** Marks bounced cheques and adds the transfers that replace them. */
function addBounces(groups: PaymentGroup[], bouncedInvoiceRef: string | null, rng: Rng): PaymentGroup[] {
  const added: PaymentGroup[] = [];
  for (const group of groups) {
    const isPlanted = group.parts.some((part) => part.invoiceRef === bouncedInvoiceRef);
    const isRandom =
      group.method === 'cheque' && group.issueDate < '2026-03-01' && rng.chance(RANDOM_BOUNCE_RATE);
    if (!isPlanted && !isRandom) continue;
    group.bounceDate = nextBusinessDay(addDays(group.issueDate, rng.int(4, 7)));
    if (isPlanted) continue;
    const replacementDate = nextBusinessDay(addDays(group.bounceDate, rng.int(8, 25)));
    if (replacementDate > DEMO_AS_OF) continue;
    added.push({
      ...group,
      issueDate: replacementDate,
      method: 'transfer',
      bounceDate: null,
      isRegularisation: true,
    });
  }
  return [...groups, ...added];
}

function markUnapplied(groups: PaymentGroup[]): void {
  const candidates = groups.filter((group) => group.issueDate >= '2026-04-01' && !group.bounceDate);
  const last = candidates[candidates.length - 1];
  if (last) last.unapplied = true;
}

export interface ChargesWriteOff {
  customerCode: string;
  invoiceRef: string;
  issueDate: IsoDate;
  amountMinor: number;
}

function planCustomerPayments(
  profile: CustomerProfile,
  invoices: readonly InvoiceDraft[],
  input: SettlementInput,
  creditedMinor: ReadonlyMap<string, number>,
): { groups: PaymentGroup[]; writeOffs: ChargesWriteOff[] } {
  const rng = createRng(input.seed, 'payments', profile.code);
  const intents: PaymentIntent[] = [];
  const writeOffs: ChargesWriteOff[] = [];
  for (const invoice of invoices) {
    const amountToPayMinor = invoice.amountMinor - (creditedMinor.get(invoice.ref) ?? 0);
    const planned = planInvoicePayments(profile, invoice, amountToPayMinor, rng);
    if (input.unpaidInvoiceRefs.has(invoice.ref)) continue;
    if (invoice.ref === input.bouncedInvoiceRef) {
      const date = nextBusinessDay(addDays(invoice.dueDate, rng.int(0, 3)));
      intents.push({
        customerCode: profile.code,
        invoiceRef: invoice.ref,
        date,
        amountMinor: amountToPayMinor,
        bankChargesMinor: 0,
        alone: true,
      });
      continue;
    }
    intents.push(...planned);
    for (const intent of planned) {
      // The accountant writes deducted bank charges off at the next bank reconciliation.
      const writeOffDate = nextBusinessDay(addDays(intent.date, rng.int(5, 25)));
      if (intent.bankChargesMinor === 0 || writeOffDate > DEMO_AS_OF) continue;
      writeOffs.push({
        customerCode: profile.code,
        invoiceRef: invoice.ref,
        issueDate: writeOffDate,
        amountMinor: intent.bankChargesMinor,
      });
    }
  }
  const groups = addBounces(groupIntents(profile, intents), input.bouncedInvoiceRef, rng);
  if (input.unappliedCashCustomers.has(profile.code)) markUnapplied(groups);
  return { groups, writeOffs };
}

/** Payments of the whole portfolio, customer by customer (each from its own random stream). */
export function planAllPayments(input: SettlementInput): {
  groups: PaymentGroup[];
  writeOffs: ChargesWriteOff[];
} {
  const creditedMinor = new Map<string, number>();
  for (const creditNote of input.creditNotes) {
    creditedMinor.set(
      creditNote.invoiceRef,
      (creditedMinor.get(creditNote.invoiceRef) ?? 0) + creditNote.amountMinor,
    );
  }
  const invoicesByCustomer = new Map<string, InvoiceDraft[]>();
  for (const invoice of input.invoices) {
    const list = invoicesByCustomer.get(invoice.customerCode) ?? [];
    list.push(invoice);
    invoicesByCustomer.set(invoice.customerCode, list);
  }
  const groups: PaymentGroup[] = [];
  const writeOffs: ChargesWriteOff[] = [];
  for (const profile of input.profiles.values()) {
    const planned = planCustomerPayments(
      profile,
      invoicesByCustomer.get(profile.code) ?? [],
      input,
      creditedMinor,
    );
    groups.push(...planned.groups);
    writeOffs.push(...planned.writeOffs);
  }
  return { groups, writeOffs };
}
