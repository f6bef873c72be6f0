/**
 * The invoices' `channel` field: how an invoice was sent, paper or electronic (migration 0056).
 * A channel column names it ("Canal": papier, électronique, EDI…); a column about electronic
 * invoicing says it with yes or no ("Facture électronique": oui/non, x/blank), see
 * channel-column.ts.
 */
import { type FieldSpec, field, later } from './field-spec.ts';

/**
 * Headers that ask whether the invoice was electronic: their yes/no cells say electronic or paper.
 * ("PaperlessBilling": IBM's Telco sample, Yes/No; its receivables sample's "PaperlessBill" holds
 * Paper/Electronic, channel words read under any channel header.)
 */
export const ELECTRONIC_FLAG_HEADERS: readonly string[] = [
  'Facture électronique',
  'Facturation électronique',
  'Facture dématérialisée',
  'Dématérialisée',
  'Dématérialisé',
  'Électronique',
  'E-invoice',
  'E-invoicing',
  'Electronic invoice',
  'Electronic',
  'Paperless',
  'PaperlessBill',
  'Paperless billing',
];

export const CHANNEL_FIELD: FieldSpec = field(
  'channel',
  'enum',
  'how the invoice was sent: paper or electronic (papier/électronique…); empty = not known; under a ' +
    'header about electronic invoicing (Facture électronique, Dématérialisée, E-invoice…) yes/no ' +
    '(oui/non, true/false, 1/0) says electronic/paper, and a blank is paper when the column marks ' +
    'only electronic invoices (x/blank); a column with other values (a sales channel) is left out, ' +
    'stored channels kept',
  // Later: a generic "Canal" never takes a column from a usual header.
  [
    'Canal',
    "Mode d'envoi",
    'Mode de transmission',
    'Channel',
    'Invoice channel',
    ...ELECTRONIC_FLAG_HEADERS,
  ].map(later),
);
