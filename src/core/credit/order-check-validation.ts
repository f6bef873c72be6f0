/** The order check's rules as a configuration: what makes a version unusable before it is saved. */
import { isValidIsoDate } from '../calendar.ts';
import type { OrderCheckRules } from './order-check.ts';
import type { Problem } from './reason.ts';

export function validateOrderCheckRules(rules: OrderCheckRules): Problem[] {
  const problems: Problem[] = [];
  if (rules.version.trim() === '') problems.push({ code: 'version_missing', params: {} });
  if (!isValidIsoDate(rules.effectiveFrom)) {
    problems.push({ code: 'effective_date_invalid', params: { effectiveFrom: rules.effectiveFrom } });
  }
  const naturals: [string, number | null][] = [
    ['overLimitToleranceBps', rules.overLimitToleranceBps],
    ['overLimitToleranceMinor', rules.overLimitToleranceMinor],
    ['overdueMaxDays', rules.overdueMaxDays],
    ['overdueMaxMinor', rules.overdueMaxMinor],
  ];
  for (const [field, value] of naturals) {
    if (value !== null && (!Number.isSafeInteger(value) || value < 0)) {
      problems.push({ code: 'value_not_natural', params: { field, value } });
    }
  }
  const elements = new Set<string>();
  for (const element of rules.requiredElements) {
    if (element.trim() === '' || elements.has(element)) {
      problems.push({ code: 'required_element_invalid', params: { element } });
    }
    elements.add(element);
  }
  return problems;
}
