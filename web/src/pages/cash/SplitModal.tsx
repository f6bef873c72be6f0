/**
 * A person's split of one receipt between customers (a parent paying its subsidiaries' invoices
 * with one transfer): for each customer, the amount it gets and the items it settles. The parts
 * must add up to the receipt; what a part does not spend on its items stays unapplied on that
 * customer.
 */
import { ActionIcon, Alert, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { currencyExponent, parseAmountToMinor } from '../../../../src/core/money.ts';
import { ApiError, api } from '../../api.ts';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { CustomerPicker, OpenItemsPicker, useOpenItems } from './CashPickers.tsx';
import type { Receipt } from './CorrectionModal.tsx';

interface PartDraft {
  /** Stable identity of the row while the person edits (rows can be removed). */
  key: number;
  customerCode: string;
  /** As the amount input gives it: a number once typed, '' while empty. */
  amount: number | string;
  refs: string[];
}

const emptyPart = (key: number): PartDraft => ({ key, customerCode: '', amount: '', refs: [] });

/** One customer's part: the customer, the money it gets, the items it settles (its open items offered). */
function PartRow({
  part,
  currency,
  removable,
  onChange,
  onRemove,
}: {
  part: PartDraft;
  currency: string;
  removable: boolean;
  onChange(change: Partial<PartDraft>): void;
  onRemove(): void;
}) {
  const { t } = useI18n();
  const items = useOpenItems(part.customerCode, currency);
  return (
    <Paper withBorder p="sm" data-testid="split-part">
      <Group align="end" wrap="nowrap">
        <Stack gap="xs" style={{ flex: 1 }}>
          <Group align="end" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <CustomerPicker
                value={part.customerCode}
                onChange={(customerCode) => onChange({ customerCode, refs: [] })}
              />
            </div>
            <DecimalInput
              label={t('cash.page.partAmount')}
              unit="money"
              currency={currency}
              decimalScale={currencyExponent(currency)}
              min={0}
              w={170}
              value={part.amount}
              onChange={(amount) => onChange({ amount })}
            />
          </Group>
          <OpenItemsPicker
            items={items}
            value={part.refs}
            onChange={(refs) => onChange({ refs })}
            customerChosen={part.customerCode.trim() !== ''}
          />
        </Stack>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('cash.page.removePart')}
          disabled={!removable}
          onClick={onRemove}
        >
          ×
        </ActionIcon>
      </Group>
    </Paper>
  );
}

export function SplitModal({
  receipt,
  onClose,
  onDone,
}: {
  receipt: Receipt | null;
  onClose(): void;
  onDone(): void;
}) {
  const { t, lang } = useI18n();
  const [parts, setParts] = useState<PartDraft[]>([emptyPart(1), emptyPart(2)]);
  const [error, setError] = useState<string | null>(null);
  const currency = receipt?.currency ?? 'EUR';
  const amountOf = (part: PartDraft) =>
    parseAmountToMinor(String(part.amount), { exponent: currencyExponent(currency) });
  const amounts = parts.map(amountOf);
  const restMinor =
    (receipt?.amountMinor ?? 0) - amounts.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const complete =
    parts.length >= 2 &&
    parts.every((part) => part.customerCode.trim() !== '') &&
    amounts.every((value) => value !== null && value > 0) &&
    restMinor === 0;
  const update = (key: number, change: Partial<PartDraft>) =>
    setParts((current) => current.map((part) => (part.key === key ? { ...part, ...change } : part)));
  const save = async () => {
    if (!receipt) return;
    try {
      await api(`/api/cash/receipts/${receipt.transactionId}/split`, {
        method: 'POST',
        body: {
          parts: parts.map((part, index) => ({
            customerCode: part.customerCode.trim(),
            amountMinor: amounts[index] ?? 0,
            documentRefs: part.refs,
          })),
        },
      });
      setParts([emptyPart(1), emptyPart(2)]);
      onDone();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };
  return (
    <Modal opened={receipt !== null} onClose={onClose} title={t('cash.page.splitTitle')} size="lg">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        {parts.map((part) => (
          <PartRow
            key={part.key}
            part={part}
            currency={currency}
            removable={parts.length > 2}
            onChange={(change) => update(part.key, change)}
            onRemove={() => setParts((current) => current.filter((other) => other.key !== part.key))}
          />
        ))}
        <Group justify="space-between">
          <Button
            variant="default"
            size="compact-sm"
            onClick={() =>
              setParts((current) => [...current, emptyPart(Math.max(...current.map((p) => p.key)) + 1)])
            }
          >
            {t('cash.page.addPart')}
          </Button>
          <Text size="sm" c={restMinor === 0 ? 'dimmed' : 'red'}>
            {t('cash.page.splitRest', { amount: money(restMinor, currency, lang) })}
          </Text>
        </Group>
        <Button onClick={save} disabled={!complete}>
          {t('cash.page.save')}
        </Button>
      </Stack>
    </Modal>
  );
}
