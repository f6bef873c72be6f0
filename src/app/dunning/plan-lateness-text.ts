/**
 * The words of a plan's probabilities of lateness: why an invoice got no pre-due reminder, where
 * the probabilities came from, and the plan's notices (CLI and API readers; the web words its own).
 */
import { type Lang, label, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { likelyOnTimeReason } from '#text/prediction-lateness';
import { type LatenessSourceView, PLAN_PREDICTIONS_MAX_AGE_DAYS, type PlanNotice } from './plan-lateness.ts';
import type { SkippedView } from './plan-run.ts';

/** A skipped invoice's reason; a likely-on-time one with its probability and the step's minimum. */
export function skippedReasonText(
  lang: Lang,
  s: Pick<SkippedView, 'reason' | 'lateProbabilityBp' | 'minimumLateProbabilityBp'>,
): string {
  if (
    s.reason === 'likely_on_time' &&
    s.lateProbabilityBp !== undefined &&
    s.minimumLateProbabilityBp !== undefined
  )
    return likelyOnTimeReason(lang, s.lateProbabilityBp, s.minimumLateProbabilityBp);
  return label(lang, 'dunningSkip', s.reason);
}

/** One line per thing the reader should know: the probabilities' source, then the notices. */
export function latenessLines(
  lang: Lang,
  view: { lateProbabilitySource?: LatenessSourceView; notices?: readonly PlanNotice[] },
): string[] {
  const t = translator(lang);
  const source = view.lateProbabilitySource;
  const lines: string[] = [];
  if (source?.kind === 'stored_predictions')
    lines.push(t('forecastDunning.source.stored_predictions', { date: formatDate(lang, source.asOf) }));
  if (source?.kind === 'stored_model')
    lines.push(t('forecastDunning.source.stored_model', { date: formatDate(lang, source.trainedAsOf) }));
  for (const notice of view.notices ?? [])
    lines.push(t(`forecastDunning.notice.${notice}`, { days: PLAN_PREDICTIONS_MAX_AGE_DAYS }));
  return lines;
}
