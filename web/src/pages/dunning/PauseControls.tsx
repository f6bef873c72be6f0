/** Pausing one invoice's reminders from the run preview (a reason and an end date), and lifting it. */
import { Button, Group, Paper, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { useI18n } from '../../i18n.tsx';

export function PauseForm({
  documentRef,
  customerCode,
  onClose,
}: {
  documentRef: string;
  customerCode: string;
  onClose(changed: boolean): void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await api('/api/dunning/pauses', {
        method: 'POST',
        body: { documentRef, customerCode, reason, pausedUntil: until },
      });
      onClose(true);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  return (
    <Paper withBorder p="xs" data-testid="pause-form">
      <Group align="end" gap="xs">
        <TextInput
          label={t('dunningCases.page.pauseReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <DayDateInput label={t('dunningCases.page.pauseUntil')} value={until} onChange={setUntil} w={130} />
        <Button size="xs" disabled={!reason.trim() || !until} onClick={save}>
          {t('dunningCases.page.pause')}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => onClose(false)}>
          {t('dunning.page.cancel')}
        </Button>
      </Group>
      {error && <div role="alert">{error}</div>}
    </Paper>
  );
}

export function LiftPauseButton({ pauseId, onDone }: { pauseId: number; onDone(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const lift = async () => {
    setBusy(true);
    try {
      await api(`/api/dunning/pauses/${pauseId}/lift`, { method: 'POST', body: {} });
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="compact-xs" variant="light" loading={busy} onClick={lift}>
      {t('dunningCases.page.unpause')}
    </Button>
  );
}
