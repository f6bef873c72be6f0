/**
 * Reads and validates a whole FEC in one streaming pass (after the encoding scan). Only the lines
 * of customer accounts are kept; the other lines feed the entry balances and are dropped, so
 * memory grows with the receivables, not with the general ledger. Any problem rejects the file:
 * the result is either everything needed for the reconstruction or every problem found.
 */
import { basename } from 'node:path';
import type { IsoDate } from '#core/types';
import type { ImportError } from '../row-context.ts';
import { EntryBalances } from './fec-entries.ts';
import { type FecEncoding, readTextLines, scanEncoding } from './fec-text.ts';
import {
  type FecColumn,
  type FecHeader,
  type FecSeparator,
  parseFecAmount,
  parseFecDate,
  readFecHeader,
  splitFecLine,
} from './fec-values.ts';

/** A line of a customer account, as the reconstruction needs it. */
export interface FecLine {
  line: number;
  journalCode: string;
  ecritureNum: string;
  ecritureDate: IsoDate;
  compteNum: string;
  compteLib: string;
  compAuxNum: string;
  compAuxLib: string;
  pieceRef: string;
  pieceDate: IsoDate | null;
  ecritureLib: string;
  /** Debit − Credit, in minor units. */
  amountMinor: number;
  letter: string;
  dateLet: IsoDate | null;
  dateRglt: IsoDate | null;
}

export interface FecReadOptions {
  /** Account number prefixes of customer accounts ("411", "413", "416"). */
  customerAccountPrefixes: readonly string[];
  maxErrors?: number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface FecFile {
  fileName: string;
  encoding: FecEncoding;
  separator: FecSeparator;
  columns: number;
  lines: number;
  entries: number;
  firstDate: IsoDate | null;
  lastDate: IsoDate | null;
  /** JournalCode → JournalLib. */
  journals: Map<string, string>;
  customerLines: FecLine[];
  warnings: string[];
}

export type FecReadResult = ({ ok: true } & FecFile) | { ok: false; fileName: string; errors: ImportError[] };

const DEFAULT_MAX_ERRORS = 200;
const OPTIONAL_DATES = ['PieceDate', 'DateLet', 'ValidDate', 'DateRglt'] as const;

class Problems {
  readonly errors: ImportError[] = [];
  omitted = 0;
  readonly #file: string;
  readonly #limit: number;
  constructor(file: string, limit: number) {
    this.#file = file;
    this.#limit = limit;
  }
  add(line: number, column: string | null, value: string | null, reason: string): void {
    if (this.errors.length >= this.#limit) this.omitted++;
    else this.errors.push({ file: this.#file, line, column, value, reason });
  }
}

export async function readFecFile(filePath: string, options: FecReadOptions): Promise<FecReadResult> {
  const fileName = basename(filePath);
  const scan = await scanEncoding(filePath);
  const problems = new Problems(fileName, options.maxErrors ?? DEFAULT_MAX_ERRORS);
  const balances = new EntryBalances();
  const state = {
    header: null as FecHeader | null,
    lines: 0,
    firstDate: null as IsoDate | null,
    lastDate: null as IsoDate | null,
    journals: new Map<string, string>(),
    customerLines: [] as FecLine[],
  };
  const isCustomerAccount = (account: string) =>
    options.customerAccountPrefixes.some((prefix) => account.startsWith(prefix));
  const onBytes = options.onProgress
    ? (bytesRead: number) => options.onProgress?.(bytesRead, scan.totalBytes)
    : undefined;
  for await (const { line, text } of readTextLines(filePath, scan.encoding, onBytes)) {
    if (state.header === null) {
      state.header = readFecHeader(text);
      for (const column of state.header.missingColumns)
        problems.add(
          line,
          column,
          null,
          'missing column: the FEC header must name the 18 columns of the decree',
        );
      if (state.header.missingColumns.length > 0) break;
      continue;
    }
    if (text.trim() === '') continue;
    state.lines++;
    const parsed = parseDataLine(line, text, state.header, problems);
    if (!parsed) continue;
    balances.add(
      line,
      parsed.journalCode,
      parsed.ecritureNum,
      parsed.ecritureDate,
      parsed.pieceRef,
      parsed.amountMinor,
    );
    if (state.firstDate === null || parsed.ecritureDate < state.firstDate)
      state.firstDate = parsed.ecritureDate;
    if (state.lastDate === null || parsed.ecritureDate > state.lastDate) state.lastDate = parsed.ecritureDate;
    if (!state.journals.has(parsed.journalCode)) state.journals.set(parsed.journalCode, parsed.journalLib);
    if (isCustomerAccount(parsed.compteNum)) state.customerLines.push(parsed.fecLine());
  }
  if (state.header === null) problems.add(1, null, null, 'empty file: no FEC header');
  if (problems.errors.length > 0) return rejected(fileName, problems);
  const { entries, unbalanced, regrouped } = balances.check();
  for (const entry of unbalanced) {
    problems.add(
      entry.line,
      'Debit/Credit',
      `${entry.journalCode} ${entry.ecritureNum}`,
      `entry does not balance (grouped by ${entry.grouping}): debit − credit = ${formatMinor(entry.differenceMinor)}`,
    );
  }
  if (balances.fileSumMinor !== 0)
    problems.add(
      0,
      'Debit/Credit',
      null,
      `the file does not balance: total debit − total credit = ${formatMinor(balances.fileSumMinor)}`,
    );
  if (problems.errors.length > 0) return rejected(fileName, problems);
  const header = state.header as FecHeader;
  const warnings = header.unknownColumns.map(
    (name) => `column "${name}" is not a FEC column and was ignored`,
  );
  for (const journal of regrouped)
    warnings.push(`journal ${journal}: EcritureNum is not unique, entries were grouped by date and PieceRef`);
  return {
    ok: true,
    fileName,
    encoding: scan.encoding,
    separator: header.separator,
    columns: header.width,
    lines: state.lines,
    entries,
    firstDate: state.firstDate,
    lastDate: state.lastDate,
    journals: state.journals,
    customerLines: state.customerLines,
    warnings,
  };
}

function rejected(fileName: string, problems: Problems): FecReadResult {
  if (problems.omitted > 0)
    problems.errors.push({
      file: fileName,
      line: 0,
      column: null,
      value: null,
      reason: `${problems.omitted} more problem(s) not listed`,
    });
  return { ok: false, fileName, errors: problems.errors };
}

export function formatMinor(amountMinor: number): string {
  const sign = amountMinor < 0 ? '-' : '';
  const absolute = Math.abs(amountMinor);
  return `${sign}${Math.trunc(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`;
}

/** Checks one data line; returns an accessor for the values, or null after recording its problems. */
function parseDataLine(line: number, text: string, header: FecHeader, problems: Problems) {
  const fields = splitFecLine(text, header.separator, header.width);
  if (fields.length !== header.width) {
    const names = Object.entries(header.indexOf).sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0));
    const firstMissing = names.find(([, index]) => (index ?? 0) >= fields.length)?.[0] ?? null;
    problems.add(
      line,
      fields.length < header.width ? firstMissing : null,
      null,
      `the line has ${fields.length} columns, the header ${header.width} (truncated line or stray separator)`,
    );
    return null;
  }
  const get = (column: FecColumn) => {
    const index = header.indexOf[column];
    return index === undefined ? '' : (fields[index] ?? '').trim();
  };
  const errorsBefore = problems.errors.length + problems.omitted;
  for (const column of ['JournalCode', 'EcritureNum', 'EcritureDate', 'CompteNum'] as const) {
    if (get(column) === '') problems.add(line, column, null, 'required field is empty');
  }
  const dateText = get('EcritureDate');
  const ecritureDate = parseFecDate(dateText);
  if (dateText !== '' && ecritureDate === null)
    problems.add(line, 'EcritureDate', dateText, 'not a valid date (YYYYMMDD)');
  const optionalDates = new Map<string, IsoDate | null>();
  for (const column of OPTIONAL_DATES) {
    const value = get(column);
    const date = value === '' ? null : parseFecDate(value);
    if (value !== '' && date === null) problems.add(line, column, value, 'not a valid date (YYYYMMDD)');
    optionalDates.set(column, date);
  }
  const debitText = get('Debit');
  const creditText = get('Credit');
  const debit = parseFecAmount(debitText);
  const credit = parseFecAmount(creditText);
  if (debit === null) problems.add(line, 'Debit', debitText, 'not an amount (decimal comma, 2 decimals)');
  if (credit === null) problems.add(line, 'Credit', creditText, 'not an amount (decimal comma, 2 decimals)');
  if (debitText === '' && creditText === '')
    problems.add(line, 'Debit', null, 'Debit and Credit are both empty');
  if (problems.errors.length + problems.omitted > errorsBefore || ecritureDate === null) return null;
  const amountMinor = (debit ?? 0) - (credit ?? 0);
  const journalCode = get('JournalCode');
  const ecritureNum = get('EcritureNum');
  const compteNum = get('CompteNum');
  const pieceRef = get('PieceRef');
  return {
    journalCode,
    journalLib: get('JournalLib'),
    ecritureNum,
    ecritureDate,
    compteNum,
    pieceRef,
    amountMinor,
    fecLine: (): FecLine => ({
      line,
      journalCode,
      ecritureNum,
      ecritureDate,
      compteNum,
      compteLib: get('CompteLib'),
      compAuxNum: get('CompAuxNum'),
      compAuxLib: get('CompAuxLib'),
      pieceRef,
      pieceDate: optionalDates.get('PieceDate') ?? null,
      ecritureLib: get('EcritureLib'),
      amountMinor,
      letter: get('EcritureLet'),
      dateLet: optionalDates.get('DateLet') ?? null,
      dateRglt: optionalDates.get('DateRglt') ?? null,
    }),
  };
}
