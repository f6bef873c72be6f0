/**
 * Why a run leaves out what it does: the invoices it skips (paused, a pre-due reminder likely paid
 * on time, or another reason) of the customers the review's filter names, with a button that lifts
 * a pause while the run is a preview, and where the pre-due reminders' probabilities of lateness
 * came from, or why there were none.
 */
import { Alert, Table, Text, Title } from '@mantine/core';
import { likelyOnTimeReason } from '../../../../src/text/prediction-lateness.ts';
import { date } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { LiftPauseButton } from './PauseControls.tsx';
import { filterSkipped, type ReviewFilter, type ReviewView } from './RunReviewModel.ts';

export function Skipped({
  view,
  filter,
  onLifted,
}: {
  view: ReviewView;
  /** The review's filter: only its customer (the search) applies to invoices not reminded. */
  filter?: Pick<ReviewFilter, 'search'>;
  onLifted(): void;
}) {
  const { t, lang, label } = useI18n();
  const previewing = view.runId === null;
  const shown = filterSkipped(view.skipped, filter ?? { search: '' });
  if (view.skipped.length === 0) return null;
  return (
    <>
      <Title order={3} size="h4">
        {t('dunning.page.skipped')}
      </Title>
      {shown.length === 0 && (
        <Text c="dimmed" data-testid="dunning-run-skipped-none">
          {t('dunningReview.skippedNoMatch')}
        </Text>
      )}
      <Table data-testid="dunning-run-skipped">
        <Table.Tbody>
          {shown.map((s) => (
            <Table.Tr key={`${s.customerCode}/${s.documentRef}`}>
              <Table.Td>{s.customerName ?? s.customerCode}</Table.Td>
              <Table.Td>{s.documentRef}</Table.Td>
              <Table.Td>
                {s.pauseReason !== undefined && s.pausedUntil !== undefined
                  ? t('dunningCases.skippedPause', {
                      reason: s.pauseReason,
                      until: date(s.pausedUntil, lang),
                    })
                  : s.lateProbabilityBp !== undefined && s.minimumLateProbabilityBp !== undefined
                    ? likelyOnTimeReason(lang, s.lateProbabilityBp, s.minimumLateProbabilityBp)
                    : label('dunningSkip', s.reason)}
              </Table.Td>
              <Table.Td>
                {previewing && s.pauseId !== undefined && (
                  <LiftPauseButton pauseId={s.pauseId} onDone={onLifted} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** Where the pre-due reminders' probabilities of lateness came from, or why there were none. */
export function LatenessNote({ view }: { view: ReviewView }) {
  const { t, lang } = useI18n();
  const source = view.lateProbabilitySource;
  if (!source) return null;
  if (source.kind === 'none')
    return (
      <Alert color="orange" data-testid="dunning-lateness-notice">
        {t('forecastDunning.notice.late_probability_unavailable', { days: 7 })}
      </Alert>
    );
  return (
    <Text size="sm" c="dimmed" data-testid="dunning-lateness-source">
      {source.kind === 'stored_predictions'
        ? t('forecastDunning.source.stored_predictions', { date: date(source.asOf, lang) })
        : t('forecastDunning.source.stored_model', { date: date(source.trainedAsOf, lang) })}
    </Text>
  );
}
