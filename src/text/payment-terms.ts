/**
 * Payment terms in words, from their canonical spec (`net:30` → « 30 jours nets », `eom:45` →
 * « 45 jours fin de mois »). The wordings parse back to the same terms (`parsePaymentTerms`).
 */
import {
  formatPaymentTermsSpec,
  MAX_EOM_DAY_OF_MONTH,
  type PaymentTerms,
  parsePaymentTerms,
} from '../core/ledger/payment-terms.ts';
import { formatMessage, type Lang } from './icu.ts';

function keyAndParams(terms: PaymentTerms): [string, Record<string, number>] {
  switch (terms.kind) {
    case 'net':
      return ['terms.net', { days: terms.days }];
    case 'eom':
      return [terms.method === 'A' ? 'terms.eom' : 'terms.eomB', { days: terms.days }];
    case 'eom_plus': {
      const isDayOfMonth = terms.plusDays >= 1 && terms.plusDays <= MAX_EOM_DAY_OF_MONTH;
      return isDayOfMonth
        ? ['terms.eomPlusDay', { days: terms.days, day: terms.plusDays }]
        : ['terms.eomPlus', { days: terms.days, plus: terms.plusDays }];
    }
    case 'net_day':
      return ['terms.netDay', { days: terms.days, day: terms.dayOfMonth }];
  }
}

/** Human wording of parsed terms; throws on invalid terms like `formatPaymentTermsSpec`. */
export function describePaymentTerms(terms: PaymentTerms, lang: Lang): string {
  formatPaymentTermsSpec(terms);
  const [key, params] = keyAndParams(terms);
  return formatMessage(lang, key, params) ?? key;
}

/**
 * Label of stored terms: a canonical spec or a wording that parses; null when the text is not
 * understood (the caller decides whether to show it as it is).
 */
export function paymentTermsLabel(lang: Lang, spec: string): string | null {
  const terms = parsePaymentTerms(spec);
  return terms ? describePaymentTerms(terms, lang) : null;
}
