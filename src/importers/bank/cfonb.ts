/**
 * CFONB 120, the French banks' statement format ("relevé de compte 120 caractères"): 01 opens a
 * statement with the previous balance, 04 is an operation, 05 adds a detail to the operation
 * before it (qualifier + 70 characters), 07 closes with the new balance. Amounts carry their sign
 * in the last character (overpunch: `{` A–I positive, `}` J–R negative). Blank lines are skipped;
 * 05 qualifiers this parser does not interpret are kept as they are.
 */
import { currencyExponent } from '#core/money';
import {
  BankFileError,
  type BankProblem,
  bankProblem,
  emptyDetail,
  type ParsedBankFile,
  type ParsedDetail,
  type ParsedEntry,
  type ParsedStatement,
} from './bank-types.ts';
import { cleanText, currencyOf, ddmmyyToIso, ibanFromFrenchRib } from './bank-values.ts';

const RECORD_LENGTH = 120;
const POSITIVE = '{ABCDEFGHI';
const NEGATIVE = '}JKLMNOPQR';

/** 1-based inclusive columns, as the CFONB specification numbers them. */
const col = (line: string, from: number, to: number) => line.slice(from - 1, to);

export interface CfonbLine {
  line: number;
  text: string;
}

/** The non-blank records with their line numbers; a file without line breaks is cut every 120 characters. */
export function cfonbLines(text: string): CfonbLine[] {
  const raw = text.replace(/^\uFEFF/, '');
  const lines = /[\r\n]/.test(raw)
    ? raw.split(/\r\n|\r|\n/)
    : (raw.match(new RegExp(`.{1,${RECORD_LENGTH}}`, 'g')) ?? []);
  return lines
    .map((line, index) => ({ line: index + 1, text: line.padEnd(RECORD_LENGTH, ' ') }))
    .filter((line) => line.text.trim() !== '');
}

/** A signed overpunched amount in the file's decimals, as minor units of the currency. */
export function overpunchToMinor(field: string, decimals: number, currency: string): number | null {
  const trimmed = field.trim().padStart(field.length, '0').replace(/ /g, '0');
  const last = trimmed.at(-1) ?? '';
  let digit: number;
  let negative = false;
  if (/\d/.test(last)) digit = Number(last);
  else if (POSITIVE.includes(last)) digit = POSITIVE.indexOf(last);
  else if (NEGATIVE.includes(last)) {
    digit = NEGATIVE.indexOf(last);
    negative = true;
  } else return null;
  const digits = `${trimmed.slice(0, -1)}${digit}`;
  if (!/^\d+$/.test(digits)) return null;
  const exponent = currencyExponent(currency);
  let value: number;
  if (decimals <= exponent) value = Number(digits) * 10 ** (exponent - decimals);
  else {
    // More decimals than the currency has: only zeros may be dropped, never rounded.
    const dropped = digits.slice(digits.length - (decimals - exponent));
    if (/[1-9]/.test(dropped)) return null;
    value = Number(digits.slice(0, digits.length - (decimals - exponent)));
  }
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value : value;
}

interface AccountFields {
  bank: string;
  branch: string;
  account: string;
  currency: string;
  decimals: number;
}

function accountFields(line: string): AccountFields {
  return {
    bank: col(line, 3, 7),
    branch: col(line, 12, 16),
    account: col(line, 22, 32).trim(),
    currency: currencyOf(col(line, 17, 19)) ?? '',
    decimals: Number(col(line, 20, 20)),
  };
}

class Reader {
  readonly problems: BankProblem[] = [];

  date(record: CfonbLine, from: number, field: string): string | null {
    const value = col(record.text, from, from + 5);
    const date = ddmmyyToIso(value);
    if (date === null) this.problems.push(bankProblem('cfonb_invalid_date', { value, field }, record.line));
    return date;
  }

  amount(record: CfonbLine, fields: AccountFields): number | null {
    const value = col(record.text, 91, 104);
    if (fields.currency === '' || !Number.isInteger(fields.decimals)) {
      this.problems.push(
        bankProblem(
          'bank_invalid_currency',
          { value: col(record.text, 17, 20), where: 'CFONB' },
          record.line,
        ),
      );
      return null;
    }
    const amount = overpunchToMinor(value, fields.decimals, fields.currency);
    if (amount === null)
      this.problems.push(
        bankProblem('bank_invalid_amount', { value, currency: fields.currency, where: 'CFONB' }, record.line),
      );
    return amount;
  }
}

/** An 04 operation and its 05 details (the lines must be 04 then 05s). */
function readCfonbOperation(reader: Reader, records: CfonbLine[], index: number): ParsedEntry {
  const first = records[0] as CfonbLine;
  const fields = accountFields(first.text);
  const detail: ParsedDetail = emptyDetail();
  const freeLabel: string[] = [];
  const extra: ParsedEntry['extra'] = [];
  const reference = cleanText(col(first.text, 105, 120));
  const rejection = cleanText(col(first.text, 41, 42));
  for (const record of records.slice(1)) {
    const qualifier = col(record.text, 46, 48);
    const area = col(record.text, 49, 118);
    const text = cleanText(area);
    // Free text keeps the bank's inner spacing, which may separate references.
    const freeText = area.trim();
    if (qualifier === 'LIB' && freeText) freeLabel.push(freeText);
    else if (qualifier === 'REF') detail.transactionId = text;
    else if (qualifier === 'RCN') {
      detail.endToEndId = cleanText(area.slice(0, 35));
      detail.additionalInfo = cleanText(area.slice(35));
    } else if (qualifier === 'NPY') detail.debtor = { name: text, iban: null, otherAccount: null };
    else if (qualifier === 'NBE') detail.creditor = { name: text, iban: null, otherAccount: null };
    else if (qualifier === 'LCC' || qualifier === 'LC2') {
      if (freeText) detail.unstructured.push(freeText);
    } else if (qualifier === 'LCS' && text) detail.creditorRefs.push(text);
    else if (qualifier.trim() !== '' || text) extra.push({ qualifier, text: area.trimEnd() });
  }
  const amountMinor = reader.amount(first, fields) ?? 0;
  detail.unstructured = [...freeLabel, ...detail.unstructured];
  if (rejection) detail.returnReason = rejection;
  return {
    index,
    amountMinor,
    currency: fields.currency,
    creditDebit: amountMinor < 0 ? 'DBIT' : 'CRDT',
    reversal: false,
    status: 'BOOK',
    bookingDate: reader.date(first, 35, 'booking date'),
    valueDate: reader.date(first, 43, 'value date'),
    bankRef: reference,
    entryRef: cleanText(col(first.text, 82, 88)),
    batchId: null,
    bankTxCode: cleanText(col(first.text, 33, 34)),
    // The label keeps the bank's inner spacing ("VIR  SEPA …"): it is what a person recognises.
    label: col(first.text, 49, 79).trim() || null,
    additionalInfo: null,
    details: [detail],
    line: first.line,
    extra,
  };
}

/** Operations grouped with their 05 lines; a 05 with no operation before it is a problem. */
function groupOperations(reader: Reader, records: CfonbLine[]): CfonbLine[][] {
  const groups: CfonbLine[][] = [];
  for (const record of records) {
    const code = record.text.slice(0, 2);
    if (code === '04') groups.push([record]);
    else if (code === '05') {
      const last = groups.at(-1);
      if (last) last.push(record);
      else reader.problems.push(bankProblem('cfonb_orphan_detail', {}, record.line));
    }
  }
  return groups;
}

/** Operations alone (04/05 lines without 01/07), as some banks send for a single day. */
export function parseCfonbOperations(text: string): ParsedEntry[] {
  const reader = new Reader();
  const entries = groupOperations(reader, cfonbLines(text)).map((group, index) =>
    readCfonbOperation(reader, group, index),
  );
  if (reader.problems.length > 0) throw new BankFileError(reader.problems);
  return entries;
}

export function parseCfonb(text: string): ParsedBankFile {
  const reader = new Reader();
  const statements: ParsedStatement[] = [];
  let open: { first: CfonbLine; body: CfonbLine[] } | null = null;
  for (const record of cfonbLines(text)) {
    const code = record.text.slice(0, 2);
    if (code === '01') {
      if (open) reader.problems.push(bankProblem('cfonb_unclosed_statement', {}, open.first.line));
      open = { first: record, body: [] };
    } else if (code === '04' || code === '05') {
      if (open) open.body.push(record);
      else reader.problems.push(bankProblem('cfonb_outside_statement', {}, record.line));
    } else if (code === '07') {
      if (!open) reader.problems.push(bankProblem('cfonb_outside_statement', {}, record.line));
      else statements.push(readStatement(reader, open.first, open.body, record));
      open = null;
    } else {
      reader.problems.push(bankProblem('cfonb_unknown_record', { code }, record.line));
    }
  }
  if (open) reader.problems.push(bankProblem('cfonb_unclosed_statement', {}, open.first.line));
  if (statements.length === 0 && reader.problems.length === 0)
    reader.problems.push(bankProblem('bank_no_statement'));
  if (reader.problems.length > 0) throw new BankFileError(reader.problems);
  return { format: 'cfonb120', statements };
}

function readStatement(
  reader: Reader,
  first: CfonbLine,
  body: CfonbLine[],
  last: CfonbLine,
): ParsedStatement {
  const fields = accountFields(first.text);
  const fromDate = reader.date(first, 35, 'previous balance date');
  const toDate = reader.date(last, 35, 'new balance date');
  const openingMinor = reader.amount(first, fields);
  const closingMinor = reader.amount(last, accountFields(last.text));
  const entries = groupOperations(reader, body).map((group, index) =>
    readCfonbOperation(reader, group, index),
  );
  const otherId = `${fields.bank} ${fields.branch} ${fields.account}`;
  return {
    id: `${fields.bank}${fields.branch}${fields.account}-${fromDate ?? ''}-${toDate ?? ''}`,
    messageId: null,
    account: {
      iban: ibanFromFrenchRib(fields.bank, fields.branch, fields.account),
      otherId,
      currency: fields.currency || null,
      ownerName: null,
    },
    fromDate,
    toDate,
    opening:
      openingMinor === null ? null : { amountMinor: openingMinor, currency: fields.currency, date: fromDate },
    closing:
      closingMinor === null ? null : { amountMinor: closingMinor, currency: fields.currency, date: toDate },
    entries,
  };
}
