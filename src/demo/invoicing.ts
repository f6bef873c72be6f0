/**
 * Invoices of the demo company: how often and how much each customer buys, month by month, with
 * the seasonality of a distributor of small equipment (August trough, autumn and year-end peak).
 */
import {
  addMonths,
  daysInMonth,
  fromYmd,
  isoWeekday,
  maxDate,
  minDate,
  splitDate,
} from '../core/calendar.ts';
import { computeDueDate } from '../core/ledger/payment-terms.ts';
import type { CustomerType, IsoDate } from '../core/types.ts';
import { type CustomerProfile, DEMO_AS_OF, DEMO_HISTORY_START, type InvoiceDraft } from './demo-types.ts';
import { deNoun, PRODUCT_FAMILIES } from './french-data.ts';
import { createRng, type Rng } from './random.ts';

/** Sales index by calendar month (January first). */
const SEASONALITY = [0.85, 0.9, 1.05, 1.05, 1.0, 1.05, 0.9, 0.55, 1.1, 1.1, 1.15, 1.05] as const;
/** Hypermarkets stock up before Christmas. */
const RETAIL_YEAR_END_BOOST = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1.1, 1.3, 1.2] as const;
const ANNUAL_GROWTH = 0.03;
const VAT_RATE_PERCENT = 20;
const MIN_INVOICE_HT_MINOR = 5_000;

export function seasonalFactor(customerType: CustomerType, month: number): number {
  const base = SEASONALITY[month - 1] ?? 1;
  return customerType === 'large_retail' ? base * (RETAIL_YEAR_END_BOOST[month - 1] ?? 1) : base;
}

/** Knuth's Poisson sampler; fine for the small means used here. */
function poisson(mean: number, rng: Rng): number {
  const limit = Math.exp(-mean);
  let count = 0;
  let product = rng.next();
  while (product > limit) {
    count++;
    product *= rng.next();
  }
  return count;
}

/** Big accounts order on a rhythm; small ones whenever they need something. */
function invoiceCountForMonth(profile: CustomerProfile, expected: number, rng: Rng): number {
  const regular = profile.customerType === 'large_retail' || profile.customerType === 'wholesaler';
  if (!regular) return poisson(expected, rng);
  return Math.max(0, Math.round(expected + rng.normal(0, 0.6)));
}

function weekdaysBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const { year, month, day: firstDay } = splitDate(from);
  const lastDay = splitDate(to).day;
  const days: IsoDate[] = [];
  // One calendar computation per month, then count along: this loop runs for every customer-month.
  let weekday = isoWeekday(from);
  for (let day = firstDay; day <= lastDay; day++) {
    if (weekday <= 5) days.push(fromYmd(year, month, day));
    weekday = weekday === 7 ? 1 : weekday + 1;
  }
  return days;
}

/** Invoice amount including VAT (exports are invoiced without VAT). */
function invoiceAmountMinor(profile: CustomerProfile, sizeFactor: number, rng: Rng): number {
  const medianHtMinor = profile.medianInvoiceMinor / (1 + VAT_RATE_PERCENT / 100);
  const htMinor = Math.max(MIN_INVOICE_HT_MINOR, Math.round(rng.logNormal(medianHtMinor * sizeFactor, 0.5)));
  if (profile.customerType === 'export') return htMinor;
  return Math.round((htMinor * (100 + VAT_RATE_PERCENT)) / 100);
}

function invoiceLabel(profile: CustomerProfile, issueDate: IsoDate, rng: Rng): string {
  const family = rng.pick(PRODUCT_FAMILIES);
  if (profile.customerType === 'public_body') {
    return `Fourniture ${deNoun(family)} — bon de commande n° BC-${issueDate.slice(0, 4)}-${rng.int(100, 999)}`;
  }
  if (profile.customerType === 'export') return `Export — ${family} (exonération de TVA, art. 262 ter I CGI)`;
  return `Livraison ${family}`;
}

type UnnumberedInvoice = Omit<InvoiceDraft, 'ref'>;

function customerInvoices(profile: CustomerProfile, seed: number): UnnumberedInvoice[] {
  const rng = createRng(seed, 'invoices', profile.code);
  const invoices: UnnumberedInvoice[] = [];
  for (let monthStart = DEMO_HISTORY_START; monthStart <= DEMO_AS_OF; monthStart = addMonths(monthStart, 1)) {
    const { year, month } = splitDate(monthStart);
    const from = maxDate(monthStart, profile.firstInvoiceDate);
    const to = minDate(fromYmd(year, month, daysInMonth(year, month)), profile.lastInvoiceDate);
    if (from > to) continue;
    const yearsElapsed = year - 2023 + (month - 7) / 12;
    const boost =
      profile.volumeBoostFrom && monthStart >= profile.volumeBoostFrom ? profile.volumeBoostFactor : 1;
    const seasonal = seasonalFactor(profile.customerType, month);
    const coveredShare = (splitDate(to).day - splitDate(from).day + 1) / daysInMonth(year, month);
    const expected = profile.invoicesPerMonth * seasonal * boost * coveredShare;
    const count = invoiceCountForMonth(profile, expected, rng);
    const weekdays = weekdaysBetween(from, to);
    if (weekdays.length === 0) continue;
    const sizeFactor = Math.sqrt(seasonal) * (1 + ANNUAL_GROWTH * yearsElapsed);
    for (let index = 0; index < count; index++) {
      const issueDate = rng.pick(weekdays);
      invoices.push({
        customerCode: profile.code,
        issueDate,
        dueDate: computeDueDate(issueDate, profile.paymentTerms),
        amountMinor: invoiceAmountMinor(profile, sizeFactor, rng),
        label: invoiceLabel(profile, issueDate, rng),
      });
    }
  }
  return invoices;
}

/**
 * Numbers documents the way an ERP does: one sequence per calendar year, in issue-date order
 * ("F2024-000123"). `compare` breaks ties between documents of the same day.
 */
export function numberByYear<T extends { issueDate: IsoDate }>(
  items: readonly T[],
  prefix: string,
  digits: number,
  compare: (a: T, b: T) => number,
): (T & { ref: string })[] {
  const sorted = [...items].sort((a, b) =>
    a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : compare(a, b),
  );
  const counters = new Map<string, number>();
  return sorted.map((item) => {
    const year = item.issueDate.slice(0, 4);
    const next = (counters.get(year) ?? 0) + 1;
    counters.set(year, next);
    return { ...item, ref: `${prefix}${year}-${String(next).padStart(digits, '0')}` };
  });
}

export function generateInvoices(profiles: readonly CustomerProfile[], seed: number): InvoiceDraft[] {
  const drafts = profiles.flatMap((profile) => customerInvoices(profile, seed));
  return numberByYear(drafts, 'F', 6, (a, b) =>
    a.customerCode < b.customerCode
      ? -1
      : a.customerCode > b.customerCode
        ? 1
        : a.amountMinor - b.amountMinor,
  );
}
