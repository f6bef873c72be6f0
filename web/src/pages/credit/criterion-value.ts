/**
 * A scoring criterion's input as a person reads it: a label for a code (never `sas`), a unit for
 * a figure (« 26,9 j », « 29 ans », « 0,33 % »). Kept apart from the risk panel to be tested.
 */
import { hasLabel, type Lang } from '../../../../src/text/catalogue.ts';
import { money, number, percentBps } from '../../format.ts';

export interface CriterionValue {
  criterion: string;
  value: number | string;
}

/** The amount behind the share with no payment expected, when the score kept it. */
export interface NoPaymentExpectedAmount {
  amountMinor: number | null;
  currency: string;
}

/** Category criteria and the label domain of their codes. */
const CATEGORY_DOMAINS: Readonly<Record<string, string>> = {
  payment_trend: 'paymentTrend',
  sector_risk: 'sectorRisk',
  legal_form: 'legalForm',
};

/** Criteria measured in days (averages and predictions, one decimal). */
const DAYS = new Set(['average_days_late', 'predicted_days_late']);
/** Criteria counted in whole days (an item's days past due). */
const WHOLE_DAYS = new Set(['oldest_overdue_days']);

export function criterionValueText(
  lang: Lang,
  t: (key: string, values?: Record<string, string | number>) => string,
  label: (domain: string, code: string) => string,
  c: CriterionValue,
  noPayment?: NoPaymentExpectedAmount,
): string {
  // The amount first, its share after (« 123 456,78 € (42,00 %) »): a share alone hides how much.
  const amountMinor = noPayment?.amountMinor ?? null;
  if (c.criterion === 'no_payment_expected_share_bps' && typeof c.value === 'number' && amountMinor !== null)
    return t('credit.web.noPaymentExpectedValue', {
      amount: money(amountMinor, noPayment?.currency ?? '', lang),
      share: percentBps(c.value, lang),
    });
  if (typeof c.value === 'string') {
    const domain = CATEGORY_DOMAINS[c.criterion];
    if (domain && hasLabel(lang, domain, c.value)) return label(domain, c.value);
    // A legal form the catalogue does not list (the scale's « other »): its abbreviation in capitals.
    return c.criterion === 'legal_form' ? c.value.toUpperCase() : c.value;
  }
  if (c.criterion.endsWith('_bps')) return percentBps(c.value, lang);
  if (DAYS.has(c.criterion)) return t('credit.web.valueDays', { days: number(c.value, lang, 1) });
  if (WHOLE_DAYS.has(c.criterion)) return t('credit.web.valueDays', { days: number(c.value, lang, 0) });
  if (c.criterion === 'company_age_years') return t('credit.web.valueYears', { n: c.value });
  if (c.criterion === 'conan_holder_z') return number(c.value, lang, 2);
  return number(c.value, lang);
}
