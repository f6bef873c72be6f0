/**
 * Reminders a company sent before Encours, from the customer story it imported: each one raises
 * the level of the invoices it covered, so a customer reminded monthly for a year does not get a
 * « first reminder » from Encours. Pure: the planner's inputs are raised before planning.
 */
import type { IsoDate } from '../types.ts';
import type { DunningCustomer, DunningInvoice, PlanSettings } from './plan-types.ts';
import { stepDate } from './planner-steps.ts';
import { type DunningPolicy, type StepKind, selectPolicy } from './policy.ts';

/** A `reminder` line of a customer's imported story (not one Encours's own runs wrote). */
export interface ImportedReminder {
  customerCode: string;
  date: IsoDate;
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
 * The invoice after the imported reminders of its customer (dates on or before the plan's date):
 * its level at least what the latest one covering it implies, its last step that day when later
 * than Encours's own. Encours's own level wins when higher, its formal-notice date is never set.
 */
export function raiseInvoice(
  invoice: DunningInvoice,
  policy: DunningPolicy,
  datesNewestFirst: readonly IsoDate[],
  asOf: IsoDate,
): DunningInvoice {
  for (const date of datesNewestFirst) {
    if (date > asOf) continue;
    // A step's date only comes later for a later reminder: the newest one covering the invoice
    // gives both its highest level and its latest date.
    const level = importedLevel(invoice, policy, date);
    if (level === 0) continue;
    const lastStepDate =
      invoice.lastStepDate !== null && invoice.lastStepDate >= date ? invoice.lastStepDate : date;
    if (level <= invoice.level && lastStepDate === invoice.lastStepDate) return invoice;
    return { ...invoice, level: Math.max(level, invoice.level), lastStepDate };
  }
  return invoice;
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
  for (const r of reminders) {
    const dates = datesByCustomer.get(r.customerCode);
    if (dates) dates.push(r.date);
    else datesByCustomer.set(r.customerCode, [r.date]);
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
    return policy ? raiseInvoice(invoice, policy, dates, settings.asOf) : invoice;
  });
}
