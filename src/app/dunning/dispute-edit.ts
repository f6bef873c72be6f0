/**
 * Editing an open dispute: its reason, the department answering, the amount contested, the date
 * the answer is due and the note. One invoice's dispute, or every invoice of a case still open (the
 * amount then only when one is left). Nothing changes once resolved; each change is audited (who,
 * when, before → after) and told in the customer's story.
 */
import type { Kysely } from 'kysely';
import type { StoryMessage, StoryParam } from '#core/types';
import { insertCustomerEvent } from '#db/customers/customer-records';
import type { DisputeRow } from '#db/dunning/case-queries';
import { type DisputeEdit, selectInvoiceOpenMinor, updateOpenDispute } from '#db/dunning/dispute-cases';
import type { Database } from '#db/infra/schema';
import { type Lang, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import { storyLine } from '#text/story';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import {
  DEPARTMENTS,
  DISPUTE_REASONS,
  type DisputeCase,
  oneOf,
  optionalDate,
  requireCase,
  requireDispute,
} from './disputes.ts';

export interface EditDisputeInput {
  reason?: string | undefined;
  department?: string | undefined;
  /** The amount contested: positive, at most what the invoice still owes. */
  amountMinor?: number | undefined;
  /** A date, or null to say no answer date is set. */
  respondBy?: string | null | undefined;
  /** Replaces the note. */
  note?: string | undefined;
  /** The language refusals are worded in. */
  lang?: Lang | undefined;
}

type Field = keyof DisputeEdit;
const FIELDS: readonly Field[] = ['reason', 'department', 'amountMinor', 'respondBy', 'note'];

/** The checked values the input asks for; the fields it leaves out are absent. */
function requested(input: EditDisputeInput): Partial<DisputeEdit> {
  const t = translator(input.lang ?? 'fr');
  const wanted: Partial<DisputeEdit> = {};
  if (input.reason !== undefined) wanted.reason = oneOf(DISPUTE_REASONS, input.reason, 'reason');
  if (input.department !== undefined) wanted.department = oneOf(DEPARTMENTS, input.department, 'department');
  if (input.amountMinor !== undefined) {
    if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0)
      throw new DomainError('invalid_input', t('disputes.error.amountPositive'));
    wanted.amountMinor = input.amountMinor;
  }
  if (input.respondBy !== undefined)
    wanted.respondBy = input.respondBy === null ? null : optionalDate(input.respondBy, 'respondBy');
  if (input.note !== undefined) wanted.note = input.note.trim();
  if (Object.keys(wanted).length === 0)
    throw new DomainError('invalid_input', t('disputes.error.nothingToChange'));
  return wanted;
}

const current = (row: DisputeRow): DisputeEdit => ({
  reason: row.reason,
  department: row.department,
  amountMinor: row.amountMinor,
  respondBy: row.respondBy,
  note: row.note,
});

/** One change in French for the customer's story, e.g. « motif : Prix → Qualité ». */
/** One field's change as a catalogue message, worded in the reader's language when read. */
function changeMessage(
  field: Field,
  before: DisputeEdit,
  after: DisputeEdit,
  currency: string,
): StoryMessage {
  const worded = (edit: DisputeEdit): StoryParam => {
    switch (field) {
      case 'reason':
        return { domain: 'dunningDisputeReason', code: edit.reason };
      case 'department':
        return { domain: 'dunningDepartment', code: edit.department };
      case 'amountMinor':
        return { minor: edit.amountMinor, currency };
      case 'respondBy':
        return edit.respondBy === null ? '—' : { date: edit.respondBy };
      case 'note':
        // Quoted in the reader's language (French guillemets hold no-break spaces).
        return edit.note === '' ? '—' : { key: 'disputes.change.quoted', params: { text: edit.note } };
    }
  };
  return { key: `disputes.change.${field}`, params: { before: worded(before), after: worded(after) } };
}

/**
 * The changes as one message, « A ; B ; C »: a message's parameters are not lists, so the list is
 * nested pairs (first, the rest), worded in the reader's language when read.
 */
function changeList(changes: readonly StoryMessage[]): StoryMessage {
  const [first, ...rest] = changes;
  if (!first) throw new Error('a dispute edit changes at least one field');
  if (rest.length === 0) return first;
  return { key: 'disputes.changeList', params: { first, rest: changeList(rest) } };
}

/** Writes one row's changes, its audit entry and its story line; false when nothing changes. */
async function editRow(
  trx: Kysely<Database>,
  ctx: AppContext,
  row: DisputeRow,
  change: { wanted: Partial<DisputeEdit>; on: string; lang: Lang },
): Promise<boolean> {
  const { wanted, lang } = change;
  const t = translator(lang);
  const before = current(row);
  const after: DisputeEdit = { ...before, ...wanted };
  const changed = FIELDS.filter((field) => after[field] !== before[field]);
  if (changed.length === 0) return false;
  if (after.respondBy !== null && after.respondBy < row.openedOn)
    throw new DomainError(
      'invalid_input',
      t('disputes.error.respondByBeforeOpening', { date: formatDate(lang, row.openedOn) }),
    );
  if (changed.includes('amountMinor')) {
    const openMinor = await selectInvoiceOpenMinor(trx, ctx.companyId, row.documentId);
    if (after.amountMinor > openMinor)
      throw new DomainError(
        'invalid_input',
        t('disputes.error.amountAboveOpen', {
          invoice: row.documentRef,
          open: formatMoney(lang, openMinor, row.currency),
        }),
      );
  }
  if (!(await updateOpenDispute(trx, ctx.companyId, row.disputeId, after)))
    throw new DomainError('conflict', t('disputes.error.resolved', { id: row.disputeId }));
  const pick = (edit: DisputeEdit) => Object.fromEntries(changed.map((field) => [field, edit[field]]));
  await recordAudit(ctx, trx, {
    action: 'dunning.dispute_edit',
    entity: 'dunning_dispute',
    entityKey: String(row.disputeId),
    before: pick(before),
    after: { ...pick(after), caseId: row.caseId, documentRef: row.documentRef },
  });
  await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
    customerCode: row.customerCode,
    kind: 'dispute',
    eventDate: change.on,
    documentRef: row.documentRef,
    ...storyLine('disputes.event.edited', {
      changes: changeList(changed.map((field) => changeMessage(field, before, after, row.currency))),
    }),
  });
  return true;
}

async function editRows(
  ctx: AppContext,
  rows: readonly DisputeRow[],
  wanted: Partial<DisputeEdit>,
  lang: Lang,
) {
  const t = translator(lang);
  const open = rows.filter((row) => row.status === 'open');
  if (open.length === 0)
    throw new DomainError(
      'conflict',
      t('disputes.error.resolved', { id: rows.map((r) => r.disputeId).join(', ') }),
    );
  if (wanted.amountMinor !== undefined && open.length > 1)
    throw new DomainError('invalid_input', t('disputes.error.amountOneInvoice'));
  // The story dates the change as every other dispute step: on the company's reference date.
  const on = await defaultAsOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    let edited = 0;
    for (const row of open) if (await editRow(trx, ctx, row, { wanted, on, lang })) edited += 1;
    return edited;
  });
}

/** Edits one invoice's dispute; unchanged values leave no trace. */
export async function editDispute(
  ctx: AppContext,
  input: EditDisputeInput & { disputeId: number },
): Promise<{ dispute: DisputeRow; edited: boolean }> {
  const wanted = requested(input);
  const rows = [await requireDispute(ctx, input.disputeId)];
  const edited = await editRows(ctx, rows, wanted, input.lang ?? 'fr');
  return { dispute: await requireDispute(ctx, input.disputeId), edited: edited > 0 };
}

/** Edits every invoice of a case still open, the same way. */
export async function editDisputeCase(
  ctx: AppContext,
  input: EditDisputeInput & { caseId: number },
): Promise<DisputeCase & { edited: number }> {
  const wanted = requested(input);
  const { disputes } = await requireCase(ctx, input.caseId);
  const edited = await editRows(ctx, disputes, wanted, input.lang ?? 'fr');
  return { ...(await requireCase(ctx, input.caseId)), edited };
}
