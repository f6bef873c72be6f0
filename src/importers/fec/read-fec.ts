/**
 * Reads and validates a whole FEC in one streaming pass (after the encoding scan). The lines of
 * customer accounts are handed to `onCustomerLines` a batch at a time (the import streams them
 * into the database) or, without it, kept; every line's entry key and amount goes to the entry
 * ledger (in memory by default; the import stages them in the database), and is dropped. Any problem rejects the file: the result is either the file's facts or every problem.
 */
import { basename } from 'node:path';
import type { IsoDate } from '#core/types';
import { problem } from '../problems.ts';
import type { ImportError } from '../row-context.ts';
import { EntryBalances, type EntryLedger, type EntryLine } from './fec-entries.ts';
import { checkFecHeader, formatMinor, Problems, rejected } from './fec-problems.ts';
import { type FecEncoding, readTextLineBatches, scanEncoding } from './fec-text.ts';
import {
  FEC_OPTIONAL_COLUMNS,
  FEC_REQUIRED_COLUMNS,
  type FecColumn,
  type FecHeader,
  type FecSeparator,
  parseFecAmount,
  parseFecDate,
  readFecHeader,
  splitFecLine,
} from './fec-values.ts';
import { type FecWarning, fecWarning } from './fec-warnings.ts';

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
  /**
   * Receives the customer lines of each batch, which are then not kept; `journals` already names
   * the journal of every line passed. Not called any more once a problem is found.
   */
  onCustomerLines?: (lines: FecLine[], journals: ReadonlyMap<string, string>) => void | Promise<void>;
  /**
   * Checks the balance of the entries; fed a batch at a time (before `onCustomerLines`), not any
   * more once a problem is found. An `EntryBalances` in memory by default.
   */
  entryLedger?: EntryLedger;
}

export interface FecFile {
  fileName: string;
  encoding: FecEncoding;
  sha256: string;
  separator: FecSeparator;
  columns: number;
  lines: number;
  entries: number;
  firstDate: IsoDate | null;
  lastDate: IsoDate | null;
  /** JournalCode → JournalLib. */
  journals: Map<string, string>;
  /** Empty when the lines went to `onCustomerLines`. */
  customerLines: FecLine[];
  warnings: FecWarning[];
}

export type FecReadResult = ({ ok: true } & FecFile) | { ok: false; fileName: string; errors: ImportError[] };

const DEFAULT_MAX_ERRORS = 200;
const OPTIONAL_DATES = ['PieceDate', 'DateLet', 'ValidDate', 'DateRglt'] as const;

export async function readFecFile(filePath: string, options: FecReadOptions): Promise<FecReadResult> {
  const fileName = basename(filePath);
  const scan = await scanEncoding(filePath);
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  const problems = new Problems(fileName, maxErrors);
  const ledger = options.entryLedger ?? new EntryBalances();
  const state = {
    header: null as FecHeader | null,
    lines: 0,
    firstDate: null as IsoDate | null,
    lastDate: null as IsoDate | null,
    journals: new Map<string, string>(),
    customerLines: [] as FecLine[],
    fileSumMinor: 0,
  };
  const isCustomerAccount = (account: string) =>
    options.customerAccountPrefixes.some((prefix) => account.startsWith(prefix));
  const onBytes = options.onProgress
    ? (bytesRead: number) => options.onProgress?.(bytesRead, scan.totalBytes)
    : undefined;
  let columns: ColumnIndex | null = null;
  read: for await (const batch of readTextLineBatches(filePath, scan.encoding, onBytes)) {
    const entryLines: EntryLine[] = [];
    for (const { line, text } of batch) {
      if (state.header === null) {
        state.header = readFecHeader(text);
        if (!checkFecHeader(state.header, line, problems)) break read;
        columns = columnIndex(state.header);
        continue;
      }
      if (text.trim() === '') continue;
      state.lines++;
      const parsed = parseDataLine(line, text, state.header, columns as ColumnIndex, problems);
      if (!parsed) continue;
      state.fileSumMinor += parsed.amountMinor;
      entryLines.push({
        line,
        journalCode: parsed.journalCode,
        ecritureNum: parsed.ecritureNum,
        date: parsed.ecritureDate,
        piece: parsed.pieceRef,
        amountMinor: parsed.amountMinor,
      });
      if (state.firstDate === null || parsed.ecritureDate < state.firstDate)
        state.firstDate = parsed.ecritureDate;
      if (state.lastDate === null || parsed.ecritureDate > state.lastDate)
        state.lastDate = parsed.ecritureDate;
      if (!state.journals.has(parsed.journalCode))
        state.journals.set(
          parsed.journalCode,
          parsed.fields[(columns as ColumnIndex).JournalLib]?.trim() ?? '',
        );
      if (isCustomerAccount(parsed.compteNum))
        state.customerLines.push(customerLine(parsed, columns as ColumnIndex));
    }
    if (problems.errors.length === 0 && entryLines.length > 0) await ledger.add(entryLines);
    if (options.onCustomerLines && state.customerLines.length > 0) {
      const lines = state.customerLines;
      state.customerLines = [];
      if (problems.errors.length === 0) await options.onCustomerLines(lines, state.journals);
    }
  }
  if (state.header === null) problems.add(1, null, null, problem('fec_empty_file'));
  if (problems.errors.length > 0) return rejected(fileName, problems);
  const { entries, unbalanced, unbalancedCount, regrouped } = await ledger.check(maxErrors);
  for (const entry of unbalanced) {
    problems.add(
      entry.line,
      'Debit/Credit',
      `${entry.journalCode} ${entry.ecritureNum}`,
      problem(entry.spansDates ? 'fec_entry_unbalanced_spanning_dates' : 'fec_entry_unbalanced', {
        difference: formatMinor(entry.differenceMinor),
      }),
    );
  }
  problems.omitted += unbalancedCount - unbalanced.length;
  if (state.fileSumMinor !== 0)
    problems.add(
      0,
      'Debit/Credit',
      null,
      problem('fec_file_unbalanced', { difference: formatMinor(state.fileSumMinor) }),
    );
  if (problems.errors.length > 0) return rejected(fileName, problems);
  const header = state.header as FecHeader;
  const warnings = header.unknownColumns.map((column) => fecWarning('fec_unknown_column', { column }));
  for (const journal of regrouped) warnings.push(fecWarning('fec_entry_num_not_unique', { journal }));
  return {
    ok: true,
    fileName,
    encoding: scan.encoding,
    sha256: scan.sha256,
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

/** Field index of every column the reader uses (-1: absent), resolved once per file. */
type ColumnIndex = Record<FecColumn, number>;

function columnIndex(header: FecHeader): ColumnIndex {
  const index = {} as ColumnIndex;
  for (const column of [...FEC_REQUIRED_COLUMNS, ...FEC_OPTIONAL_COLUMNS])
    index[column] = header.indexOf[column] ?? -1;
  return index;
}

interface ParsedLine {
  line: number;
  fields: string[];
  journalCode: string;
  ecritureNum: string;
  ecritureDate: IsoDate;
  compteNum: string;
  pieceRef: string;
  pieceDate: IsoDate | null;
  dateLet: IsoDate | null;
  dateRglt: IsoDate | null;
  amountMinor: number;
}

function customerLine(parsed: ParsedLine, columns: ColumnIndex): FecLine {
  const get = (index: number) => parsed.fields[index]?.trim() ?? '';
  return {
    line: parsed.line,
    journalCode: parsed.journalCode,
    ecritureNum: parsed.ecritureNum,
    ecritureDate: parsed.ecritureDate,
    compteNum: parsed.compteNum,
    compteLib: get(columns.CompteLib),
    compAuxNum: get(columns.CompAuxNum),
    compAuxLib: get(columns.CompAuxLib),
    pieceRef: parsed.pieceRef,
    pieceDate: parsed.pieceDate,
    ecritureLib: get(columns.EcritureLib),
    amountMinor: parsed.amountMinor,
    letter: get(columns.EcritureLet),
    dateLet: parsed.dateLet,
    dateRglt: parsed.dateRglt,
  };
}

/** Checks one data line; returns its values, or null after recording its problems. */
function parseDataLine(
  line: number,
  text: string,
  header: FecHeader,
  columns: ColumnIndex,
  problems: Problems,
): ParsedLine | null {
  const fields = splitFecLine(text, header.separator, header.width);
  if (fields.length !== header.width) {
    const names = Object.entries(header.indexOf).sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0));
    const firstMissing = names.find(([, index]) => (index ?? 0) >= fields.length)?.[0] ?? null;
    problems.add(
      line,
      fields.length < header.width ? firstMissing : null,
      null,
      problem('fec_column_count', { count: fields.length, columns: header.width }),
    );
    return null;
  }
  const get = (column: FecColumn) => fields[columns[column]]?.trim() ?? '';
  const errorsBefore = problems.errors.length + problems.omitted;
  const journalCode = get('JournalCode');
  const ecritureNum = get('EcritureNum');
  const dateText = get('EcritureDate');
  const compteNum = get('CompteNum');
  if (journalCode === '') problems.add(line, 'JournalCode', null, problem('fec_required_empty'));
  if (ecritureNum === '') problems.add(line, 'EcritureNum', null, problem('fec_required_empty'));
  if (dateText === '') problems.add(line, 'EcritureDate', null, problem('fec_required_empty'));
  if (compteNum === '') problems.add(line, 'CompteNum', null, problem('fec_required_empty'));
  const ecritureDate = parseFecDate(dateText);
  if (dateText !== '' && ecritureDate === null)
    problems.add(line, 'EcritureDate', dateText, problem('fec_invalid_date'));
  const optionalDate = (column: (typeof OPTIONAL_DATES)[number]) => {
    const value = get(column);
    if (value === '') return null;
    const date = parseFecDate(value);
    if (date === null) problems.add(line, column, value, problem('fec_invalid_date'));
    return date;
  };
  const pieceDate = optionalDate('PieceDate');
  const dateLet = optionalDate('DateLet');
  optionalDate('ValidDate');
  const dateRglt = optionalDate('DateRglt');
  const debitText = get('Debit');
  const creditText = get('Credit');
  const debit = parseFecAmount(debitText);
  const credit = parseFecAmount(creditText);
  if (debit === null) problems.add(line, 'Debit', debitText, problem('fec_invalid_amount'));
  if (credit === null) problems.add(line, 'Credit', creditText, problem('fec_invalid_amount'));
  if (debitText === '' && creditText === '')
    problems.add(line, 'Debit', null, problem('fec_debit_credit_empty'));
  if (problems.errors.length + problems.omitted > errorsBefore || ecritureDate === null) return null;
  return {
    line,
    fields,
    journalCode,
    ecritureNum,
    ecritureDate,
    compteNum,
    pieceRef: get('PieceRef'),
    pieceDate,
    dateLet,
    dateRglt,
    amountMinor: (debit ?? 0) - (credit ?? 0),
  };
}
