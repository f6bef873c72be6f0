/**
 * The customer events the payment-date model reads (disputes, promises, reminders), whole in date
 * order for the back-test, document by document alongside a cursor of invoices for the training,
 * so that they are never held whole, or those of a chunk of open invoices for their predictions.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { RankedEvent } from '#core/forecast/event-fold';
import type { InvoiceEvent } from '#core/forecast/types';
import type { Database } from '../infra/schema.ts';

/**
 * The dated disputes, promises and reminders of the invoices, up to the date. The dunning records
 * (disputes with their resolution, sent actions with their level, promises with their instalments)
 * come first; the customer's story (imported history) adds the disputes it names on invoices the
 * records do not cover, and every reminder it names but on a day a sent action already reminded that
 * invoice (the same reminder told twice). A first run must not make the reminders sent before
 * Encours forget: they stay in the count, the level and the last date. A promise naming no invoice
 * covers every invoice of the customer still open when it was made; its date is its last instalment.
 */
export async function selectForecastEvents(
  db: Kysely<Database>,
  companyId: string,
  upTo: string,
): Promise<InvoiceEvent[]> {
  const result = await sql<EventRow>`
    select document_id::int8 as "documentId", kind, event_date as "date",
           promised_date as "promisedDate", level
      from (${forecastEventsSql(companyId, upTo)}) events
     order by event_date, seq, document_id`.execute(db);
  // One string per distinct kind and date, not a copy per event: the events are held whole.
  const shared = new Map<string, string>();
  const intern = <T extends string>(text: T): T => {
    const known = shared.get(text);
    if (known !== undefined) return known as T;
    shared.set(text, text);
    return text;
  };
  return result.rows.map((row) => toEvent(row, intern));
}

interface EventRow {
  documentId: number;
  kind: InvoiceEvent['kind'];
  date: string;
  promisedDate: string | null;
  level: number | null;
}

function toEvent(row: EventRow, intern: <T extends string>(text: T) => T = (text) => text): InvoiceEvent {
  return {
    documentId: row.documentId,
    kind: intern(row.kind),
    date: intern(row.date),
    ...(row.promisedDate === null ? {} : { promisedDate: intern(row.promisedDate) }),
    ...(row.level === null ? {} : { level: row.level }),
  };
}

/** The events `selectForecastEvents` reads, with `seq` (the order recorded within a day), unordered. */
function forecastEventsSql(companyId: string, upTo: string): RawBuilder<unknown> {
  return sql`
        select d.document_id, case e.kind when 'dispute' then 'dispute_opened' else 'reminder' end as kind,
               e.event_date, null::date as promised_date,
               -- An imported reminder says its level in words (« Relance niveau 3 … », "Level 2 reminder").
               case e.kind when 'reminder'
                 then substring(e.detail from '(?:[Nn]iveau|[Ll]evel)[[:space:]]+([0-9]{1,2})')::int end as level,
               e.event_id as seq
          from customer_events e
          join documents d on d.company_id = e.company_id and d.customer_code = e.customer_code
           and d.external_ref = e.document_ref and d.kind = 'invoice'
         where e.company_id = ${companyId} and e.event_date <= ${upTo}::date
           and e.kind in ('dispute', 'reminder')
           and not (e.kind = 'dispute' and exists (select 1 from dunning_disputes x
                     where x.company_id = e.company_id and x.document_id = d.document_id))
           and not (e.kind = 'reminder' and exists (select 1 from dunning_action_items i
                     join dunning_actions a on a.company_id = i.company_id and a.action_id = i.action_id
                     where i.company_id = e.company_id and i.document_id = d.document_id
                       and a.status = 'sent' and a.action_date = e.event_date))
        union all
        select x.document_id, 'dispute_opened', x.opened_on, null, null, x.dispute_id
          from dunning_disputes x where x.company_id = ${companyId} and x.opened_on <= ${upTo}::date
        union all
        select x.document_id, 'dispute_resolved', x.resolved_on, null, null, x.dispute_id
          from dunning_disputes x where x.company_id = ${companyId} and x.resolved_on <= ${upTo}::date
        union all
        select i.document_id, 'reminder', a.action_date, null, i.level, a.action_id
          from dunning_action_items i
          join dunning_actions a on a.company_id = i.company_id and a.action_id = i.action_id
         where i.company_id = ${companyId} and a.status = 'sent' and a.action_date <= ${upTo}::date
        union all
        select d.document_id, 'promise', p.made_on,
               (select max(pi.due_date) from dunning_promise_instalments pi
                 where pi.company_id = p.company_id and pi.promise_id = p.promise_id), null, p.promise_id
          from dunning_promises p
          join documents d on d.company_id = p.company_id and d.customer_code = p.customer_code
           and d.kind = 'invoice' and d.issue_date <= p.made_on
         where p.company_id = ${companyId} and p.made_on <= ${upTo}::date
           and (exists (select 1 from dunning_promise_invoices v where v.company_id = p.company_id
                         and v.promise_id = p.promise_id and v.document_id = d.document_id)
                or (not exists (select 1 from dunning_promise_invoices v
                                 where v.company_id = p.company_id and v.promise_id = p.promise_id)
                    and not exists (select 1 from settled_documents s where s.company_id = p.company_id
                                     and s.document_id = d.document_id and s.settled_on < p.made_on)))
`;
}

/**
 * The events `selectForecastEvents` reads of the given documents only, by document, each one's in
 * the company's order (date, then as recorded): what predicting a chunk of open invoices reads,
 * instead of every event of the company ranked and read through to pick theirs.
 */
export async function selectEventsOfDocuments(
  trx: Transaction<Database>,
  companyId: string,
  upTo: string,
  documentIds: readonly number[],
): Promise<Map<number, InvoiceEvent[]>> {
  const byDocument = new Map<number, InvoiceEvent[]>();
  if (documentIds.length === 0) return byDocument;
  const result = await sql<EventRow>`
    select document_id::int8 as "documentId", kind, event_date as "date",
           promised_date as "promisedDate", level
      from (${forecastEventsSql(companyId, upTo)}) events
     where document_id = any(${documentIds}::int8[])
     order by document_id, event_date, seq`.execute(trx);
  for (const row of result.rows) {
    const event = toEvent(row);
    const own = byDocument.get(row.documentId);
    if (own) own.push(event);
    else byDocument.set(row.documentId, [event]);
  }
  return byDocument;
}

/** Events read per fetch of the events' cursor. */
const EVENT_CHUNK = 20_000;

/**
 * The events `selectForecastEvents` reads, document by document, alongside a cursor of invoices in
 * document order (inside the same transaction): only the events of the invoices at hand are held.
 */
export interface DocumentEvents {
  /**
   * Reads on until every event of `documentIds` (a chunk of the invoice cursor, ascending) is at
   * hand. Only their events are kept (and those read ahead, past the chunk): the invoice cursor
   * may skip most documents (the open ones only), and the events of the documents between its
   * rows must not pile up.
   */
  readThrough(documentIds: readonly number[]): Promise<void>;
  /** One document's events, ranked, in rank order; documents are asked in ascending order. */
  take(documentId: number): RankedEvent[];
  close(): Promise<void>;
}

const NO_EVENTS: RankedEvent[] = [];

/**
 * Opens the events' cursor: ordered by document, each event ranked by its place in the company's
 * order (date, then as recorded, as `selectForecastEvents` orders them), so that a fold of the
 * events document by document learns what the list in date order gives.
 */
export async function openDocumentEvents(
  trx: Transaction<Database>,
  companyId: string,
  upTo: string,
  chunkSize = EVENT_CHUNK,
): Promise<DocumentEvents> {
  // Every row is read: plan for all of them, not for the first tenth (the default for cursors).
  await sql`select set_config('cursor_tuple_fraction', '1', true)`.execute(trx);
  await sql`declare forecast_events no scroll cursor for
    select document_id::int8 as "documentId", kind, event_date as "date",
           promised_date as "promisedDate", level,
           (row_number() over (order by event_date, seq, document_id))::int8 as "rank"
      from (${forecastEventsSql(companyId, upTo)}) events
     order by document_id, "rank"`.execute(trx);
  let buffer: RankedEvent[] = [];
  let at = 0;
  let done = false;
  /** The document of the last event fetched. */
  let cursorAt: number | null = null;
  return {
    async readThrough(documentIds) {
      const last = documentIds[documentIds.length - 1];
      if (last === undefined) return;
      const wanted = new Set(documentIds);
      const kept = (event: { documentId: number }) => event.documentId > last || wanted.has(event.documentId);
      buffer = buffer.slice(at).filter(kept);
      at = 0;
      // The cursor is ordered by document: once past `last`, every event of the chunk is read.
      while (!done && (cursorAt === null || cursorAt <= last)) {
        const result = await sql<EventRow & { rank: number }>`fetch forward ${sql.raw(
          String(chunkSize),
        )} from forecast_events`.execute(trx);
        done = result.rows.length < chunkSize;
        for (const row of result.rows) {
          cursorAt = row.documentId;
          if (kept(row)) buffer.push({ ...toEvent(row), rank: row.rank });
        }
      }
    },
    take(documentId) {
      while (at < buffer.length && (buffer[at] as RankedEvent).documentId < documentId) at += 1;
      const start = at;
      while (at < buffer.length && (buffer[at] as RankedEvent).documentId === documentId) at += 1;
      return start === at ? NO_EVENTS : buffer.slice(start, at);
    },
    async close() {
      await sql`close forecast_events`.execute(trx);
    },
  };
}
