/**
 * The one catalogue of spreadsheet import problems: each problem has a stable code and the
 * values its message needs (params); the message is rendered in French (default) or English.
 * Templates name their params as {name}; a few params are shown differently per language
 * (dates, separators, document kinds, amounts).
 */
import { formatMoney } from '../core/money.ts';
import type { CurrencyCode } from '../core/types.ts';
import { FEC_MESSAGES } from './problem-messages-fec.ts';
import { FILE_MESSAGES } from './problem-messages-file.ts';

export type ImportLang = 'fr' | 'en';
export type ProblemParams = Readonly<Record<string, string | number>>;
export interface Messages {
  fr: string;
  en: string;
}

const ROW_MESSAGES = {
  missing_required: { fr: 'valeur obligatoire vide', en: 'required value is empty' },
  invalid_date: {
    fr: 'date invalide (attendu JJ/MM/AAAA, jour en premier, ou AAAA-MM-JJ)',
    en: 'not a valid date: expected DD/MM/YYYY (day first) or YYYY-MM-DD',
  },
  invalid_amount: {
    fr: 'montant invalide en {currency} (ex. 1234,56 ou 1 234.56 ; trop de décimales ?)',
    en: 'not a valid amount in {currency} (e.g. 1234,56 or 1 234.56; too many decimals?)',
  },
  invalid_amount_with_separator: {
    fr: 'montant invalide en {currency}, lu avec « {decimalSeparator} » comme séparateur décimal (ex. 1234,56 ou 1 234.56 ; trop de décimales ?)',
    en: 'not a valid amount in {currency}, read with "{decimalSeparator}" as decimal separator (e.g. 1234,56 or 1 234.56; too many decimals?)',
  },
  invalid_currency: {
    fr: 'devise invalide : attendu un code ISO à 3 lettres comme EUR, USD, CHF',
    en: 'not a currency: expected a 3-letter ISO code such as EUR, USD, CHF',
  },
  unknown_enum_value: {
    fr: 'valeur inconnue ; valeurs acceptées : {accepted}',
    en: 'unknown value; accepted: {accepted}',
  },
  invalid_payment_terms: {
    fr: 'conditions de paiement non comprises ; écrivez par ex. « 30 jours nets », « 45 jours fin de mois », « net:30 »',
    en: 'payment terms not understood; write e.g. "30 jours nets", "45 jours fin de mois", "net:30"',
  },
  invalid_siren_length: { fr: 'un SIREN comporte 9 chiffres', en: 'a SIREN has 9 digits' },
  invalid_siren_check_digit: {
    fr: 'SIREN invalide : la clé de contrôle (Luhn) ne correspond pas',
    en: 'invalid SIREN: the check digit (Luhn key) does not match',
  },
  invalid_siret_length: {
    fr: 'un SIRET comporte 14 chiffres (SIREN + NIC à 5 chiffres)',
    en: 'a SIRET has 14 digits (SIREN + 5-digit establishment number)',
  },
  invalid_siret_check_digit: {
    fr: 'SIRET invalide : la clé de contrôle (Luhn) ne correspond pas',
    en: 'invalid SIRET: the check digit (Luhn key) does not match',
  },
  siret_siren_mismatch: {
    fr: 'le SIRET ne commence pas par le SIREN {siren}',
    en: 'the SIRET does not start with the SIREN {siren}',
  },
  invalid_email: {
    fr: 'adresse e-mail invalide (plusieurs adresses se séparent par « ; »)',
    en: 'not a valid e-mail address (several may be separated by ";")',
  },
  unknown_country: {
    fr: 'pays inconnu : indiquez un code ISO (FR, BE, DE…) ou un nom (France, Belgique…)',
    en: 'unknown country: use an ISO code (FR, BE, DE…) or a name (France, Belgique…)',
  },
  unknown_language: {
    fr: 'langue inconnue : indiquez un code ISO 639-1 (fr, en, de…) ou un nom',
    en: 'unknown language: use an ISO 639-1 code (fr, en, de…) or a name',
  },
  negative_credit_limit: {
    fr: 'le plafond d’encours ne peut pas être négatif',
    en: 'a credit limit cannot be negative',
  },
  due_before_issue: {
    fr: 'échéance antérieure à la date de la pièce ({issueDate})',
    en: 'due date before the issue date {issueDate}',
  },
  negative_invoice_amount: {
    fr: 'montant de facture négatif : importez-le comme avoir',
    en: 'negative invoice amount: import it as a credit note',
  },
  zero_payment: { fr: 'un règlement de 0 n’est pas un règlement', en: 'a payment of 0 is not a payment' },
  negative_order_amount: {
    fr: 'le montant d’une commande ne peut pas être négatif',
    en: 'an order amount cannot be negative',
  },
  duplicate_customer_code: {
    fr: 'code client « {value} » en double : déjà présent ligne {firstLine}',
    en: 'duplicate customer code "{value}": already on line {firstLine}',
  },
  duplicate_invoice_number: {
    fr: 'numéro de facture « {value} » en double : déjà présent ligne {firstLine}',
    en: 'duplicate invoice number "{value}": already on line {firstLine}',
  },
  duplicate_credit_note_number: {
    fr: 'numéro d’avoir « {value} » en double : déjà présent ligne {firstLine}',
    en: 'duplicate credit note number "{value}": already on line {firstLine}',
  },
  duplicate_payment_reference: {
    fr: 'référence de règlement « {value} » en double : déjà présente ligne {firstLine}',
    en: 'duplicate payment reference "{value}": already on line {firstLine}',
  },
  duplicate_order_number: {
    fr: 'numéro de commande « {value} » en double : déjà présent ligne {firstLine}',
    en: 'duplicate order number "{value}": already on line {firstLine}',
  },
  more_errors_omitted: {
    fr: '{count} autre(s) erreur(s) non listée(s) ; corrigez d’abord celles-ci puis importez à nouveau',
    en: '{count} more error(s) not listed; fix these first and import again',
  },
} as const satisfies Record<string, Messages>;

/** Problems found against the company's data, inside the import transaction. */
const LEDGER_MESSAGES = {
  unknown_customer: {
    fr: 'client inconnu : {customerCode} (importez d’abord les clients)',
    en: 'unknown customer: {customerCode} (import the customers first)',
  },
  currency_mismatch: {
    fr: 'devise {currency} différente de celle du client ({customerCurrency})',
    en: 'currency {currency} differs from the customer’s currency ({customerCurrency})',
  },
  reference_kind_conflict: {
    fr: 'référence déjà utilisée par un document de type {kind}',
    en: 'reference already used by a document of kind {kind}',
  },
  amount_below_matched: {
    fr: 'le nouveau montant est inférieur au montant déjà lettré ({matchedMinor})',
    en: 'the new amount is below what is already matched ({matchedMinor})',
  },
  unknown_invoice: { fr: 'facture inconnue : {invoiceRef}', en: 'unknown invoice: {invoiceRef}' },
  invoice_of_other_customer: {
    fr: 'la facture {invoiceRef} appartient à un autre client',
    en: 'invoice {invoiceRef} belongs to another customer',
  },
  ambiguous_invoice_reference: {
    fr: 'plusieurs documents portent la référence {invoiceRef}',
    en: 'several documents carry the reference {invoiceRef}',
  },
  invoice_after_payment: {
    fr: 'facture émise le {invoiceDate}, après le règlement',
    en: 'invoice issued on {invoiceDate}, after the payment',
  },
} as const satisfies Record<string, Messages>;

export const PROBLEM_MESSAGES = {
  ...FILE_MESSAGES,
  ...ROW_MESSAGES,
  ...LEDGER_MESSAGES,
  ...FEC_MESSAGES,
} as const;
export type ProblemCode = keyof typeof PROBLEM_MESSAGES;
export const PROBLEM_CODES = Object.keys(PROBLEM_MESSAGES) as ProblemCode[];

/** A problem before it is placed on a line and rendered. */
export interface Problem {
  code: ProblemCode;
  params: ProblemParams;
}

export function problem(code: ProblemCode, params: ProblemParams = {}): Problem {
  return { code, params };
}

const DOCUMENT_KINDS: Record<ImportLang, Record<string, string>> = {
  fr: {
    invoice: 'facture',
    credit_note: 'avoir',
    payment: 'règlement',
    bounced_payment: 'impayé',
    write_off: 'passage en perte',
    adjustment: 'régularisation',
  },
  en: {
    invoice: 'invoice',
    credit_note: 'credit note',
    payment: 'payment',
    bounced_payment: 'bounced payment',
    write_off: 'write-off',
    adjustment: 'adjustment',
  },
};

const ENTITY_NAMES: Record<ImportEntityName, string> = {
  customers: 'les clients',
  invoices: 'les factures',
  'credit-notes': 'les avoirs',
  payments: 'les règlements',
  orders: 'les commandes',
};
type ImportEntityName = 'customers' | 'invoices' | 'credit-notes' | 'payments' | 'orders';

/** How one param reads in a language; most are shown as they are. */
function formatParam(name: string, params: ProblemParams, lang: ImportLang): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  const text = String(value);
  if (name === 'separator') {
    if (text === '\t') return lang === 'fr' ? 'tabulation' : 'tab';
    return lang === 'fr' ? `« ${text} »` : `"${text}"`;
  }
  if (name === 'kind') return DOCUMENT_KINDS[lang][text] ?? text;
  if (name === 'entity' && lang === 'fr') return ENTITY_NAMES[text as ImportEntityName] ?? text;
  if (name.endsWith('Minor') && typeof value === 'number' && typeof params.currency === 'string') {
    return formatMoney(value, params.currency as CurrencyCode, lang === 'fr' ? 'fr-FR' : 'en-GB');
  }
  if (name.endsWith('Date') && lang === 'fr' && /^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return `${text.slice(8, 10)}/${text.slice(5, 7)}/${text.slice(0, 4)}`;
  }
  return text;
}

/** The message of a problem; a param the template names but the problem lacks stays visible as {name}. */
export function renderProblem(code: ProblemCode, params: ProblemParams, lang: ImportLang): string {
  const template = PROBLEM_MESSAGES[code][lang];
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    return formatParam(name, params, lang) ?? placeholder;
  });
}

export function isImportLang(text: unknown): text is ImportLang {
  return text === 'fr' || text === 'en';
}

/** The sentence of a rejected import (the problems themselves are listed apart). */
export function describeRejection(
  fileName: string,
  problemCount: number,
  lineCount: number,
  lang: ImportLang,
): string {
  return lang === 'fr'
    ? `${fileName} : fichier refusé, ${problemCount} problème(s) sur ${lineCount} ligne(s) ; rien n’a été importé`
    : `${fileName}: rejected, ${problemCount} problem(s) on ${lineCount} line(s); nothing was imported`;
}
