/**
 * What a planned action tells its templates: the context it is composed in (customer, invoices,
 * sender, interest terms, factors), its lines with their interest periods, and the template
 * variables, every amount and date already worded for the customer's language (never minor
 * units). `action-documents.ts` makes the e-mail, the SMS and the letter model from them.
 */
import { addDays, maxDate } from '#core/calendar';
import { computeLateInterest, type LateInterestTerms } from '#core/dunning/late-interest';
import { interestPeriodsOf, type PlannedAction } from '#core/dunning/planner';
import type { DunningStep } from '#core/dunning/policy';
import type { DunningCustomerRow, DunningInvoiceRow } from '#db/dunning/dunning-state';
import { signatureLines } from '#render/letter-model';
import type { LetterItem, LetterSender } from '#render/letters';
import { type Lang, label } from '#text/catalogue';
import { formatMoney } from '#text/format';
import { separateOverdue } from './separate-items.ts';
import { separateReason, separateWhy } from './separate-reasons.ts';
import { formatDay } from './wording-cache.ts';

export interface ActionContext {
  lang: Lang;
  asOf: string;
  action: PlannedAction;
  customer: DunningCustomerRow;
  invoices: ReadonlyMap<string, DunningInvoiceRow>;
  sender: LetterSender;
  terms: LateInterestTerms;
  reference: string;
  /** Invoices assigned to a factor, by invoice id: the reminder tells the customer to pay the factor. */
  factors?: ReadonlyMap<string, FactorOfInvoice> | undefined;
  /**
   * The channel of the customer's other actions of the day, by invoice id (a call task): what the
   * document says of an invoice it leaves out because it is followed up that other way.
   */
  sameDay?: ReadonlyMap<string, string> | undefined;
  /** The steps of the action's policy version: which earlier levels were reminders, not courtesies. */
  policySteps?: readonly DunningStep[] | undefined;
}

export interface FactorOfInvoice {
  contractCode: string;
  factorName: string;
  factorIban: string | null;
  factorBic: string | null;
  /** The factor collects it itself: its reminders are the factor's, not ours. */
  factorCollects?: boolean | undefined;
}

export interface FactorMention {
  name: string;
  iban: string;
  bic: string;
  refs: string;
  count: number;
}

/**
 * The factors the action's invoices were assigned to, with those invoices (subrogation: only a
 * payment to the factor discharges the customer, so the reminder must say where to pay).
 */
export function factorMentions(context: ActionContext, items: readonly LetterItem[]): FactorMention[] {
  const byContract = new Map<string, { factor: FactorOfInvoice; refs: string[] }>();
  context.action.items.forEach((item, index) => {
    const factor = context.factors?.get(item.invoiceId);
    if (!factor) return;
    const entry = byContract.get(factor.contractCode) ?? { factor, refs: [] };
    entry.refs.push(items[index]?.documentRef ?? item.invoiceId);
    byContract.set(factor.contractCode, entry);
  });
  return [...byContract.values()].map(({ factor, refs }) => ({
    name: factor.factorName,
    iban: factor.factorIban ?? '',
    bic: factor.factorBic ?? '',
    refs: refs.join(', '),
    count: refs.length,
  }));
}

/** Days the customer is given: eight from a formal notice (the usual « huit jours »), fifteen otherwise. */
export function paymentDeadline(action: PlannedAction, asOf: string): string {
  if (action.stepKind === 'courtesy') {
    return action.items.reduce((latest, item) => maxDate(latest, item.dueDate), asOf);
  }
  return addDays(asOf, action.stepKind === 'formal_notice' || action.stepKind === 'handover' ? 8 : 15);
}

/**
 * An e-mail asking for money and its statement are composed from the same context: their lines
 * (the interest periods recomputed for each invoice) are worked out once.
 */
const itemsOfContext = new WeakMap<ActionContext, LetterItem[]>();

export function letterItems(context: ActionContext): LetterItem[] {
  const known = itemsOfContext.get(context);
  if (known) return known;
  const items = composeLetterItems(context);
  itemsOfContext.set(context, items);
  return items;
}

function composeLetterItems(context: ActionContext): LetterItem[] {
  const { action, invoices, terms } = context;
  return action.items.map((item) => {
    const row = invoices.get(item.invoiceId);
    const claimed = item.interest.status === 'claimed';
    // The planner's own periods when it made the item (the same invoice, date and terms), else
    // computed here (an action made otherwise, e.g. a template's sample).
    const planned = claimed && row ? interestPeriodsOf(item) : undefined;
    const computed =
      claimed && row && !planned
        ? computeLateInterest(
            {
              amountMinor: row.amountMinor,
              dueDate: row.dueDate,
              asOf: context.asOf,
              settlements: row.settlements,
            },
            terms,
          )
        : null;
    return {
      documentRef: row?.documentRef ?? item.invoiceId,
      issueDate: row?.issueDate ?? item.dueDate,
      dueDate: item.dueDate,
      amountMinor: row?.amountMinor ?? item.openMinor,
      openMinor: item.openMinor,
      daysLate: item.daysLate,
      interestMinor: item.interest.status === 'claimed' ? item.interest.interestMinor : null,
      indemnityMinor: item.indemnityMinor,
      periods: planned ? [...planned] : computed?.status === 'computed' ? computed.periods : [],
    };
  });
}

/**
 * The lines as a template sees them, each worded the first time a template reads it: the shipped
 * templates read only how many there are (`items.size`), and wording every line of every letter
 * (dates and amounts in the customer's language) was a tenth of a large run's composing. Each
 * element is an own property of a real array, so Liquid (own properties only) loops, counts and
 * filters them as before, and a line read twice is worded once.
 */
function wordedWhenRead<T, V>(rows: readonly T[], word: (row: T) => V): V[] {
  const worded: V[] = new Array(rows.length);
  rows.forEach((row, index) => {
    Object.defineProperty(worded, index, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = word(row);
        Object.defineProperty(worded, index, { value, enumerable: true, configurable: true, writable: true });
        return value;
      },
    });
  });
  return worded;
}

/** How many invoice numbers a sentence lists before it refers to the statement table instead. */
export const LISTED_REFS_MAX = 5;

/** Money an item asks for: what is open, the interest and the indemnity its own step claims. */
const itemDueMinor = (item: PlannedAction['items'][number]) =>
  item.openMinor +
  (item.interest.status === 'claimed' ? item.interest.interestMinor : 0) +
  item.indemnityMinor;

/**
 * The action's invoices at its own kind of step and those at a lower kind it lists too (one
 * document per customer and day): a formal notice gives notice, and claims its sum, for the first
 * only; the others are asked for in the same letter without being put on notice.
 */
function itemGroups(
  action: PlannedAction,
  items: readonly LetterItem[],
  money: (minor: number) => string,
  day: (date: string) => string,
) {
  const own: number[] = [];
  const lower: number[] = [];
  for (const [index, item] of action.items.entries())
    (item.stepKind === action.stepKind ? own : lower).push(index);
  const group = (indexes: number[]) => ({
    count: indexes.length,
    refs: indexes.map((i) => items[i]?.documentRef ?? action.items[i]?.invoiceId ?? '').join(', '),
    // Beyond a few numbers a sentence listing them runs for a page: the text then refers to the
    // table by count and latest due date (the items at a step are the oldest ones).
    by_table: indexes.length > LISTED_REFS_MAX,
    last_due: day(indexes.reduce((last, i) => maxDate(last, action.items[i]?.dueDate ?? last), '0000-01-01')),
    total_due: money(
      indexes.reduce((sum, i) => sum + (action.items[i] ? itemDueMinor(action.items[i]) : 0), 0),
    ),
  });
  return { step_items: group(own), other_items: group(lower) };
}

/**
 * `separate_items`: the customer's other overdue invoices, which this document does not list (on
 * another step's action or a call, held by a dispute, a promise or a pause, or not yet due for a
 * step; not those a factor collects, owed to it): `count`, `refs`, `listed` (few enough to name in
 * a sentence), `open`, what remains due on them, `noticed`, how many are under an earlier formal
 * notice of ours, and `why`, the reasons in the customer's words
 * (separate-reasons.ts). The statement's total is then the total of the invoices above, not the debt.
 */
function separateGroup(context: ActionContext, money: (minor: number) => string) {
  const rows = separateOverdue(context.invoices, context.action, context.asOf, context.factors);
  const listed = rows.length <= LISTED_REFS_MAX;
  return {
    count: rows.length,
    refs: rows.map((row) => row.documentRef).join(', '),
    listed,
    open: money(rows.reduce((sum, row) => sum + row.openMinor, 0)),
    // Those already under a formal notice of ours: a notice says they remain due under it, never
    // that it does not cover them (as if they were dropped).
    noticed: rows.filter((row) => separateReason(row, context.asOf, context.sameDay) === 'noticed').length,
    why: rows.length === 0 ? '' : separateWhy(context.lang, rows, context.asOf, listed, context.sameDay),
  };
}

/**
 * What a reminder may say of the steps before it, of the invoices at its own step. `reminded_before`:
 * an earlier step after the due date reached one of them (a courtesy e-mail is no reminder), so that
 * a first contact never says « despite our previous reminders » (the account's notice takes in
 * invoices never reminded). `notice_before`: none was, but the account's formal notice already went
 * out (its date, worded; '' otherwise), which the notice recalls instead; `due_since_notice`: and
 * all of them fell due after it. Neither opens on « sauf
 * erreur ou omission »: that hedge belongs to an amicable reminder, not to a mise en demeure.
 */
function openingFacts(context: ActionContext) {
  const { action, policySteps } = context;
  const own = action.items.filter((item) => item.stepKind === action.stepKind);
  const overdueStep = (level: number) =>
    policySteps === undefined || policySteps.slice(0, level).some((step) => step.kind !== 'courtesy');
  const notices = own.flatMap((item) =>
    item.raisedBy?.kind === 'account_notice' && item.raisedBy.noticeDate ? [item.raisedBy.noticeDate] : [],
  );
  const latest = notices.reduce<string | null>(
    (last, date) => (last === null ? date : maxDate(last, date)),
    null,
  );
  const remindedBefore = own.some((item) => item.fromLevel > 0 && overdueStep(item.fromLevel));
  return {
    reminded_before: remindedBefore,
    notice_before: latest === null ? '' : formatDay(context.lang, latest, true),
    // Every one of them fell due after that notice: the letter says they came due since, not that
    // they « remain » unpaid after it, which would read as if that notice had covered them.
    due_since_notice:
      !remindedBefore && latest !== null && own.length > 0 && own.every((item) => item.dueDate > latest),
  };
}

/**
 * The variables of the reminder templates, the reference a template's author reads: `company`,
 * `customer`, `factors`, `date`, `deadline`, `reference`, `reminded_before`, `notice_before`,
 * `due_since_notice`, `step`,
 * `items` (the statement's lines), `totals` (the statement's: the invoices listed, never the customer's
 * whole debt), `step_items` / `other_items` (the invoices at the document's own step and at lower ones)
 * and `separate_items` (the customer's overdue invoices the document leaves out). A template that
 * reads a variable it was written before is given nothing: Liquid reads it as empty.
 */
export function templateVariables(
  context: ActionContext,
  items: readonly LetterItem[],
): Record<string, unknown> {
  const { lang, action, sender } = context;
  const money = (minor: number, currency = action.currency) => formatMoney(lang, minor, currency);
  return {
    company: {
      name: sender.name,
      city: sender.city ?? '',
      iban: sender.iban ?? '',
      bic: sender.bic ?? '',
      phone: sender.phone ?? '',
      email: sender.email ?? '',
      signature: signatureLines(sender, lang).join('\n'),
    },
    customer: { code: context.customer.code, name: context.customer.name },
    factors: factorMentions(context, items),
    date: formatDay(lang, context.asOf, true),
    deadline: formatDay(lang, paymentDeadline(action, context.asOf), true),
    reference: context.reference,
    ...openingFacts(context),
    ...itemGroups(
      action,
      items,
      (minor) => money(minor),
      (date) => formatDay(lang, date, true),
    ),
    separate_items: separateGroup(context, (minor) => money(minor)),
    step: {
      code: action.stepCode,
      kind: action.stepKind,
      label: label(lang, 'dunningStepKind', action.stepKind),
    },
    items: wordedWhenRead(items, (item) => ({
      ref: item.documentRef,
      issue_date: formatDay(lang, item.issueDate),
      due_date: formatDay(lang, item.dueDate),
      amount: money(item.amountMinor),
      open: money(item.openMinor),
      days_late: item.daysLate,
      interest: item.interestMinor === null ? '' : money(item.interestMinor),
      indemnity: item.indemnityMinor > 0 ? money(item.indemnityMinor, 'EUR') : '',
    })),
    totals: {
      open: money(action.openTotalMinor),
      interest: money(action.interestTotalMinor),
      indemnity: money(action.indemnityTotalMinor, 'EUR'),
      credits: money(action.creditsMinor),
      total_due: money(action.totalDueMinor),
      has_interest: action.interestTotalMinor > 0,
      // A semester's rate missing from the table: no interest is claimed, the letter says so.
      interest_incomplete: action.interestIncomplete,
      has_indemnity: action.indemnityTotalMinor > 0,
      // An item at an early step claims neither (its line shows « — »): the text then says the
      // amounts are those of the statement's lines that carry them, not of every invoice.
      indemnity_count: action.items.filter((i) => i.indemnityMinor > 0).length,
      indemnity_partial: action.items.some((i) => i.indemnityMinor === 0 && i.daysLate > 0),
      interest_partial: action.items.some((i) => i.interest.status !== 'claimed' && i.daysLate > 0),
      has_credits: action.creditsMinor > 0,
    },
  };
}
