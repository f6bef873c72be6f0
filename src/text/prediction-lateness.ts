/**
 * The lateness line under an invoice's predicted payment date (the customer file). An invoice
 * already overdue is late for sure, so « Probabilité de retard : 100 % » would tell nothing: it
 * reads its days late and the chance of passing the next threshold the model gives (30, then 60
 * days late); beyond 60 days, the days late alone.
 *
 * A model's probability is never a certainty: rounded to « 100 % » or « 0 % » it would read as one
 * (a walker saw « probabilité de dépasser 30 jours de retard : 100 % » on invoices 5 to 26 days
 * late). It is shown capped at « > 99 % » and « < 1 % »; only a fact (already late, already past
 * the threshold) is said without a probability.
 */
import { daysBetween } from '#core/calendar';
import { type Lang, translator } from './catalogue.ts';
import { formatPercent, formatPercentBps } from './format.ts';

export interface LatenessFigures {
  asOf: string;
  dueDate: string;
  probabilityLate: number;
  probabilityOver30: number;
  probabilityOver60: number;
}

/** A model's probability in words: whole percents, never « 0 % » nor « 100 % » (see above). */
export function modelProbability(lang: Lang, probability: number): string {
  const t = translator(lang);
  const wholePercent = Math.round(probability * 100);
  if (wholePercent >= 100) return t('forecast.page.probabilityAbove', { percent: formatPercent(lang, 0.99) });
  if (wholePercent <= 0) return t('forecast.page.probabilityBelow', { percent: formatPercent(lang, 0.01) });
  return formatPercent(lang, probability);
}

/**
 * Why a pre-due reminder is skipped (dunning run, CLI, API and web): the model's probability of
 * lateness, capped as above, under the step's minimum — a setting, so said as it is.
 */
export function likelyOnTimeReason(
  lang: Lang,
  lateProbabilityBp: number,
  minimumLateProbabilityBp: number,
): string {
  return translator(lang)('forecastDunning.likelyOnTime', {
    probability: modelProbability(lang, lateProbabilityBp / 10_000),
    minimum: formatPercentBps(lang, minimumLateProbabilityBp, 0),
  });
}

export function latenessLine(lang: Lang, prediction: LatenessFigures): string {
  const t = translator(lang);
  const daysLate = daysBetween(prediction.dueDate, prediction.asOf);
  if (daysLate <= 0)
    return t('forecast.page.lateProbability', {
      probability: modelProbability(lang, prediction.probabilityLate),
    });
  const late = t('forecast.page.overdueBy', { days: daysLate });
  if (daysLate >= 60) return late;
  const limit = daysLate < 30 ? 30 : 60;
  const probability = limit === 30 ? prediction.probabilityOver30 : prediction.probabilityOver60;
  return `${late} · ${t('forecast.page.overProbability', { limit, probability: modelProbability(lang, probability) })}`;
}

/**
 * The two lateness cells of a prediction in a table (`predict payments`): the probability of paying
 * late, then of passing 30 days late; each replaced by the fact once the invoice is past it.
 */
export function latenessCells(lang: Lang, prediction: LatenessFigures): { late: string; over30: string } {
  const t = translator(lang);
  const daysLate = daysBetween(prediction.dueDate, prediction.asOf);
  return {
    late: daysLate > 0 ? t('forecast.cli.alreadyLate') : modelProbability(lang, prediction.probabilityLate),
    over30:
      daysLate > 30 ? t('forecast.cli.alreadyOver30') : modelProbability(lang, prediction.probabilityOver30),
  };
}
