/**
 * The predicted payment of an open invoice in the customer file: the median date, with the
 * P10–P90 range and the probability of lateness beneath it, the reasons on hover; « no payment
 * expected outside the plan » for a claim from before an insolvency judgment.
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
  const reasons = prediction.reasons.map((reason) => reason.message);
  // A claim from before its customer's insolvency judgment is paid through the court's plan, if
  // ever: it has no date to show, only why.
  if (prediction.paymentExpected === false)
    return (
      <Tooltip label={reasons.join('\n')} multiline w={360} style={{ whiteSpace: 'pre-line' }}>
        <Text size="sm" c="red.8">
          {t('forecast.cli.noPaymentExpected')}
        </Text>
      </Tooltip>
    );
  const range = t('forecast.page.range', {
    p10: date(prediction.p10Date, lang),
    p90: date(prediction.p90Date, lang),
  });
  const late = t('forecast.page.lateProbability', { probability: percent(prediction.probabilityLate, lang) });
  // The range and the chance of lateness are written out, not only on hover: a touch screen or a
  // keyboard never shows a tooltip. The reasons, longer, stay on hover.
  return (
    <Tooltip
      label={[range, late, ...reasons].join('\n')}
      multiline
      w={360}
      style={{ whiteSpace: 'pre-line' }}
    >
      <div>
        <Text size="sm" c={prediction.probabilityLate >= 0.5 ? 'orange.8' : undefined}>
          {date(prediction.predictedDate, lang)}
        </Text>
        <Text size="xs" c="dimmed">
          {range} · {late}
        </Text>
      </div>
    </Tooltip>
  );
}
