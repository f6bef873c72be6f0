/**
 * The confirmation before a match is reversed: what the reversal reopens (each customer's items
 * and the amount settled on each), then the reversal, which gives the receipt its suggestions anew.
 * A line linked to a payment the ledger recorded before only loses its link: the payment is kept,
 * and the items it settles stay settled.
 */
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Static } from 'typebox';
import type { ReversedSchema } from '../../../../src/http/routes/cash-schemas.ts';
import { ApiError, api } from '../../api.ts';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import type { Receipt } from './CorrectionModal.tsx';
import type { Said } from './use-match-job.ts';

/** The items the recorded payment settles, which stay settled when its link to the line is undone. */
function RecordedKept({
  payment,
  currency,
}: {
  payment: NonNullable<Receipt['recordedPayment']>;
  currency: string;
}) {
  const { t, lang } = useI18n();
  return (
    <>
      <Text size="sm" fw={500}>
        {t('cash.page.reverseRecordedKeeps', { count: payment.items.length })}
      </Text>
      {payment.items.length > 0 && (
        <List size="sm" withPadding>
          {payment.items.map((item) => (
            <List.Item key={item.documentId}>
              {item.ref} · {money(item.amountMinor, currency, lang)}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

export function ReverseModal({
  receipt,
  onClose,
  onDone,
}: {
  receipt: Receipt | null;
  onClose(): void;
  onDone(message: Said): void;
}) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const transactionId = receipt?.transactionId;
  useEffect(() => {
    if (transactionId !== undefined) setError(null);
  }, [transactionId]);
  if (!receipt) return <Modal opened={false} onClose={onClose} title={t('cash.page.reverseTitle')} />;
  const currency = receipt.currency;
  const itemCount = receipt.applications.reduce((count, application) => count + application.items.length, 0);
  const recorded = receipt.recordedPayment;
  const when = { amount: money(receipt.amountMinor, currency, lang), date: date(receipt.bookingDate, lang) };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const reversed = await api<Static<typeof ReversedSchema>>(
        `/api/cash/receipts/${receipt.transactionId}/reverse`,
        { method: 'POST' },
      );
      onDone(
        recorded
          ? {
              key: 'cash.page.reversedRecordedDone',
              params: { ref: recorded.ref, suggestions: reversed.suggestions },
            }
          : { key: 'cash.page.reversedDone', params: { suggestions: reversed.suggestions } },
      );
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('cash.page.reverseTitle')} size="lg">
      <Stack data-testid="cash-reverse-confirm">
        {error && <Alert color="red">{error}</Alert>}
        <Text size="sm">
          {recorded
            ? t('cash.page.reverseRecordedBody', { ...when, ref: recorded.ref })
            : t('cash.page.reverseBody', when)}
        </Text>
        {recorded ? (
          <RecordedKept payment={recorded} currency={currency} />
        ) : itemCount === 0 ? (
          <Text size="sm">{t('cash.page.reverseNothing')}</Text>
        ) : (
          <>
            <Text size="sm" fw={500}>
              {t('cash.page.reverseReopens', { count: itemCount })}
            </Text>
            {receipt.applications.map((application) => (
              <Stack key={application.paymentDocumentId} gap={2}>
                <Text size="sm">
                  {application.customerName ?? application.customerCode} ({application.customerCode})
                </Text>
                <List size="sm" withPadding>
                  {application.items.map((item) => (
                    <List.Item key={item.documentId}>
                      {item.ref} · {money(item.amountMinor, currency, lang)}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            ))}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cash.page.reverseKeep')}
          </Button>
          <Button color="red" onClick={confirm} loading={busy}>
            {t('cash.page.reverse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
