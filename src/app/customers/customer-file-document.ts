/**
 * The printable customer file (« fiche client »): identity, credit line against exposure, terms,
 * contacts, open items, payment behaviour and recent events, through the document port.
 */
import type { Contact, IsoDate } from '#core/types';
import type { Block, BusinessDocument, KeyFigure } from '#render/document';
import { renderPdf } from '#render/pdf';
import { actorName, importOriginName, type NameOf, namesByEmail } from '#text/actor-name';
import { type Lang, label, translator } from '#text/catalogue';
import { formatDate, formatMoney, formatMonth, formatPercent } from '#text/format';
import { listUsers } from '../auth/users.ts';
import type { AppContext } from '../context.ts';
import { creditConfig } from '../credit/configuration.ts';
import { checkedCustomer, readCustomerRisk } from '../credit/customer-risk.ts';
import { countryName, labelOrText } from '../reports/export-labels.ts';
import { documentSetting } from '../reports/report-tables.ts';
import { type CustomerFile, getCustomerFile } from './customers.ts';
import { getPaymentBehaviour, type PaymentBehaviour } from './payment-behaviour.ts';

const RECENT_EVENTS = 15;

export interface CustomerFileDocumentInput {
  asOf?: string | undefined;
  lang?: string | undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));

function identity(lang: Lang, c: Record<string, unknown>): Block[] {
  const t = translator(lang);
  const address = [c.addressLine1, c.addressLine2, [c.postalCode, c.city].filter(Boolean).join(' ')]
    .map(text)
    .filter(Boolean)
    .join(', ');
  return [
    { type: 'heading', text: t('export.customerFile.identity') },
    {
      type: 'facts',
      items: [
        { label: t('export.field.name'), value: text(c.name) },
        { label: t('export.field.siren'), value: text(c.siren) },
        { label: t('export.field.siret'), value: text(c.siret) },
        { label: t('export.field.vat'), value: text(c.vatNumber) },
        { label: t('export.field.address'), value: address },
        { label: t('export.field.country'), value: countryName(lang, text(c.country)) },
        {
          label: t('export.field.customerType'),
          value: labelOrText(lang, 'customerType', text(c.customerType)),
        },
        { label: t('export.field.group'), value: text(c.groupCode) },
        { label: t('export.field.salesperson'), value: text(c.salesperson) },
        { label: t('export.field.terms'), value: labelOrText(lang, 'paymentTerms', text(c.paymentTerms)) },
        { label: t('export.field.status'), value: labelOrText(lang, 'customerStatus', text(c.status)) },
        { label: t('export.field.billingEmail'), value: text(c.billingEmail) },
      ],
    },
  ];
}

/** The customer's credit line as the credit rules and the web risk panel read it. */
interface CreditPosition {
  /** The limit in force (own, group or company default), null: none. */
  limitMinor: number | null;
  /** Outstanding plus what the credit rules add to it (orders not yet invoiced…). */
  exposureMinor: number;
}

async function creditPosition(ctx: AppContext, code: string, asOf: IsoDate): Promise<CreditPosition> {
  const config = await creditConfig(ctx, asOf);
  const customer = await checkedCustomer(ctx, ctx.db, code, false);
  const risk = await readCustomerRisk(ctx, ctx.db, config, customer, asOf);
  return { limitMinor: risk.limit.limitMinor, exposureMinor: risk.exposure.totalMinor };
}

function creditLine(lang: Lang, file: CustomerFile, credit: CreditPosition): Block[] {
  const t = translator(lang);
  const { limitMinor, exposureMinor } = credit;
  const money = (minor: number | null) => formatMoney(lang, minor, file.currency);
  // Limit − exposure, as the risk panel shows it: below zero it is an overrun, never floored.
  const availableMinor = limitMinor === null ? null : limitMinor - exposureMinor;
  const items: KeyFigure[] = [
    {
      label: t('export.field.creditLimit'),
      value: limitMinor === null ? t('export.field.noLimit') : money(limitMinor),
    },
    { label: t('export.field.balance'), value: money(file.balanceMinor) },
    { label: t('export.field.overdue'), value: money(file.overdueMinor) },
    { label: t('export.field.notDue'), value: money(file.balanceMinor - file.overdueMinor) },
    { label: t('export.field.exposure'), value: money(exposureMinor), note: t('export.field.exposureNote') },
    // Two usages, each named: the balance's (the web gauge's and the risk table's) and the
    // exposure's (what the credit rules and « Disponible » read). One « utilisation » for the second
    // read 59,6 % beside the web file's 49 %.
    ...(limitMinor !== null && limitMinor > 0
      ? [
          {
            label: t('export.field.balanceUsage'),
            value: formatPercent(lang, file.balanceMinor / limitMinor, 1),
          },
          {
            label: t('export.field.exposureUsage'),
            value: formatPercent(lang, exposureMinor / limitMinor, 1),
          },
        ]
      : []),
    ...(availableMinor !== null
      ? [
          {
            label: t('export.field.available'),
            value: money(availableMinor),
            note:
              availableMinor < 0
                ? t('export.field.overLimitBy', { amount: money(-availableMinor) })
                : t('export.field.availableNote'),
          },
        ]
      : []),
  ];
  return [
    { type: 'heading', text: t('export.customerFile.credit') },
    { type: 'keyFigures', items },
  ];
}

function contacts(lang: Lang, list: Contact[], currency: string): Block[] {
  const t = translator(lang);
  return [
    { type: 'heading', text: t('export.customerFile.contacts') },
    list.length === 0
      ? { type: 'paragraph', text: t('export.customerFile.noContacts') }
      : {
          type: 'table',
          table: {
            currency,
            columns: [
              { header: t('export.field.contactName'), kind: 'text', width: 1.5 },
              { header: t('export.field.contactRole'), kind: 'text', width: 1.5 },
              { header: t('export.field.email'), kind: 'text', width: 2 },
              { header: t('export.field.phone'), kind: 'text', width: 1.2 },
            ],
            rows: list.map((c) => [c.name, c.role ?? '', c.email ?? '', c.phone ?? '']),
          },
        },
  ];
}

function openItems(lang: Lang, file: CustomerFile): Block[] {
  const t = translator(lang);
  if (file.openItems.length === 0)
    return [
      { type: 'heading', text: t('export.customerFile.openItems') },
      { type: 'paragraph', text: t('export.customerFile.noOpenItems') },
    ];
  return [
    { type: 'heading', text: t('export.customerFile.openItems') },
    {
      type: 'table',
      table: {
        currency: file.currency,
        columns: [
          { header: t('export.field.document'), kind: 'text', width: 1.3 },
          { header: t('export.field.documentKind'), kind: 'text', width: 1.2 },
          { header: t('export.field.issueDate'), kind: 'date' },
          { header: t('export.field.dueDate'), kind: 'date' },
          { header: t('export.field.amount'), kind: 'money', width: 1.2 },
          { header: t('export.field.open'), kind: 'money', width: 1.2 },
          { header: t('export.field.daysPastDue'), kind: 'integer', width: 0.7 },
        ],
        rows: file.openItems.map((item) => [
          item.externalRef,
          label(lang, 'documentKind', item.kind),
          item.issueDate,
          item.dueDate,
          item.amountMinor,
          item.openMinor,
          item.openMinor > 0 && item.daysPastDue > 0 ? item.daysPastDue : null,
        ]),
        totals: [t('export.total'), '', null, null, null, file.balanceMinor, null],
      },
    },
  ];
}

function behaviour(lang: Lang, data: PaymentBehaviour): Block[] {
  const t = translator(lang);
  const paid = data.months.filter((m) => m.paidMinor > 0);
  const blocks: Block[] = [{ type: 'heading', text: t('export.customerFile.behaviour') }];
  if (paid.length === 0) return [...blocks, { type: 'paragraph', text: t('export.customerFile.noPayments') }];
  return [
    ...blocks,
    {
      type: 'charts',
      charts: [
        {
          title: t('export.customerFile.behaviourChart'),
          kind: 'line',
          labels: data.months.map((m) => formatMonth(lang, m.month)),
          series: [
            { name: t('export.field.averageDelay'), values: data.months.map((m) => m.averageDelayDays) },
          ],
          valueKind: 'days',
        },
      ],
    },
    {
      type: 'table',
      table: {
        currency: data.currency,
        columns: [
          { header: t('export.field.month'), kind: 'text' },
          { header: t('export.field.paid'), kind: 'money', width: 1.3 },
          { header: t('export.field.invoices'), kind: 'integer' },
          { header: t('export.field.averageDelay'), kind: 'number' },
          { header: t('export.field.averageDaysToPay'), kind: 'number' },
        ],
        rows: paid
          .slice(-12)
          .map((m) => [
            formatMonth(lang, m.month),
            m.paidMinor,
            m.invoices,
            m.averageDelayDays,
            m.averageDaysToPay,
          ]),
      },
    },
  ];
}

function events(lang: Lang, file: CustomerFile, nameOf: NameOf): Block[] {
  const t = translator(lang);
  const recent = file.events.slice(0, RECENT_EVENTS);
  return [
    { type: 'heading', text: t('export.customerFile.events') },
    recent.length === 0
      ? { type: 'paragraph', text: t('export.customerFile.noEvents') }
      : {
          type: 'table',
          table: {
            currency: file.currency,
            columns: [
              { header: t('export.field.date'), kind: 'date', width: 0.8 },
              { header: t('export.field.event'), kind: 'text', width: 1.2 },
              { header: t('export.field.detail'), kind: 'text', width: 3.6 },
              { header: t('export.field.by'), kind: 'text', width: 1.2 },
            ],
            rows: recent.map((e) => [
              e.eventDate,
              labelOrText(lang, 'eventKind', e.kind),
              [e.documentRef, e.detail].filter(Boolean).join(' — '),
              // A colleague by name, a machine actor worded as the timeline words it, an import as the import.
              e.importOrigin
                ? importOriginName(lang, e.importOrigin, (actor) => actorName(lang, actor, nameOf))
                : e.createdBy
                  ? actorName(lang, e.createdBy, nameOf)
                  : '',
            ]),
          },
        },
  ];
}

/** The customer file as a PDF, as of a date, in the reader's language. */
export async function getCustomerFileDocument(
  ctx: AppContext,
  code: string,
  input: CustomerFileDocumentInput = {},
): Promise<{ asOf: string; pdf: Buffer }> {
  const setting = await documentSetting(ctx, input.lang);
  const { lang } = setting;
  const file = await getCustomerFile(ctx, code, input.asOf, lang);
  const payments = await getPaymentBehaviour(ctx, code, { asOf: file.asOf, months: 24 });
  const credit = await creditPosition(ctx, code, file.asOf);
  const nameOf = namesByEmail(await listUsers(ctx));
  const t = translator(lang);
  const doc: BusinessDocument = {
    ...setting,
    title: t('export.customerFile.title', { name: text(file.customer.name) }),
    subtitle: [t('export.customerFile.subtitle', { code, date: formatDate(lang, file.asOf) })],
    orientation: 'portrait',
    blocks: [
      ...identity(lang, file.customer),
      ...creditLine(lang, file, credit),
      ...contacts(lang, (file.customer.contacts as Contact[] | null) ?? [], file.currency),
      ...openItems(lang, file),
      ...behaviour(lang, payments),
      ...events(lang, file, nameOf),
    ],
  };
  return { asOf: file.asOf, pdf: await renderPdf(doc) };
}
