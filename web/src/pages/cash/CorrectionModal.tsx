/** A person's own match of a receipt: another customer, other items, a write-off. */
import { Alert, Button, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Static } from 'typebox';
import type { ReceiptListSchema } from '../../../../src/http/routes/cash-schemas.ts';
import { ApiError, api } from '../../api.ts';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { CustomerPicker, chosenTotalMinor, OpenItemsPicker, useOpenItems } from './CashPickers.tsx';

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
  const { t, lang } = useI18n();
  const [customerCode, setCustomerCode] = useState('');
  const [refs, setRefs] = useState<string[]>([]);
  const [writeOff, setWriteOff] = useState<number | string>(0);
  const [error, setError] = useState<string | null>(null);
  const currency = receipt?.currency ?? 'EUR';
  const items = useOpenItems(customerCode, currency);
  // Another receipt: a blank form, not the last one's choices.
  const transactionId = receipt?.transactionId;
  useEffect(() => {
    if (transactionId === undefined) return;
    setCustomerCode('');
    setRefs([]);
    setWriteOff(0);
    setError(null);
  }, [transactionId]);
  const chooseCustomer = (code: string) => {
    setCustomerCode(code);
    setRefs([]);
  };
  const save = async () => {
    if (!receipt) return;
    try {
      await api(`/api/cash/receipts/${receipt.transactionId}/apply`, {
        method: 'POST',
        body: {
          customerCode: customerCode.trim(),
          documentRefs: refs,
          writeOffMinor: Math.round(Number(writeOff || 0) * 100),
        },
      });
      onDone();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };
  return (
    <Modal opened={receipt !== null} onClose={onClose} title={t('cash.page.correctTitle')} size="lg">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <CustomerPicker value={customerCode} onChange={chooseCustomer} testId="correct-customer" />
        <OpenItemsPicker
          items={items}
          value={refs}
          onChange={setRefs}
          customerChosen={customerCode.trim() !== ''}
          testId="correct-items"
        />
        {refs.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('cash.page.chosenTotal', {
              chosen: money(chosenTotalMinor(items, refs), currency, lang),
              receipt: money(receipt?.amountMinor ?? 0, currency, lang),
            })}
          </Text>
        )}
        <DecimalInput
          label={t('cash.page.writeOff')}
          unit="money"
          currency={currency}
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
