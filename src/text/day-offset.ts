/**
 * A day counted from the due date, as credit people write it: « J−5 », « À l’échéance », « J+15 »
 * in French, "D−5", "D+15" in English — a true minus sign and no space, one way everywhere. It
 * takes the reader's `t` (as dunning-step-name.ts does), so the web app can word it with its hook.
 */

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function dayOffset(t: Translate, days: number): string {
  if (days === 0) return t('procedureReports.offset.due');
  const key = days < 0 ? 'procedureReports.offset.before' : 'procedureReports.offset.after';
  return t(key, { days: Math.abs(days) });
}
