/**
 * The balance of a FEC's entries, checked in SQL on the staged lines (fec-stage.ts) so that the
 * import's memory does not grow with the file. Same rule as the reader's in-memory EntryBalances
 * (src/importers/fec/fec-entries.ts): an entry is JournalCode + EcritureNum; a number that spans
 * several dates is regrouped by (date, PieceRef) when every such group balances, else by date
 * when every date balances, else it stays one entry (the whole numbered block).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { FEC_ENTRY_LINE_STAGE } from './fec-stage.ts';

export interface StagedUnbalancedEntry {
  line: number;
  journalCode: string;
  ecritureNum: string;
  differenceMinor: number;
  /** A number that spans several dates (and could not be regrouped). */
  spansDates: boolean;
}

export interface StagedEntryCheck {
  entries: number;
  /** The first `limit` unbalanced entries by line. */
  unbalanced: StagedUnbalancedEntry[];
  unbalancedCount: number;
  /** Journals with a number spanning several dates, in the order of their first such entry. */
  regrouped: string[];
}

/**
 * One pass over the lines, then smaller and smaller aggregates: (date, PieceRef) groups, date
 * groups, numbered blocks. A block that spans dates balances as a whole exactly when all its
 * piece groups (or all its date groups) do, so a block is unbalanced exactly when its sum is not 0.
 */
export async function checkStagedEntries(trx: Kysely<Database>, limit: number): Promise<StagedEntryCheck> {
  const result = await sql<{
    entries: number | null;
    unbalanced_count: number | null;
    unbalanced: StagedUnbalancedEntry[] | null;
    regrouped: string[] | null;
  }>`
    with pieces as (
      select journal_code, ecriture_num, issue_date, min(line) as first_line, sum(amount_minor) as sum_minor
      from ${sql.table(FEC_ENTRY_LINE_STAGE)}
      group by journal_code, ecriture_num, issue_date, piece_ref
    ), dates as (
      select journal_code, ecriture_num, min(first_line) as first_line, sum(sum_minor) as sum_minor,
        count(*) as pieces, bool_and(sum_minor = 0) as pieces_balance
      from pieces group by journal_code, ecriture_num, issue_date
    ), blocks as materialized (
      select journal_code, ecriture_num, min(first_line) as first_line, sum(sum_minor) as sum_minor,
        count(*) as dates, sum(pieces) as pieces, bool_and(pieces_balance) as pieces_balance,
        bool_and(sum_minor = 0) as dates_balance
      from dates group by journal_code, ecriture_num
    )
    select
      (select sum(case when dates = 1 then 1 when pieces_balance then pieces when dates_balance then dates
        else 1 end) from blocks)::int8 as entries,
      (select count(*) from blocks where sum_minor <> 0)::int8 as unbalanced_count,
      (select json_agg(json_build_object('line', first_line, 'journalCode', journal_code,
          'ecritureNum', ecriture_num, 'differenceMinor', sum_minor,
          'spansDates', dates > 1) order by first_line)
        from (select * from blocks where sum_minor <> 0 order by first_line limit ${limit}) listed) as unbalanced,
      (select json_agg(journal_code order by first_line)
        from (select journal_code, min(first_line) as first_line from blocks where dates > 1
          group by journal_code) spanning) as regrouped`.execute(trx);
  const row = result.rows[0];
  return {
    entries: row?.entries ?? 0,
    unbalanced: row?.unbalanced ?? [],
    unbalancedCount: row?.unbalanced_count ?? 0,
    regrouped: row?.regrouped ?? [],
  };
}
