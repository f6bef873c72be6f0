/**
 * The predicted payment of an open invoice in the customer file: the median date, with the
 * P10–P90 range (or, when the P90 is the horizon, the chance of no payment before it) and the
 * probability of lateness beneath it, and the reasons in a disclosure
 * (« Pourquoi cette prévision ») that a keyboard, a touch or a screen reader opens as well as a
 * mouse. When no payment is expected, no date: a claim from before an insolvency judgment says
 * « pas de paiement attendu hors plan », an invoice older than most ever paid « pas de paiement
 * attendu dans l'année », with the reason's figures in the disclosure. An invoice already overdue
 * is late for sure: instead of « Probabilité de retard : 100 % », the days it is late and the
 * chance of passing the next threshold (30, then 60 days late).
 */
import { Text } from '@mantine/core';
import type { Static } from 'typebox';
import type { PredictionsSchema } from '../../../../src/http/schemas/forecast.ts';
import { latenessLine } from '../../../../src/text/prediction-lateness.ts';
import { date } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { customerPaths } from './customer-requests.ts';

/** A prediction with the date it was made as of (the answer's `asOf`). */
type Prediction = Static<typeof PredictionsSchema>['items'][number] & { asOf: string };

/** The customer's predictions by document reference (none while loading or when refused). */
export function usePredictions(code: string): Map<string, Prediction> {
  const { lang } = useI18n();
  const loaded = useApi<Static<typeof PredictionsSchema>>(customerPaths.predictions(code, lang));
  const asOf = loaded.data?.asOf ?? '';
  return new Map((loaded.data?.items ?? []).map((item) => [item.documentRef, { ...item, asOf }]));
}

/** The reasons, folded under a native summary: focusable, opened by Enter, Space or a tap. */
function Reasons({ messages }: { messages: readonly string[] }) {
  const { t } = useI18n();
  if (messages.length === 0) return null;
  return (
    <details data-testid="prediction-reasons">
      <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)' }}>
        {t('forecastModel.page.reasons')}
      </summary>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
        {messages.map((message) => (
          <li key={message}>
            <Text size="xs">{message}</Text>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function PredictedPayment({ prediction }: { prediction: Prediction | undefined }) {
  const { t, lang } = useI18n();
  if (!prediction) return null;
  const reasons = prediction.reasons.map((reason) => reason.message);
  // No payment expected: no date, only why. A claim from before its customer's insolvency
  // judgment is paid through the court's plan, if ever; an invoice older than most ever paid
  // (first reason 'no_payment_expected') is unlikely to be paid within the year.
  if (prediction.paymentExpected === false) {
    const veryOld = prediction.reasons[0]?.code === 'no_payment_expected';
    return (
      <div>
        <Text size="sm" c="red.8">
          {veryOld && reasons[0] ? reasons[0] : t('forecast.cli.noPaymentExpected')}
        </Text>
        <Reasons messages={veryOld ? reasons.slice(1) : reasons} />
      </div>
    );
  }
  // A P90 at the horizon is where the calculation stops, not the end of a range: said as such.
  const range = t(prediction.p90AtHorizon ? 'forecast.page.rangeToHorizon' : 'forecast.page.range', {
    p10: date(prediction.p10Date, lang),
    p90: date(prediction.p90Date, lang),
  });
  const late = latenessLine(lang, prediction);
  return (
    <div>
      <Text size="sm" c={prediction.probabilityLate >= 0.5 ? 'orange.8' : undefined}>
        {date(prediction.predictedDate, lang)}
      </Text>
      <Text size="xs" c="dimmed">
        {range} · {late}
      </Text>
      <Reasons messages={reasons} />
    </div>
  );
}
