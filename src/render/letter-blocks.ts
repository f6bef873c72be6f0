/**
 * The blocks of one letter in pdfmake's terms: letterhead, recipient block placed for a window
 * envelope, statement table, totals, interest computation, payment details, closing and annexes.
 */

import type { Content, TableCell } from 'pdfmake';
import { type Lang, translator } from '#text/catalogue';
import { formatDate, formatMoney, formatPercentBps, onScreen, withMinusSigns } from '#text/format';
import { justified } from './justified.ts';
import { letterhead, MUTED } from './letter-head.ts';
import { type LetterModel, printedPeriods, signatureLines } from './letter-model.ts';
import { blockContent } from './pdf-blocks.ts';

const HEAD = '#e8edf3';

/** A4 portrait less the letter's side margins. */
const ANNEX_WIDTH = 595.28 - 56 - 50;

/**
 * The annexes from the top of the next page. The break is the first annex's own (`before`): an empty
 * line breaking `after` would itself fall onto a new page when the letter ends at the foot of one,
 * leaving that page blank.
 */
function annexContent(model: LetterModel): Content[] {
  if (!model.annexes?.length) return [];
  const [first, ...rest] = model.annexes.map((block) => blockContent(model.lang, block, ANNEX_WIDTH, false));
  return [{ stack: [first as Content], pageBreak: 'before' }, ...rest];
}

/** An amount as the screen shows it: a credit with the minus sign of French typography. */
const money = (lang: Lang, minor: number, currency: string) =>
  onScreen(formatMoney(lang, minor, currency), lang);

/**
 * The recipient where a DL window envelope shows it (about 11 cm from the left edge, 5 cm from
 * the top), the registered-mail mention above it, the place and date under it.
 */
function recipientBlock(model: LetterModel, place: string): Content {
  const t = translator(model.lang);
  return {
    margin: [262, 26, 0, 14],
    stack: [
      ...(model.registered
        ? [
            {
              text: t('dunning.letter.registered'),
              bold: true,
              fontSize: 8.5,
              margin: [0, 0, 0, 6] as [number, number, number, number],
            },
          ]
        : []),
      { text: model.recipient.name, bold: true, fontSize: 10.5 },
      ...model.recipient.addressLines.map((line) => ({ text: line, fontSize: 10 })),
      { text: place, margin: [0, 22, 0, 0] as [number, number, number, number] },
    ],
  };
}

function statementTable(model: LetterModel): Content {
  const t = translator(model.lang);
  const { lang, currency } = model;
  const claimsInterest = model.items.some((item) => item.interestMinor !== null);
  const claimsIndemnity = model.items.some((item) => item.indemnityMinor > 0);
  const headers = [
    t('dunning.letter.colInvoice'),
    t('dunning.letter.colIssued'),
    t('dunning.letter.colDue'),
    t('dunning.letter.colAmount'),
    t('dunning.letter.colOpen'),
    t('dunning.letter.colDaysLate'),
    ...(claimsInterest ? [t('dunning.letter.colInterest')] : []),
    ...(claimsIndemnity ? [t('dunning.letter.colIndemnity')] : []),
  ];
  const right = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold });
  const body: TableCell[][] = [
    headers.map((text, i) => ({ text, bold: true, fillColor: HEAD, alignment: i >= 3 ? 'right' : 'left' })),
  ];
  for (const item of model.items) {
    body.push([
      item.documentRef,
      formatDate(lang, item.issueDate),
      formatDate(lang, item.dueDate),
      right(money(lang, item.amountMinor, currency)),
      right(money(lang, item.openMinor, currency)),
      right(item.daysLate > 0 ? String(item.daysLate) : '—'),
      ...(claimsInterest
        ? [right(item.interestMinor === null ? '—' : money(lang, item.interestMinor, currency))]
        : []),
      ...(claimsIndemnity
        ? [right(item.indemnityMinor > 0 ? money(lang, item.indemnityMinor, 'EUR') : '—')]
        : []),
    ]);
  }
  if (model.items.length > 1)
    body.push([
      { text: t('dunning.letter.total'), bold: true, colSpan: 4 },
      '',
      '',
      '',
      right(money(lang, model.totals.openMinor, currency), true),
      '',
      ...(claimsInterest ? [right(money(lang, model.totals.interestMinor, currency), true)] : []),
      ...(claimsIndemnity ? [right(money(lang, model.totals.indemnityMinor, 'EUR'), true)] : []),
    ]);
  const widths = [
    56,
    50,
    50,
    '*',
    '*',
    38,
    ...(claimsInterest ? [52] : []),
    ...(claimsIndemnity ? [54] : []),
  ];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body },
    layout: 'lightHorizontalLines',
    fontSize: 8.5,
    margin: [0, 4, 0, 8],
  };
}

function totalsBlock(model: LetterModel): Content {
  const t = translator(model.lang);
  const { lang, currency, totals } = model;
  const rows: [string, string, boolean][] = [
    [t('dunning.letter.totalOpen'), money(lang, totals.openMinor, currency), false],
  ];
  if (totals.interestMinor > 0)
    rows.push([t('dunning.letter.totalInterest'), money(lang, totals.interestMinor, currency), false]);
  if (totals.indemnityMinor > 0)
    rows.push([t('dunning.letter.totalIndemnity'), money(lang, totals.indemnityMinor, 'EUR'), false]);
  if (totals.creditsMinor > 0)
    rows.push([t('dunning.letter.totalCredits'), money(lang, -totals.creditsMinor, currency), false]);
  rows.push([
    model.headings?.totalDue ?? t('dunning.letter.totalDue'),
    money(lang, totals.totalDueMinor, currency),
    true,
  ]);
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 300,
        table: {
          widths: ['*', 80],
          body: rows.map(([name, value, bold]) => [
            { text: name, bold, ...(bold ? { fillColor: HEAD } : {}) },
            { text: value, bold, alignment: 'right', ...(bold ? { fillColor: HEAD } : {}) },
          ]),
        },
        layout: 'noBorders',
        fontSize: 9,
      },
    ],
    margin: [0, 0, 0, 8],
  };
}

function interestDetails(model: LetterModel): Content[] {
  const t = translator(model.lang);
  const { lang, currency } = model;
  const lines = model.items.flatMap((item) =>
    item.interestMinor === null
      ? []
      : printedPeriods(item.periods).map((p) =>
          t('dunning.letter.interestLine', {
            invoice: item.documentRef,
            amount: money(lang, p.openMinor, currency),
            rate: formatPercentBps(lang, p.rateBps),
            days: p.days,
            from: formatDate(lang, p.from),
            to: formatDate(lang, p.to),
          }),
        ),
  );
  if (lines.length === 0) return [];
  return [
    { text: t('dunning.letter.interestHeading'), bold: true, fontSize: 8.5, margin: [0, 2, 0, 2] },
    { ul: lines.map((text) => ({ text, fontSize: 8 })), margin: [0, 0, 0, 8], color: MUTED },
  ];
}

/**
 * The template's paragraphs, their negative figures (worded by the same formatters) signed alike,
 * justified at their spaces only (`justified.ts`).
 */
function paragraphs(texts: readonly string[], lang: Lang): Content[] {
  return texts.map((text) =>
    justified(withMinusSigns(text, lang), { margin: [0, 0, 0, 7] as [number, number, number, number] }),
  );
}

function paymentDetails(model: LetterModel): Content[] {
  const t = translator(model.lang);
  const { iban, bic } = model.sender;
  if (!iban) return [];
  return [
    {
      text: t('dunning.letter.payment', { iban, bic: bic ?? '—', reference: model.reference }),
      margin: [0, 0, 0, 8],
      bold: true,
    },
  ];
}

/**
 * The body after the statement, then the closing and the signature kept together with the element
 * before them (the last paragraph of the demand, else the interest computation or the totals) and
 * the payment details: never a signature alone with its closing at the top of a page. The group
 * moves whole to the next page when it does not fit; pdfmake lays an unbreakable group out in one
 * pass, so a print batch of a thousand letters costs no second layout.
 */
function closingWithWhatPrecedes(model: LetterModel, body: Content[]): Content[] {
  const signature = signatureLines(model.sender, model.lang);
  const last = body.pop();
  return [
    ...body,
    {
      unbreakable: true,
      stack: [
        ...(last === undefined ? [] : [last]),
        ...paymentDetails(model),
        ...paragraphs(model.text.closing, model.lang),
        { stack: signature.map((text, i) => ({ text, bold: i === 0 })), margin: [262, 4, 0, 0] },
      ],
    },
  ];
}

/** The content of one letter, starting at the top of a page. */
export function letterContent(model: LetterModel, index: number): Content[] {
  const t = translator(model.lang);
  const place = model.sender.city
    ? t('dunning.letter.placeDate', {
        city: model.sender.city,
        date: formatDate(model.lang, model.date, { long: true }),
      })
    : formatDate(model.lang, model.date, { long: true });
  return [
    { ...(letterhead(model) as object), ...(index === 0 ? {} : { pageBreak: 'before' }) } as Content,
    recipientBlock(model, place),
    {
      // Marks the letter's first page for its footers (`letters.ts`): pdfmake asks `pageBreakBefore`
      // only of nodes with text of their own that do not break the page themselves.
      id: `letter-${index}`,
      text: [
        { text: `${t('dunning.letter.reference')} `, bold: true },
        `${model.reference}    `,
        { text: `${model.headings?.customerCode ?? t('dunning.letter.customerCode')} `, bold: true },
        model.recipient.customerCode,
      ],
      fontSize: 9,
    } as Content,
    {
      text: [
        { text: `${t('dunning.letter.subject')} `, bold: true },
        { text: model.text.subject, bold: true },
      ],
      margin: [0, 4, 0, 14],
    },
    { text: model.text.salutation, margin: [0, 0, 0, 6] },
    ...paragraphs(model.text.intro, model.lang),
    statementTable(model),
    ...closingWithWhatPrecedes(model, [
      totalsBlock(model),
      ...interestDetails(model),
      ...paragraphs(model.text.demand, model.lang),
    ]),
    ...annexContent(model),
  ];
}
