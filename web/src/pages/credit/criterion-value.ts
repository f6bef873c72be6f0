/**
 * A scoring criterion's input as a person reads it: a label for a code (never `sas`), a unit for
 * a figure (« 26,9 j », « 29 ans », « 0,33 % »). Kept apart from the risk panel to be tested.
 */
import { hasLabel, type Lang } from '../../../../src/text/catalogue.ts';
import { number, percentBps } from '../../format.ts';

export interface CriterionValue {
  criterion: string;
  value: number | string;
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
): string {
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
