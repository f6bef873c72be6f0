/**
 * What a bank statement file says, whatever its format (camt.053/054, CFONB 120, OFX): statements
 * of one account with their balances and entries, an entry possibly carrying several transfers
 * (camt TxDtls). Amounts are integer minor units, signed from the account holder's side (a
 * receipt is positive); dates are 'YYYY-MM-DD'. No database, no text for people: a problem is a
 * stable code with its params, worded by the catalogue (src/text/messages/cash.ts).
 */
import type { CurrencyCode, IsoDate } from '#core/types';

export const BANK_FORMATS = ['camt.053', 'camt.054', 'cfonb120', 'ofx1', 'ofx2'] as const;
export type BankFormat = (typeof BANK_FORMATS)[number];

export interface BankAccountId {
  /** Validated, electronic form (no spaces); null when the file names the account otherwise. */
  iban: string | null;
  /** Any other identification (CFONB bank/branch/account, OFX BANKID/ACCTID, camt Othr/Id). */
  otherId: string | null;
  currency: CurrencyCode | null;
  ownerName: string | null;
}

export interface BankBalance {
  /** Signed: a debit balance (overdraft) is negative. */
  amountMinor: number;
  currency: CurrencyCode;
  date: IsoDate | null;
}

export interface Counterparty {
  name: string | null;
  iban: string | null;
  /** Account identification that is not an IBAN (camt Othr/Id). */
  otherAccount: string | null;
}

export interface ParsedDetail {
  /** Unsigned amount of this transfer, when the detail states one (camt TxDtls/Amt). */
  amountMinor: number | null;
  currency: CurrencyCode | null;
  /** The detail's own indicator, when it has one. */
  creditDebit: 'CRDT' | 'DBIT' | null;
  endToEndId: string | null;
  instructionId: string | null;
  transactionId: string | null;
  accountServicerRef: string | null;
  mandateId: string | null;
  chequeNumber: string | null;
  debtor: Counterparty | null;
  creditor: Counterparty | null;
  unstructured: string[];
  /** Creditor references (RF… ISO 11649, or any scheme) of the structured remittance. */
  creditorRefs: string[];
  /** Return reason (camt RtrInf/Rsn/Cd, e.g. AC04, MS02); null when this is not a return. */
  returnReason: string | null;
  additionalInfo: string | null;
}

export interface ParsedEntry {
  /** 0-based position in its statement. */
  index: number;
  /** Signed: credit (money in) > 0, debit < 0. */
  amountMinor: number;
  currency: CurrencyCode;
  creditDebit: 'CRDT' | 'DBIT';
  reversal: boolean;
  status: string | null;
  bookingDate: IsoDate | null;
  valueDate: IsoDate | null;
  /** The bank's own reference of the entry (camt AcctSvcrRef, OFX FITID, CFONB 04 reference). */
  bankRef: string | null;
  entryRef: string | null;
  batchId: string | null;
  /** Bank transaction code: camt Domn/Fmly/SubFmly or proprietary code, CFONB operation code, OFX TRNTYPE. */
  bankTxCode: string | null;
  /** The label the bank prints (CFONB 04 label, OFX NAME, camt AddtlNtryInf). */
  label: string | null;
  additionalInfo: string | null;
  details: ParsedDetail[];
  /** Line of the file where the entry starts (CFONB and OFX; 0 for XML). */
  line: number;
  /** CFONB: 05 qualifiers the parser does not interpret, kept as they are. */
  extra: { qualifier: string; text: string }[];
}

export interface ParsedStatement {
  /** camt Stmt/Id or Ntfctn/Id; CFONB/OFX: built from the account and the dates. */
  id: string;
  messageId: string | null;
  account: BankAccountId;
  fromDate: IsoDate | null;
  toDate: IsoDate | null;
  opening: BankBalance | null;
  closing: BankBalance | null;
  entries: ParsedEntry[];
}

export interface ParsedBankFile {
  format: BankFormat;
  statements: ParsedStatement[];
}

export interface BankProblem {
  code: string;
  params: Record<string, string | number>;
  /** Line of the file (1-based), or 0 when the problem is about the whole file. */
  line: number;
}

/** A file that cannot be read as a statement: every problem found, with its code. */
export class BankFileError extends Error {
  readonly problems: BankProblem[];
  constructor(problems: BankProblem[]) {
    super(problems.map((p) => `${p.code}${p.line ? ` (line ${p.line})` : ''}`).join('; '));
    this.name = 'BankFileError';
    this.problems = problems;
  }
}

export function bankProblem(code: string, params: BankProblem['params'] = {}, line = 0): BankProblem {
  return { code, params, line };
}

export function emptyDetail(): ParsedDetail {
  return {
    amountMinor: null,
    currency: null,
    creditDebit: null,
    endToEndId: null,
    instructionId: null,
    transactionId: null,
    accountServicerRef: null,
    mandateId: null,
    chequeNumber: null,
    debtor: null,
    creditor: null,
    unstructured: [],
    creditorRefs: [],
    returnReason: null,
    additionalInfo: null,
  };
}

/**
 * A statement file read piece by piece, in file order: a statement's header (its entries empty),
 * each of its entries, then the statement again as its end gives it (balances read after the
 * entries; entries empty). A reader gives these without holding the statement's entries.
 */
export type BankItem =
  | { kind: 'statement'; statement: ParsedStatement }
  /**
   * `refused`: the entry has problems of its own (amount, currency, indicator), reported when the
   * file ends, which refuses it: nothing of it may be stored meanwhile (it is not a valid row).
   */
  | { kind: 'entry'; entry: ParsedEntry; refused?: true }
  | { kind: 'statementEnd'; statement: ParsedStatement };
