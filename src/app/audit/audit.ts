/**
 * The audit trail of every write made through the use cases (who, when, what, before/after).
 * Append-only: the table refuses updates (migration 0001) and nothing here deletes.
 */
import type { Kysely } from 'kysely';
import { isValidIsoDate } from '#core/calendar';
import {
  type AuditEntry,
  type AuditFilter,
  type AuditRow,
  insertAudit,
  selectAudit,
} from '#db/audit/audit-queries';
import type { Database } from '#db/infra/schema';
import { auditCodesOf } from '#text/audit-words';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

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

/** The filters as the audit page sends them: the words it shows, and days. */
export interface AuditWordsFilter {
  entity?: string | undefined;
  entityKey?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  timeZone?: string | undefined;
}

function checkedDay(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isValidIsoDate(value))
    throw new DomainError('invalid_input', { key: 'errors.audit.badDay', params: { value } });
  return value;
}

function checkedZone(zone: string | undefined): string | undefined {
  if (zone === undefined || zone === '') return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new DomainError('invalid_input', { key: 'errors.jobs.timeZone', params: { zone } });
  }
  return zone;
}

/**
 * The store's filter for what a person typed: an entity, an operation or an author by the words the
 * log shows them with (or their codes), a person by part of their address, the days in their zone.
 * A word that stands for nothing is compared as it is, and finds nothing.
 */
export function auditFilterOf(input: AuditWordsFilter): AuditFilter {
  const words = (domain: 'auditEntity' | 'auditAction' | 'auditActor', text: string | undefined) =>
    text === undefined || text.trim() === '' ? undefined : (auditCodesOf(domain, text) ?? [text.trim()]);
  const actorCodes = input.actor?.trim() ? auditCodesOf('auditActor', input.actor) : null;
  return {
    entities: words('auditEntity', input.entity),
    actions: words('auditAction', input.action),
    entityKey: input.entityKey?.trim() || undefined,
    ...(actorCodes ? { actors: actorCodes } : { actorContains: input.actor?.trim() || undefined }),
    fromDay: checkedDay(input.from),
    toDay: checkedDay(input.to),
    timeZone: checkedZone(input.timeZone),
  };
}

export async function listAuditByWords(
  ctx: AppContext,
  input: AuditWordsFilter,
  page: { limit?: number; offset?: number } = {},
): Promise<AuditPage> {
  return listAudit(ctx, auditFilterOf(input), page);
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
