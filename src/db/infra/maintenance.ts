import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Refreshes the planner's statistics. The embedded engine has no autovacuum: after a bulk load
 * its planner would otherwise think the tables empty and pick nested loops that turn the
 * portfolio query from ~0.1 s into seconds.
 */
export async function refreshPlannerStatistics(db: Kysely<Database>): Promise<void> {
  await sql`analyze`.execute(db);
}
