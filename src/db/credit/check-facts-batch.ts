/**
 * The order check's facts for checks that arrive together, in one statement: under load each
 * check paid a round trip and the database's start-up of a plan of a dozen sub-queries for a
 * handful of index reads, which cost more than the reads themselves. Checks waiting while a
 * batch is out go in the next one, so a lone check goes at once (one event-loop turn later) and
 * a crowd shares the statement. Each row is read by the same sub-queries as a single check
 * (`factsQuery`), in one snapshot, so a batched check reads what it would have read alone at
 * that instant. Only for reads outside a transaction: a locking check reads on its own.
 */
import type { Kysely } from 'kysely';
import { preparedQuery } from '../infra/prepared.ts';
import type { Database } from '../infra/schema.ts';
import { type CheckFacts, type FactsRow, factsOf, factsQuery } from './check-facts.ts';

/**
 * Codes per statement, always this many (unused slots are null and match no customer): the plan
 * is kept generic only if its estimate (10 rows for an array parameter) is no dearer than the
 * plans made for the first calls, which would otherwise be costed on one code and then made anew
 * on every call.
 */
export const BATCH_SLOTS = 16;
/** Batches out at once per database handle; more checks wait and go together. */
const BATCHES_IN_FLIGHT = 2;

interface Waiting {
  companyId: string;
  asOf: string;
  code: string;
  resolve(facts: CheckFacts | undefined): void;
  reject(error: unknown): void;
}

interface Queue {
  waiting: Waiting[];
  inFlight: number;
  scheduled: boolean;
}

const runBatch = preparedQuery(
  { companyId: '\u0001company', codes: [] as (string | null)[], asOf: '\u0001asOf' },
  (db, { companyId, codes, asOf }) => factsQuery(companyId, { codes }, asOf).compile(db),
);

const runExactBatch = preparedQuery(
  { companyId: '\u0001company', codes: [] as (string | null)[], asOf: '\u0001asOf' },
  (db, { companyId, codes, asOf }) => factsQuery(companyId, { codes }, asOf, true).compile(db),
);

const queues = new WeakMap<object, Queue>();

/** The facts of one customer as of `asOf`, read with the other checks waiting on `db`. */
export function selectCheckFactsBatched(
  db: Kysely<Database>,
  companyId: string,
  code: string,
  asOf: string,
): Promise<CheckFacts | undefined> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { waiting: [], inFlight: 0, scheduled: false };
    queues.set(db, queue);
  }
  const { promise, resolve, reject } = Promise.withResolvers<CheckFacts | undefined>();
  queue.waiting.push({ companyId, asOf, code, resolve, reject });
  schedule(db, queue);
  return promise;
}

function schedule(db: Kysely<Database>, queue: Queue): void {
  if (queue.scheduled || queue.inFlight >= BATCHES_IN_FLIGHT || queue.waiting.length === 0) return;
  queue.scheduled = true;
  // One turn later: the checks that arrived in this turn go together.
  setImmediate(() => {
    queue.scheduled = false;
    void send(db, queue);
  });
}

async function send(db: Kysely<Database>, queue: Queue): Promise<void> {
  const first = queue.waiting[0];
  if (!first || queue.inFlight >= BATCHES_IN_FLIGHT) return;
  // One company and date per statement (nearly always all of them).
  const batch: Waiting[] = [];
  const rest: Waiting[] = [];
  for (const waiting of queue.waiting) {
    const same = waiting.companyId === first.companyId && waiting.asOf === first.asOf;
    (same && batch.length < BATCH_SLOTS ? batch : rest).push(waiting);
  }
  queue.waiting = rest;
  queue.inFlight++;
  schedule(db, queue);
  try {
    const codes: (string | null)[] = batch.map((waiting) => waiting.code);
    while (codes.length < BATCH_SLOTS) codes.push(null);
    const args = { companyId: first.companyId, codes, asOf: first.asOf };
    let result = await runBatch(db, args);
    // The date has later allocations (rare: checks as of a past date). The condition is the
    // company's, so every row says so: the batch is read again by the exact statement.
    if (result.rows.some((row) => row.items === null)) result = await runExactBatch(db, args);
    const bySlot = new Map<number, FactsRow>(result.rows.map((row) => [row.slot, row]));
    batch.forEach((waiting, index) => {
      const row = bySlot.get(index + 1);
      waiting.resolve(row && factsOf(row));
    });
  } catch (error) {
    for (const waiting of batch) waiting.reject(error);
  } finally {
    queue.inFlight--;
    schedule(db, queue);
  }
}
