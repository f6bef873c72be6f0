import { sql } from 'kysely';

/**
 * `and <column> between <lowest> and <highest>` of these ids: said along with `= any(ids)`, it
 * lets the planner find a batch's rows by a range of the key whatever its statistics say. A batch
 * takes its receipts in id order, so their rows lie together; without it, on statistics taken
 * before a statement of 100,000 lines was imported or before a run wrote its first suggestions,
 * each update or delete of a batch read every row of the company (a seq or bitmap scan filtered
 * by the list).
 */
export function idRange(column: string, ids: readonly number[]) {
  if (ids.length === 0) return sql`and false`;
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (const id of ids) {
    if (id < lowest) lowest = id;
    if (id > highest) highest = id;
  }
  return sql`and ${sql.ref(column)} between ${lowest} and ${highest}`;
}
