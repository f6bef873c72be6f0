/**
 * Independent checks of a generated data set: the ledger invariants every consumer relies on, and
 * single-pass open amounts / balances at a date. Deliberately written without the generator's own
 * replay so that the tests compare two implementations.
 */
import { addDays, addMonths, daysBetween } from '../core/calendar.ts';
import type { Allocation, IsoDate, LedgerDocument } from '../core/types.ts';
import type { AllocationReversal, DemoDataset } from './demo-types.ts';
import { isLuhnValid } from './identifiers.ts';

export type AuditedDataset = Pick<
  DemoDataset,
  'company' | 'customers' | 'documents' | 'allocations' | 'reversals' | 'orders' | 'events'
>;

const DEBIT_KINDS = new Set(['invoice', 'bounced_payment']);
const CREDIT_KINDS = new Set(['credit_note', 'payment', 'write_off']);

interface Movement {
  pair: Allocation | AllocationReversal;
  isReversal: boolean;
}

/**
 * Allocations and reversals in date order; on the same day a reversal comes first (it frees the
 * credit). The ledger's own order: the loader inserts in it too (src/app/demo/load-dataset.ts).
 */
export function movementsInOrder(dataset: {
  readonly allocations: readonly Allocation[];
  readonly reversals: readonly AllocationReversal[];
}): Movement[] {
  const movements: Movement[] = [
    ...dataset.reversals.map((pair) => ({ pair, isReversal: true })),
    ...dataset.allocations.map((pair) => ({ pair, isReversal: false })),
  ];
  return movements.sort((a, b) => {
    if (a.pair.allocationDate !== b.pair.allocationDate)
      return a.pair.allocationDate < b.pair.allocationDate ? -1 : 1;
    return Number(b.isReversal) - Number(a.isReversal);
  });
}

function checkCustomers(dataset: AuditedDataset, violations: string[]): void {
  const codes = new Set<string>();
  for (const customer of dataset.customers) {
    if (codes.has(customer.code)) violations.push(`duplicate customer code ${customer.code}`);
    codes.add(customer.code);
    if (customer.siren !== null && !(customer.siren.length === 9 && isLuhnValid(customer.siren))) {
      violations.push(`invalid SIREN ${customer.siren} (${customer.code})`);
    }
    if (
      customer.siret !== null &&
      !(
        customer.siret.length === 14 &&
        isLuhnValid(customer.siret) &&
        customer.siret.startsWith(customer.siren ?? '-')
      )
    ) {
      violations.push(`invalid SIRET ${customer.siret} (${customer.code})`);
    }
    if (customer.siren !== null) {
      const key = (12 + 3 * (Number(customer.siren) % 97)) % 97;
      if (customer.vatNumber !== `FR${String(key).padStart(2, '0')}${customer.siren}`)
        violations.push(`invalid VAT number ${customer.vatNumber} (${customer.code})`);
    }
  }
  for (const customer of dataset.customers) {
    if (customer.groupCode !== null && !codes.has(customer.groupCode))
      violations.push(`unknown group ${customer.groupCode} (${customer.code})`);
  }
}

function checkDocuments(dataset: AuditedDataset, violations: string[]): void {
  const codes = new Set(dataset.customers.map((customer) => customer.code));
  const refs = new Set<string>();
  const asOf = dataset.company.asOf;
  for (const document of dataset.documents) {
    const where = `${document.kind} ${document.externalRef}`;
    if (refs.has(document.externalRef)) violations.push(`duplicate reference ${where}`);
    refs.add(document.externalRef);
    if (!codes.has(document.customerCode))
      violations.push(`${where}: unknown customer ${document.customerCode}`);
    if (document.issueDate > asOf) violations.push(`${where}: issued after the as-of date`);
    if (document.dueDate < document.issueDate) violations.push(`${where}: due before issued`);
    if (!Number.isSafeInteger(document.amountMinor) || document.amountMinor === 0)
      violations.push(`${where}: bad amount ${document.amountMinor}`);
    if (DEBIT_KINDS.has(document.kind) && document.amountMinor < 0)
      violations.push(`${where}: debit with a negative amount`);
    if (CREDIT_KINDS.has(document.kind) && document.amountMinor > 0)
      violations.push(`${where}: credit with a positive amount`);
  }
  const orderNumbers = new Set<string>();
  for (const order of dataset.orders) {
    if (orderNumbers.has(order.number)) violations.push(`duplicate order ${order.number}`);
    orderNumbers.add(order.number);
    if (!codes.has(order.customerCode)) violations.push(`order ${order.number}: unknown customer`);
    if (order.orderDate > asOf) violations.push(`order ${order.number}: after the as-of date`);
    if (!Number.isSafeInteger(order.amountMinor) || order.amountMinor <= 0)
      violations.push(`order ${order.number}: bad amount`);
  }
  for (const event of dataset.events) {
    if (!codes.has(event.customerCode)) violations.push(`event of unknown customer ${event.customerCode}`);
    if (event.eventDate > asOf)
      violations.push(`event after the as-of date (${event.customerCode} ${event.eventDate})`);
    if (event.documentRef !== null && !refs.has(event.documentRef))
      violations.push(`event refers to unknown document ${event.documentRef}`);
  }
}

function checkMovements(dataset: AuditedDataset, violations: string[]): void {
  const documents = new Map(dataset.documents.map((document) => [document.externalRef, document]));
  const openMinor = new Map(
    dataset.documents.map((document) => [document.externalRef, Math.abs(document.amountMinor)]),
  );
  const allocatedByPair = new Map<string, number>();
  for (const { pair, isReversal } of movementsInOrder(dataset)) {
    const where = `${isReversal ? 'reversal' : 'allocation'} ${pair.debitRef} ← ${pair.creditRef} on ${pair.allocationDate}`;
    const debit = documents.get(pair.debitRef);
    const credit = documents.get(pair.creditRef);
    if (!debit || !credit) {
      violations.push(`${where}: unknown document`);
      continue;
    }
    if (!Number.isSafeInteger(pair.amountMinor) || pair.amountMinor <= 0)
      violations.push(`${where}: amount ${pair.amountMinor} not > 0`);
    if (debit.amountMinor <= 0 || credit.amountMinor >= 0)
      violations.push(`${where}: sides are not a debit and a credit`);
    if (debit.customerCode !== credit.customerCode)
      violations.push(`${where}: documents of different customers`);
    if (pair.allocationDate < debit.issueDate || pair.allocationDate < credit.issueDate)
      violations.push(`${where}: before a document's issue date`);
    if (pair.allocationDate > dataset.company.asOf) violations.push(`${where}: after the as-of date`);
    const pairKey = `${pair.debitRef}|${pair.creditRef}`;
    const sign = isReversal ? -1 : 1;
    if (isReversal && (allocatedByPair.get(pairKey) ?? 0) < pair.amountMinor)
      violations.push(`${where}: reverses more than allocated`);
    if (
      !isReversal &&
      ((openMinor.get(pair.debitRef) ?? 0) < pair.amountMinor ||
        (openMinor.get(pair.creditRef) ?? 0) < pair.amountMinor)
    ) {
      violations.push(`${where}: exceeds an open amount`);
    }
    allocatedByPair.set(pairKey, (allocatedByPair.get(pairKey) ?? 0) + sign * pair.amountMinor);
    openMinor.set(pair.debitRef, (openMinor.get(pair.debitRef) ?? 0) - sign * pair.amountMinor);
    openMinor.set(pair.creditRef, (openMinor.get(pair.creditRef) ?? 0) - sign * pair.amountMinor);
  }
}

/** Every broken invariant, as readable messages; an empty list means the data set is sound. */
export function auditDataset(dataset: AuditedDataset): string[] {
  const violations: string[] = [];
  checkCustomers(dataset, violations);
  checkDocuments(dataset, violations);
  checkMovements(dataset, violations);
  return violations;
}

/** Unsigned open amount of every document issued on or before `date`. */
export function openAmountsAt(
  dataset: Pick<AuditedDataset, 'documents' | 'allocations' | 'reversals'>,
  date: IsoDate,
): Map<string, number> {
  const open = new Map<string, number>();
  for (const document of dataset.documents) {
    if (document.issueDate <= date) open.set(document.externalRef, Math.abs(document.amountMinor));
  }
  const apply = (pair: Allocation | AllocationReversal, sign: number) => {
    if (pair.allocationDate > date) return;
    for (const ref of [pair.debitRef, pair.creditRef])
      open.set(ref, (open.get(ref) ?? 0) - sign * pair.amountMinor);
  };
  for (const allocation of dataset.allocations) apply(allocation, 1);
  for (const reversal of dataset.reversals) apply(reversal, -1);
  return open;
}

/** Signed balance per customer of the documents issued on or before `date`. */
export function balancesAt(documents: readonly LedgerDocument[], date: IsoDate): Map<string, number> {
  const balances = new Map<string, number>();
  for (const document of documents) {
    if (document.issueDate <= date)
      balances.set(document.customerCode, (balances.get(document.customerCode) ?? 0) + document.amountMinor);
  }
  return balances;
}

/** Open debits of these customers more than `minDaysLate` days past due on `date`. */
export function overdueAt(
  dataset: Pick<AuditedDataset, 'documents' | 'allocations' | 'reversals'>,
  customerCodes: ReadonlySet<string>,
  date: IsoDate,
  minDaysLate = 0,
): number {
  const open = openAmountsAt(dataset, date);
  const dueBefore = addDays(date, -minDaysLate);
  let totalMinor = 0;
  for (const document of dataset.documents) {
    if (!DEBIT_KINDS.has(document.kind) || !customerCodes.has(document.customerCode)) continue;
    if (document.issueDate <= date && document.dueDate < dueBefore)
      totalMinor += open.get(document.externalRef) ?? 0;
  }
  return totalMinor;
}

/** Simple DSO: receivables on `date` / invoices of the three months ending on `date` × their days. */
export function simpleDso(dataset: Pick<AuditedDataset, 'documents'>, date: IsoDate): number {
  const periodStart = addMonths(addDays(date, 1), -3);
  const periodDays = daysBetween(periodStart, date) + 1;
  let salesMinor = 0;
  let receivablesMinor = 0;
  for (const document of dataset.documents) {
    if (document.issueDate > date) continue;
    receivablesMinor += document.amountMinor;
    if (document.kind === 'invoice' && document.issueDate >= periodStart) salesMinor += document.amountMinor;
  }
  return (receivablesMinor / salesMinor) * periodDays;
}
