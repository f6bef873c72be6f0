import { describe, expect, it } from 'vitest';
import { addMonths, endOfMonth } from '../core/calendar.ts';
import { computeDueDate } from '../core/ledger/payment-terms.ts';
import { ROLES } from '../core/types.ts';
import { creditDemoPlan } from './credit-situations.ts';
import { auditDataset, balancesAt, openAmountsAt, overdueAt, simpleDso } from './dataset-audit.ts';
import { DEMO_AS_OF, PAYER_BEHAVIOURS } from './demo-types.ts';
import { generateDemo } from './generate-demo.ts';

const dataset = generateDemo();
const documentsOfKind = (kind: string) => dataset.documents.filter((document) => document.kind === kind);
const allCodes = new Set(dataset.customers.map((customer) => customer.code));

describe('generateDemo — ledger invariants', () => {
  it('passes the independent audit (refs, customers, dates, signs, allocations vs open amounts)', () => {
    expect(auditDataset(dataset)).toEqual([]);
  });

  it('describes SA CB2C at the fixed as-of date', () => {
    expect(dataset.company).toEqual({
      code: 'CB2C',
      name: 'SA CB2C',
      currency: 'EUR',
      asOf: '2026-06-30',
      identity: {
        siren: '552100554',
        addressLine1: '12 rue de la République',
        postalCode: '69002',
        city: 'Lyon',
        country: 'FR',
      },
    });
    expect(dataset.manifest.asOf).toBe(DEMO_AS_OF);
  });

  it('invoices every month from July 2023 to June 2026 and nothing after the as-of date', () => {
    const invoices = documentsOfKind('invoice');
    const months = new Set(invoices.map((invoice) => invoice.issueDate.slice(0, 7)));
    expect(months.size).toBe(36);
    expect(invoices.every((invoice) => invoice.issueDate >= '2023-07-01')).toBe(true);
    expect(dataset.documents.every((document) => document.issueDate <= DEMO_AS_OF)).toBe(true);
    expect(dataset.orders.every((order) => order.orderDate <= DEMO_AS_OF)).toBe(true);
    expect(dataset.events.every((event) => event.eventDate <= DEMO_AS_OF)).toBe(true);
  });

  it('computes due dates from the customer payment terms', () => {
    const terms = new Map(dataset.customers.map((customer) => [customer.code, customer.paymentTerms]));
    for (const invoice of documentsOfKind('invoice')) {
      expect(invoice.dueDate).toBe(computeDueDate(invoice.issueDate, terms.get(invoice.customerCode) ?? ''));
    }
  });

  it('numbers documents and orders like an ERP', () => {
    const patterns: Record<string, RegExp> = {
      invoice: /^F20\d\d-\d{6}$/,
      credit_note: /^AV20\d\d-\d{5}$/,
      payment: /^RG20\d\d-\d{6}$/,
      bounced_payment: /^IMP20\d\d-\d{4}$/,
      write_off: /^PP20\d\d-\d{4}$/,
    };
    for (const document of dataset.documents)
      expect(document.externalRef).toMatch(patterns[document.kind] ?? /^$/);
    for (const order of dataset.orders) expect(order.number).toMatch(/^CMD20\d\d-\d{6}$/);
    expect(new Set(dataset.orders.map((order) => order.number)).size).toBe(dataset.orders.length);
  });

  it('matches each credit note with an invoice of the same customer', () => {
    const invoices = new Map(documentsOfKind('invoice').map((invoice) => [invoice.externalRef, invoice]));
    for (const creditNote of documentsOfKind('credit_note')) {
      const allocation = dataset.allocations.find(
        (candidate) => candidate.creditRef === creditNote.externalRef,
      );
      expect(allocation?.amountMinor).toBe(-creditNote.amountMinor);
      expect(invoices.get(allocation?.debitRef ?? '')?.customerCode).toBe(creditNote.customerCode);
    }
  });

  it('keeps some cash unapplied and some payments grouped or partial', () => {
    const allocatedCredits = new Set(dataset.allocations.map((allocation) => allocation.creditRef));
    expect(
      documentsOfKind('payment').filter((payment) => !allocatedCredits.has(payment.externalRef)).length,
    ).toBeGreaterThanOrEqual(3);
    const invoicesPerPayment = new Map<string, number>();
    for (const allocation of dataset.allocations)
      invoicesPerPayment.set(allocation.creditRef, (invoicesPerPayment.get(allocation.creditRef) ?? 0) + 1);
    expect([...invoicesPerPayment.values()].filter((count) => count > 1).length).toBeGreaterThan(100);
  });
});

describe('generateDemo — customers, users, orders, events', () => {
  it('words a cheque returned unpaid with French spacing, a no-break space before « : » and « ; »', () => {
    const returns = dataset.events.filter((event) => event.detail?.includes('retourné impayé'));
    expect(returns.length).toBeGreaterThan(0);
    for (const event of returns)
      expect(event.detail).toMatch(/motif\u00a0: provision insuffisante — écriture IMP\d{4}-\d{4}\u00a0; F/);
  });

  it('writes every story line, manifest note and limit request in French typography', () => {
    // What a person reads (the customer's story, `encours demo --manifest`, the limit request): a
    // no-break space before « : ; ? ! » and inside « », the typographic apostrophe, agreed plurals.
    const texts = [
      ...dataset.events.map((event) => event.detail ?? ''),
      ...dataset.manifest.situations.map((situation) => situation.note),
      creditDemoPlan(dataset).limitRequest.justification,
    ];
    const faults = texts.filter((text) => / [:;?!]|'|«(?!\u00a0)|(?<!\u00a0)»|\(s\)/.test(text));
    expect(faults.slice(0, 5)).toEqual([]);
    const kinds = new Set(dataset.events.map((event) => event.kind));
    for (const kind of ['reminder', 'call', 'promise', 'dispute', 'note', 'insolvency', 'limit_change'])
      expect(kinds).toContain(kind);
    expect(texts.filter((text) => text.includes('\u00a0:')).length).toBeGreaterThan(1000);
  });

  it('has ~300 customers of the six CB2C types, in EUR, with realistic identities', () => {
    const byType = new Map<string, number>();
    for (const customer of dataset.customers)
      byType.set(customer.customerType, (byType.get(customer.customerType) ?? 0) + 1);
    expect(Object.fromEntries(byType)).toEqual({
      large_retail: 15,
      wholesaler: 35,
      independent_retailer: 120,
      sme: 90,
      public_body: 25,
      export: 15,
    });
    expect(
      dataset.customers.every((customer) => customer.currency === 'EUR' && /^C\d{5}$/.test(customer.code)),
    ).toBe(true);
    const exports = dataset.customers.filter((customer) => customer.customerType === 'export');
    expect(exports.every((customer) => customer.address.country !== 'FR' && customer.language === 'en')).toBe(
      true,
    );
    const publicBodies = dataset.customers.filter((customer) => customer.customerType === 'public_body');
    expect(publicBodies.every((customer) => customer.paymentTerms === 'net:30')).toBe(true);
    expect(new Set(dataset.customers.map((customer) => customer.siren).filter(Boolean)).size).toBe(285);
  });

  it('has groups, several salespeople and customers without a credit limit', () => {
    expect(dataset.customers.filter((customer) => customer.groupCode !== null).length).toBeGreaterThanOrEqual(
      6,
    );
    expect(new Set(dataset.customers.map((customer) => customer.salesperson)).size).toBe(5);
    expect(dataset.customers.filter((customer) => customer.creditLimitMinor === null).length).toBeGreaterThan(
      25,
    );
  });

  it('records a payer behaviour for every customer', () => {
    expect(Object.keys(dataset.behaviours).sort()).toEqual([...allCodes].sort());
    expect(new Set(Object.values(dataset.behaviours))).toEqual(new Set(PAYER_BEHAVIOURS));
  });

  it('has one demo user per role, salespeople named as on the customers', () => {
    // Julie Lefèvre's login: the customer over its limit and its held order are hers.
    expect(dataset.users.filter((user) => user.role === 'salesperson')).toHaveLength(3);
    expect(new Set(dataset.users.map((user) => user.role))).toEqual(new Set(ROLES));
    const salespeople = new Set(dataset.customers.map((customer) => customer.salesperson));
    for (const user of dataset.users) {
      expect(user.email).toMatch(/@cb2c\.example$/);
      if (user.role === 'salesperson') expect(salespeople.has(user.salesperson)).toBe(true);
    }
  });

  it('has invoiced history orders and open recent ones', () => {
    const statuses = new Set(dataset.orders.map((order) => order.status));
    expect(statuses).toEqual(new Set(['invoiced', 'cancelled', 'pending', 'released', 'blocked']));
    const open = dataset.orders.filter((order) => order.status === 'pending' || order.status === 'released');
    expect(open.every((order) => order.orderDate >= '2026-06-01')).toBe(true);
  });

  it('reminds most late customers', () => {
    const reminded = new Set(
      dataset.events.filter((event) => event.kind === 'reminder').map((event) => event.customerCode),
    );
    const open = openAmountsAt(dataset, '2026-03-31');
    const lateCodes = new Set(
      documentsOfKind('invoice')
        .filter((invoice) => invoice.dueDate < '2026-03-01' && (open.get(invoice.externalRef) ?? 0) > 0)
        .map((invoice) => invoice.customerCode),
    );
    expect(lateCodes.size).toBeGreaterThan(50);
    expect([...lateCodes].filter((code) => reminded.has(code)).length / lateCodes.size).toBeGreaterThan(0.85);
  });
});

describe('generateDemo — determinism and golden figures', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    expect(generateDemo()).toEqual(dataset);
    const other = generateDemo({ seed: 7 });
    expect(other.documents).not.toEqual(dataset.documents);
    expect(auditDataset(other)).toEqual([]);
  });

  it('looks like a struggling portfolio at the as-of date', () => {
    const balanceMinor = [...balancesAt(dataset.documents, DEMO_AS_OF).values()].reduce(
      (sum, value) => sum + value,
      0,
    );
    const over90Share = overdueAt(dataset, allCodes, DEMO_AS_OF, 90) / balanceMinor;
    expect(over90Share).toBeGreaterThan(0.1);
    expect(over90Share).toBeLessThan(0.2);
    const dso = simpleDso(dataset, DEMO_AS_OF);
    expect(dso).toBeGreaterThan(55);
    expect(dso).toBeLessThan(80);
    expect(dso - simpleDso(dataset, endOfMonth(addMonths(DEMO_AS_OF, -12)))).toBeGreaterThan(8);
  });

  it('pins the golden totals of the default seed', () => {
    const invoices = documentsOfKind('invoice');
    const balanceMinor = [...balancesAt(dataset.documents, DEMO_AS_OF).values()].reduce(
      (sum, value) => sum + value,
      0,
    );
    expect({
      customers: dataset.customers.length,
      invoices: invoices.length,
      creditNotes: documentsOfKind('credit_note').length,
      payments: documentsOfKind('payment').length,
      bouncedPayments: documentsOfKind('bounced_payment').length,
      writeOffs: documentsOfKind('write_off').length,
      allocations: dataset.allocations.length,
      reversals: dataset.reversals.length,
      orders: dataset.orders.length,
      events: dataset.events.length,
      invoicedMinor: invoices.reduce((sum, invoice) => sum + invoice.amountMinor, 0),
      balanceMinor,
      overdue90Minor: overdueAt(dataset, allCodes, DEMO_AS_OF, 90),
      dsoTenthsOfDay: Math.round(simpleDso(dataset, DEMO_AS_OF) * 10),
      dsoYearBeforeTenthsOfDay: Math.round(simpleDso(dataset, '2025-06-30') * 10),
    }).toEqual({
      customers: 300,
      invoices: 13_423,
      creditNotes: 379,
      payments: 10_931,
      bouncedPayments: 10,
      writeOffs: 164,
      allocations: 13_319,
      reversals: 11,
      orders: 13_840,
      events: 3_573,
      invoicedMinor: 6_254_799_487,
      balanceMinor: 488_019_313,
      overdue90Minor: 72_177_922,
      dsoTenthsOfDay: 763,
      dsoYearBeforeTenthsOfDay: 597,
    });
  });
});
