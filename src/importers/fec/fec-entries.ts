/**
 * Balance of the entries of a FEC. An entry is JournalCode + EcritureNum; some packages number
 * every line of a journal `0`, so when a number spans several dates it does not identify an entry,
 * and the entries are the (date, PieceRef) groups instead — or the (date) groups, or the whole
 * numbered block when the package spread one entry over several pieces or dates (detailed opening
 * entries carry the original dates of the items).
 *
 * The reader hands every line's key and amount to an `EntryLedger`: `EntryBalances` keeps one
 * record per entry in memory (the reader's default, for files read without a database); the
 * import stages the lines in the database instead and runs the same rule there in SQL
 * (src/db/fec-entries.ts), so that its memory does not grow with the file.
 */

import type { FecEntryLine } from '#core/fec/fec-format';
import type { IsoDate } from '#core/types';

interface Sum {
  sumMinor: number;
  firstLine: number;
}

interface NumberedBlock extends Sum {
  date: IsoDate;
  piece: string;
  spansDates: boolean;
  /** Sums by date + PieceRef, kept only once a block has more than one (most never do). */
  pieces?: Map<string, Sum>;
  /** Sums by date, kept only once a block spans several dates. */
  dates?: Map<string, Sum>;
}

export interface UnbalancedEntry {
  line: number;
  journalCode: string;
  ecritureNum: string;
  differenceMinor: number;
  /** The entry is a number that spans several dates (and could not be regrouped). */
  spansDates: boolean;
}

/** What the entry check needs of one line. */
export type EntryLine = FecEntryLine;

export interface EntryCheck {
  entries: number;
  /** The first `limit` unbalanced entries by line (first line of each). */
  unbalanced: UnbalancedEntry[];
  /** All the unbalanced entries, listed or not. */
  unbalancedCount: number;
  /** Journals whose numbers span several dates, in the order of their first such entry. */
  regrouped: string[];
}

/** Receives the lines of a file a batch at a time, in line order, then checks its entries once. */
export interface EntryLedger {
  add(lines: readonly EntryLine[]): void | Promise<void>;
  check(limit: number): Promise<EntryCheck>;
}

const SEP = '\u0000';

export class EntryBalances implements EntryLedger {
  readonly #blocks = new Map<string, NumberedBlock>();

  add(lines: readonly EntryLine[]): void {
    for (const line of lines)
      this.#add(line.line, line.journalCode, line.ecritureNum, line.date, line.piece, line.amountMinor);
  }

  #add(line: number, journalCode: string, ecritureNum: string, date: IsoDate, piece: string, amount: number) {
    const blockKey = `${journalCode}${SEP}${ecritureNum}`;
    const block = this.#blocks.get(blockKey);
    if (!block) {
      const kept = { sumMinor: amount, firstLine: line, date, piece: detached(piece), spansDates: false };
      this.#blocks.set(blockKey, kept);
      return;
    }
    // Until a block differs, its running sum is the sum of its only group: seed the maps with it.
    const seed = (key: string) => new Map([[key, { sumMinor: block.sumMinor, firstLine: block.firstLine }]]);
    if (!block.pieces && (date !== block.date || piece !== block.piece))
      block.pieces = seed(`${block.date}${SEP}${block.piece}`);
    if (!block.dates && date !== block.date) {
      block.dates = seed(block.date);
      block.spansDates = true;
    }
    if (block.pieces) addTo(block.pieces, `${date}${SEP}${piece}`, line, amount);
    if (block.dates) addTo(block.dates, date, line, amount);
    block.sumMinor += amount;
  }

  /** Number of entries and those that do not balance (first line of each). */
  async check(limit: number): Promise<EntryCheck> {
    const unbalanced: UnbalancedEntry[] = [];
    const regrouped = new Set<string>();
    let entries = 0;
    for (const [blockKey, block] of this.#blocks) {
      const [journalCode = '', ecritureNum = ''] = blockKey.split(SEP);
      const report = (sum: Sum, spansDates: boolean) =>
        unbalanced.push({
          line: sum.firstLine,
          journalCode,
          ecritureNum,
          differenceMinor: sum.sumMinor,
          spansDates,
        });
      if (!block.spansDates) {
        entries++;
        if (block.sumMinor !== 0) report(block, false);
        continue;
      }
      regrouped.add(journalCode);
      const byPiece = [...(block.pieces?.values() ?? [])];
      const byDate = [...(block.dates?.values() ?? [])];
      if (byPiece.every((sum) => sum.sumMinor === 0)) entries += byPiece.length;
      else if (byDate.every((sum) => sum.sumMinor === 0)) entries += byDate.length;
      else {
        entries++;
        if (block.sumMinor !== 0) report(block, true);
      }
    }
    unbalanced.sort((a, b) => a.line - b.line);
    return {
      entries,
      unbalanced: unbalanced.slice(0, limit),
      unbalancedCount: unbalanced.length,
      regrouped: [...regrouped],
    };
  }
}

function addTo(map: Map<string, Sum>, key: string, line: number, amount: number): void {
  const sum = map.get(key);
  if (sum) sum.sumMinor += amount;
  else map.set(key, { sumMinor: amount, firstLine: line });
}

/**
 * A copy of a field that does not pin the line it was cut from: V8 keeps substrings of 13
 * characters or more as views of their parent — here the whole decoded megabyte of the file —
 * so keeping one PieceRef per entry kept the entire file in memory.
 */
function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
