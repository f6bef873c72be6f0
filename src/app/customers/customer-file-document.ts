/**
 * The printable customer file (« fiche client »): identity, risk and credit (score, class, limit,
 * cover), credit line against exposure, contacts, open items, payment behaviour and recent events,
 * through the document port.
 */
import type { Contact } from '#core/types';
import type { Block, BusinessDocument } from '#render/document';
import { renderPdf } from '#render/pdf';
import { namesByEmail } from '#text/actor-name';
import { type Lang, label, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { listUsers } from '../auth/users.ts';
import type { AppContext } from '../context.ts';
import { countryName, labelOrText } from '../reports/export-labels.ts';
import { documentSetting } from '../reports/report-tables.ts';
import { BEHAVIOUR_MONTHS, behaviour, events } from './customer-file-activity.ts';
import { creditLine, creditPosition, riskAndCredit } from './customer-file-credit.ts';
import { type CustomerFile, getCustomerFile } from './customers.ts';
import { getPaymentBehaviour } from './payment-behaviour.ts';

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

/** An open item as its table shows it: the document, what it was, and what was left of it. */
export type OpenItemLine = Pick<
  CustomerFile['openItems'][number],
  'externalRef' | 'kind' | 'issueDate' | 'dueDate' | 'amountMinor' | 'openMinor' | 'daysPastDue'
>;

/**
 * The open items as a table, with the balance they make: the customer file's, and the statement of
 * account annexed to a claim declaration (at the judgment's date).
 */
export function openItemsTable(
  lang: Lang,
  currency: string,
  items: readonly OpenItemLine[],
  balanceMinor: number,
): Block {
  const t = translator(lang);
  return {
    type: 'table',
    table: {
      currency,
      columns: [
        { header: t('export.field.document'), kind: 'text', width: 1.3 },
        { header: t('export.field.documentKind'), kind: 'text', width: 1.2 },
        { header: t('export.field.issueDate'), kind: 'date' },
        { header: t('export.field.dueDate'), kind: 'date' },
        { header: t('export.field.amount'), kind: 'money', width: 1.2 },
        { header: t('export.field.open'), kind: 'money', width: 1.2 },
        { header: t('export.field.daysPastDue'), kind: 'integer', width: 0.7 },
      ],
      rows: items.map((item) => [
        item.externalRef,
        label(lang, 'documentKind', item.kind),
        item.issueDate,
        item.dueDate,
        item.amountMinor,
        item.openMinor,
        item.openMinor > 0 && item.daysPastDue > 0 ? item.daysPastDue : null,
      ]),
      totals: [t('export.total'), '', null, null, null, balanceMinor, null],
    },
  };
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
    openItemsTable(lang, file.currency, file.openItems, file.balanceMinor),
  ];
}

/** The customer file as a document of the port, as of a date, in the reader's language. */
export async function customerFileDocument(
  ctx: AppContext,
  code: string,
  input: CustomerFileDocumentInput = {},
): Promise<{ asOf: string; doc: BusinessDocument }> {
  const setting = await documentSetting(ctx, input.lang);
  const { lang } = setting;
  const file = await getCustomerFile(ctx, code, input.asOf, lang);
  const payments = await getPaymentBehaviour(ctx, code, { asOf: file.asOf, months: BEHAVIOUR_MONTHS });
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
      ...riskAndCredit(lang, credit, file.currency),
      ...creditLine(lang, file, credit),
      ...contacts(lang, (file.customer.contacts as Contact[] | null) ?? [], file.currency),
      ...openItems(lang, file),
      ...behaviour(lang, payments),
      ...events(lang, file, nameOf),
    ],
  };
  return { asOf: file.asOf, doc };
}

/** The customer file as a PDF, as of a date, in the reader's language. */
export async function getCustomerFileDocument(
  ctx: AppContext,
  code: string,
  input: CustomerFileDocumentInput = {},
): Promise<{ asOf: string; pdf: Buffer }> {
  const { asOf, doc } = await customerFileDocument(ctx, code, input);
  return { asOf, pdf: await renderPdf(doc) };
}
