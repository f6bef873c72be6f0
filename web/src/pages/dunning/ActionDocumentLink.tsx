/**
 * The link to what a reminder sent: its letter as a PDF (a new tab) or its e-mail as sent (the
 * outbox's page of the message). Worded for a run's table or for the customer's timeline, where an
 * e-mail that has not reached the customer says so beside its link.
 */
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n.tsx';
import { type ActionDocument, undelivered } from './run-record-types.ts';

const WORDS = {
  run: { letter: 'dunningHistory.letterPdf', email: 'dunningHistory.emailAsSent' },
  timeline: { letter: 'dunningHistory.timelineLetter', email: 'dunningHistory.timelineEmail' },
} as const;

export function ActionDocumentLink({
  document,
  wording,
}: {
  document: ActionDocument;
  wording: keyof typeof WORDS;
}) {
  const { t } = useI18n();
  const words = WORDS[wording];
  return document.kind === 'letter' ? (
    <Anchor href={document.href} target="_blank" size="sm" data-testid="dunning-letter-link">
      {t(words.letter)}
    </Anchor>
  ) : (
    <>
      <Anchor component={Link} to={document.to} size="sm" data-testid="dunning-email-link">
        {t(words.email)}
      </Anchor>
      {/* The run's table says it in its status column; the timeline has none. */}
      {wording === 'timeline' && undelivered(document.delivery) && (
        <Text size="sm" c="red" span ml={6} data-testid="dunning-email-undelivered">
          {t('dunningHistory.delivery', { delivery: document.delivery })}
        </Text>
      )}
    </>
  );
}
