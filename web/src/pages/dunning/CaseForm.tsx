/**
 * A small inline form of the agenda: log a call, record a promise to pay, open a dispute, or record
 * a reminder made outside Encours (it counts as the step the run would send today).
 */
import { Button, Group, NativeSelect, Paper, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { typedMinor } from '../credit/credit-requests.ts';
import { invoiceRefsOf } from './DisputeCaseForm.tsx';

export type CaseKind = 'call' | 'promise' | 'dispute' | 'reminder';

const MANUAL_CHANNELS = ['call_task', 'letter', 'registered_letter', 'email', 'sms'];

const OUTCOMES = [
  'promise',
  'will_pay',
  'paid',
  'no_answer',
  'message_left',
  'wrong_number',
  'dispute',
  'other',
];
const REASONS = ['quality', 'delivery', 'price', 'quantity', 'other'];
/** Interest and indemnity of a manual reminder: as its step says, or what the collector says. */
const CLAIMS = ['step', 'yes', 'no'] as const;
type Claims = (typeof CLAIMS)[number];
const CLAIM_LABELS: Record<Claims, string> = {
  step: 'dunningCases.page.claimsAsStep',
  yes: 'dunningCases.page.claimsYes',
  no: 'dunningCases.page.claimsNo',
};

interface ManualReminderResult {
  actions: {
    currency: string;
    interestTotalMinor: number;
    indemnityTotalMinor: number;
    totalDueMinor: number;
  }[];
}

export function CaseForm({
  kind,
  customerCode,
  currency,
  onClose,
}: {
  kind: CaseKind;
  customerCode: string;
  /** The customer's currency: the promised amount is in it. */
  currency: string;
  onClose(message?: string): void;
}) {
  const { t, label, lang } = useI18n();
  const [outcome, setOutcome] = useState(OUTCOMES[0] ?? 'other');
  const [reason, setReason] = useState(REASONS[0] ?? 'other');
  const [channel, setChannel] = useState(MANUAL_CHANNELS[0] ?? 'call_task');
  const [claims, setClaims] = useState<Claims>('step');
  const [note, setNote] = useState('');
  const [date, setDate] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [invoice, setInvoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      if (kind === 'call')
        await api('/api/dunning/calls', { method: 'POST', body: { customerCode, outcome, note } });
      if (kind === 'promise') {
        const amountMinor = typedMinor(amount, currency);
        if (amountMinor === null || amountMinor <= 0) return setError(t('dunning.page.amountInvalid'));
        if (date === '') return setError(t('dunning.page.promiseDateInvalid'));
        await api('/api/dunning/promises', {
          method: 'POST',
          body: {
            customerCode,
            instalments: [{ dueDate: date, amountMinor }],
            note,
            ...(invoice ? { documentRefs: [invoice] } : {}),
          },
        });
      }
      // One dispute may contest several invoices: their references, separated by spaces or commas.
      if (kind === 'dispute')
        await api('/api/dunning/dispute-cases', {
          method: 'POST',
          body: { documentRefs: invoiceRefsOf(invoice), reason, note },
        });
      if (kind === 'reminder') {
        const claimed =
          claims === 'step' ? {} : { claimInterest: claims === 'yes', claimIndemnity: claims === 'yes' };
        const result = await api<ManualReminderResult>('/api/dunning/manual-reminders', {
          method: 'POST',
          body: { customerCode, channel, note, ...claimed, ...(invoice ? { documentRefs: [invoice] } : {}) },
        });
        const saved = result.actions.map((a) =>
          t('dunningCases.page.manualSaved', {
            total: money(a.totalDueMinor, a.currency, lang),
            interest: money(a.interestTotalMinor, a.currency, lang),
            indemnity: money(a.indemnityTotalMinor, a.currency, lang),
          }),
        );
        return onClose(saved.join(t('common.listSeparator')) || t('dunning.page.saved'));
      }
      onClose(t('dunning.page.saved'));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  return (
    <Paper withBorder p="xs">
      <Group align="end" gap="xs">
        {kind === 'call' && (
          <NativeSelect
            label={t('dunning.page.outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value)}
            data={OUTCOMES.map((value) => ({ value, label: label('dunningTaskOutcome', value) }))}
          />
        )}
        {kind === 'dispute' && (
          <NativeSelect
            label={t('dunning.page.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data={REASONS.map((value) => ({ value, label: label('dunningDisputeReason', value) }))}
          />
        )}
        {kind === 'reminder' && (
          <NativeSelect
            label={t('dunning.page.channel')}
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value)}
            data={MANUAL_CHANNELS.map((value) => ({ value, label: label('dunningChannel', value) }))}
          />
        )}
        {kind === 'reminder' && (
          <NativeSelect
            label={t('dunningCases.page.claims')}
            value={claims}
            onChange={(e) => setClaims(e.currentTarget.value as Claims)}
            data={CLAIMS.map((value) => ({ value, label: t(CLAIM_LABELS[value]) }))}
          />
        )}
        {kind === 'promise' && (
          <>
            <DayDateInput label={t('dunning.page.promiseDate')} value={date} onChange={setDate} w={130} />
            <DecimalInput
              label={t('dunning.page.amount')}
              unit="money"
              currency={currency}
              allowNegative={false}
              decimalScale={2}
              value={amount}
              onChange={setAmount}
              w={150}
            />
          </>
        )}
        {kind !== 'call' && (
          <TextInput
            label={t('dunning.page.invoice')}
            value={invoice}
            onChange={(e) => setInvoice(e.currentTarget.value)}
          />
        )}
        <TextInput
          label={t('dunning.page.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button size="xs" onClick={save}>
          {t('dunning.page.save')}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => onClose()}>
          {t('dunning.page.cancel')}
        </Button>
      </Group>
      {error && <div role="alert">{error}</div>}
    </Paper>
  );
}
