/**
 * Builds small ledgers (customers, invoices, payments and their matching, with dates) for the
 * golden scenarios, to be loaded through the same path as any data set (src/app/load-dataset.ts).
 */
import type { LedgerDataset } from '#app/demo/load-dataset';
import type { Allocation, Customer, CustomerEvent, CustomerType, LedgerDocument, Order } from '#core/types';
import { ledgerDocument } from '../support/ledger-document.ts';

export function customer(code: string, overrides: Partial<Customer> = {}): Customer {
  return {
    code,
    name: `Client ${code}`,
    siren: null,
    siret: null,
    vatNumber: null,
    customerType: 'sme' as CustomerType,
    groupCode: null,
    salesperson: 'Sophie Bernard',
    paymentTerms: 'net:30',
    currency: 'EUR',
    creditLimitMinor: null,
    billingEmail: null,
    contacts: [],
    address: { line1: null, line2: null, postalCode: null, city: null, country: 'FR' },
    language: 'fr',
    status: 'active',
    ...overrides,
  };
}

/** Amounts of the worked examples are in euros; the ledger speaks cents. */
export const eur = (euros: number) => Math.round(euros * 100);

export class LedgerBuilder {
  readonly customers: Customer[] = [];
  readonly documents: LedgerDocument[] = [];
  readonly allocations: Allocation[] = [];
  readonly events: CustomerEvent[] = [];
  readonly orders: Order[] = [];
  readonly companyCode: string;
  #sequence = 0;

  constructor(companyCode: string) {
    this.companyCode = companyCode;
  }

  addCustomer(code: string, overrides: Partial<Customer> = {}): this {
    this.customers.push(customer(code, overrides));
    return this;
  }

  invoice(
    customerCode: string,
    issueDate: string,
    dueDate: string,
    amountMinor: number,
    ref?: string,
  ): string {
    const externalRef = ref ?? `F${String(++this.#sequence).padStart(5, '0')}`;
    this.documents.push(
      ledgerDocument('invoice', externalRef, customerCode, issueDate, dueDate, amountMinor, SOURCE),
    );
    return externalRef;
  }

  creditNote(customerCode: string, issueDate: string, amountMinor: number): string {
    const externalRef = `AV${String(++this.#sequence).padStart(5, '0')}`;
    this.documents.push(
      ledgerDocument('credit_note', externalRef, customerCode, issueDate, issueDate, -amountMinor, SOURCE),
    );
    return externalRef;
  }

  /** A payment received on `date`, matched the same day to the given invoices. */
  payment(
    customerCode: string,
    date: string,
    settles: readonly [string, number][],
    unappliedMinor = 0,
  ): string {
    const externalRef = `R${String(++this.#sequence).padStart(5, '0')}`;
    const totalMinor = settles.reduce((s, [, amount]) => s + amount, 0) + unappliedMinor;
    this.documents.push(
      ledgerDocument('payment', externalRef, customerCode, date, date, -totalMinor, SOURCE),
    );
    for (const [debitRef, amountMinor] of settles) {
      this.allocations.push({ debitRef, creditRef: externalRef, amountMinor, allocationDate: date });
    }
    return externalRef;
  }

  event(
    customerCode: string,
    kind: CustomerEvent['kind'],
    eventDate: string,
    documentRef: string | null = null,
    detail: string = kind,
  ): this {
    this.events.push({ customerCode, kind, eventDate, documentRef, detail });
    return this;
  }

  dataset(asOf: string | null = null): LedgerDataset {
    return {
      company: { code: this.companyCode, name: `Scénario ${this.companyCode}`, currency: 'EUR', asOf },
      customers: this.customers,
      documents: this.documents,
      allocations: this.allocations,
      orders: this.orders,
      events: this.events,
    };
  }
}

/** The scenario's documents, their source named so. */
const SOURCE = 'scenario';
