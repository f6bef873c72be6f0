/**
 * What each import entity expects: its fields, their types and the column headers (French and
 * English) that name them. Headers are compared after `normaliseHeader` (fields.ts), so "N°",
 * "No", "Num." and "Numéro" are the same word, and "de"/"d'"/"of" are ignored.
 */

import { CHANNEL_FIELD } from './channel-field.ts';
import { CUSTOMER_FIELDS } from './customer-fields.ts';
import {
  CURRENCY,
  CUSTOMER_CODE,
  type FieldSpec,
  field,
  LABEL,
  later,
  REQUIRED,
  SOURCE,
} from './field-spec.ts';

export type { FieldSpec, FieldType } from './field-spec.ts';

export const ENTITIES = ['customers', 'invoices', 'credit-notes', 'payments', 'orders'] as const;
export type ImportEntity = (typeof ENTITIES)[number];

const ISSUE_DATE_HEADERS = [
  'Date de facture',
  "Date d'émission",
  'Date',
  'Invoice date',
  'Issue date',
  'Date pièce',
  later('Document date'),
  later('Billing date'),
];
const AMOUNT_HEADERS = [
  'Montant TTC',
  'Montant',
  'Total TTC',
  'Net à payer',
  'Amount',
  'Total amount',
  'Gross amount',
];

const INVOICE_FIELDS: readonly FieldSpec[] = [
  field(
    'externalRef',
    'text',
    'invoice number (unique)',
    [
      'N° facture',
      'Facture',
      'Référence facture',
      'Réf facture',
      'N° pièce',
      'Invoice number',
      'Invoice',
      'Invoice ref',
      later('Invoice reference'),
      later('Invoice ID'),
    ],
    REQUIRED,
  ),
  CUSTOMER_CODE,
  field('issueDate', 'date', 'invoice date', ISSUE_DATE_HEADERS, REQUIRED),
  field('dueDate', 'date', "due date; computed from the customer's payment terms when empty", [
    "Date d'échéance",
    'Échéance',
    later('Date limite de paiement'),
    later('Date limite de règlement'),
    'Due date',
    'Due',
    later('Payment due date'),
    later('Due on'),
  ]),
  field(
    'amount',
    'amount',
    'amount including tax; must not be negative (use a credit note)',
    // Not "Amount due": in receivables exports that is what remains to be paid, not the invoice.
    [
      ...AMOUNT_HEADERS,
      ...['Montant facture', 'Montant de la facture', 'Invoice amount', 'Invoice total'].map(later),
    ],
    REQUIRED,
  ),
  CURRENCY,
  LABEL,
  SOURCE,
  field(
    'disputed',
    'enum',
    'yes/no (oui/non, true/false, 1/0, Y/N): "yes" opens a dispute on the invoice, once, unless it is ' +
      'settled; a column found by its header with other values (comments) is ignored',
    ['Litige', 'En litige', 'Contesté', 'Contestée', 'Disputed', 'In dispute'].map(later),
  ),
  field(
    'disputeDate',
    'date',
    'date the dispute was opened; the invoice date when empty',
    [
      'Date du litige',
      'Date de litige',
      'Date de contestation',
      'Dispute date',
      'Disputed date',
      'Disputed on',
    ].map(later),
  ),
  CHANNEL_FIELD,
];

const CREDIT_NOTE_FIELDS: readonly FieldSpec[] = [
  field(
    'externalRef',
    'text',
    'credit note number (unique)',
    [
      'N° avoir',
      'Avoir',
      "Référence de l'avoir",
      'Credit note number',
      'Credit note',
      'Credit note ref',
      later('Credit note ID'),
    ],
    REQUIRED,
  ),
  CUSTOMER_CODE,
  field(
    'issueDate',
    'date',
    'credit note date',
    [...ISSUE_DATE_HEADERS, "Date de l'avoir", 'Credit note date'],
    REQUIRED,
  ),
  field(
    'amount',
    'amount',
    'amount including tax, positive or negative (stored negative)',
    [
      ...AMOUNT_HEADERS,
      ...["Montant de l'avoir", 'Montant avoir', 'Credit note amount', 'Credit amount'].map(later),
    ],
    REQUIRED,
  ),
  field('originalInvoiceRef', 'text', 'the invoice the credit note cancels', [
    "Facture d'origine",
    'Facture',
    'N° facture',
    'Original invoice',
    'Invoice',
    'Invoice number',
  ]),
  CURRENCY,
  LABEL,
  SOURCE,
];

const PAYMENT_FIELDS: readonly FieldSpec[] = [
  field(
    'externalRef',
    'text',
    'payment reference (unique)',
    [
      'N° règlement',
      'Référence règlement',
      'N° paiement',
      'Référence paiement',
      'Référence',
      'Payment reference',
      'Payment number',
      later('Payment ID'),
      later('Receipt number'),
      'Reference',
    ],
    REQUIRED,
  ),
  CUSTOMER_CODE,
  field(
    'paymentDate',
    'date',
    'payment date',
    [
      'Date de règlement',
      'Date de paiement',
      later("Date d'encaissement"),
      'Date',
      'Payment date',
      later('Paid date'),
      later('Date paid'),
      later('Paid on'),
      later('Settled date'),
      later('Settlement date'),
      later('Receipt date'),
    ],
    REQUIRED,
  ),
  field('valueDate', 'date', 'bank value date', ['Date de valeur', 'Value date']),
  field(
    'amount',
    'amount',
    'amount received, any sign (stored negative); 0 is refused',
    [
      'Montant',
      'Montant réglé',
      'Montant du règlement',
      later('Montant encaissé'),
      later('Montant payé'),
      'Montant TTC',
      'Amount',
      'Amount paid',
      later('Paid amount'),
      later('Payment amount'),
      later('Amount received'),
    ],
    REQUIRED,
  ),
  CURRENCY,
  field('paymentMethod', 'text', 'payment method, becomes the label', [
    'Mode de règlement',
    'Mode de paiement',
    'Moyen de paiement',
    'Payment method',
  ]),
  LABEL,
  field('invoiceRefs', 'list', 'invoices paid, separated by ; , | or spaces; empty = unapplied cash', [
    'Factures réglées',
    'Factures',
    'Facture',
    'N° facture',
    'Invoices',
    'Invoice refs',
    'Invoice',
    'Invoice number',
  ]),
  SOURCE,
];

const ORDER_FIELDS: readonly FieldSpec[] = [
  field(
    'number',
    'text',
    'order number (unique)',
    ['N° commande', 'Commande', 'Référence commande', 'Order number', 'Order', 'Order ref'],
    REQUIRED,
  ),
  CUSTOMER_CODE,
  field('orderDate', 'date', 'order date', ['Date de commande', 'Date', 'Order date'], REQUIRED),
  field(
    'amount',
    'amount',
    'order amount including tax',
    ['Montant commande', ...AMOUNT_HEADERS, 'Order amount'],
    REQUIRED,
  ),
  CURRENCY,
  field('status', 'enum', 'pending when empty', [
    'Statut commande',
    'Statut',
    'État',
    'Status',
    'Order status',
  ]),
];

export const ENTITY_FIELDS: Readonly<Record<ImportEntity, readonly FieldSpec[]>> = {
  customers: CUSTOMER_FIELDS,
  invoices: INVOICE_FIELDS,
  'credit-notes': CREDIT_NOTE_FIELDS,
  payments: PAYMENT_FIELDS,
  orders: ORDER_FIELDS,
};

export function isImportEntity(text: string): text is ImportEntity {
  return (ENTITIES as readonly string[]).includes(text);
}
