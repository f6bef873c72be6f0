/**
 * The usual English header of each field a file may lack, by the field's usual (French) header.
 * A missing column is named by its usual header (`label`, « Montant TTC »): a reader in English is
 * told its English one (“Amount”), the same words as the page's « Expected columns » and among the
 * headers the file may use. Each is one of its field's accepted headers
 * (tabular-english-headers.test.ts holds every required or identifying field of every file to it).
 */
import type { FieldSpec } from './field-spec.ts';

const ENGLISH_HEADERS: Readonly<Record<string, string>> = {
  // Ledger files (entities.ts, customer-fields.ts).
  'Code client': 'Customer code',
  'Raison sociale': 'Customer name',
  'N° facture': 'Invoice number',
  'Date de facture': 'Invoice date',
  'Montant TTC': 'Amount',
  'N° avoir': 'Credit note number',
  'N° règlement': 'Payment reference',
  'Date de règlement': 'Payment date',
  Montant: 'Amount',
  'N° commande': 'Order number',
  'Date de commande': 'Order date',
  'Montant commande': 'Order amount',
  // Balance sheets (balance-sheets.ts).
  'Date de clôture': 'Fiscal year end',
  'Total bilan': 'Total assets',
  'Capitaux propres': 'Equity',
  'Total dettes': 'Total debts',
  'Chiffre d’affaires': 'Turnover',
  'Valeur ajoutée': 'Value added',
  EBE: 'Gross operating profit',
  'Capitaux permanents': 'Permanent capital',
  Disponibilités: 'Cash',
  'Créances clients': 'Receivables',
  'Charges financières': 'Financial charges',
  'Charges de personnel': 'Staff costs',
  'Résultat net': 'Net result',
  // A partner's status report (legal-reports.ts).
  Dossier: 'File number',
  Étape: 'Step',
  Date: 'Date',
};

/** The English header a reader in English knows `spec` by; its usual header when it has none listed. */
export function englishHeaderOf(spec: FieldSpec): string {
  const usual = spec.headers[0] ?? spec.name;
  return ENGLISH_HEADERS[usual] ?? usual;
}
