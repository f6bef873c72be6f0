/**
 * Messages of the problems of a FEC import: the reader's checks of the file and its lines, the
 * balance of its entries, and the conflicts with what Encours already holds (see
 * problem-messages.ts for the catalogue they belong to).
 */
import type { Messages } from './problem-messages.ts';

export const FEC_MESSAGES = {
  fec_missing_column: {
    fr: 'colonne absente : l’en-tête du FEC doit nommer les 18 colonnes de l’arrêté',
    en: 'missing column: the FEC header must name the 18 columns of the decree',
  },
  fec_empty_file: { fr: 'fichier vide : aucun en-tête FEC', en: 'empty file: no FEC header' },
  fec_column_count: {
    fr: 'la ligne a {count} colonnes, l’en-tête {columns} (ligne tronquée ou séparateur en trop)',
    en: 'the line has {count} columns, the header {columns} (truncated line or stray separator)',
  },
  fec_required_empty: { fr: 'champ obligatoire vide', en: 'required field is empty' },
  fec_invalid_date: { fr: 'date invalide (AAAAMMJJ)', en: 'not a valid date (YYYYMMDD)' },
  fec_invalid_amount: {
    fr: 'montant invalide (virgule décimale, 2 décimales)',
    en: 'not an amount (decimal comma, 2 decimals)',
  },
  fec_debit_credit_empty: {
    fr: 'Debit et Credit sont tous deux vides',
    en: 'Debit and Credit are both empty',
  },
  fec_entry_unbalanced: {
    fr: 'écriture déséquilibrée (regroupée par journal et EcritureNum) : débit − crédit = {difference}',
    en: 'entry does not balance (grouped by journal and EcritureNum): debit − credit = {difference}',
  },
  fec_entry_unbalanced_spanning_dates: {
    fr:
      'écriture déséquilibrée (regroupée par journal et EcritureNum, non unique : sur plusieurs dates) : ' +
      'débit − crédit = {difference}',
    en:
      'entry does not balance (grouped by journal and EcritureNum (not unique: spans several dates)): ' +
      'debit − credit = {difference}',
  },
  fec_file_unbalanced: {
    fr: 'le fichier n’est pas équilibré : total débit − total crédit = {difference}',
    en: 'the file does not balance: total debit − total credit = {difference}',
  },
  fec_more_problems_omitted: {
    fr: '{count} autre(s) problème(s) non listé(s)',
    en: '{count} more problem(s) not listed',
  },
  fec_currency_conflict: {
    fr: 'la devise du client est {customerCurrency}, celle de la comptabilité {currency}',
    en: "the customer's currency is {customerCurrency}, the books' {currency}",
  },
  fec_kind_conflict: {
    fr: 'cette ligne a déjà été importée comme {kind} : utilisez --journal pour garder le type du journal',
    en: "this line was imported before as a {kind}: use --journal to keep the journal's type",
  },
  fec_rejected: {
    fr: '{file} : fichier refusé, {count} problème(s) ; rien n’a été importé',
    en: '{file}: rejected, {count} problem(s); nothing was imported',
  },
} as const satisfies Record<string, Messages>;
