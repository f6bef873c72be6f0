/** Labels of document kinds as the API names them. */
import type { Lang } from '../i18n.tsx';

const KINDS: Record<Lang, Record<string, string>> = {
  fr: {
    invoice: 'Facture',
    credit_note: 'Avoir',
    payment: 'Règlement',
    bounced_payment: 'Impayé',
    write_off: 'Passage en perte',
    adjustment: 'Ajustement',
  },
  en: {
    invoice: 'Invoice',
    credit_note: 'Credit note',
    payment: 'Payment',
    bounced_payment: 'Bounced payment',
    write_off: 'Write-off',
    adjustment: 'Adjustment',
  },
};

export const documentKind = (kind: string, lang: Lang): string => KINDS[lang][kind] ?? kind;
