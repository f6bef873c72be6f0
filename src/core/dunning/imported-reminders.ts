/**
 * Reminders a company sent before Encours, from the customer story it imported: each one raises
 * the level of the invoices it covered, so a customer reminded monthly for a year does not get a
 * « first reminder » from Encours. A line that says it was a formal notice by registered letter
 * (« mise en demeure en recommandé avec AR ») is one: it puts every invoice overdue that day on
 * notice and dates it, as Encours's own notice would (the hand-over's lead time runs from it); an
 * Encours reader says it is known from the history, whose acknowledgement of receipt Encours does
 * not hold. Pure: the planner's inputs are raised before planning.
 */
import { parseAmountToMinor } from '../money.ts';
import { foldWording } from '../text-fold.ts';
import type { IsoDate } from '../types.ts';
import type { DunningCustomer, DunningInvoice, PlanSettings } from './plan-types.ts';
import { stepDate } from './planner-steps.ts';
import { type DunningPolicy, type StepKind, selectPolicy } from './policy.ts';

/** A `reminder` line of a customer's imported story (not one Encours's own runs wrote). */
export interface ImportedReminder {
  customerCode: string;
  date: IsoDate;
  /** The line says it was a formal notice by registered letter (`isImportedFormalNotice`). */
  formalNotice?: boolean | undefined;
}

/** A notice named only as what comes next, or as not sent (« relance avant mise en demeure »). */
const NOT_SENT =
  /\b(?:avant|sans|pas de|aucune|prochaine|projet de|preparer|envoyer|a venir|before|no|next)\s+(?:une?\s+|la\s+|a\s+)?(?:mise en demeure|formal notice)/;
const NOTICE = /\b(?:mise en demeure|formal notice|letter before action)\b/;
const REGISTERED = /\b(?:recommande|lrar|ar\b|accuse de reception|registered|recorded delivery)/;

/**
 * Whether the words of an imported reminder say it was a formal notice sent by registered letter:
 * « Relance niveau 3 (mise en demeure en recommandé avec AR) », « Mise en demeure LRAR ». Not a
 * reminder announcing one (« dernière relance avant mise en demeure »), nor a notice sent otherwise
 * (the policy's notice is a registered letter, and only it proves the date).
 */
export function isImportedFormalNotice(detail: string): boolean {
  const text = foldWording(detail);
  return NOTICE.test(text) && !NOT_SENT.test(text) && REGISTERED.test(text);
}

/** « 307 162,13 € »: an amount in euros as the imported story writes it (French convention). */
const STATED_AMOUNT = /(\d{1,3}(?:[ \u00a0\u202f.]\d{3})*(?:,\d{1,2})?|\d+(?:,\d{1,2})?)\s*(?:€|EUR\b)/;

/**
 * The amount in euros an imported reminder says it claimed (« 36 pièces échues pour 307 162,13 € »),
 * in minor units; null when its words state none.
 */
export function importedReminderAmountMinor(detail: string): number | null {
  const stated = STATED_AMOUNT.exec(detail);
  if (!stated?.[1]) return null;
  const minor = parseAmountToMinor(stated[1], { exponent: 2, decimalSeparator: ',' });
  return minor !== null && minor > 0 ? minor : null;
}

/**
 * The number of the policy's steps an imported line can stand for: those before its first formal
 * notice or hand-over. A line of history cannot prove that a mise en demeure was sent (the
 * hand-over's lead time runs from Encours's own record of it), and a level above an unsent notice
 * would let the planner pass over it.
 */
function importableLevels(policy: DunningPolicy): number {
  const first = policy.steps.findIndex((s) => s.kind === 'formal_notice' || s.kind === 'handover');
  return first === -1 ? policy.steps.length : first;
}

/** What was still owed on the invoice at the end of `date`, from what reduced it since its due date. */
function openOn(invoice: DunningInvoice, date: IsoDate): number {
  if (!invoice.interestBasis) return invoice.openMinor;
  const { amountMinor, settlements } = invoice.interestBasis;
  return settlements.reduce((open, s) => (s.date <= date ? open - s.amountMinor : open), amountMinor);
}

/**
 * The level an imported reminder on `date` gives the invoice: the highest step (below any formal
 * notice) whose date had come, when the invoice was overdue and unpaid that day; 0 otherwise.
 */
export function importedLevel(invoice: DunningInvoice, policy: DunningPolicy, date: IsoDate): number {
  if (invoice.dueDate >= date || openOn(invoice, date) <= 0) return 0;
  let level = 0;
  const ceiling = importableLevels(policy);
  for (let index = 0; index < ceiling; index++) {
    const step = policy.steps[index];
    if (step && stepDate(policy, invoice.dueDate, step.offsetDays) <= date) level = index + 1;
  }
  return level;
}

/**
 * The step an imported reminder on `date` reached but cannot stand for: the policy's first formal
 * notice or hand-over, when its date had come for the invoice, overdue and unpaid, that day. The
 * level stops below it (see `importableLevels`) and Encours sends that step itself; a reader of
 * the level is told so. null when the delay had not reached it.
 */
export function importedCap(invoice: DunningInvoice, policy: DunningPolicy, date: IsoDate): StepKind | null {
  if (invoice.dueDate >= date || openOn(invoice, date) <= 0) return null;
  const capped = policy.steps[importableLevels(policy)];
  return capped && stepDate(policy, invoice.dueDate, capped.offsetDays) <= date ? capped.kind : null;
}

/**
 * The level an imported formal notice on `date` gives the invoice: the policy's formal notice (when
 * it has one before any hand-over) for an invoice overdue and unpaid that day — the letter put every
 * overdue invoice on notice, whatever step its own delay had reached; 0 otherwise.
 */
export function importedNoticeLevel(invoice: DunningInvoice, policy: DunningPolicy, date: IsoDate): number {
  if (invoice.dueDate >= date || openOn(invoice, date) <= 0) return 0;
  const notice = policy.steps.findIndex((s) => s.kind === 'formal_notice');
  return notice !== -1 && notice === importableLevels(policy) ? notice + 1 : 0;
}

const later = (a: IsoDate | null, b: IsoDate): IsoDate => (a !== null && a >= b ? a : b);

/**
 * The invoice after the imported reminders of its customer (dates on or before the plan's date):
 * its level at least what the latest one covering it implies, its last step that day when later
 * than Encours's own; an imported formal notice covering it gives it the notice's level and, when
 * later than Encours's own, its formal-notice date. Encours's own level wins when higher.
 * `noticeDates`: the days whose lines were formal notices by registered letter.
 */
export function raiseInvoice(
  invoice: DunningInvoice,
  policy: DunningPolicy,
  datesNewestFirst: readonly IsoDate[],
  asOf: IsoDate,
  noticeDates: ReadonlySet<IsoDate> = new Set(),
): DunningInvoice {
  let raised = invoice;
  let reminded = false;
  let noticed = false;
  for (const date of datesNewestFirst) {
    if (date > asOf || (reminded && noticed)) continue;
    // A step's date only comes later for a later reminder: the newest one covering the invoice
    // gives both its highest level and its latest date; the newest notice, the notice's date.
    const notice = !noticed && noticeDates.has(date) ? importedNoticeLevel(invoice, policy, date) : 0;
    const level = notice > 0 ? notice : reminded ? 0 : importedLevel(invoice, policy, date);
    if (level === 0) continue;
    reminded = true;
    const lastStepDate = later(raised.lastStepDate, date);
    const formalNoticeDate = notice > 0 ? later(raised.formalNoticeDate, date) : raised.formalNoticeDate;
    if (notice > 0) noticed = true;
    if (
      level <= raised.level &&
      lastStepDate === raised.lastStepDate &&
      formalNoticeDate === raised.formalNoticeDate
    )
      continue;
    raised = { ...raised, level: Math.max(level, raised.level), lastStepDate, formalNoticeDate };
  }
  return raised === invoice ? invoice : raised;
}

/**
 * Every invoice raised by its customer's imported reminders under the customer's policy at the
 * plan's date; invoices of a customer without a policy (or unknown) are left as they are.
 */
export function applyImportedReminders(
  customers: readonly DunningCustomer[],
  invoices: readonly DunningInvoice[],
  reminders: readonly ImportedReminder[],
  settings: PlanSettings,
): DunningInvoice[] {
  if (reminders.length === 0) return [...invoices];
  const datesByCustomer = new Map<string, IsoDate[]>();
  const noticesByCustomer = new Map<string, Set<IsoDate>>();
  for (const r of reminders) {
    const dates = datesByCustomer.get(r.customerCode);
    if (dates) dates.push(r.date);
    else datesByCustomer.set(r.customerCode, [r.date]);
    if (r.formalNotice) {
      const notices = noticesByCustomer.get(r.customerCode) ?? new Set<IsoDate>();
      notices.add(r.date);
      noticesByCustomer.set(r.customerCode, notices);
    }
  }
  for (const dates of datesByCustomer.values()) dates.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  const policies = new Map<string, DunningPolicy | null>();
  const customerByCode = new Map(customers.map((c) => [c.customerCode, c]));
  return invoices.map((invoice) => {
    const dates = datesByCustomer.get(invoice.customerCode);
    if (!dates) return invoice;
    let policy = policies.get(invoice.customerCode);
    if (policy === undefined) {
      const customer = customerByCode.get(invoice.customerCode);
      policy = customer ? selectPolicy(settings.policies, customer, settings.asOf) : null;
      policies.set(invoice.customerCode, policy);
    }
    return policy
      ? raiseInvoice(invoice, policy, dates, settings.asOf, noticesByCustomer.get(invoice.customerCode))
      : invoice;
  });
}
