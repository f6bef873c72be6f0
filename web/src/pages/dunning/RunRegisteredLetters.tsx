/**
 * A run's registered letters, the tab of the run page: the deposit list to download, and per
 * letter its recipient, the sum claimed, its document, and what became of it — La Poste's number
 * with the day it was posted, then the acknowledgement of receipt or the return, typed here by
 * those who send the letters (others read them). A correction is recorded as a new entry.
 */
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { actorEmail } from '../../../../src/text/actor-name.ts';
import { useAuth } from '../../auth.tsx';
import { useActorName } from '../../components/ActorName.tsx';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { date, dateTime, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { addressText } from '../customer/identity-display.ts';
import { OutcomeForm, TrackingNumberForm } from './RegisteredTrackingForms.tsx';
import type { RegisteredLetter, RunDelivery } from './run-record-types.ts';

interface CellProps {
  letter: RegisteredLetter;
  canRecord: boolean;
  onSaved(): void;
}

function NumberCell({ letter, canRecord, onSaved, asOf }: CellProps & { asOf: string }) {
  const { t, lang } = useI18n();
  const nameOf = useActorName();
  const [editing, setEditing] = useState(false);
  const tracking = letter.tracking;
  const saved = () => {
    setEditing(false);
    onSaved();
  };
  if (tracking && !editing)
    return (
      <Stack gap={0} data-testid="registered-number">
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {tracking.trackingNumber}
        </Text>
        <Text size="xs" c="dimmed">
          {t('dunningHistory.trackingDeposited', { date: date(tracking.depositedOn, lang) })}
        </Text>
        <Text size="xs" c="dimmed" title={actorEmail(tracking.recordedBy) ?? undefined}>
          {t('dunningHistory.trackingRecordedBy', {
            when: dateTime(tracking.recordedAt, lang),
            who: nameOf(tracking.recordedBy),
            entries: tracking.entries,
          })}
        </Text>
        {canRecord && (
          <Anchor component="button" size="xs" ta="left" onClick={() => setEditing(true)}>
            {t('dunningHistory.trackingEdit')}
          </Anchor>
        )}
      </Stack>
    );
  if (!canRecord) return '—';
  return (
    <TrackingNumberForm
      actionId={letter.actionId}
      number={tracking?.trackingNumber ?? ''}
      // Letters are usually posted the day they are printed: the run's date to start from.
      depositedOn={tracking?.depositedOn ?? asOf}
      onSaved={saved}
      onCancel={tracking ? () => setEditing(false) : undefined}
    />
  );
}

function OutcomeCell({ letter, canRecord, onSaved }: CellProps) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState(false);
  const tracking = letter.tracking;
  const saved = () => {
    setEditing(false);
    onSaved();
  };
  if (!tracking)
    return (
      <Text size="xs" c="dimmed">
        {t('dunningHistory.outcomeNeedsNumber')}
      </Text>
    );
  if (tracking.outcome && tracking.outcomeOn && !editing)
    return (
      <Stack gap={0} data-testid="registered-outcome">
        <Text size="sm">
          {t('dunningHistory.outcomeState', {
            outcome: tracking.outcome,
            date: date(tracking.outcomeOn, lang),
          })}
        </Text>
        {canRecord && (
          <Anchor component="button" size="xs" ta="left" onClick={() => setEditing(true)}>
            {t('dunningHistory.trackingEdit')}
          </Anchor>
        )}
      </Stack>
    );
  if (!canRecord)
    return (
      <Text size="xs" c="dimmed">
        {t('dunningHistory.outcomeWaiting')}
      </Text>
    );
  return (
    <OutcomeForm
      actionId={letter.actionId}
      outcome={tracking.outcome}
      outcomeOn={tracking.outcomeOn}
      onSaved={saved}
      onCancel={tracking.outcome ? () => setEditing(false) : undefined}
    />
  );
}

/** Those who send the letters record what became of them (the API refuses the others). */
const RECORDERS = new Set(['admin', 'credit_manager', 'collector']);

export function RunRegisteredLetters({ delivery, onChanged }: { delivery: RunDelivery; onChanged(): void }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const canRecord = RECORDERS.has(me?.user.role ?? '');
  const list = (format: string) =>
    `/api/dunning/runs/${delivery.runId}/registered-letters?format=${format}&lang=${lang}`;
  if (delivery.registeredLetters.length === 0)
    return (
      <Text size="sm" c="dimmed" pt="sm" data-testid="dunning-registered-letters">
        {t('dunningHistory.registeredNone')}
      </Text>
    );
  return (
    <Stack gap={4} pt="sm" data-testid="dunning-registered-letters">
      <Group gap="md">
        <Anchor href={list('pdf')} target="_blank" size="sm" data-testid="dunning-deposit-list">
          {t('dunningHistory.depositPdf')}
        </Anchor>
        <Anchor href={list('csv')} size="sm">
          {t('dunningHistory.depositCsv')}
        </Anchor>
        <Anchor href={list('xlsx')} size="sm">
          {t('dunningHistory.depositXlsx')}
        </Anchor>
      </Group>
      {canRecord && (
        <Text size="xs" c="dimmed">
          {t('dunningHistory.trackingIntro')}
        </Text>
      )}
      <HorizontalScroll minWidth={1100}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dunningHistory.position')}</Table.Th>
              <Table.Th scope="col">{t('dunningHistory.recipient')}</Table.Th>
              <Table.Th scope="col">{t('dunningHistory.address')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dunningHistory.amount')}
              </Table.Th>
              <Table.Th scope="col">{t('dunningHistory.document')}</Table.Th>
              <Table.Th scope="col">{t('dunningHistory.trackingNumber')}</Table.Th>
              <Table.Th scope="col">{t('dunningHistory.trackingOutcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {delivery.registeredLetters.map((letter) => (
              <Table.Tr key={letter.actionId} data-testid="registered-letter-row">
                <Table.Td>{letter.position}</Table.Td>
                <Table.Td>{letter.customerName}</Table.Td>
                <Table.Td>{addressText(letter, lang) || '—'}</Table.Td>
                <Table.Td ta="right">{money(letter.totalDueMinor, letter.currency, lang)}</Table.Td>
                <Table.Td>
                  {letter.letterId === null ? (
                    '—'
                  ) : (
                    <Anchor href={`/api/dunning/letters/${letter.letterId}`} target="_blank" size="sm">
                      {t('dunningHistory.letterPdf')}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  <NumberCell
                    letter={letter}
                    canRecord={canRecord}
                    onSaved={onChanged}
                    asOf={delivery.asOf}
                  />
                </Table.Td>
                <Table.Td>
                  <OutcomeCell letter={letter} canRecord={canRecord} onSaved={onChanged} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </HorizontalScroll>
    </Stack>
  );
}
