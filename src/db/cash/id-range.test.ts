/**
 * The key range said along with a batch's list of ids, without a database: the lowest and the
 * highest id of the list whatever its order, and no row at all for an empty list (never a range
 * from infinity).
 */
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../infra/schema.ts';
import { idRange } from './id-range.ts';

const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const compiled = (ids: readonly number[]) =>
  sql`select 1 from bank_transactions t where true ${idRange('t.transaction_id', ids)}`.compile(db);

describe('idRange', () => {
  it('bounds the column by the lowest and the highest id, in any order', () => {
    const query = compiled([42, 7, 1_000_003, 19, 7]);
    expect(query.sql).toBe(
      'select 1 from bank_transactions t where true and "t"."transaction_id" between $1 and $2',
    );
    expect(query.parameters).toEqual([7, 1_000_003]);
  });

  it('is the one id twice for a list of one', () => {
    expect(compiled([5]).parameters).toEqual([5, 5]);
  });

  it('matches nothing for an empty list', () => {
    const query = compiled([]);
    expect(query.sql).toBe('select 1 from bank_transactions t where true and false');
    expect(query.parameters).toEqual([]);
  });
});
