/**
 * Large synthetic ledgers for benchmarks: N customers and M invoices spread over the months before
 * the demo as-of date (36 by default, the demo's history; 60 to measure training on 5 years).
 * Invoices are streamed in batches and each one is a pure function of (seed, index, months), so
 * the content never depends on the batch size and memory stays flat.
 */
import { addMonths, fromDayNumber, isoWeekday, toDayNumber } from '../core/calendar.ts';
import { computeDueDate } from '../core/ledger/payment-terms.ts';
import type { Customer, CustomerType, IsoDate, LedgerDocument } from '../core/types.ts';
import { buildIdentity } from './customer-identity.ts';
import { DEMO_AS_OF, DEMO_DEFAULT_SEED, DEMO_HISTORY_START } from './demo-types.ts';
import { SALESPEOPLE } from './french-data.ts';
import { customerCodeFor } from './identifiers.ts';
import { createRng, deriveSeed, mix32 } from './random.ts';
import { type InvoiceSettlement, payerHabitOf, settleInvoice } from './scale-settlement.ts';

export interface ScaleOptions {
  customers: number;
  invoices: number;
  seed?: number;
  /**
   * Length of the history in whole months ending with the as-of date's month (default 36: the
   * demo's `DEMO_HISTORY_START`). The invoices are spread evenly over it, so at a given density
   * the count grows with the months.
   */
  months?: number;
}

const DEFAULT_HISTORY_MONTHS = 36;

export interface ScaleDataset {
  /** The demo as-of date: every invoice is issued in the `months` up to it. */
  asOf: IsoDate;
  /** First day of the history (`DEMO_HISTORY_START` for the default 36 months). */
  historyStart: IsoDate;
  customers: Customer[];
  /** Fresh iteration on every call; the same invoices whatever the batch size. */
  invoiceBatches(batchSize: number): Iterable<LedgerDocument[]>;
  /**
   * The invoices with what happened to them by the reference date (payments, partial payments,
   * credit notes, bounced payments and their reversed matching, disputes, open credits), batch by
   * batch in invoice order: a batch's allocations name only documents of the same batch.
   */
  ledgerBatches(batchSize: number): Iterable<InvoiceSettlement & { invoices: number }>;
}

interface ScaleTypeProfile {
  customerType: CustomerType;
  weight: number;
  medianInvoiceMinor: number;
  terms: readonly string[];
}

/** Same mix of customers as the demo company. */
const SCALE_TYPES: readonly ScaleTypeProfile[] = [
  {
    customerType: 'large_retail',
    weight: 15,
    medianInvoiceMinor: 900_000,
    terms: ['eom:45', 'net:60', 'net:45'],
  },
  {
    customerType: 'wholesaler',
    weight: 35,
    medianInvoiceMinor: 450_000,
    terms: ['eom:45', 'net:45', 'net:30'],
  },
  {
    customerType: 'independent_retailer',
    weight: 120,
    medianInvoiceMinor: 90_000,
    terms: ['net:30', 'eom:30'],
  },
  {
    customerType: 'sme',
    weight: 90,
    medianInvoiceMinor: 130_000,
    terms: ['net:30', 'eom:45', 'eom_plus:30:10'],
  },
  { customerType: 'public_body', weight: 25, medianInvoiceMinor: 250_000, terms: ['net:30'] },
  { customerType: 'export', weight: 15, medianInvoiceMinor: 700_000, terms: ['net:60'] },
];
const TOTAL_TYPE_WEIGHT = SCALE_TYPES.reduce((sum, type) => sum + type.weight, 0);

function scaleTypeFor(unit: number): ScaleTypeProfile {
  let threshold = unit * TOTAL_TYPE_WEIGHT;
  for (const type of SCALE_TYPES) {
    threshold -= type.weight;
    if (threshold < 0) return type;
  }
  return SCALE_TYPES[SCALE_TYPES.length - 1] as ScaleTypeProfile;
}

function assertCount(name: string, value: number, minimum: number): void {
  if (!Number.isSafeInteger(value) || value < minimum)
    throw new RangeError(`${name} must be an integer ≥ ${minimum}: ${value}`);
}

function buildScaleCustomers(
  count: number,
  seed: number,
): { customers: Customer[]; medianMinor: Float64Array } {
  const customers: Customer[] = [];
  const medianMinor = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const rng = createRng(seed, 'scale-customer', index);
    const type = scaleTypeFor(rng.next());
    const code = customerCodeFor(index + 1);
    medianMinor[index] = type.medianInvoiceMinor * rng.logNormal(1, 0.45);
    const hasLimit = type.customerType !== 'public_body' && rng.chance(0.92);
    customers.push({
      code,
      ...buildIdentity(index, type.customerType, rng),
      customerType: type.customerType,
      groupCode: null,
      salesperson: rng.pick(SALESPEOPLE),
      paymentTerms: rng.pick(type.terms),
      currency: 'EUR',
      creditLimitMinor: hasLimit
        ? Math.round(rng.logNormal(type.medianInvoiceMinor * 4, 0.5) / 100_000) * 100_000 + 100_000
        : null,
      status: 'active',
    });
  }
  return { customers, medianMinor };
}

/**
 * First day of a history of `months` whole months ending with the as-of date's month: counted back
 * from the demo's own start, so the default is that start exactly.
 */
function historyStartFor(months: number): IsoDate {
  return addMonths(DEMO_HISTORY_START, DEFAULT_HISTORY_MONTHS - months);
}

/** Business days of the history window: invoices are issued Monday to Friday. */
function historyWeekdays(start: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  const first = toDayNumber(start);
  const last = toDayNumber(DEMO_AS_OF);
  for (let day = first; day <= last; day++) {
    const date = fromDayNumber(day);
    if (isoWeekday(date) <= 5) days.push(date);
  }
  return days;
}

/** Standard normal draw from two stateless hashes (Box–Muller). */
function hashedNormal(first: number, second: number): number {
  const u1 = (mix32(first) + 1) / 4_294_967_297;
  const u2 = mix32(second) / 4_294_967_296;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

interface ScaleInvoice {
  invoice: LedgerDocument;
  /** The invoice's own hash: its settlement draws from it. */
  hash: number;
}

function* iterateInvoices(
  customers: readonly Customer[],
  medianMinor: Float64Array,
  invoiceCount: number,
  seed: number,
  batchSize: number,
  historyStart: IsoDate,
): Generator<ScaleInvoice[]> {
  const weekdays = historyWeekdays(historyStart);
  const dueDates = new Map<string, IsoDate>();
  const invoiceSeed = deriveSeed(seed, 'scale-invoices');
  let batch: ScaleInvoice[] = [];
  let currentYear = '';
  let sequenceInYear = 0;
  for (let index = 0; index < invoiceCount; index++) {
    // Issue dates rise with the index, so references can be numbered per year as an ERP does.
    const issueDate = weekdays[Math.floor((index * weekdays.length) / invoiceCount)] as IsoDate;
    const year = issueDate.slice(0, 4);
    if (year !== currentYear) {
      currentYear = year;
      sequenceInYear = 0;
    }
    sequenceInYear++;
    const hash = mix32(invoiceSeed ^ mix32(index));
    const customerIndex = hash % customers.length;
    const customer = customers[customerIndex] as Customer;
    const dueKey = `${issueDate}|${customer.paymentTerms}`;
    let dueDate = dueDates.get(dueKey);
    if (dueDate === undefined) {
      dueDate = computeDueDate(issueDate, customer.paymentTerms);
      dueDates.set(dueKey, dueDate);
    }
    const amountMinor = Math.max(
      5_000,
      Math.round(
        (medianMinor[customerIndex] ?? 100_000) *
          Math.exp(0.5 * hashedNormal(hash ^ 0x68e31da4, hash ^ 0x1b56c4e9)),
      ),
    );
    const invoice: LedgerDocument = {
      kind: 'invoice',
      source: 'scale',
      externalRef: `F${year}-${String(sequenceInYear).padStart(7, '0')}`,
      customerCode: customer.code,
      issueDate,
      dueDate,
      valueDate: null,
      amountMinor,
      currency: 'EUR',
      label: null,
    };
    batch.push({ invoice, hash });
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export function generateScale(options: ScaleOptions): ScaleDataset {
  assertCount('customers', options.customers, 1);
  assertCount('invoices', options.invoices, 0);
  const months = options.months ?? DEFAULT_HISTORY_MONTHS;
  assertCount('months', months, 1);
  const seed = options.seed ?? DEMO_DEFAULT_SEED;
  const historyStart = historyStartFor(months);
  const { customers, medianMinor } = buildScaleCustomers(options.customers, seed);
  const invoiceStream = (batchSize: number) =>
    iterateInvoices(customers, medianMinor, options.invoices, seed, batchSize, historyStart);
  return {
    asOf: DEMO_AS_OF,
    historyStart,
    customers,
    invoiceBatches(batchSize: number): Iterable<LedgerDocument[]> {
      assertCount('batchSize', batchSize, 1);
      return {
        *[Symbol.iterator]() {
          for (const batch of invoiceStream(batchSize)) yield batch.map((item) => item.invoice);
        },
      };
    },
    ledgerBatches(batchSize: number) {
      assertCount('batchSize', batchSize, 1);
      return {
        *[Symbol.iterator]() {
          for (const batch of invoiceStream(batchSize)) yield settleBatch(batch, seed);
        },
      };
    },
  };
}

function settleBatch(batch: readonly ScaleInvoice[], seed: number): InvoiceSettlement & { invoices: number } {
  const out: InvoiceSettlement & { invoices: number } = {
    invoices: batch.length,
    documents: [],
    allocations: [],
    reversals: [],
    events: [],
  };
  for (const { invoice, hash } of batch) {
    out.documents.push(invoice);
    const settled = settleInvoice(invoice, hash, payerHabitOf(invoice.customerCode, seed), DEMO_AS_OF);
    out.documents.push(...settled.documents);
    out.allocations.push(...settled.allocations);
    out.reversals.push(...settled.reversals);
    out.events.push(...settled.events);
  }
  return out;
}
