/**
 * Typing what became of a registered letter on the run page: La Poste's number with the day it was
 * posted, then the acknowledgement of receipt or the return. The number is checked as it is typed
 * (the core's rule, the same the server applies); what the server refuses (a number another letter
 * holds, a date before the letter) is shown under the fields in its words.
 */
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  normaliseTrackingNumber,
  REGISTERED_OUTCOMES,
} from '../../../../src/core/dunning/registered-mail.ts';
import { ApiError, api } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { useI18n } from '../../i18n.tsx';

function useRecording(onSaved: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const record = async (path: string, body: object) => {
    setBusy(true);
    setError(null);
    try {
      await api(path, { method: 'POST', body });
      onSaved();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, record };
}

interface FormProps {
  actionId: number;
  onSaved(): void;
  /** Leaves a correction without saving (absent for a first entry). */
  onCancel?: (() => void) | undefined;
}

function FormButtons({
  disabled,
  busy,
  onSave,
  onCancel,
}: {
  disabled: boolean;
  busy: boolean;
  onSave(): void;
  onCancel?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <Button size="xs" disabled={disabled} loading={busy} onClick={onSave}>
        {t('dunningHistory.trackingSave')}
      </Button>
      {onCancel && (
        <Button size="xs" variant="subtle" onClick={onCancel}>
          {t('dunning.page.cancel')}
        </Button>
      )}
    </>
  );
}

export function TrackingNumberForm({
  actionId,
  number,
  depositedOn,
  onSaved,
  onCancel,
}: FormProps & { number: string; depositedOn: string }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(number);
  const [deposit, setDeposit] = useState(depositedOn);
  const { error, busy, record } = useRecording(onSaved);
  const valid = normaliseTrackingNumber(typed) !== null;
  return (
    <Stack gap={4} data-testid="registered-number-form">
      <Group gap="xs" align="start" wrap="nowrap">
        <TextInput
          size="xs"
          w={170}
          aria-label={t('dunningHistory.trackingNumber')}
          placeholder={t('dunningHistory.trackingExample')}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          error={typed.trim() !== '' && !valid ? t('dunningHistory.trackingFormat') : undefined}
        />
        <DayDateInput
          size="xs"
          w={110}
          aria-label={t('dunningHistory.depositedOn')}
          value={deposit}
          onChange={setDeposit}
        />
        <FormButtons
          disabled={!valid || !deposit}
          busy={busy}
          onCancel={onCancel}
          onSave={() =>
            record(`/api/dunning/registered-letters/${actionId}/tracking-number`, {
              trackingNumber: typed,
              depositedOn: deposit,
            })
          }
        />
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

export function OutcomeForm({
  actionId,
  outcome,
  outcomeOn,
  onSaved,
  onCancel,
}: FormProps & { outcome: string | null; outcomeOn: string | null }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string | null>(outcome);
  const [on, setOn] = useState(outcomeOn ?? '');
  const { error, busy, record } = useRecording(onSaved);
  return (
    <Stack gap={4} data-testid="registered-outcome-form">
      <Group gap="xs" align="start" wrap="nowrap">
        <Select
          size="xs"
          w={230}
          aria-label={t('dunningHistory.trackingOutcome')}
          placeholder={t('dunningHistory.outcomeWaiting')}
          data={REGISTERED_OUTCOMES.map((code) => ({
            value: code,
            label: t('dunningHistory.outcomeOption', { outcome: code }),
          }))}
          value={chosen}
          onChange={setChosen}
        />
        <DayDateInput
          size="xs"
          w={110}
          aria-label={t('dunningHistory.outcomeOn')}
          value={on}
          onChange={setOn}
        />
        <FormButtons
          disabled={!chosen || !on}
          busy={busy}
          onCancel={onCancel}
          onSave={() =>
            record(`/api/dunning/registered-letters/${actionId}/outcome`, { outcome: chosen, outcomeOn: on })
          }
        />
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
