/**
 * What kind of journal a JournalCode is, which decides the kind of the documents read from it.
 * No standard exists: the label is the best clue ("Ventes", "Banque BNP", "A nouveaux"), then the
 * usual codes (VE, BQ1, AN…), then the packages' generic labels ("VE11", "TR21", "OD54").
 * `--journal CODE=type` overrides any guess.
 */
import type { DocumentKind } from '#core/types';

export const JOURNAL_TYPES = ['sales', 'bank', 'cash', 'opening', 'purchases', 'other'] as const;
export type JournalType = (typeof JOURNAL_TYPES)[number];

export function isJournalType(text: string): text is JournalType {
  return (JOURNAL_TYPES as readonly string[]).includes(text);
}

const LABEL_RULES: ReadonlyArray<[RegExp, JournalType]> = [
  [/\b(a nouveaux?|anouveaux?|report a nouveau|ouverture|opening|reouverture)\b/, 'opening'],
  [/\b(caisse|cash|especes)\b/, 'cash'],
  [
    /\b(banque|bank|bnp|paribas|lcl|cic|credit agricole|credit mutuel|societe generale|caisse d epargne|banque populaire|la poste|hsbc|qonto|tresorerie|encaissements?|reglements?|lcr|effets)\b/,
    'bank',
  ],
  [/\b(ventes?|sales?|factur\w*|invoices?|clients?)\b/, 'sales'],
  [/\b(achats?|purchases?|fournisseurs?)\b/, 'purchases'],
];

const CODE_RULES: ReadonlyArray<[RegExp, JournalType]> = [
  [/^(an|ano|ran|ad|ouv|nouv)$/, 'opening'],
  [/^(ve|vt|vte|ven|vent|fac|sal|sj|vf)\d*$/, 'sales'],
  [/^(bq|bqe|bnq|bk|ban|bank|bnp|lcl|cic|cag|sg|cm|ccp|chq|lcr|tr)\d*$/, 'bank'],
  [/^(ca|cs|cai|cais|csh)\d*$/, 'cash'],
  [/^(ac|ha|ach|pu|fo)\d*$/, 'purchases'],
];

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function inferJournalType(code: string, label: string): JournalType {
  const normalisedLabel = normalise(label);
  for (const [pattern, type] of LABEL_RULES) if (pattern.test(normalisedLabel)) return type;
  const compactCode = normalise(code).replace(/ /g, '');
  for (const [pattern, type] of CODE_RULES) if (pattern.test(compactCode)) return type;
  // Generic labels made of a code and a number ("VE11", "TR21") follow the code rules.
  const compactLabel = normalisedLabel.replace(/ /g, '');
  for (const [pattern, type] of CODE_RULES) if (pattern.test(compactLabel)) return type;
  return 'other';
}

/** The document a customer-account line becomes, from its journal type and its side. */
export function documentKindFor(type: JournalType, amountMinor: number): DocumentKind {
  const isDebit = amountMinor > 0;
  switch (type) {
    case 'sales':
      return isDebit ? 'invoice' : 'credit_note';
    case 'bank':
    case 'cash':
      // A debit on a customer account from the bank is a bounced payment or a refund.
      return isDebit ? 'bounced_payment' : 'payment';
    case 'opening':
      // Carried-forward items: open debts stay invoices, open credits stay unapplied cash.
      return isDebit ? 'invoice' : 'payment';
    default:
      return 'adjustment';
  }
}
