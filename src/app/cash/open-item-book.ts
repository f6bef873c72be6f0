/**
 * The open items of a company held by one run of the matching, compact: a million items are a
 * few columns of typed arrays (document id, open amount, dates, kind and currency as numbers into
 * small tables of their distinct values, the customer as a number) and the references, each
 * customer's items a chain through the arrays. An item becomes an `OpenItem` only when a receipt
 * names its customer, so the run holds about 60 bytes an item instead of a few hundred for
 * objects with a string per field.
 */
import type { OpenItem } from '#core/cash/proposal';
import type { OpenItemRow } from '#db/cash/matching-queries';

const NONE = -1;

/** FNV-1a over the UTF-16 code units, its bits mixed at the end (the table keeps the low ones). */
function hashOf(value: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < value.length; at++) hash = Math.imul(hash ^ value.charCodeAt(at), 0x01000193);
  hash ^= hash >>> 16;
  return Math.imul(hash, 0x45d9f3b) ^ (hash >>> 13);
}

/**
 * Distinct values numbered in the order met (kinds, currencies, customer codes), found through an
 * open-addressing table of their numbers. Why not a Map: the load of a run's copy asks for the
 * customer of about two million rows, each code a fresh string from the driver, and a Map took
 * 1.6–2.0 s of CPU for 2,000,000 such lookups of 100,000 codes in random order where this table
 * takes 1.2–1.5 s.
 */
export class Interner {
  readonly values: string[] = [];
  /** The number of each value at the slot its hash leads to (probing onwards), or NONE. */
  private slots = new Int32Array(64).fill(NONE);
  /**
   * The value asked last and its number: rows in a row mostly share their kind and currency.
   * None at first (not '': an empty code asked first would get no number).
   */
  private last: string | undefined;
  private lastNumber = NONE;

  numberOf(value: string): number {
    if (value === this.last) return this.lastNumber;
    const slot = this.slotFor(value);
    let number = this.slots[slot] as number;
    if (number === NONE) {
      number = this.values.length;
      this.values.push(value);
      this.slots[slot] = number;
      // Kept at most half full, so a probe stops soon at an empty slot.
      if (this.values.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    }
    this.last = value;
    this.lastNumber = number;
    return number;
  }

  find(value: string): number | undefined {
    const number = this.slots[this.slotFor(value)] as number;
    return number === NONE ? undefined : number;
  }

  /** The slot holding the value's number, or the empty slot where it goes. */
  private slotFor(value: string): number {
    const mask = this.slots.length - 1;
    let slot = hashOf(value) & mask;
    for (;;) {
      const number = this.slots[slot] as number;
      if (number === NONE || this.values[number] === value) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(NONE);
    for (let number = 0; number < this.values.length; number++)
      this.slots[this.slotFor(this.values[number] as string)] = number;
  }
}

/** 'YYYY-MM-DD' as the number YYYYMMDD: no string is hashed per item (a million of them). */
function dateNumber(date: string): number {
  let number = 0;
  for (let at = 0; at < date.length; at++) {
    const code = date.charCodeAt(at);
    if (code >= 48 && code <= 57) number = number * 10 + code - 48;
  }
  return number;
}

/** The dates met, by their number (any other shape than 'YYYY-MM-DD' numbered apart, below zero). */
class Dates {
  private readonly byNumber = new Map<number, string>();
  private readonly others = new Map<string, number>();

  numberOf(date: string): number {
    if (date.length !== 10) {
      let other = this.others.get(date);
      if (other === undefined) {
        other = -1 - this.others.size;
        this.others.set(date, other);
        this.byNumber.set(other, date);
      }
      return other;
    }
    const number = dateNumber(date);
    if (!this.byNumber.has(number)) this.byNumber.set(number, date);
    return number;
  }

  dateOf(number: number): string {
    return this.byNumber.get(number) as string;
  }
}

function grown<T extends Float64Array | Int32Array>(array: T, length: number): T {
  if (length <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Spreads document ids over a table's buckets. */
function bucketOf(documentId: number, mask: number): number {
  const low = documentId >>> 0;
  return Math.imul(low ^ (low >>> 15), 0x2c1b3c6d) & mask;
}

export class OpenItemBook {
  private documentIds = new Float64Array(1024);
  private openMinor = new Float64Array(1024);
  /** Issue and due dates as YYYYMMDD; kind, currency and customer as numbers of their interners. */
  private issueDates = new Int32Array(1024);
  private dueDates = new Int32Array(1024);
  private kinds = new Int32Array(1024);
  private currencies = new Int32Array(1024);
  private customerOf = new Int32Array(1024);
  /** The customer's chain, both ways (a settled item leaves it at once), or NONE at its ends. */
  private next = new Int32Array(1024);
  private previous = new Int32Array(1024);
  /** The chain of the slots whose document ids share a bucket of `buckets`. */
  private sameBucket = new Int32Array(1024);
  private buckets = new Int32Array(2048).fill(NONE);
  private readonly refs: string[] = [];
  /** Each customer's first slot, or NONE. */
  private heads = new Int32Array(1024).fill(NONE);
  /** Slots of items settled since, taken again by new items. */
  private readonly free: number[] = [];
  private slots = 0;
  private readonly dates = new Dates();
  private readonly kindNames = new Interner();
  private readonly currencyNames = new Interner();
  readonly customers: Interner;

  constructor(customers = new Interner()) {
    this.customers = customers;
  }

  /** The item's current state: added, or updated in place (moved if its customer changed). */
  put(row: OpenItemRow): void {
    const customer = this.customers.numberOf(row.customerCode);
    let slot = this.slotOf(row.documentId);
    if (slot !== NONE && this.customerOf[slot] !== customer) {
      this.remove(row.documentId);
      slot = NONE;
    }
    if (slot === NONE) slot = this.newSlot(customer, row.documentId);
    this.openMinor[slot] = row.openMinor;
    this.issueDates[slot] = this.dates.numberOf(row.issueDate);
    this.dueDates[slot] = this.dates.numberOf(row.dueDate);
    this.kinds[slot] = this.kindNames.numberOf(row.kind);
    this.currencies[slot] = this.currencyNames.numberOf(row.currency);
    this.refs[slot] = row.ref;
  }

  /** The document is no longer open (settled): its slot is freed. */
  remove(documentId: number): void {
    const slot = this.slotOf(documentId);
    if (slot === NONE) return;
    const before = this.previous[slot] as number;
    const after = this.next[slot] as number;
    if (before === NONE) this.heads[this.customerOf[slot] as number] = after;
    else this.next[before] = after;
    if (after !== NONE) this.previous[after] = before;
    const bucket = bucketOf(documentId, this.buckets.length - 1);
    if (this.buckets[bucket] === slot) this.buckets[bucket] = this.sameBucket[slot] as number;
    else
      for (let at = this.buckets[bucket] as number; at !== NONE; at = this.sameBucket[at] as number)
        if (this.sameBucket[at] === slot) {
          this.sameBucket[at] = this.sameBucket[slot] as number;
          break;
        }
    this.openMinor[slot] = 0;
    this.refs[slot] = '';
    this.free.push(slot);
  }

  /** The customer the document is open for, or undefined when it is not open here. */
  customerCodeOf(documentId: number): string | undefined {
    const slot = this.slotOf(documentId);
    return slot === NONE ? undefined : this.customers.values[this.customerOf[slot] as number];
  }

  /** The document's reference when it is open here (the reference index shares the string). */
  refOf(documentId: number): string | undefined {
    const slot = this.slotOf(documentId);
    return slot === NONE ? undefined : this.refs[slot];
  }

  /** The customer's open items (in no particular order: the proposals sort them). */
  itemsOf(customerCode: string): OpenItem[] {
    const customer = this.customers.find(customerCode);
    if (customer === undefined || customer >= this.heads.length) return [];
    const items: OpenItem[] = [];
    for (let slot = this.heads[customer] as number; slot !== NONE; slot = this.next[slot] as number)
      items.push({
        documentId: this.documentIds[slot] as number,
        customerCode,
        ref: this.refs[slot] as string,
        kind: this.kindNames.values[this.kinds[slot] as number] as string,
        issueDate: this.dates.dateOf(this.issueDates[slot] as number),
        dueDate: this.dates.dateOf(this.dueDates[slot] as number),
        openMinor: this.openMinor[slot] as number,
        currency: this.currencyNames.values[this.currencies[slot] as number] as string,
      });
    return items;
  }

  /** Each customer with an item open for exactly one of these amounts, once per amount. */
  customersOwing(amountsMinor: readonly number[]): { customerCode: string; openMinor: number }[] {
    const wanted = new Set(amountsMinor);
    if (wanted.size === 0) return [];
    const seen = new Set<string>();
    const owing: { customerCode: string; openMinor: number }[] = [];
    for (let slot = 0; slot < this.slots; slot++) {
      const openMinor = this.openMinor[slot] as number;
      // A freed slot holds 0, which no open item does.
      if (openMinor === 0 || !wanted.has(openMinor)) continue;
      const customerCode = this.customers.values[this.customerOf[slot] as number] as string;
      const key = `${customerCode}\n${openMinor}`;
      if (seen.has(key)) continue;
      seen.add(key);
      owing.push({ customerCode, openMinor });
    }
    return owing;
  }

  private slotOf(documentId: number): number {
    for (
      let slot = this.buckets[bucketOf(documentId, this.buckets.length - 1)] as number;
      slot !== NONE;
      slot = this.sameBucket[slot] as number
    )
      if (this.documentIds[slot] === documentId) return slot;
    return NONE;
  }

  private newSlot(customer: number, documentId: number): number {
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.slots++;
      if (slot >= this.documentIds.length) this.grow(slot * 2);
      if (this.slots * 2 > this.buckets.length) this.rehash(this.buckets.length * 2);
    }
    if (customer >= this.heads.length) {
      const length = this.heads.length;
      this.heads = grown(this.heads, Math.max(customer + 1, length * 2));
      this.heads.fill(NONE, length);
    }
    this.documentIds[slot] = documentId;
    this.customerOf[slot] = customer;
    const head = this.heads[customer] as number;
    this.next[slot] = head;
    this.previous[slot] = NONE;
    if (head !== NONE) this.previous[head] = slot;
    this.heads[customer] = slot;
    const bucket = bucketOf(documentId, this.buckets.length - 1);
    this.sameBucket[slot] = this.buckets[bucket] as number;
    this.buckets[bucket] = slot;
    return slot;
  }

  private grow(length: number): void {
    this.documentIds = grown(this.documentIds, length);
    this.openMinor = grown(this.openMinor, length);
    this.issueDates = grown(this.issueDates, length);
    this.dueDates = grown(this.dueDates, length);
    this.kinds = grown(this.kinds, length);
    this.currencies = grown(this.currencies, length);
    this.customerOf = grown(this.customerOf, length);
    this.next = grown(this.next, length);
    this.previous = grown(this.previous, length);
    this.sameBucket = grown(this.sameBucket, length);
  }

  /** A table twice as large, every live slot linked again (freed ones are in no chain). */
  private rehash(size: number): void {
    this.buckets = new Int32Array(size).fill(NONE);
    const freed = new Set(this.free);
    for (let slot = 0; slot < this.slots; slot++) {
      if (freed.has(slot) || this.documentIds[slot] === 0) continue;
      const bucket = bucketOf(this.documentIds[slot] as number, size - 1);
      this.sameBucket[slot] = this.buckets[bucket] as number;
      this.buckets[bucket] = slot;
    }
  }
}
