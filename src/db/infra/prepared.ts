/**
 * Hot statements, prepared: `preparedQuery` composes a statement once (Kysely's compilation of a
 * dozen fragments costs more than running them) and sends it as a named prepared statement, one
 * name per text and per connection, so the server parses and plans it once — it keeps a generic
 * plan once it sees that the plan does not depend on the values — instead of on every call. For
 * the order check, whose reads plan a dozen sub-queries to fetch a handful of index entries.
 */
import { createHash } from 'node:crypto';
import { CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';

/** First in the SQL text of a statement to be prepared (a comment: the server ignores it). */
const PREPARED = '/* prepared */';

/** Names by text: the prepared statements are a few fixed texts, so this stays small. */
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `encours_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

type Settle = (error: Error | null, result: unknown) => void;

/**
 * Installs the naming on a client of a pool (its 'connect' event): the server's pool only. On the
 * embedded engine (one connection, no network) the marked statements go unnamed, as any other.
 *
 * Kysely's calls (text and parameters, no callback) are sent in node-postgres's callback form,
 * the promise made here. With its own promise form, whose settling closure holds its query
 * object, 12–25 % of everything allocated around the queries survived young-generation
 * collections instead of about 0.1 % (a loop of reads, measured with v8's GCProfiler; the order
 * check through HTTP at 4 connections: 2.5 MB copied per scavenge instead of 0.2 MB), and the
 * copying is what made each scavenge pause 5–12 ms. Same result object, same errors.
 */
export function prepareMarkedStatements(client: pg.Client): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  // Kysely calls query(text, parameters): only that form is rewritten; every other call is as it was.
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (typeof text !== 'string' || !Array.isArray(values)) return query(...args);
    const marked = text.startsWith(PREPARED);
    const config = marked ? { name: statementName(text), text, values } : { text, values };
    if (args.length !== 2) return marked ? query(config, ...args.slice(2)) : query(...args);
    return new Promise((resolve, reject) => {
      const settle: Settle = (error, result) => (error ? reject(error) : resolve(result));
      query(config, settle);
    }).catch((error: Error) => {
      // As node-postgres does: a stack that leads back to the caller rather than to the socket.
      Error.captureStackTrace(error);
      throw error;
    });
  };
}

/**
 * A statement built once by `build` from stand-in values, each of which must be distinct and
 * reach the statement as a parameter (a string, or an object such as a Date, found by identity);
 * each call then binds its own values in their places. A parameter that is no stand-in would be a
 * constant of the first call: building the statement throws instead.
 */
export function preparedQuery<A extends Record<string, unknown>, R>(
  standIns: A,
  build: (db: Kysely<Database>, args: A) => CompiledQuery<R>,
): (db: Kysely<Database>, args: A) => Promise<QueryResult<R>> {
  let statement: { text: string; slots: (keyof A)[] } | undefined;
  return async (db, args) => {
    if (!statement) {
      const compiled = build(db, standIns);
      const inputs = Object.entries(standIns);
      const slots = compiled.parameters.map((value) => {
        const input = inputs.find(([, standIn]) => standIn === value);
        if (!input) throw new Error(`prepared statement: parameter ${String(value)} is not an input`);
        return input[0] as keyof A;
      });
      statement = { text: `${PREPARED}\n${compiled.sql}`, slots };
    }
    const { text, slots } = statement;
    return db.executeQuery<R>(
      CompiledQuery.raw(
        text,
        slots.map((slot) => args[slot]),
      ),
    );
  };
}
