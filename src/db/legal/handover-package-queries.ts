/**
 * What the hand-over package and the injunction checklist read about the debtor: its identity,
 * the reminders sent on the invoices handed over (by Encours, or imported from the history), the
 * formal notice, its story, and whether its orders are on record.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface DebtorRow {
  code: string;
  name: string;
  siren: string | null;
  customerType: string;
  status: string;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  legalFormCode: string | null;
  ordersOnRecord: boolean;
}

export async function selectDebtor(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
): Promise<DebtorRow | null> {
  const result = await sql<DebtorRow>`
    select c.code, c.name, c.siren, c.customer_type as "customerType", c.status,
      c.address_line1 as "addressLine1", c.address_line2 as "addressLine2", c.postal_code as "postalCode",
      c.city, c.country, g.legal_form_code as "legalFormCode",
      exists (select 1 from orders o where o.company_id = c.company_id and o.customer_code = c.code)
        as "ordersOnRecord"
    from customers c
    left join legal_company_data g on g.company_id = c.company_id and g.customer_code = c.code
    where c.company_id = ${companyId} and c.code = ${customerCode}`.execute(db);
  return result.rows[0] ?? null;
}

export interface ReminderRow {
  date: string;
  /** 'dunning': sent by Encours (step, level, channel known); 'history': an imported reminder event. */
  origin: 'dunning' | 'history';
  stepKind: string | null;
  level: number | null;
  channel: string | null;
  totalDueMinor: number | null;
  currency: string | null;
  refs: string[];
  detail: string | null;
  /**
   * What became of an Encours e-mail in the outbox: 'sent' (accepted by the mail server), 'failed',
   * 'held' (never sent) or 'pending' (still to send, or being sent); null: not an e-mail of the
   * outbox (a letter, a step recorded by hand, a line of the imported history).
   */
  delivery: 'sent' | 'failed' | 'held' | 'pending' | null;
}

/**
 * Reminders up to `asOf` concerning the file: the sent dunning actions naming one of its invoices,
 * and the customer's imported reminder events from `since` (the first due date of the file: an
 * earlier one was about other invoices) — their detail is the only record of what they said. A
 * line Encours wrote (its catalogue message) tells of one of its own actions: that action is read
 * instead, or, when it named none of the file's invoices, not at all.
 * An e-mail's delivery is the outbox's status now, not at `asOf`: what Encours can prove today.
 */
export async function selectFileReminders(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  documentIds: readonly number[],
  since: string,
  asOf: string,
): Promise<ReminderRow[]> {
  const result = await sql<ReminderRow>`
    select a.action_date as date, 'dunning' as origin, a.step_kind as "stepKind", a.level, a.channel,
      a.total_due_minor as "totalDueMinor", a.currency,
      array(select i.document_ref from dunning_action_items i where i.company_id = a.company_id
        and i.action_id = a.action_id order by i.due_date, i.document_id) as refs,
      null as detail,
      case when a.outbox_id is null then null when m.status = 'sending' then 'pending' else m.status end
        as delivery
    from dunning_actions a
    left join mail_outbox m on m.company_id = a.company_id and m.outbox_id = a.outbox_id
    where a.company_id = ${companyId} and a.customer_code = ${customerCode} and a.status = 'sent'
      and a.action_date <= ${asOf}::date
      and exists (select 1 from dunning_action_items i where i.company_id = a.company_id
        and i.action_id = a.action_id and i.document_id = any (${[...documentIds]}::int8[]))
    union all
    select e.event_date, 'history', null, null, null, null, null,
      case when e.document_ref is null then '{}'::text[] else array[e.document_ref] end, e.detail, null
    from customer_events e
    where e.company_id = ${companyId} and e.customer_code = ${customerCode} and e.kind = 'reminder'
      and e.message_key is null
      and e.event_date >= ${since}::date and e.event_date <= ${asOf}::date
    order by 1, 2`.execute(db);
  return result.rows;
}

export interface StoryRow {
  date: string;
  kind: string;
  documentRef: string | null;
  detail: string;
  /** The catalogue message of a line Encours wrote; null: an imported line. */
  messageKey: string | null;
}

/** The customer's story up to `asOf` (calls, promises, disputes, notes, insolvency…), oldest first. */
export async function selectDebtorStory(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  asOf: string,
  limit: number,
): Promise<StoryRow[]> {
  const result = await sql<StoryRow>`
    select * from (
      select e.event_date as date, e.kind, e.document_ref as "documentRef", e.detail,
        e.message_key as "messageKey", e.event_id
      from customer_events e
      where e.company_id = ${companyId} and e.customer_code = ${customerCode} and e.kind <> 'reminder'
        and e.event_date <= ${asOf}::date
      order by e.event_date desc, e.event_id desc limit ${limit}
    ) latest order by date, event_id`.execute(db);
  return result.rows.map(({ date, kind, documentRef, detail, messageKey }) => ({
    date,
    kind,
    documentRef,
    detail,
    messageKey,
  }));
}

/** The last formal notice sent by registered letter on one of the invoices, if any. */
export async function selectRegisteredFormalNotice(
  db: Kysely<Database>,
  companyId: string,
  documentIds: readonly number[],
  asOf: string,
): Promise<string | null> {
  if (documentIds.length === 0) return null;
  const result = await sql<{ date: string | null }>`
    select max(a.action_date) as date from dunning_actions a
    join dunning_action_items i on i.company_id = a.company_id and i.action_id = a.action_id
    where a.company_id = ${companyId} and a.status = 'sent' and a.step_kind = 'formal_notice'
      and a.channel = 'registered_letter' and a.action_date <= ${asOf}::date
      and i.document_id = any (${[...documentIds]}::int8[])`.execute(db);
  return result.rows[0]?.date ?? null;
}

export interface DisputeFileRow {
  attachedOn: string;
  documentId: number;
  documentRef: string;
  kind: string;
  fileName: string;
  /** From the file's first bytes when it was attached. */
  mediaType: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * The documents attached to the disputes of the invoices handed over (proof of delivery, photos,
 * the complaint letter), stored once with the dispute and listed again in the legal file.
 */
export async function selectFileDisputeAttachments(
  db: Kysely<Database>,
  companyId: string,
  documentIds: readonly number[],
): Promise<DisputeFileRow[]> {
  if (documentIds.length === 0) return [];
  const result = await sql<DisputeFileRow>`
    select to_char(a.attached_at, 'YYYY-MM-DD') as "attachedOn", a.document_id as "documentId",
      d.external_ref as "documentRef",
      a.kind, a.file_name as "fileName", f.media_type as "mediaType", a.sha256,
      f.size_bytes::int8 as "sizeBytes"
    from dunning_dispute_attachments a
    join documents d on d.company_id = a.company_id and d.document_id = a.document_id
    join dispute_files f on f.company_id = a.company_id and f.sha256 = a.sha256
    where a.company_id = ${companyId} and a.document_id = any (${[...documentIds]}::int8[])
    order by a.attached_at, a.attachment_id`.execute(db);
  return result.rows;
}

/** The stored bytes of some dispute files, by SHA-256 (a file attached twice is read once). */
export async function selectDisputeFileContents(
  db: Kysely<Database>,
  companyId: string,
  sha256s: readonly string[],
): Promise<Map<string, Buffer>> {
  if (sha256s.length === 0) return new Map();
  const result = await sql<{ sha256: string; content: Buffer }>`
    select sha256, content from dispute_files
    where company_id = ${companyId} and sha256 = any (${[...new Set(sha256s)]}::text[])`.execute(db);
  return new Map(result.rows.map((row) => [row.sha256, row.content]));
}
