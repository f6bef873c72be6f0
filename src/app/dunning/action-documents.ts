/**
 * What a planned action says to the customer: the template variables (every amount and date
 * already worded for the customer's language, never minor units), the e-mail (text and HTML, the
 * statement as a table) and the letter model the renderer lays out.
 */
import { addDays, maxDate } from '#core/calendar';
import { computeLateInterest, type LateInterestTerms } from '#core/dunning/late-interest';
import { interestPeriodsOf, type PlannedAction } from '#core/dunning/planner';
import { toGsm7 } from '#core/dunning/sms';
import type { DunningCustomerRow, DunningInvoiceRow } from '#db/dunning/dunning-state';
import type { LetterItem, LetterModel, LetterSender } from '#render/letters';
import { type Lang, label, translator } from '#text/catalogue';
import { formatMoney } from '#text/format';
import { paragraphsOf, renderTemplate, type TemplateChannel } from './templates.ts';
import { formatDay, regionNames } from './wording-cache.ts';

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
}

export interface FactorOfInvoice {
  contractCode: string;
  factorName: string;
  factorIban: string | null;
  factorBic: string | null;
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

/** The postal block: the country spelled out in capitals on the last line when abroad (UPU style). */
function addressLines(customer: DunningCustomerRow, lang: Lang): string[] {
  const cityLine = [customer.postalCode, customer.city?.toUpperCase()]
    .filter((x): x is string => !!x)
    .join(' ');
  const country =
    customer.country === 'FR'
      ? null
      : (regionNames(lang).of(customer.country) ?? customer.country).toUpperCase();
  return [customer.addressLine1, customer.addressLine2, cityLine, country].filter((x): x is string => !!x);
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
      signature: [sender.signatoryName, sender.signatoryTitle, sender.name].filter((x) => !!x).join('\n'),
    },
    customer: { code: context.customer.code, name: context.customer.name },
    factors: factorMentions(context, items),
    date: formatDay(lang, context.asOf, true),
    deadline: formatDay(lang, paymentDeadline(action, context.asOf), true),
    reference: context.reference,
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
      has_indemnity: action.indemnityTotalMinor > 0,
      has_credits: action.creditsMinor > 0,
    },
  };
}

function daysText(lang: Lang, daysLate: number): string {
  const t = translator(lang);
  return daysLate >= 0
    ? t('dunning.mail.daysLate', { n: daysLate })
    : t('dunning.mail.dueIn', { n: -daysLate });
}

function statementText(context: ActionContext, items: readonly LetterItem[]): string {
  const { lang, action } = context;
  const t = translator(lang);
  const lines = items.map((item) => {
    const parts = [
      `${t('dunning.mail.colInvoice')} ${item.documentRef}`,
      `${t('dunning.mail.colDue')} ${formatDay(lang, item.dueDate)}`,
      `${t('dunning.mail.colOpen')} ${formatMoney(lang, item.openMinor, action.currency)}`,
      daysText(lang, item.daysLate),
      ...(item.interestMinor !== null
        ? [`${t('dunning.mail.colInterest')} ${formatMoney(lang, item.interestMinor, action.currency)}`]
        : []),
      ...(item.indemnityMinor > 0
        ? [`${t('dunning.mail.colIndemnity')} ${formatMoney(lang, item.indemnityMinor, 'EUR')}`]
        : []),
    ];
    return `  - ${parts.join(' · ')}`;
  });
  return [
    ...lines,
    '',
    `  ${t('dunning.mail.total')} : ${formatMoney(lang, action.totalDueMinor, action.currency)}`,
  ].join('\n');
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function statementHtml(context: ActionContext, items: readonly LetterItem[]): string {
  const { lang, action } = context;
  const t = translator(lang);
  const cell = (text: string, right = false) =>
    `<td style="padding:4px 8px;border-bottom:1px solid #dde3ea;${right ? 'text-align:right;' : ''}">${escapeHtml(text)}</td>`;
  const head = [
    t('dunning.mail.colInvoice'),
    t('dunning.mail.colDue'),
    t('dunning.mail.colOpen'),
    t('dunning.mail.colDaysLate'),
    t('dunning.mail.colInterest'),
    t('dunning.mail.colIndemnity'),
  ]
    .map(
      (h, i) =>
        `<th style="padding:4px 8px;background:#e8edf3;text-align:${i >= 2 ? 'right' : 'left'}">${escapeHtml(h)}</th>`,
    )
    .join('');
  const rows = items
    .map(
      (item) =>
        `<tr>${cell(item.documentRef)}${cell(formatDay(lang, item.dueDate))}${cell(formatMoney(lang, item.openMinor, action.currency), true)}${cell(daysText(lang, item.daysLate), true)}${cell(item.interestMinor === null ? '—' : formatMoney(lang, item.interestMinor, action.currency), true)}${cell(item.indemnityMinor > 0 ? formatMoney(lang, item.indemnityMinor, 'EUR') : '—', true)}</tr>`,
    )
    .join('');
  const total = `<tr><td colspan="5" style="padding:6px 8px;font-weight:bold">${escapeHtml(t('dunning.mail.total'))}</td><td style="padding:6px 8px;font-weight:bold;text-align:right">${escapeHtml(formatMoney(lang, action.totalDueMinor, action.currency))}</td></tr>`;
  return `<table style="border-collapse:collapse;font-size:14px">${`<tr>${head}</tr>`}${rows}${total}</table>`;
}

const MARKER = '\u0000STATEMENT\u0000';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export async function renderEmail(context: ActionContext, source: string): Promise<RenderedEmail> {
  const items = letterItems(context);
  const sections = await renderTemplate(source, { ...templateVariables(context, items), statement: MARKER });
  const subject = (sections['subject'] ?? '').trim();
  const body = (sections['body'] ?? '').replace(/\n{3,}/g, '\n\n').trim();
  const text = body.replace(MARKER, statementText(context, items));
  const html = body
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph.includes(MARKER)
        ? statementHtml(context, items)
        : `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');
  return { subject, text, html: `<div style="font-family:Arial,sans-serif;font-size:14px">${html}</div>` };
}

export async function renderSms(context: ActionContext, source: string): Promise<string> {
  const sections = await renderTemplate(source, templateVariables(context, letterItems(context)));
  // GSM 7-bit, so that the text is one SMS of 160 characters rather than UCS-2's 70.
  return toGsm7(paragraphsOf(sections['body']).join(' '));
}

export async function buildLetterModel(context: ActionContext, source: string): Promise<LetterModel> {
  const items = letterItems(context);
  const s = await renderTemplate(source, templateVariables(context, items));
  const { action } = context;
  const factors = factorMentions(context, items);
  // Every invoice assigned to one factor: the payment details printed are the factor's.
  const paidToFactor = factors.length === 1 && factors[0]?.count === items.length ? factors[0] : null;
  return {
    lang: context.lang,
    sender: paidToFactor
      ? { ...context.sender, iban: paidToFactor.iban || null, bic: paidToFactor.bic || null }
      : context.sender,
    recipient: {
      name: context.customer.name,
      addressLines: addressLines(context.customer, context.lang),
      customerCode: context.customer.code,
    },
    date: context.asOf,
    reference: context.reference,
    registered: action.channel === 'registered_letter',
    currency: action.currency,
    items,
    totals: {
      openMinor: action.openTotalMinor,
      interestMinor: action.interestTotalMinor,
      indemnityMinor: action.indemnityTotalMinor,
      creditsMinor: action.creditsMinor,
      totalDueMinor: action.totalDueMinor,
    },
    text: {
      subject: paragraphsOf(s['subject']).join(' '),
      salutation: paragraphsOf(s['salutation']).join(' '),
      intro: paragraphsOf(s['intro']),
      demand: paragraphsOf(s['demand']),
      closing: paragraphsOf(s['closing']),
      legal: paragraphsOf(s['legal']),
    },
  };
}

export type { TemplateChannel };
