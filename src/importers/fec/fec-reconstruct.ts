/**
 * From a customer-account line of a FEC to the row the database rebuilds the ledger from: the
 * customer it belongs to, the kind of document it becomes (from its journal's type and its side),
 * a reference that survives successive exports, its label, the date its payment terms run from,
 * and its letter group. Pure and per line, so lines can be streamed into the database as they
 * are read: customers, documents, letter groups and balances are then built set-based there.
 */
import { hash } from 'node:crypto';
import type { StagedFecLine } from '#core/fec/fec-format';
import type { Customer } from '#core/types';
import { documentKindFor, inferJournalType, type JournalType } from './fec-journals.ts';
import type { FecLine } from './read-fec.ts';

export type { StagedFecLine };
export const FEC_SOURCE = 'fec';

export function customerCodeOf(line: FecLine): string {
  return line.compAuxNum !== '' ? line.compAuxNum : line.compteNum;
}

/** Journal types of the file: `--journal` overrides, else inferred from code and label. */
export class JournalTypes {
  readonly #overrides: Readonly<Record<string, JournalType>>;
  readonly #types = new Map<string, JournalType>();
  constructor(overrides: Readonly<Record<string, JournalType>> = {}) {
    this.#overrides = overrides;
  }
  typeOf(code: string, label: string): JournalType {
    let type = this.#types.get(code);
    if (type === undefined) {
      type = this.#overrides[code] ?? inferJournalType(code, label);
      this.#types.set(code, type);
    }
    return type;
  }
  /** Every journal of the file with its type. */
  all(journals: ReadonlyMap<string, string>): Record<string, JournalType> {
    const all: Record<string, JournalType> = {};
    for (const [code, label] of journals) all[code] = this.typeOf(code, label);
    return all;
  }
}

/**
 * The entry (journal, number, date) plus a digest of what the line says, without its lettering
 * or validation date, which change from one export to the next. The database appends a rank to
 * identical lines of one entry.
 */
function baseRefOf(line: FecLine): string {
  // One-shot hashing: a Hash object per line costs more than the digest itself.
  const digest = hash(
    'sha1',
    `${line.compteNum}\u0000${line.compAuxNum}\u0000${line.pieceRef}\u0000${line.pieceDate ?? ''}\u0000${line.ecritureLib}\u0000${line.amountMinor}`,
    'base64url',
  ).slice(0, 12);
  return `${line.journalCode}/${line.ecritureNum}/${line.ecritureDate}/${digest}`;
}

export function stagedLineOf(line: FecLine, journalType: JournalType): StagedFecLine {
  const customerCode = customerCodeOf(line);
  const name = line.compAuxNum !== '' ? line.compAuxLib : line.compteLib;
  const issueDate = line.ecritureDate;
  const label = [journalType === 'opening' ? 'À nouveau' : '', line.pieceRef, line.ecritureLib]
    .filter((part) => part !== '' && part !== '-')
    .join(' — ');
  return {
    line: line.line,
    customerCode,
    customerName: name || customerCode,
    compteNum: line.compteNum,
    letter: line.letter,
    kind: line.amountMinor === 0 ? null : documentKindFor(journalType, line.amountMinor),
    baseRef: baseRefOf(line),
    issueDate,
    termsBase: line.pieceDate !== null && line.pieceDate <= issueDate ? line.pieceDate : issueDate,
    dateRglt: line.dateRglt,
    dateLet: line.dateLet,
    amountMinor: line.amountMinor,
    label: label || null,
  };
}

/** A customer the FEC names and Encours does not know yet: the bare account, default terms. */
export function newFecCustomer(
  code: string,
  name: string,
  line: number,
  currency: string,
  defaultTerms: string,
): Customer & { line: number } {
  return {
    line,
    code,
    name: name || code,
    siren: null,
    siret: null,
    vatNumber: null,
    customerType: 'other',
    groupCode: null,
    salesperson: null,
    paymentTerms: defaultTerms,
    currency,
    creditLimitMinor: null,
    billingEmail: null,
    contacts: [],
    address: { line1: null, line2: null, postalCode: null, city: null, country: 'FR' },
    language: 'fr',
    status: 'active',
  };
}
