/** A person's own match of a receipt: another customer, other items, a write-off. */
import { Alert, Button, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Static } from 'typebox';
import type { ReceiptListSchema } from '../../../../src/http/routes/cash-schemas.ts';
import { ApiError, api } from '../../api.ts';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { useI18n } from '../../i18n.tsx';

export type Receipt = Static<typeof ReceiptListSchema>['items'][number];

export function CorrectionModal({
  receipt,
  onClose,
  onDone,
}: {
  receipt: Receipt | null;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useI18n();
  const [customerCode, setCustomerCode] = useState('');
  const [refs, setRefs] = useState('');
  const [writeOff, setWriteOff] = useState<number | string>(0);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!receipt) return;
    try {
      await api(`/api/cash/receipts/${receipt.transactionId}/apply`, {
        method: 'POST',
        body: {
          customerCode: customerCode.trim(),
          documentRefs: refs.split(/\s+/).filter(Boolean),
          writeOffMinor: Math.round(Number(writeOff || 0) * 100),
        },
      });
      onDone();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };
  return (
    <Modal opened={receipt !== null} onClose={onClose} title={t('cash.page.correctTitle')}>
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <TextInput
          label={t('cash.page.customerCode')}
          value={customerCode}
          onChange={(event) => setCustomerCode(event.currentTarget.value)}
        />
        <TextInput
          label={t('cash.page.refs')}
          value={refs}
          onChange={(event) => setRefs(event.currentTarget.value)}
        />
        <DecimalInput
          label={t('cash.page.writeOff')}
          unit="money"
          currency={receipt?.currency ?? 'EUR'}
          value={writeOff}
          onChange={setWriteOff}
          min={0}
          decimalScale={2}
        />
        <Button onClick={save} disabled={customerCode.trim() === ''}>
          {t('cash.page.save')}
        </Button>
      </Stack>
    </Modal>
  );
}
