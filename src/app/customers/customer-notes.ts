/**
 * Notes on a customer file, with mentions of colleagues (@e-mail): the note goes into the
 * customer's story and the audit trail; a mentioned colleague finds it in their mentions.
 */
import { listUserRows } from '#db/auth/auth-queries';
import { insertCustomerEvent, selectNotesMentioning } from '#db/customers/customer-records';
import { recordAudit } from '../audit/audit.ts';
import { salespersonScope } from '../auth/auth.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { requireVisibleCustomer } from './customers.ts';

export const MAX_NOTE_LENGTH = 4000;

export function mentionedEmails(text: string): string[] {
  return [
    ...new Set(
      [...text.matchAll(/@([^\s@,;:()<>]+@[^\s@,;:()<>]+[a-z0-9])/gi)].map((m) => (m[1] ?? '').toLowerCase()),
    ),
  ];
}

export async function addCustomerNote(
  ctx: AppContext,
  code: string,
  text: string,
): Promise<{ eventDate: string; detail: string; mentions: string[]; createdBy: string }> {
  const detail = text.trim();
  if (!detail) throw new DomainError('invalid_input', { key: 'errors.customers.noteEmpty' });
  if (detail.length > MAX_NOTE_LENGTH)
    throw new DomainError('invalid_input', {
      key: 'errors.customers.noteLength',
      params: { max: MAX_NOTE_LENGTH },
    });
  await requireVisibleCustomer(ctx, code);
  const colleagues = new Set((await listUserRows(ctx.db, ctx.companyId)).map((u) => u.email.toLowerCase()));
  const mentions = mentionedEmails(detail).filter((email) => colleagues.has(email));
  const eventDate = await defaultAsOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
      customerCode: code,
      kind: 'note',
      eventDate,
      documentRef: null,
      detail,
    });
    await recordAudit(ctx, trx, {
      action: 'customer.note',
      entity: 'customer',
      entityKey: code,
      before: null,
      after: { detail, mentions },
    });
  });
  return { eventDate, detail, mentions, createdBy: ctx.actor };
}

/** Notes that mention the signed-in user, newest first (a salesperson only on their customers). */
export async function listMyMentions(ctx: AppContext, limit = 50) {
  const scope = salespersonScope(ctx);
  // A salesperson without a name has no customers, so no notes to read (the scope fails closed).
  if (scope === null) return [];
  return selectNotesMentioning(ctx.db, ctx.companyId, ctx.user?.email ?? ctx.actor, scope ?? null, limit);
}
