/**
 * What became of a registered letter (LRAR) a dunning action sent: La Poste's number with the day
 * it was deposited, then the outcome the post office reports — delivered, with the day the
 * acknowledgement of receipt was signed, or returned (unclaimed, addressee unknown). That is the
 * proof of a formal notice a lawyer and an injunction to pay ask for.
 *
 * Each recording is a new row holding the letter's whole state (migration 0075), never an edit: a
 * correction is recorded like the first time and the rows keep what was recorded before, by whom
 * and when. Each is also audited and told in the customer's story. A number names one letter of
 * the company. Recording takes a collector's or the credit department's role, as sending does.
 */
import type { Kysely } from 'kysely';
import { isValidIsoDate, maxDate } from '#core/calendar';
import {
  formatTrackingNumber,
  isRegisteredOutcome,
  normaliseTrackingNumber,
  REGISTERED_OUTCOMES,
  type RegisteredOutcome,
} from '#core/dunning/registered-mail';
import { insertCustomerEvent } from '#db/customers/customer-records';
import {
  insertTrackingEntry,
  lockRegisteredTracking,
  type RegisteredLetterAction,
  selectLatestTracking,
  selectNumberHolder,
  selectRegisteredLetterAction,
  selectTrackingHistory,
  type TrackingEntry,
} from '#db/dunning/registered-tracking';
import type { Database } from '#db/infra/schema';
import { wordedDate, wordedLabel } from '#text/error-words';
import { storyLine } from '#text/story';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { choiceWords } from './error-params.ts';
import { portfolioOf } from './queries.ts';
import {
  outcomeWords,
  type RegisteredChange,
  registeredStoryParams,
  type TrackingView,
  trackingView,
} from './registered-tracking-view.ts';

export type { TrackingView } from './registered-tracking-view.ts';

/** Who records what happened to the letters: those who may send them. */
const RECORDERS = new Set(['admin', 'credit_manager', 'collector']);

function checkRecorder(ctx: AppContext): void {
  if (ctx.user && !RECORDERS.has(ctx.user.role))
    throw new DomainError('forbidden', {
      key: 'errors.dunning.roleMayNotRecordRegistered',
      params: { role: wordedLabel('role', ctx.user.role) },
    });
}

type DateField = 'depositedOn' | 'outcomeOn';

function checkedDate(field: DateField, value: string): string {
  if (!isValidIsoDate(value))
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.registeredNotADate',
      params: { field, value: String(value) },
    });
  return value;
}

/** Neither a deposit nor a receipt can be known before it happened. */
async function checkNotAfterToday(ctx: AppContext, field: DateField, date: string): Promise<void> {
  const today = maxDate(ctx.clock.today(), await defaultAsOf(ctx));
  if (date > today)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.registeredAfterToday',
      params: { field, date: wordedDate(date), today: wordedDate(today) },
    });
}

/** A registered letter sent (not cancelled), of the company; a salesperson sees none. */
async function registeredLetter(
  ctx: AppContext,
  db: Kysely<Database>,
  actionId: number,
): Promise<RegisteredLetterAction> {
  const action =
    portfolioOf(ctx) === undefined && Number.isSafeInteger(actionId)
      ? await selectRegisteredLetterAction(db, ctx.companyId, actionId)
      : undefined;
  if (action?.channel !== 'registered_letter' || action.status !== 'sent')
    throw new DomainError('not_found', {
      key: 'errors.dunning.noRegisteredLetter',
      params: { id: String(actionId) },
    });
  return action;
}

const compact = (date: string) => date.replaceAll('-', '');

/** Appends the letter's new state, audits it and tells it in the customer's story. */
async function recordState(ctx: AppContext, trx: Kysely<Database>, change: RegisteredChange): Promise<void> {
  const { action, before, after } = change;
  await insertTrackingEntry(trx, ctx.companyId, ctx.actor, {
    actionId: action.actionId,
    followsEntryId: before?.entryId ?? null,
    ...after,
  });
  const worded = (state: typeof after) => ({
    trackingNumber: formatTrackingNumber(state.trackingNumber),
    depositedOn: state.depositedOn,
    registeredOutcome: state.outcome,
    outcomeOn: state.outcomeOn,
  });
  await recordAudit(ctx, trx, {
    action: change.kind === 'number' ? 'dunning.registered_number' : 'dunning.registered_outcome',
    entity: 'dunning_action',
    entityKey: String(action.actionId),
    before: before ? worded(before) : null,
    after: { ...worded(after), customerCode: action.customerCode },
  });
  await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
    customerCode: action.customerCode,
    kind: 'reminder',
    eventDate: change.kind === 'number' ? after.depositedOn : (after.outcomeOn ?? after.depositedOn),
    // The run's own line names the letter so: the two lines read together.
    documentRef: action.runId === null ? null : `REL-${compact(action.actionDate)}-${action.customerCode}`,
    ...storyLine('dunning.event.registeredMail', registeredStoryParams(change)),
  });
}

export interface RecordTrackingNumberInput {
  actionId: number;
  /** As typed: « 1A 123 456 7890 1 », with or without its spaces. */
  trackingNumber: string;
  depositedOn: string;
}

/**
 * Records the number of a registered letter and the day it was deposited, or corrects them (the
 * outcome already recorded stays). The same number and day again change nothing.
 */
export async function recordTrackingNumber(
  ctx: AppContext,
  input: RecordTrackingNumberInput,
): Promise<TrackingView & { recorded: boolean }> {
  checkRecorder(ctx);
  const trackingNumber = normaliseTrackingNumber(String(input.trackingNumber));
  if (trackingNumber === null)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.trackingNumberFormat',
      params: { value: String(input.trackingNumber).trim() },
    });
  const depositedOn = checkedDate('depositedOn', input.depositedOn);
  await checkNotAfterToday(ctx, 'depositedOn', depositedOn);
  return ctx.db.transaction().execute(async (trx) => {
    await lockRegisteredTracking(trx, ctx.companyId);
    const action = await registeredLetter(ctx, trx, input.actionId);
    if (depositedOn < action.actionDate)
      throw new DomainError('invalid_input', {
        key: 'errors.dunning.depositBeforeLetter',
        params: { letter: wordedDate(action.actionDate), date: wordedDate(depositedOn) },
      });
    const holder = await selectNumberHolder(trx, ctx.companyId, trackingNumber, action.actionId);
    if (holder)
      throw new DomainError('conflict', {
        key: 'errors.dunning.trackingNumberTaken',
        params: {
          number: formatTrackingNumber(trackingNumber),
          customer: holder.customerCode,
          date: wordedDate(holder.actionDate),
        },
      });
    const before = await selectLatestTracking(trx, ctx.companyId, action.actionId);
    if (before && before.trackingNumber === trackingNumber && before.depositedOn === depositedOn)
      return { ...(await history(trx, ctx, action.actionId)), recorded: false };
    if (before?.outcomeOn && before.outcomeOn < depositedOn)
      throw new DomainError('invalid_input', {
        key: 'errors.dunning.outcomeBeforeDeposit',
        params: { date: wordedDate(before.outcomeOn), deposited: wordedDate(depositedOn) },
      });
    const after = {
      trackingNumber,
      depositedOn,
      outcome: before?.outcome ?? null,
      outcomeOn: before?.outcomeOn ?? null,
    };
    await recordState(ctx, trx, { kind: 'number', action, before, after });
    return { ...(await history(trx, ctx, action.actionId)), recorded: true };
  });
}

export interface RecordRegisteredOutcomeInput {
  actionId: number;
  outcome: string;
  /** The day the acknowledgement of receipt was signed, or the day the letter came back. */
  outcomeOn: string;
}

/** Records what the post office reports of a letter whose number is recorded, or corrects it. */
export async function recordRegisteredOutcome(
  ctx: AppContext,
  input: RecordRegisteredOutcomeInput,
): Promise<TrackingView & { recorded: boolean }> {
  checkRecorder(ctx);
  if (!isRegisteredOutcome(input.outcome))
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.registeredOutcomeChoice',
      params: {
        value: String(input.outcome),
        choices: choiceWords(REGISTERED_OUTCOMES, outcomeWords),
      },
    });
  const outcome: RegisteredOutcome = input.outcome;
  const outcomeOn = checkedDate('outcomeOn', input.outcomeOn);
  await checkNotAfterToday(ctx, 'outcomeOn', outcomeOn);
  return ctx.db.transaction().execute(async (trx) => {
    await lockRegisteredTracking(trx, ctx.companyId);
    const action = await registeredLetter(ctx, trx, input.actionId);
    const before = await selectLatestTracking(trx, ctx.companyId, action.actionId);
    if (!before)
      throw new DomainError('invalid_input', {
        key: 'errors.dunning.registeredNoNumber',
        params: { id: String(action.actionId) },
      });
    if (outcomeOn < before.depositedOn)
      throw new DomainError('invalid_input', {
        key: 'errors.dunning.outcomeBeforeDeposit',
        params: { date: wordedDate(outcomeOn), deposited: wordedDate(before.depositedOn) },
      });
    if (before.outcome === outcome && before.outcomeOn === outcomeOn)
      return { ...(await history(trx, ctx, action.actionId)), recorded: false };
    const after = { ...pick(before), outcome, outcomeOn };
    await recordState(ctx, trx, { kind: 'outcome', action, before, after });
    return { ...(await history(trx, ctx, action.actionId)), recorded: true };
  });
}

const pick = (entry: TrackingEntry) => ({
  trackingNumber: entry.trackingNumber,
  depositedOn: entry.depositedOn,
  outcome: entry.outcome,
  outcomeOn: entry.outcomeOn,
});

async function history(db: Kysely<Database>, ctx: AppContext, actionId: number): Promise<TrackingView> {
  const entries = await selectTrackingHistory(db, ctx.companyId, actionId);
  return trackingView(actionId, entries);
}

/** A letter's recordings, oldest first, with its state (the newest): who recorded what, and when. */
export async function getRegisteredTracking(ctx: AppContext, actionId: number): Promise<TrackingView> {
  const action = await registeredLetter(ctx, ctx.db, actionId);
  return history(ctx.db, ctx, action.actionId);
}
