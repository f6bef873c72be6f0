/**
 * From the customer-account lines of a FEC to the Encours ledger: customers, one document per
 * line, allocations from the lettering, and each customer's account balance (the figure the
 * import must reproduce to the cent). Pure: the payment terms of known customers come in as a
 * function.
 */
import { hash } from 'node:crypto';
import { maxDate } from '#core/calendar';
import { planOldestFirst } from '#core/ledger';
import { computeDueDate } from '#core/payment-terms';
import type { Allocation, Customer, DocumentKind, IsoDate, LedgerDocument } from '#core/types';
import { documentKindFor, inferJournalType, type JournalType } from './fec-journals.ts';
import type { FecFile, FecLine } from './read-fec.ts';

export const FEC_SOURCE = 'fec';

export interface ReconstructOptions {
  currency: string;
  /** Payment terms of a customer (its stored terms, or the default for a new one). */
  termsFor: (customerCode: string) => string;
  defaultTerms: string;
  journalOverrides?: Readonly<Record<string, JournalType>>;
}

export type FecDocument = LedgerDocument & { line: number };
export type FecCustomer = Customer & { line: number };

export interface CustomerBalance {
  code: string;
  name: string;
  balanceMinor: number;
  lines: number[];
}

export interface FecLedger {
  customers: FecCustomer[];
  documents: FecDocument[];
  allocations: Allocation[];
  balances: Map<string, CustomerBalance>;
  controlBalanceMinor: number;
  journalTypes: Record<string, JournalType>;
  warnings: string[];
}

export function customerCodeOf(line: FecLine): string {
  return line.compAuxNum !== '' ? line.compAuxNum : line.compteNum;
}

function newCustomer(code: string, name: string, line: number, options: ReconstructOptions): FecCustomer {
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
    paymentTerms: options.defaultTerms,
    currency: options.currency,
    creditLimitMinor: null,
    billingEmail: null,
    contacts: [],
    address: { line1: null, line2: null, postalCode: null, city: null, country: 'FR' },
    language: 'fr',
    status: 'active',
  };
}

/**
 * A reference that survives successive exports of the same books: the entry (journal, number,
 * date) plus a digest of what the line says, without its lettering or validation date, which
 * change from one export to the next. Identical lines of one entry are told apart by their rank.
 */
function referenceMaker(): (line: FecLine) => string {
  const seen = new Map<string, number>();
  return (line) => {
    // One-shot hashing: a Hash object per line costs more than the digest itself.
    const digest = hash(
      'sha1',
      `${line.compteNum}\u0000${line.compAuxNum}\u0000${line.pieceRef}\u0000${line.pieceDate ?? ''}\u0000${line.ecritureLib}\u0000${line.amountMinor}`,
      'base64url',
    ).slice(0, 12);
    const base = `${line.journalCode}/${line.ecritureNum}/${line.ecritureDate}/${digest}`;
    const rank = (seen.get(base) ?? 0) + 1;
    seen.set(base, rank);
    return rank === 1 ? base : `${base}-${rank}`;
  };
}

export function reconstructLedger(file: FecFile, options: ReconstructOptions): FecLedger {
  const journalTypes: Record<string, JournalType> = {};
  for (const [code, label] of file.journals)
    journalTypes[code] = options.journalOverrides?.[code] ?? inferJournalType(code, label);
  const customers = new Map<string, FecCustomer>();
  const balances = new Map<string, CustomerBalance>();
  const documents: FecDocument[] = [];
  const refOf = referenceMaker();
  const dueDates = new Map<string, IsoDate>();
  const dueDateOf = (base: IsoDate, terms: string) => {
    const key = `${base}/${terms}`;
    let due = dueDates.get(key);
    if (due === undefined) {
      due = computeDueDate(base, terms);
      dueDates.set(key, due);
    }
    return due;
  };
  const groups = new Map<string, { doc: FecDocument; line: FecLine }[]>();
  let controlBalanceMinor = 0;
  for (const line of file.customerLines) {
    const code = customerCodeOf(line);
    const name = line.compAuxNum !== '' ? line.compAuxLib : line.compteLib;
    if (!customers.has(code)) customers.set(code, newCustomer(code, name, line.line, options));
    const balance = balances.get(code) ?? { code, name: name || code, balanceMinor: 0, lines: [] };
    balance.balanceMinor += line.amountMinor;
    balance.lines.push(line.line);
    balances.set(code, balance);
    controlBalanceMinor += line.amountMinor;
    // A zero line moves no balance and cannot be a document.
    if (line.amountMinor === 0) continue;
    const journalType = journalTypes[line.journalCode] ?? 'other';
    const doc = documentOf(line, code, refOf(line), journalType, options, dueDateOf);
    documents.push(doc);
    if (line.letter === '') continue;
    const key = `${line.compteNum}\u0000${code}\u0000${line.letter}`;
    const group = groups.get(key);
    if (group) group.push({ doc, line });
    else groups.set(key, [{ doc, line }]);
  }
  const warnings: string[] = [];
  const allocations: Allocation[] = [];
  for (const members of groups.values()) allocations.push(...allocateLetterGroup(members, warnings));
  return {
    customers: [...customers.values()],
    documents,
    allocations,
    balances,
    controlBalanceMinor,
    journalTypes,
    warnings,
  };
}

function documentOf(
  line: FecLine,
  customerCode: string,
  externalRef: string,
  journalType: JournalType,
  options: ReconstructOptions,
  dueDateOf: (base: IsoDate, terms: string) => IsoDate,
): FecDocument {
  const kind: DocumentKind = documentKindFor(journalType, line.amountMinor);
  const issueDate = line.ecritureDate;
  let dueDate = issueDate;
  if (line.amountMinor > 0) {
    const termsBase = line.pieceDate !== null && line.pieceDate <= issueDate ? line.pieceDate : issueDate;
    dueDate = maxDate(issueDate, line.dateRglt ?? dueDateOf(termsBase, options.termsFor(customerCode)));
  }
  const label = [journalType === 'opening' ? 'À nouveau' : '', line.pieceRef, line.ecritureLib]
    .filter((part) => part !== '' && part !== '-')
    .join(' — ');
  return {
    line: line.line,
    kind,
    source: FEC_SOURCE,
    externalRef,
    customerCode,
    issueDate,
    dueDate,
    valueDate: null,
    amountMinor: line.amountMinor,
    currency: options.currency,
    label: label || null,
  };
}

/**
 * A letter group that balances settles every line; one that does not settles the oldest debits
 * first and leaves the rest open. The date is DateLet, or the group's latest line date when the
 * export leaves DateLet empty — never before either document.
 */
function allocateLetterGroup(
  members: readonly { doc: FecDocument; line: FecLine }[],
  warnings: string[],
): Allocation[] {
  let groupDate: IsoDate = '0000-01-01';
  let sumMinor = 0;
  let latestLineDate: IsoDate = '0000-01-01';
  for (const { line } of members) {
    sumMinor += line.amountMinor;
    latestLineDate = maxDate(latestLineDate, line.ecritureDate);
    if (line.dateLet !== null) groupDate = maxDate(groupDate, line.dateLet);
  }
  if (groupDate === '0000-01-01') groupDate = latestLineDate;
  const first = members[0];
  if (sumMinor !== 0 && first && warnings.length < 50) {
    warnings.push(
      `letter ${first.line.letter} of ${first.doc.customerCode} (account ${first.line.compteNum}) does not balance by ${sumMinor} minor units: the remainder stays open`,
    );
  }
  const debits = members.filter((member) => member.doc.amountMinor > 0);
  const credits = members
    .filter((member) => member.doc.amountMinor < 0)
    .sort((a, b) => a.doc.issueDate.localeCompare(b.doc.issueDate) || a.line.line - b.line.line);
  const openByIndex = debits.map((member) => member.doc.amountMinor);
  const allocations: Allocation[] = [];
  for (const credit of credits) {
    const plan = planOldestFirst(
      credit.doc.amountMinor,
      debits.map((member, index) => ({
        id: index,
        dueDate: member.doc.issueDate,
        issueDate: member.doc.issueDate,
        openMinor: openByIndex[index] ?? 0,
      })),
    );
    for (const step of plan) {
      const debit = debits[step.debitId];
      if (!debit) continue;
      openByIndex[step.debitId] = (openByIndex[step.debitId] ?? 0) - step.amountMinor;
      allocations.push({
        debitRef: debit.doc.externalRef,
        creditRef: credit.doc.externalRef,
        amountMinor: step.amountMinor,
        allocationDate: maxDate(groupDate, maxDate(debit.doc.issueDate, credit.doc.issueDate)),
      });
    }
  }
  return allocations;
}
