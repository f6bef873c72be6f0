/** Records that an applied receipt bounced (from the applied list or a statement's return line). */
import { Alert, Button, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { useI18n } from '../../i18n.tsx';

export function BounceModal({
  transactionId,
  returnTransactionId,
  onClose,
  onDone,
}: {
  transactionId: number | null;
  returnTransactionId?: number | undefined;
  onClose(): void;
  onDone(message: string): void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [fee, setFee] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (transactionId === null) return;
    try {
      const result = await api<{ bounceRef: string }>(`/api/cash/receipts/${transactionId}/bounce`, {
        method: 'POST',
        body: {
          ...(returnTransactionId ? { returnTransactionId } : {}),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(fee !== '' ? { feeMinor: Math.round(Number(fee) * 100) } : {}),
        },
      });
      onDone(t('cash.page.bounced', { ref: result.bounceRef }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };
  return (
    <Modal opened={transactionId !== null} onClose={onClose} title={t('cash.page.bounceTitle')}>
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <TextInput
          label={t('cash.page.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <DecimalInput
          label={t('cash.page.fee')}
          unit="money"
          value={fee}
          onChange={setFee}
          min={0}
          decimalScale={2}
        />
        <Button color="red" onClick={save}>
          {t('cash.page.bounce')}
        </Button>
      </Stack>
    </Modal>
  );
}
