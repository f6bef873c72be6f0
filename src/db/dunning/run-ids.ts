/**
 * Identities of the rows a dunning run writes by COPY (which returns none), drawn from their
 * tables' sequences ahead of the rows, in the order of the rows: a slice's letters and actions in
 * one statement.
 */
import { type Kysely, sql } from 'kysely';
import { serverClientOf } from '../infra/connect.ts';
import type { Database } from '../infra/schema.ts';

/**
 * Identities of rows inserted in `ord` order, given back in that order: they are drawn one row
 * after the other, so sorted they follow the rows (whatever order RETURNING lists them in).
 */
export const inOrder = (ids: readonly number[]) => [...ids].map(Number).sort((a, b) => a - b);

/**
 * Whether rows can go by COPY: on a server, where the transaction's client is known. Rows copied
 * carry identities drawn from their table's sequence first (COPY returns none), in the order
 * given, as the inserts' `returning` gave them.
 */
export async function copyAvailable(db: Kysely<Database>): Promise<boolean> {
  return (await serverClientOf(db)) !== undefined;
}

/** Identities drawn ahead for rows written by COPY, each list in the order of its rows. */
export interface DrawnIds {
  letters: number[];
  actions: number[];
}

/**
 * The identities of a slice's letters and actions drawn in one statement (a round trip per slice
 * instead of one per table: 101 draws took 3.0 s of the run's connection at 1,000,000 open items),
 * or null without COPY (the embedded engine: the inserts' `returning` gives them). Each list is
 * drawn from its table's own sequence, one value after the other, so sorted it follows the rows.
 */
export async function drawRunIds(
  db: Kysely<Database>,
  counts: { letters: number; actions: number },
): Promise<DrawnIds | null> {
  if (!(await copyAvailable(db))) return null;
  if (counts.letters === 0 && counts.actions === 0) return { letters: [], actions: [] };
  // The sequences looked up once (by row, pg_get_serial_sequence's catalogue lookups cost more than
  // the draws). An int8[] comes back as text: the driver's int8 parser does not reach its elements.
  const result = await sql<{ letters: string[]; actions: string[] }>`
    with seq as materialized (
      select pg_get_serial_sequence('dunning_letters', 'letter_id')::regclass as letters,
        pg_get_serial_sequence('dunning_actions', 'action_id')::regclass as actions
    )
    select
      array(select nextval(seq.letters) from seq, generate_series(1, ${counts.letters}::int4)) as letters,
      array(select nextval(seq.actions) from seq, generate_series(1, ${counts.actions}::int4)) as actions`.execute(
    db,
  );
  const row = result.rows[0];
  return {
    letters: inOrder((row?.letters ?? []).map(Number)),
    actions: inOrder((row?.actions ?? []).map(Number)),
  };
}

/** The drawn ids of `count` rows, or a fresh draw when none were given for them. */
export async function idsFor(
  db: Kysely<Database>,
  table: 'letters' | 'actions',
  count: number,
  drawn: readonly number[] | undefined,
): Promise<number[]> {
  if (drawn !== undefined) {
    if (drawn.length !== count) throw new Error(`${drawn.length} ids drawn for ${count} ${table}`);
    return [...drawn];
  }
  const fresh = await drawRunIds(
    db,
    table === 'letters' ? { letters: count, actions: 0 } : { letters: 0, actions: count },
  );
  if (!fresh) throw new Error('COPY was available and is no longer');
  return fresh[table];
}
