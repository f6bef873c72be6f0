/**
 * The invoices and credit notes of a company by the digits of their reference, held by one run of
 * the matching: the in-memory counterpart of the expression index of 0034, so a batch's thousands
 * of digit keys are looked up without a probe of the database each. Compact: a hash table of
 * slots in typed arrays (the document id, its customer as a number, the key's hash, the chain),
 * the references as strings. Only keys a receipt can carry are kept (five digits or more).
 */
import type { RefDocumentRow } from '#db/cash/matching-queries';
import type { Interner } from './open-item-book.ts';

const NONE = -1;
/** Receipts' digit keys have at least this many digits (core/cash/references.ts digitsKey). */
const MIN_DIGITS = 5;

/** FNV-1a over the key's characters: spreads the slots over the table. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < key.length; at++) hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193);
  return hash | 0;
}

/**
 * The reference's digits without leading zeros, as the database's expression computes them
 * (`ltrim(regexp_replace(ref, '\D', '', 'g'), '0')`), or undefined when the process cannot be
 * sure: a digit of another script may or may not be a digit to the database's locale.
 */
export function digitsOfRef(ref: string): string | undefined {
  for (let at = 0; at < ref.length; at++)
    if (ref.charCodeAt(at) > 0x7f && /\p{Nd}/u.test(ref.charAt(at))) return undefined;
  return ref.replace(/[^0-9]/g, '').replace(/^0+/, '');
}

export class ReferenceIndex {
  private documentIds = new Float64Array(1024);
  private customerOf = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private next = new Int32Array(1024);
  private readonly refs: string[] = [];
  /** The digits of the few slots whose reference the process does not read as the database does. */
  private readonly otherDigits = new Map<number, string>();
  private buckets = new Int32Array(2048).fill(NONE);
  private slots = 0;
  private readonly customers: Interner;

  constructor(customers: Interner) {
    this.customers = customers;
  }

  /** A document whose reference has these digits (as the database reads them). */
  add(document: Omit<RefDocumentRow, 'digits'>, digits: string): void {
    if (digits.length < MIN_DIGITS) return;
    if (this.slots * 2 >= this.buckets.length) this.rehash(this.buckets.length * 2);
    const slot = this.slots++;
    if (slot >= this.documentIds.length) {
      const length = slot * 2;
      this.documentIds = copied(this.documentIds, new Float64Array(length));
      this.customerOf = copied(this.customerOf, new Int32Array(length));
      this.hashes = copied(this.hashes, new Int32Array(length));
      this.next = copied(this.next, new Int32Array(length));
    }
    const hash = hashOf(digits);
    this.documentIds[slot] = document.documentId;
    this.customerOf[slot] = this.customers.numberOf(document.customerCode);
    this.hashes[slot] = hash;
    this.refs[slot] = document.externalRef;
    if (digitsOfRef(document.externalRef) !== digits) this.otherDigits.set(slot, digits);
    this.link(slot, hash);
  }

  /** The documents whose reference has exactly these digits, in document order. */
  documentsWithDigits(digits: string): RefDocumentRow[] {
    const hash = hashOf(digits);
    const found: RefDocumentRow[] = [];
    for (
      let slot = this.buckets[hash & (this.buckets.length - 1)] as number;
      slot !== NONE;
      slot = this.next[slot] as number
    ) {
      const externalRef = this.refs[slot] as string;
      if (this.hashes[slot] !== hash) continue;
      if ((this.otherDigits.get(slot) ?? digitsOfRef(externalRef)) !== digits) continue;
      found.push({
        documentId: this.documentIds[slot] as number,
        customerCode: this.customers.values[this.customerOf[slot] as number] as string,
        externalRef,
        digits,
      });
    }
    return found.sort((a, b) => a.documentId - b.documentId);
  }

  private link(slot: number, hash: number): void {
    const bucket = hash & (this.buckets.length - 1);
    this.next[slot] = this.buckets[bucket] as number;
    this.buckets[bucket] = slot;
  }

  private rehash(size: number): void {
    this.buckets = new Int32Array(size).fill(NONE);
    for (let slot = 0; slot < this.slots; slot++) this.link(slot, this.hashes[slot] as number);
  }
}

function copied<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
