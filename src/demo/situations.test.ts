import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, endOfMonth } from '../core/calendar.ts';
import type { CustomerEvent, LedgerDocument } from '../core/types.ts';
import { balancesAt, movementsInOrder, openAmountsAt, overdueAt, simpleDso } from './dataset-audit.ts';
import { DEMO_AS_OF, type DemoSituation, SITUATION_KINDS } from './demo-types.ts';
import { generateDemo } from './generate-demo.ts';

const dataset = generateDemo();
const customers = new Map(dataset.customers.map((customer) => [customer.code, customer]));
const documents = new Map(dataset.documents.map((document) => [document.externalRef, document]));
const balances = balancesAt(dataset.documents, DEMO_AS_OF);
const openAtAsOf = openAmountsAt(dataset, DEMO_AS_OF);

function situationsOf(kind: string): DemoSituation[] {
  return dataset.manifest.situations.filter((situation) => situation.kind === kind);
}

function firstSituation(kind: string): DemoSituation {
  const situation = situationsOf(kind)[0];
  if (!situation) throw new Error(`no situation ${kind}`);
  return situation;
}

function eventsOf(customerCode: string, kind: CustomerEvent['kind']): CustomerEvent[] {
  return dataset.events.filter((event) => event.customerCode === customerCode && event.kind === kind);
}

function openInvoicesAtAsOf(customerCode: string): LedgerDocument[] {
  return dataset.documents.filter(
    (document) =>
      document.customerCode === customerCode &&
      document.kind === 'invoice' &&
      (openAtAsOf.get(document.externalRef) ?? 0) > 0,
  );
}

/** Date at which each invoice was fully settled (open amount back to 0 for good). */
function settlementDates(): Map<string, string> {
  const openMinor = new Map(
    dataset.documents.map((document) => [document.externalRef, Math.abs(document.amountMinor)]),
  );
  const settled = new Map<string, string>();
  for (const { pair, isReversal } of movementsInOrder(dataset)) {
    const remaining = (openMinor.get(pair.debitRef) ?? 0) - (isReversal ? -1 : 1) * pair.amountMinor;
    openMinor.set(pair.debitRef, remaining);
    if (remaining === 0) settled.set(pair.debitRef, pair.allocationDate);
    else settled.delete(pair.debitRef);
  }
  return settled;
}

describe('demo manifest', () => {
  it('lists every planted kind with existing customers and documents', () => {
    const kinds = new Set(dataset.manifest.situations.map((situation) => situation.kind));
    for (const kind of SITUATION_KINDS) expect(kinds.has(kind), kind).toBe(true);
    for (const situation of dataset.manifest.situations) {
      expect(customers.has(situation.customerCode), situation.kind).toBe(true);
      if (situation.documentRef)
        expect(documents.get(situation.documentRef)?.customerCode).toBe(situation.customerCode);
      expect(situation.note.length).toBeGreaterThan(30);
    }
  });
});

describe('planted situations hold in the data', () => {
  it('over_limit_with_pending_orders: balance above the limit and pending orders', () => {
    const { customerCode } = firstSituation('over_limit_with_pending_orders');
    const limitMinor = customers.get(customerCode)?.creditLimitMinor;
    expect(limitMinor).toBeTypeOf('number');
    expect(balances.get(customerCode) ?? 0).toBeGreaterThan(limitMinor ?? Number.POSITIVE_INFINITY);
    expect(
      dataset.orders.some((order) => order.customerCode === customerCode && order.status === 'pending'),
    ).toBe(true);
  });

  it('receivership: status, court judgment event and open invoices', () => {
    const { customerCode } = firstSituation('receivership');
    expect(customers.get(customerCode)?.status).toBe('receivership');
    const [insolvency] = eventsOf(customerCode, 'insolvency');
    expect(insolvency?.detail).toMatch(/redressement judiciaire du 12\/05\/2026, Tribunal de commerce de /);
    expect(openInvoicesAtAsOf(customerCode).length).toBeGreaterThan(0);
    expect(eventsOf(customerCode, 'reminder').every((event) => event.eventDate < '2026-05-12')).toBe(true);
  });

  it('dispute: complaint about delivered goods on an invoice left unpaid', () => {
    const { customerCode, documentRef } = firstSituation('dispute');
    const dispute = eventsOf(customerCode, 'dispute').find((event) => event.documentRef === documentRef);
    expect(dispute?.detail).toMatch(/endommag/);
    const invoice = documents.get(documentRef ?? '');
    expect(invoice?.kind).toBe('invoice');
    expect(openAtAsOf.get(documentRef ?? '')).toBe(invoice?.amountMinor);
  });

  it('bounced_payment: allocation reversed, payment matched to the bounce, invoice open again', () => {
    const { customerCode, documentRef } = firstSituation('bounced_payment');
    const reversal = dataset.reversals.find((candidate) => candidate.debitRef === documentRef);
    expect(reversal).toBeDefined();
    const payment = documents.get(reversal?.creditRef ?? '');
    const original = dataset.allocations.find(
      (candidate) => candidate.debitRef === documentRef && candidate.creditRef === payment?.externalRef,
    );
    expect(original?.amountMinor).toBe(reversal?.amountMinor);
    const bounce = dataset.documents.find(
      (document) =>
        document.kind === 'bounced_payment' &&
        document.customerCode === customerCode &&
        document.issueDate === reversal?.allocationDate,
    );
    expect(bounce?.amountMinor).toBe(-(payment?.amountMinor ?? 0));
    expect(daysBetween(payment?.issueDate ?? '', bounce?.issueDate ?? '')).toBeGreaterThan(0);
    expect(
      dataset.allocations.some(
        (candidate) =>
          candidate.debitRef === bounce?.externalRef && candidate.creditRef === payment?.externalRef,
      ),
    ).toBe(true);
    expect(openAtAsOf.get(documentRef ?? '') ?? 0).toBeGreaterThan(0);
    expect(openAtAsOf.get(payment?.externalRef ?? '')).toBe(0);
  });

  it('chronic_late_never_reminded: paid > 30 days late again and again, > 90 days overdue, no reminder', () => {
    const { customerCode } = firstSituation('chronic_late_never_reminded');
    const settled = settlementDates();
    const lateInvoices = dataset.documents.filter((document) => {
      const settledDate = settled.get(document.externalRef);
      return (
        document.customerCode === customerCode &&
        settledDate !== undefined &&
        daysBetween(document.dueDate, settledDate) > 30
      );
    });
    expect(lateInvoices.length).toBeGreaterThanOrEqual(10);
    expect(overdueAt(dataset, new Set([customerCode]), DEMO_AS_OF, 90)).toBeGreaterThan(0);
    expect(eventsOf(customerCode, 'reminder')).toEqual([]);
  });

  it('salesperson_overdue_growing: overdue of the salesperson grows every month for six months', () => {
    const { customerCode, note } = firstSituation('salesperson_overdue_growing');
    const salesperson = customers.get(customerCode)?.salesperson ?? '';
    expect(note).toContain(salesperson);
    const portfolio = new Set(
      dataset.customers
        .filter((customer) => customer.salesperson === salesperson)
        .map((customer) => customer.code),
    );
    const monthEnds = [-6, -5, -4, -3, -2, -1, 0].map((offset) => endOfMonth(addMonths(DEMO_AS_OF, offset)));
    const series = monthEnds.map((date) => overdueAt(dataset, portfolio, date));
    for (let index = 1; index < series.length; index++)
      expect(series[index]).toBeGreaterThan(series[index - 1] ?? 0);
  });

  it('no_credit_limit_with_exposure: no limit and a positive balance', () => {
    const listed = situationsOf('no_credit_limit_with_exposure');
    expect(listed.length).toBeGreaterThanOrEqual(1);
    for (const { customerCode } of listed) {
      expect(customers.get(customerCode)?.creditLimitMinor).toBeNull();
      expect(balances.get(customerCode) ?? 0).toBeGreaterThan(0);
    }
  });

  it('dso_drift: portfolio DSO clearly higher than twelve months earlier', () => {
    const { customerCode } = firstSituation('dso_drift');
    const yearBefore = endOfMonth(addMonths(DEMO_AS_OF, -12));
    expect(simpleDso(dataset, DEMO_AS_OF) - simpleDso(dataset, yearBefore)).toBeGreaterThan(8);
    const growthMinor =
      (balances.get(customerCode) ?? 0) - (balancesAt(dataset.documents, yearBefore).get(customerCode) ?? 0);
    expect(growthMinor).toBeGreaterThan(0);
  });
});
