/**
 * The dunning run's writes by COPY on a server store the rows the `unnest` statements store (the
 * embedded engine's path, and the server's before): the customers' story lines (`insertRunEvents`
 * against the shared `insertEvents`, with the characters COPY's text format escapes), and the ids
 * of a slice's letters and actions drawn in one statement (`drawRunIds`) are the ids the rows get.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import type { CustomerEvent } from '#core/types';
import { drawRunIds, insertDeferredLetters } from '#db/dunning/action-batches';
import { insertRunEvents } from '#db/dunning/run-events';
import { serverClientOf } from '#db/infra/connect';
import { insertEvents } from '#db/ledger/ledger-writes';
import { DEMO_AS_OF } from '#demo/index';
import { openDemoTestDatabase, serverUrl, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
let customers: string[];

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', DEMO_AS_OF);
  const rows = await sql<{ code: string }>`
    select code from customers where company_id = 'CB2C' order by code limit 3`.execute(ctx.db);
  customers = rows.rows.map((row) => row.code);
}, 600_000);
afterAll(async () => database?.close());

/** The story lines one actor wrote, in the order they were given, without ids. */
async function storyOf(actor: string) {
  const rows = await sql<Record<string, unknown>>`
    select customer_code, kind, event_date, document_ref, detail, created_at = (
        select min(created_at) from customer_events where company_id = 'CB2C' and created_by = ${actor}
      ) as one_instant
    from customer_events where company_id = 'CB2C' and created_by = ${actor}
    order by event_id`.execute(ctx.db);
  return rows.rows;
}

describe('the dunning run’s writes by COPY', () => {
  it('tell the customers’ story as the unnest statements do, escapes and nulls included', async () => {
    expect(customers).toHaveLength(3);
    const events: CustomerEvent[] = customers.flatMap((customerCode, index) => [
      {
        customerCode,
        kind: 'reminder',
        eventDate: DEMO_AS_OF,
        documentRef: `REL-20260630-${customerCode}`,
        detail: `Relance ${index}\tpar courrier\nligne 2\r\\ fin « 1 234,56 € »`,
      },
      { customerCode, kind: 'reminder', eventDate: '2026-06-29', documentRef: null, detail: '' },
    ]);
    const copied = await ctx.db.transaction().execute(async (trx) => {
      await insertRunEvents(trx, 'CB2C', 'copy-test', events);
      return (await serverClientOf(trx)) !== undefined;
    });
    // The server takes the COPY path, the embedded engine the shared statement.
    expect(copied).toBe(serverUrl !== undefined);
    await ctx.db.transaction().execute((trx) => insertEvents(trx, 'CB2C', 'unnest-test', events));
    const byCopy = await storyOf('copy-test');
    expect(byCopy).toHaveLength(6);
    expect(byCopy[0]).toMatchObject({ detail: events[0]?.detail, document_ref: events[0]?.documentRef });
    expect(byCopy[1]).toMatchObject({ detail: '', document_ref: null, event_date: '2026-06-29' });
    expect(byCopy.every((row) => row['one_instant'] === true)).toBe(true);
    expect(byCopy).toEqual(await storyOf('unnest-test'));
  });

  it('draws a slice’s letter and action ids in one statement, the ids the rows then get', async () => {
    await ctx.db.transaction().execute(async (trx) => {
      const drawn = await drawRunIds(trx, { letters: 3, actions: 5 });
      if (serverUrl === undefined) {
        // The embedded engine inserts with `returning`: nothing is drawn ahead.
        expect(drawn).toBeNull();
        return;
      }
      if (!drawn) throw new Error('a server draws the ids ahead');
      expect(drawn.letters).toHaveLength(3);
      expect(drawn.actions).toHaveLength(5);
      for (const ids of [drawn.letters, drawn.actions])
        expect(ids.every((id, index) => index === 0 || id > (ids[index - 1] as number))).toBe(true);
      const letters = ['a', 'b', 'c'].map((name) => ({ filename: `${name}.pdf`, renderJob: { name } }));
      expect(await insertDeferredLetters(trx, 'CB2C', letters, drawn.letters)).toEqual(drawn.letters);
      const stored = await sql<{ letterId: number; filename: string }>`
        select letter_id as "letterId", filename from dunning_letters
        where company_id = 'CB2C' and letter_id = any (${drawn.letters}::int8[]) order by letter_id`.execute(
        trx,
      );
      expect(stored.rows).toEqual(
        drawn.letters.map((letterId, index) => ({ letterId, filename: letters[index]?.filename })),
      );
      // Ids drawn for another count are refused rather than given to the wrong rows.
      await expect(insertDeferredLetters(trx, 'CB2C', letters.slice(0, 2), drawn.letters)).rejects.toThrow(
        /3 ids drawn for 2 letters/,
      );
    });
  });
});
