/**
 * Editing an open dispute in its row: reason, department, amount contested, respond-by date and
 * note. Only what differs is sent; on a case of several open invoices, the shared particulars can
 * be saved for the whole case (the amount stays per invoice). On an imported dispute the same form
 * takes it over: it becomes an open dispute record with the particulars shown.
 */
import { Button, Group, NativeSelect, Paper, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { currencyExponent, parseAmountToMinor } from '../../../../src/core/money.ts';
import { ApiError, api } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { useI18n } from '../../i18n.tsx';
import type { DisputeItem } from './DisputesPage.tsx';

const REASONS = ['quality', 'delivery', 'price', 'quantity', 'other'];
const DEPARTMENTS = ['sales', 'logistics', 'quality', 'accounting', 'customer_service'];

/** The amount as a person types it back: « 1234,50 », no grouping, the currency's decimals. */
function amountText(minor: number, currency: string, lang: string): string {
  const exponent = currencyExponent(currency);
  const text = (minor / 10 ** exponent).toFixed(exponent);
  return lang === 'fr' ? text.replace('.', ',') : text;
}

export function DisputeEditForm({
  dispute,
  openInCase,
  onClose,
}: {
  dispute: DisputeItem;
  /** Invoices of its case still open: more than one offers « save for the case ». */
  openInCase: number;
  onClose(saved: boolean): void;
}) {
  const { t, lang, label } = useI18n();
  const [reason, setReason] = useState(dispute.reason);
  const [department, setDepartment] = useState(dispute.department);
  const [amount, setAmount] = useState(amountText(dispute.amountMinor, dispute.currency, lang));
  const [respondBy, setRespondBy] = useState(dispute.respondBy ?? '');
  const [note, setNote] = useState(dispute.note);
  const [error, setError] = useState<string | null>(null);
  const takeOver = dispute.source === 'imported';
  const save = async (wholeCase: boolean) => {
    const amountMinor = parseAmountToMinor(amount, { exponent: currencyExponent(dispute.currency) });
    if (amountMinor === null || amountMinor <= 0)
      return setError(t('disputes.page.badAmount', { value: amount }));
    const body: Record<string, unknown> = {};
    // Taking over sends the reason and department shown: left out, the server would route by reason.
    if (takeOver || reason !== dispute.reason) body.reason = reason;
    if (takeOver || department !== dispute.department) body.department = department;
    if (!wholeCase && amountMinor !== dispute.amountMinor) body.amountMinor = amountMinor;
    if (respondBy !== (dispute.respondBy ?? '')) body.respondBy = respondBy === '' ? null : respondBy;
    if (note.trim() !== dispute.note) body.note = note;
    if (Object.keys(body).length === 0) return onClose(false);
    try {
      if (takeOver)
        await api(`/api/dunning/disputes/imported/${dispute.eventId}/take-over?lang=${lang}`, {
          method: 'POST',
          body,
        });
      else {
        const path = wholeCase
          ? `/api/dunning/dispute-cases/${dispute.caseId}`
          : `/api/dunning/disputes/${dispute.disputeId}`;
        await api(`${path}?lang=${lang}`, { method: 'PATCH', body });
      }
      onClose(true);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  return (
    <Paper
      withBorder
      p="xs"
      data-testid={takeOver ? `dispute-take-over-${dispute.eventId}` : `dispute-edit-${dispute.disputeId}`}
    >
      <Group align="end" gap="xs">
        <NativeSelect
          size="xs"
          label={t('dunning.page.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data={REASONS.map((value) => ({ value, label: label('dunningDisputeReason', value) }))}
        />
        <NativeSelect
          size="xs"
          label={t('dunning.page.department')}
          value={department}
          onChange={(e) => setDepartment(e.currentTarget.value)}
          data={DEPARTMENTS.map((value) => ({ value, label: label('dunningDepartment', value) }))}
        />
        <TextInput
          size="xs"
          label={`${t('dunning.page.amount')} (${dispute.currency})`}
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          w={120}
        />
        <DayDateInput
          size="xs"
          label={t('disputes.page.respondBy')}
          value={respondBy}
          onChange={setRespondBy}
          w={120}
        />
        <TextInput
          size="xs"
          label={t('dunning.page.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          miw={220}
        />
        <Button size="compact-xs" onClick={() => save(false)}>
          {t(takeOver ? 'disputes.page.takeOver' : 'disputes.page.save')}
        </Button>
        {!takeOver && openInCase > 1 && (
          <Button size="compact-xs" variant="light" onClick={() => save(true)}>
            {t('disputes.page.saveCase', { count: openInCase })}
          </Button>
        )}
        <Button size="compact-xs" variant="subtle" onClick={() => onClose(false)}>
          {t('disputes.page.cancel')}
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Paper>
  );
}
