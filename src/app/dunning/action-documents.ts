/**
 * What a planned action says to the customer, from its template and its variables
 * (`action-variables.ts`): the e-mail (text and HTML, the statement as a table), the SMS text and
 * the letter model the renderer lays out.
 */
import { localityLines } from '#core/dunning/postal-lines';
import { toGsm7 } from '#core/dunning/sms';
import type { DunningCustomerRow } from '#db/dunning/dunning-state';
import type { LetterItem, LetterModel } from '#render/letters';
import { type Lang, translator } from '#text/catalogue';
import { formatMoney } from '#text/format';
import { type ActionContext, factorMentions, letterItems, templateVariables } from './action-variables.ts';
import { paragraphsOf, renderTemplate, type TemplateChannel } from './templates.ts';
import { formatDay, regionNames } from './wording-cache.ts';

/**
 * The postal block: the locality in the destination country's order, the country spelled out in
 * capitals on the last line when abroad (UPU style).
 */
function addressLines(customer: DunningCustomerRow, lang: Lang): string[] {
  const locality = localityLines(customer.country, customer.postalCode, customer.city);
  const country =
    customer.country === 'FR'
      ? null
      : (regionNames(lang).of(customer.country) ?? customer.country).toUpperCase();
  return [customer.addressLine1, customer.addressLine2, ...locality, country].filter((x): x is string => !!x);
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
    `  ${t('common.labelled', { label: t('dunning.mail.total'), value: formatMoney(lang, action.totalDueMinor, action.currency) })}`,
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
