/**
 * The lines a dunning run adds to its customers' stories (one per reminder sent), written by COPY
 * on a server: a run at 1,000,000 open items tells some 120,000 of them, and the `unnest` arrays
 * cost the process a literal per column and the server the parsing of it (3.1 s of the run's
 * connection, 24 statements). The embedded engine, which does not speak COPY over its socket,
 * keeps the shared `insertEvents`. The rows are the same either way (`created_at` is the
 * transaction's `now()` in both, the identity drawn by the table).
 */
import type { Kysely } from 'kysely';
import type { CustomerEvent } from '#core/types';
import { EVENT_COLUMNS } from '../imports/entity-columns.ts';
import type { ColumnSpec } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';
import { insertEvents } from '../ledger/ledger-writes.ts';
import { copyRows } from './run-copy.ts';

/** Appends the events in the order given: by COPY on a server, by `insertEvents` otherwise. */
export async function insertRunEvents(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  events: readonly CustomerEvent[],
): Promise<void> {
  if (events.length === 0) return;
  // The company and the actor as columns of their own: no copy of each event to carry them.
  const columns: ColumnSpec<CustomerEvent>[] = [
    { name: 'company_id', type: 'text', value: () => companyId },
    { name: 'created_by', type: 'text', value: () => actor },
    ...EVENT_COLUMNS,
  ];
  if (await copyRows(db, 'customer_events', events, columns)) return;
  await insertEvents(db, companyId, actor, events);
}
