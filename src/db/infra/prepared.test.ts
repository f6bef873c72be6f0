/**
 * Prepared statements without a database: the statement is composed once and each call binds its
 * own values in the places of the stand-ins; a constant parameter is refused; the client sends
 * only the marked statements with a name, the same name for the same text.
 */
import {
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { preparedQuery, prepareMarkedStatements } from './prepared.ts';
import type { Database } from './schema.ts';

function compileOnlyDb(): Kysely<Database> {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

describe('preparedQuery', () => {
  it('composes once and binds each call’s values in the places of the stand-ins', async () => {
    const db = compileOnlyDb();
    const executed = vi.spyOn(db, 'executeQuery');
    const build = vi.fn((_db: Kysely<Database>, args: { a: string; when: Date }) =>
      sql`select ${args.a}, ${args.when}, ${args.a}`.compile(_db),
    );
    const run = preparedQuery({ a: '\u0001a', when: new Date(0) }, build);
    const first = new Date('2026-06-30T12:00:00Z');
    await run(db, { a: 'x', when: first });
    await run(db, { a: 'y', when: new Date('2026-07-01T00:00:00Z') });
    expect(build).toHaveBeenCalledTimes(1);
    const [one, two] = executed.mock.calls.map(([query]) => query as CompiledQuery);
    expect(one?.sql).toBe(two?.sql);
    expect(one?.sql.startsWith('/* prepared */')).toBe(true);
    expect(one?.sql).toContain('select $1, $2, $3');
    expect(one?.parameters).toEqual(['x', first, 'x']);
    expect(two?.parameters).toEqual(['y', new Date('2026-07-01T00:00:00Z'), 'y']);
  });

  it('refuses a parameter that is not one of the stand-ins', async () => {
    const db = compileOnlyDb();
    const run = preparedQuery({ a: '\u0001a' }, (_db, args) =>
      sql`select ${args.a}, ${'constant'}`.compile(_db),
    );
    await expect(run(db, { a: 'x' })).rejects.toThrow(/not an input/);
  });
});

describe('prepareMarkedStatements', () => {
  it('names the marked statements only, by their text', () => {
    const calls: unknown[][] = [];
    const client = { query: (...args: unknown[]) => calls.push(args) } as unknown as Parameters<
      typeof prepareMarkedStatements
    >[0];
    prepareMarkedStatements(client);
    client.query('/* prepared */\nselect $1', [1]);
    client.query('/* prepared */\nselect $1', [2]);
    client.query('/* prepared */\nselect $1, $2', [1, 2]);
    client.query('select $1', [3]);
    const [first, second, other, plain] = calls;
    const nameOf = (call: unknown[] | undefined) => (call?.[0] as { name?: string } | undefined)?.name;
    expect(first?.[0]).toEqual({ name: nameOf(first), text: '/* prepared */\nselect $1', values: [1] });
    expect(nameOf(second)).toBe(nameOf(first));
    expect(nameOf(other)).not.toBe(nameOf(first));
    expect(plain?.[0]).toEqual({ text: 'select $1', values: [3] });
  });

  it('answers Kysely’s calls through the callback form: the same result, the same error', async () => {
    const result = { rows: [{ one: 1 }] };
    const failure = new Error('relation "nowhere" does not exist');
    const client = {
      query: (config: { text: string }, settle: (error: Error | null, result?: unknown) => void) =>
        setImmediate(() => (config.text.includes('nowhere') ? settle(failure) : settle(null, result))),
    } as unknown as Parameters<typeof prepareMarkedStatements>[0];
    prepareMarkedStatements(client);
    await expect(client.query('select 1 as one', [])).resolves.toBe(result);
    await expect(client.query('select * from nowhere', [])).rejects.toBe(failure);
  });
});
