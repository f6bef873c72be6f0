/**
 * The dunning history of CB2C as it really happened — i.e. not rigorously: a monthly reminder run
 * around the 5th, skipped now and then, escalating with the age of the oldest overdue invoice,
 * sometimes followed by a phone call and a promise to pay. This is the "before" picture that the
 * teaching scenario asks students to improve.
 */
import { addDays, addMonths, daysBetween, fromYmd, splitDate } from '../core/calendar.ts';
import type { Customer, CustomerEvent, IsoDate } from '../core/types.ts';
import { type CustomerProfile, DEMO_AS_OF } from './demo-types.ts';
import { COLLECTOR_NAME } from './demo-users.ts';
import { euros, frenchDate } from './french-format.ts';
import type { LedgerReplay, OpenDebit } from './ledger-replay.ts';
import { nextBusinessDay } from './payment-behaviour.ts';
import type { Rng } from './random.ts';

/** Days past due before an invoice enters the reminder run. */
export const DUNNING_GRACE_DAYS = 7;
/** Share of monthly runs in which a customer that should be reminded is not (no one had time). */
const SKIPPED_RUN_RATE = 0.2;

const LEVELS = [
  { minDaysLate: 0, label: 'relance amiable par e-mail' },
  { minDaysLate: 31, label: 'seconde relance par courrier' },
  { minDaysLate: 61, label: 'mise en demeure en recommandé avec AR' },
] as const;

function reminderLevel(daysLate: number): number {
  let level = 1;
  LEVELS.forEach((candidate, index) => {
    if (daysLate >= candidate.minDaysLate) level = index + 1;
  });
  return level;
}

function reminderDetail(
  level: number,
  overdue: readonly OpenDebit[],
  oldest: OpenDebit,
  daysLate: number,
): string {
  const totalMinor = overdue.reduce((sum, debit) => sum + debit.openMinor, 0);
  const label = LEVELS[level - 1]?.label ?? 'relance';
  const count = overdue.length === 1 ? '1 pièce échue' : `${overdue.length} pièces échues`;
  return `Relance niveau ${level} (${label})\u00a0: ${count} pour ${euros(totalMinor)}, la plus ancienne ${oldest.document.externalRef} échue depuis ${daysLate} jours`;
}

function followUpEvents(
  customer: Customer,
  runDate: IsoDate,
  overdue: readonly OpenDebit[],
  rng: Rng,
): CustomerEvent[] {
  const callDate = nextBusinessDay(addDays(runDate, rng.int(2, 6)));
  if (callDate > DEMO_AS_OF) return [];
  const contact = customer.contacts[0]?.name ?? 'le service comptable';
  const totalMinor = overdue.reduce((sum, debit) => sum + debit.openMinor, 0);
  const events: CustomerEvent[] = [];
  const promises = rng.chance(0.5);
  const outcome = promises
    ? 'promesse de règlement obtenue'
    : rng.pick([
        'messagerie, message laissé',
        'interlocuteur absent, rappeler',
        'conteste le montant, envoi d’un relevé de compte',
      ]);
  events.push({
    customerCode: customer.code,
    kind: 'call',
    eventDate: callDate,
    documentRef: null,
    detail: `Appel de ${COLLECTOR_NAME} à ${contact}\u00a0: ${outcome}`,
  });
  if (promises) {
    const promisedDate = nextBusinessDay(addDays(callDate, rng.int(7, 20)));
    const detail = `Promesse de règlement de ${euros(totalMinor)} pour le ${frenchDate(promisedDate)}`;
    events.push({
      customerCode: customer.code,
      kind: 'promise',
      eventDate: callDate,
      documentRef: null,
      detail,
    });
  }
  return events;
}

/** Monthly reminder runs from the first month with something due up to the as-of date. */
export function dunningEvents(
  customer: Customer,
  profile: CustomerProfile,
  replay: LedgerReplay,
  rng: Rng,
  stopDate: IsoDate | null,
): CustomerEvent[] {
  const events: CustomerEvent[] = [];
  for (let month = '2023-08-01'; month <= DEMO_AS_OF; month = addMonths(month, 1)) {
    const { year, month: monthNumber } = splitDate(month);
    const runDate = nextBusinessDay(fromYmd(year, monthNumber, 5));
    const skipped = rng.chance(SKIPPED_RUN_RATE);
    if (runDate > DEMO_AS_OF || (stopDate && runDate >= stopDate)) break;
    if (profile.neverReminded || skipped) continue;
    const overdue = replay.overdueDebitsAt(customer.code, runDate, DUNNING_GRACE_DAYS);
    const oldest = overdue.reduce<OpenDebit | null>(
      (current, debit) =>
        current === null || debit.document.dueDate < current.document.dueDate ? debit : current,
      null,
    );
    if (!oldest) continue;
    const daysLate = daysBetween(oldest.document.dueDate, runDate);
    const level = reminderLevel(daysLate);
    events.push({
      customerCode: customer.code,
      kind: 'reminder',
      eventDate: runDate,
      documentRef: oldest.document.externalRef,
      detail: reminderDetail(level, overdue, oldest, daysLate),
    });
    if (level >= 2 && rng.chance(0.5)) events.push(...followUpEvents(customer, runDate, overdue, rng));
  }
  return events;
}
