/**
 * Legal hand-over: partners (lawyers and collection agencies, with the terms agreed) and legal
 * files handing a customer's overdue invoices, or chosen ones, to a partner. The file records what
 * was open on each invoice that day with the late interest and the 40 € indemnity owed then, and
 * copies the partner's terms. From the hand-over on, the dunning run and the collector's agenda skip
 * those invoices (until the file is withdrawn), and the hand-over call tasks it answers are done.
 * Everything is audited and told in the customer's story.
 */
import { daysBetween } from '#core/calendar';
import { PARTNER_KINDS, validatePartnerTerms } from '#core/legal/handover';
import { insertCustomerEvent } from '#db/customers/customer-records';
import { completeHandedOverTasks } from '#db/dunning/task-queries';
import {
  insertLegalFile,
  type PartnerInput,
  type PartnerRow,
  selectLegalFiles,
  selectPartners,
  upsertPartner,
} from '#db/legal/handover-queries';
import { translator } from '#text/catalogue';
import { wordedChoices, wordedDate, wordedList } from '#text/error-words';
import { storyLine } from '#text/story';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { checkedCustomer } from '../credit/customer-risk.ts';
import { requireDate, resolveAsOf } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { choiceOf, handedInvoices, type LeftOutInvoices } from './handover-invoices.ts';
import { fileView, type LegalFileView } from './handover-view.ts';
import { type HandoverWarning, refuseTaken, warningsFor } from './handover-warnings.ts';

export { type ClaimedInvoice, claimsAt, type LeftOutInvoices } from './handover-invoices.ts';

export async function listPartners(ctx: AppContext): Promise<PartnerRow[]> {
  return selectPartners(ctx.db, ctx.companyId);
}

/** Adds a partner, or changes the terms of the one with that name (files keep their own terms). */
export async function savePartner(ctx: AppContext, input: PartnerInput): Promise<PartnerRow> {
  const name = input.name?.trim();
  if (!name) throw new DomainError('invalid_input', { key: 'errors.legal.partnerName' });
  if (!(PARTNER_KINDS as readonly string[]).includes(input.kind))
    throw new DomainError('invalid_input', {
      key: 'errors.legal.partnerKind',
      params: {
        kind: input.kind,
        allowed: wordedChoices(PARTNER_KINDS, (lang, kind) =>
          translator(lang)('legalFile.partnerKind', { kind }),
        ),
      },
    });
  const problems = validatePartnerTerms(input);
  if (problems.length > 0)
    throw new DomainError(
      'invalid_input',
      {
        key: 'errors.legal.partnerTerms',
        params: {
          problems: wordedList(
            'errors.legal.partnerTerm',
            problems.map((problem) => ({ problem })),
          ),
        },
      },
      { problems },
    );
  const partner = { ...input, name, addressLines: input.addressLines.map((l) => l.trim()).filter(Boolean) };
  const partnerId = await ctx.db.transaction().execute(async (trx) => {
    const [before] = await selectPartners(trx, ctx.companyId, { name });
    const id = await upsertPartner(trx, ctx.companyId, ctx.actor, partner);
    await recordAudit(ctx, trx, {
      action: 'legal.partner',
      entity: 'legal_partner',
      entityKey: String(id),
      before: before ?? null,
      after: partner,
    });
    return id;
  });
  return (await selectPartners(ctx.db, ctx.companyId, { partnerId }))[0]!;
}

export interface HandOverInput {
  customerCode: string;
  partnerId: number;
  /**
   * Invoice references; none: every invoice of the customer overdue on the day, but those whose
   * formal notice still gives time to pay (unless `includePendingNotice`).
   */
  invoices?: readonly string[] | undefined;
  /** Take, with the others, the overdue invoices whose formal notice's deadline has not passed. */
  includePendingNotice?: boolean | undefined;
  partnerReference?: string | null | undefined;
  note?: string | null | undefined;
  /** The hand-over date; the company's reference date by default. */
  date?: string | undefined;
}

/**
 * Hands the file over, and says what the person should know (no formal notice, a note asking not to
 * chase the customer): `checkHandOver` tells the same beforehand.
 */
export async function handOver(
  ctx: AppContext,
  input: HandOverInput,
): Promise<LegalFileView & { warnings: HandoverWarning[]; leftOut: LeftOutInvoices[] }> {
  const date = requireDate(input.date, 'date') ?? (await resolveAsOf(ctx, undefined));
  const { fileId, warnings, leftOut } = await ctx.db.transaction().execute(async (trx) => {
    const customer = await checkedCustomer(ctx, trx, input.customerCode, true);
    const [partner] = await selectPartners(trx, ctx.companyId, { partnerId: input.partnerId });
    if (!partner)
      throw new DomainError('not_found', {
        key: 'errors.legal.unknownPartner',
        params: { partnerId: input.partnerId },
      });
    const { invoices, leftOut } = await handedInvoices(ctx, trx, customer, choiceOf(input), date);
    await refuseTaken(trx, ctx.companyId, invoices);
    const id = await insertLegalFile(trx, ctx.companyId, ctx.actor, {
      customerCode: customer.code,
      partnerId: partner.partnerId,
      handedOverOn: date,
      scope: input.invoices?.length ? 'invoices' : 'customer',
      currency: customer.currency,
      partnerReference: input.partnerReference?.trim() || null,
      amicableCommissionBps: partner.amicableCommissionBps,
      judicialCommissionBps: partner.judicialCommissionBps,
      fileFeeMinor: partner.fileFeeMinor,
      judicialFeeMinor: partner.judicialFeeMinor,
      note: input.note?.trim() || null,
      invoices,
    });
    const totalMinor = invoices.reduce((sum, i) => sum + i.handedMinor, 0);
    await recordAudit(ctx, trx, {
      action: 'legal.handover',
      entity: 'legal_file',
      entityKey: String(id),
      before: null,
      after: {
        customerCode: customer.code,
        partnerId: partner.partnerId,
        partner: partner.name,
        handedOverOn: date,
        invoices: invoices.map((i) => i.documentRef),
        totalMinor,
      },
    });
    // The run's « Transmission au contentieux » call tasks are done by this very hand-over: left
    // open, the agenda would still ask for it.
    const closed = await completeHandedOverTasks(trx, ctx.companyId, ctx.actor, {
      customerCode: customer.code,
      doneOn: date,
      note: `LF-${id}`,
    });
    for (const task of closed)
      await recordAudit(ctx, trx, {
        action: 'dunning.task_complete',
        entity: 'dunning_task',
        entityKey: String(task.taskId),
        before: { status: 'open' },
        after: { status: 'done', outcome: 'handed_over', note: `LF-${id}`, doneOn: date },
      });
    await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
      customerCode: customer.code,
      kind: 'note',
      eventDate: date,
      documentRef: null,
      ...storyLine('legalFile.event.handedOver', {
        fileId: id,
        partner: partner.name,
        kind: partner.kind,
        refs: invoices.map((i) => i.documentRef).join(', '),
        total: { minor: totalMinor, currency: customer.currency },
      }),
    });
    return {
      fileId: id,
      warnings: await warningsFor(trx, ctx.companyId, customer.code, invoices, date),
      leftOut,
    };
  });
  return { ...(await getLegalFile(ctx, { fileId, asOf: date })), warnings, leftOut };
}

export async function listLegalFiles(
  ctx: AppContext,
  input: { asOf?: string | undefined; customerCode?: string | undefined } = {},
): Promise<LegalFileView[]> {
  const asOf = await resolveAsOf(ctx, input.asOf);
  const rows = await selectLegalFiles(ctx.db, ctx.companyId, asOf, { customerCode: input.customerCode });
  return rows.map((row) => fileView(row, asOf));
}

export async function getLegalFile(
  ctx: AppContext,
  input: { fileId: number; asOf?: string | undefined },
): Promise<LegalFileView> {
  const asOf = await resolveAsOf(ctx, input.asOf);
  const [row] = await selectLegalFiles(ctx.db, ctx.companyId, asOf, { fileId: input.fileId });
  if (!row)
    throw new DomainError('not_found', {
      key: 'errors.legal.unknownFileOn',
      params: { fileId: input.fileId, date: wordedDate(asOf) },
    });
  return fileView(row, asOf);
}

/** Days the oldest invoice of a file was overdue on the hand-over (for the cover letter). */
export function oldestDaysLate(file: Pick<LegalFileView, 'invoices' | 'handedOverOn'>): number {
  return Math.max(0, ...file.invoices.map((i) => daysBetween(i.dueDate, file.handedOverOn)));
}
