/** Opens one dispute on one or more invoices of a customer (their references, separated by spaces or commas). */
import { Button, Group, NativeSelect, Paper, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { useI18n } from '../../i18n.tsx';

const REASONS = ['quality', 'delivery', 'price', 'quantity', 'other'];
const DEPARTMENTS = ['', 'sales', 'logistics', 'quality', 'accounting', 'customer_service'];

export const invoiceRefsOf = (text: string): string[] => text.split(/[\s,;]+/).filter((ref) => ref !== '');

export function DisputeCaseForm({ onDone }: { onDone(): void }) {
  const { t, label } = useI18n();
  const [invoices, setInvoices] = useState('');
  const [reason, setReason] = useState(REASONS[0] ?? 'other');
  const [department, setDepartment] = useState('');
  const [respondBy, setRespondBy] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    try {
      await api('/api/dunning/dispute-cases', {
        method: 'POST',
        body: {
          documentRefs: invoiceRefsOf(invoices),
          reason,
          note,
          ...(department ? { department } : {}),
          ...(respondBy ? { respondBy } : {}),
        },
      });
      setInvoices('');
      setNote('');
      setError(null);
      onDone();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  return (
    <Paper withBorder p="xs" data-testid="dispute-case-form">
      <Group align="end" gap="xs">
        <TextInput
          label={t('disputes.page.invoices')}
          value={invoices}
          onChange={(e) => setInvoices(e.currentTarget.value)}
          miw={260}
        />
        <NativeSelect
          label={t('dunning.page.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data={REASONS.map((value) => ({ value, label: label('dunningDisputeReason', value) }))}
        />
        <NativeSelect
          label={t('dunning.page.department')}
          value={department}
          onChange={(e) => setDepartment(e.currentTarget.value)}
          data={DEPARTMENTS.map((value) => ({
            value,
            label: value ? label('dunningDepartment', value) : '—',
          }))}
        />
        <DayDateInput
          label={t('disputes.page.respondBy')}
          value={respondBy}
          onChange={setRespondBy}
          w={140}
        />
        <TextInput
          label={t('dunning.page.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button size="xs" disabled={invoiceRefsOf(invoices).length === 0} onClick={open}>
          {t('disputes.page.openCase')}
        </Button>
      </Group>
      {error && <div role="alert">{error}</div>}
    </Paper>
  );
}
