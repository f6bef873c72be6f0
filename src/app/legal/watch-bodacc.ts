/**
 * `watch bodacc`: BODACC announcements (the records API's JSON) matched to the portfolio's
 * SIRENs. Each new collective-procedure announcement becomes an `insolvency` event and sets the
 * customer's status (which the order check and the dunning planner read: orders refused, reminders
 * and the 40 € indemnity stopped); an opening judgment also creates the claim-declaration task with
 * its deadline and amounts; a deregistration raises an alert. Re-reading the same records adds
 * nothing: each announcement is recorded once per customer under BODACC's own id.
 */
import type { Kysely } from 'kysely';
import { type BodaccAnnouncement, mapBodaccResponse, type Procedure } from '#core/legal/bodacc';
import { claimDeadline } from '#core/legal/claims';
import type { CurrencyCode, IsoDate, StoryParam } from '#core/types';
import { insertCustomerEvent, updateCustomerColumns } from '#db/customers/customer-records';
import type { Database } from '#db/infra/schema';
import {
  insertAnnouncementIfNew,
  insertClaimIfNew,
  selectCustomersBySiren,
  selectLatestProcedurePublication,
  type WatchedCustomerRow,
} from '#db/legal/legal-queries';
import { storyLine } from '#text/story';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { claimAmountsAt, claimRowAmounts, creditorOutsideMetropole } from './claim-amounts.ts';

export interface WatchBodaccInput {
  /** The records API's answer as fetched (`{records:[…]}`), or a bare list of records. */
  records: unknown;
  /** Declare the claims as secured (retention of title, guarantee); unsecured by default. */
  secured?: boolean | undefined;
  /** Default: read from the company's address (overseas postal codes 97x/98x). */
  creditorOutsideMetropole?: boolean | undefined;
}

export interface WatchClaim {
  currency: CurrencyCode;
  principalMinor: number;
  interestMinor: number;
  /** The 40 € indemnities of the invoices late on the judgment's day. */
  indemnityMinor: number;
  /** Principal + interest + indemnities, as the declaration letter declares it. */
  totalMinor: number;
  secured: boolean;
  interestStatus: string;
}

export interface WatchEvent {
  customerCode: string;
  announcementId: string;
  procedure: Procedure | null;
  judgmentKind: string;
  judgmentDate: IsoDate | null;
  publicationDate: IsoDate;
  court: string | null;
  claimDeadline: IsoDate | null;
  claim: WatchClaim | null;
}

export interface WatchAlert {
  customerCode: string;
  announcementId: string;
  kind: 'deregistration';
  publicationDate: IsoDate;
}

export interface WatchBodaccResult {
  announcements: number;
  matched: number;
  events: WatchEvent[];
  alerts: WatchAlert[];
}

/** The statuses a procedure leaves a customer in; a closing judgment changes nothing by itself. */
function statusAfter(announcement: BodaccAnnouncement): Procedure | null {
  const judgment = announcement.judgment;
  if (!judgment || judgment.kind === 'closing' || judgment.kind === 'other') return null;
  return judgment.procedure;
}

export async function watchBodacc(ctx: AppContext, input: WatchBodaccInput): Promise<WatchBodaccResult> {
  const announcements = mapBodaccResponse(input.records).sort((a, b) =>
    a.publicationDate === b.publicationDate
      ? a.id.localeCompare(b.id)
      : a.publicationDate < b.publicationDate
        ? -1
        : 1,
  );
  const sirens = [...new Set(announcements.flatMap((a) => a.sirens))];
  return ctx.db.transaction().execute(async (trx) => {
    const customers = await selectCustomersBySiren(trx, ctx.companyId, sirens);
    // The creditor's address is the company identity's (overseas departments: 97x, 98x).
    const outside = input.creditorOutsideMetropole ?? (await creditorOutsideMetropole(trx, ctx.companyId));
    const result: WatchBodaccResult = {
      announcements: announcements.length,
      matched: 0,
      events: [],
      alerts: [],
    };
    for (const announcement of announcements) {
      for (const customer of customers.filter((c) => announcement.sirens.includes(c.siren))) {
        result.matched += 1;
        const isNew = await insertAnnouncementIfNew(trx, ctx.companyId, ctx.actor, {
          announcementId: announcement.id,
          customerCode: customer.code,
          siren: customer.siren,
          family: announcement.family,
          procedure: announcement.judgment?.procedure ?? null,
          judgmentKind: announcement.judgment?.kind ?? null,
          judgmentDate: announcement.judgment?.date ?? null,
          publicationDate: announcement.publicationDate,
          court: announcement.court,
          nature: announcement.judgment?.nature ?? null,
        });
        if (!isNew) continue;
        if (announcement.family === 'deregistration') {
          await recordDeregistration(ctx, trx, customer, announcement);
          result.alerts.push({
            customerCode: customer.code,
            announcementId: announcement.id,
            kind: 'deregistration',
            publicationDate: announcement.publicationDate,
          });
        } else if (announcement.judgment) {
          result.events.push(
            await recordJudgment(ctx, trx, customer, announcement, input.secured ?? false, outside),
          );
        }
      }
    }
    return result;
  });
}

/** The court as the announcement names it (its own words), or « court not stated » in the reader's language. */
function courtParam(announcement: BodaccAnnouncement): StoryParam {
  return announcement.court ?? { key: 'legal.court.unknown', params: {} };
}

async function recordDeregistration(
  ctx: AppContext,
  db: Kysely<Database>,
  customer: WatchedCustomerRow,
  announcement: BodaccAnnouncement,
): Promise<void> {
  await insertCustomerEvent(db, ctx.companyId, ctx.actor, {
    customerCode: customer.code,
    kind: 'risk_alert' as never,
    eventDate: announcement.publicationDate,
    documentRef: null,
    ...storyLine('legal.event.deregistration', {
      publicationDate: { date: announcement.publicationDate },
      court: courtParam(announcement),
    }),
  });
}

async function recordJudgment(
  ctx: AppContext,
  db: Kysely<Database>,
  customer: WatchedCustomerRow,
  announcement: BodaccAnnouncement,
  secured: boolean,
  outsideMetropole: boolean,
): Promise<WatchEvent> {
  const judgment = announcement.judgment!;
  const judgmentDate = judgment.date ?? announcement.publicationDate;
  await insertCustomerEvent(db, ctx.companyId, ctx.actor, {
    customerCode: customer.code,
    kind: 'insolvency',
    eventDate: judgmentDate,
    documentRef: announcement.id,
    ...storyLine('legal.event.procedure', {
      judgment: { key: 'legal.judgmentKind', params: { kind: judgment.kind } },
      procedure: { key: 'legal.procedure', params: { procedure: judgment.procedure ?? 'other' } },
      judgmentDate: { date: judgmentDate },
      publicationDate: { date: announcement.publicationDate },
      court: courtParam(announcement),
      nature: judgment.nature,
    }),
  });
  await applyStatus(ctx, db, customer, announcement);
  const event: WatchEvent = {
    customerCode: customer.code,
    announcementId: announcement.id,
    procedure: judgment.procedure,
    judgmentKind: judgment.kind,
    judgmentDate,
    publicationDate: announcement.publicationDate,
    court: announcement.court,
    claimDeadline: null,
    claim: null,
  };
  if (judgment.kind !== 'opening' || judgment.procedure === null) return event;
  const deadline = claimDeadline(announcement.publicationDate, outsideMetropole);
  event.claimDeadline = deadline;
  event.claim = await createClaim(
    ctx,
    db,
    customer,
    { ...event, procedure: judgment.procedure, judgmentDate, claimDeadline: deadline },
    secured,
  );
  return event;
}

/** Moves the status to the procedure, unless a later-published procedure already set it. */
async function applyStatus(
  ctx: AppContext,
  db: Kysely<Database>,
  customer: WatchedCustomerRow,
  announcement: BodaccAnnouncement,
): Promise<void> {
  const status = statusAfter(announcement);
  if (status === null || status === customer.status || customer.status === 'closed') return;
  const latest = await selectLatestProcedurePublication(db, ctx.companyId, customer.code);
  if (latest !== null && latest > announcement.publicationDate) return;
  await updateCustomerColumns(db, ctx.companyId, customer.code, { status, updated_at: ctx.clock.now() });
  await recordAudit(ctx, db, {
    action: 'customer.update',
    entity: 'customer',
    entityKey: customer.code,
    before: { status: customer.status },
    after: { status, source: `BODACC ${announcement.id}` },
  });
  customer.status = status;
}

async function createClaim(
  ctx: AppContext,
  db: Kysely<Database>,
  customer: WatchedCustomerRow,
  event: WatchEvent & { procedure: Procedure; judgmentDate: IsoDate; claimDeadline: IsoDate },
  secured: boolean,
): Promise<WatchClaim> {
  const amounts = await claimAmountsAt(db, ctx.companyId, customer, event.judgmentDate, secured);
  await insertClaimIfNew(db, ctx.companyId, ctx.actor, {
    customerCode: customer.code,
    announcementId: event.announcementId,
    procedure: event.procedure,
    judgmentDate: event.judgmentDate,
    publicationDate: event.publicationDate,
    deadline: event.claimDeadline,
    ...claimRowAmounts(amounts, secured),
  });
  const money = (minor: number) => ({ minor, currency: amounts.currency });
  await insertCustomerEvent(db, ctx.companyId, ctx.actor, {
    customerCode: customer.code,
    kind: 'insolvency',
    eventDate: event.judgmentDate,
    documentRef: event.announcementId,
    ...storyLine('legal.event.claimToDeclare', {
      deadline: { date: event.claimDeadline },
      total: money(amounts.totalMinor),
      principal: money(amounts.principalMinor),
      interest: money(amounts.interestMinor),
      indemnity: money(amounts.indemnityMinor),
      secured: secured ? 'yes' : 'no',
    }),
  });
  const { currency, principalMinor, interestMinor, indemnityMinor, totalMinor, interestStatus } = amounts;
  return { currency, principalMinor, interestMinor, indemnityMinor, totalMinor, secured, interestStatus };
}
