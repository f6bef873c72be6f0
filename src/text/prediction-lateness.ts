/**
 * The lateness line under an invoice's predicted payment date (the customer file). An invoice
 * already overdue is late for sure, so « Probabilité de retard : 100 % » would tell nothing: it
 * reads its days late and the chance of passing the next threshold the model gives (30, then 60
 * days late); beyond 60 days, the days late alone.
 */
import { daysBetween } from '#core/calendar';
import { type Lang, translator } from './catalogue.ts';
import { formatPercent } from './format.ts';

export interface LatenessFigures {
  asOf: string;
  dueDate: string;
  probabilityLate: number;
  probabilityOver30: number;
  probabilityOver60: number;
}

export function latenessLine(lang: Lang, prediction: LatenessFigures): string {
  const t = translator(lang);
  const daysLate = daysBetween(prediction.dueDate, prediction.asOf);
  if (daysLate <= 0)
    return t('forecast.page.lateProbability', {
      probability: formatPercent(lang, prediction.probabilityLate),
    });
  const late = t('forecast.page.overdueBy', { days: daysLate });
  if (daysLate >= 60) return late;
  const limit = daysLate < 30 ? 30 : 60;
  const probability = limit === 30 ? prediction.probabilityOver30 : prediction.probabilityOver60;
  return `${late} · ${t('forecast.page.overProbability', { limit, probability: formatPercent(lang, probability) })}`;
}
