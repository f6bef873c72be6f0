/**
 * The audit trail of every write made through the use cases (who, when, what, before/after).
 * Append-only: the table refuses updates (migration 0001) and nothing here deletes.
 */
import type { Kysely } from 'kysely';
import {
  type AuditEntry,
  type AuditFilter,
  type AuditRow,
  insertAudit,
  selectAudit,
} from '#db/audit/audit-queries';
import type { Database } from '#db/infra/schema';
import type { AppContext } from '../context.ts';

/** Records one change, inside the caller's transaction when `db` is one. */
export async function recordAudit(
  ctx: Pick<AppContext, 'companyId' | 'actor'>,
  db: Kysely<Database>,
  entry: AuditEntry,
): Promise<void> {
  await insertAudit(db, ctx.companyId, ctx.actor, entry);
}

export interface AuditPage {
  items: (Omit<AuditRow, 'at'> & { at: string })[];
  total: number;
}

export async function listAudit(
  ctx: AppContext,
  filter: AuditFilter = {},
  page: { limit?: number; offset?: number } = {},
): Promise<AuditPage> {
  const result = await selectAudit(ctx.db, ctx.companyId, filter, {
    limit: page.limit ?? 50,
    offset: page.offset ?? 0,
  });
  return {
    total: result.total,
    items: result.items.map((row) => ({ ...row, at: new Date(row.at).toISOString() })),
  };
}
