/**
 * The predicted payment of an open invoice in the customer file: the median date, with the
 * P10–P90 range, the probability of lateness and the reasons on hover.
 */
import { Text, Tooltip } from '@mantine/core';
import type { Static } from 'typebox';
import type { PredictionsSchema } from '../../../../src/http/schemas/forecast.ts';
import { date, percent } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

type Prediction = Static<typeof PredictionsSchema>['items'][number];

/** The customer's predictions by document reference (none while loading or when refused). */
export function usePredictions(code: string): Map<string, Prediction> {
  const { lang } = useI18n();
  const loaded = useApi<Static<typeof PredictionsSchema>>(
    `/api/customers/${encodeURIComponent(code)}/predictions?lang=${lang}`,
  );
  return new Map((loaded.data?.items ?? []).map((item) => [item.documentRef, item]));
}

export function PredictedPayment({ prediction }: { prediction: Prediction | undefined }) {
  const { t, lang } = useI18n();
  if (!prediction) return null;
  const details = [
    t('forecast.page.range', { p10: date(prediction.p10Date, lang), p90: date(prediction.p90Date, lang) }),
    t('forecast.page.lateProbability', { probability: percent(prediction.probabilityLate, lang) }),
    ...prediction.reasons.map((reason) => reason.message),
  ];
  return (
    <Tooltip label={details.join('\n')} multiline w={360} style={{ whiteSpace: 'pre-line' }}>
      <Text size="sm" c={prediction.probabilityLate >= 0.5 ? 'orange.8' : undefined}>
        {date(prediction.predictedDate, lang)}
      </Text>
    </Tooltip>
  );
}
