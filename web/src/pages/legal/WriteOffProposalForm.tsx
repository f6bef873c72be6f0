/**
 * Proposing a write-off (passage en perte) from the web, as `encours writeoff propose` does: a
 * customer, the open invoices ticked with the amount of each (the whole open amount by default),
 * a reason from the catalogue's list, why, and the VAT rate when known (for the VAT-recovery note).
 * The API names the role whose approval it needs (delegation matrix) and refuses what the ledger
 * does not allow. Opened from the page's button, or from a provision line with its customer,
 * invoice and reason already chosen.
 */
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { WRITE_OFF_REASONS, type WriteOffReason } from '../../../../src/core/legal/write-off.ts';
import { currencyExponent, parseAmountToMinor } from '../../../../src/core/money.ts';
import type { WriteOffResponse } from '../../../../src/http/schemas/write-offs.ts';
import { api, problemText } from '../../api.ts';
import { DecimalInput } from '../../components/DecimalInput.tsx';
import { date, money, toMajor } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { CustomerPicker } from '../credit/CustomerPicker.tsx';
import type { PickedCustomer } from '../credit/credit-requests.ts';

interface OpenItem {
  kind: string;
  externalRef: string;
  dueDate: string;
  openMinor: number;
  currency: string;
}

export interface ProposalStart {
  customer: PickedCustomer | null;
  refs: string[];
  reason: WriteOffReason;
}

function InvoiceTable(props: {
  items: OpenItem[];
  amounts: Record<string, string | number>;
  onChange(amounts: Record<string, string | number>): void;
}) {
  const { t, lang } = useI18n();
  const { amounts } = props;
  const toggle = (item: OpenItem, on: boolean) => {
    const next = { ...amounts };
    if (on) next[item.externalRef] = toMajor(item.openMinor, item.currency);
    else delete next[item.externalRef];
    props.onChange(next);
  };
  return (
    <Table fz="sm" data-testid="writeoff-invoices">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th>{t('provision.web.invoice')}</Table.Th>
          <Table.Th>{t('provision.web.dueDate')}</Table.Th>
          <Table.Th ta="right">{t('provision.web.open')}</Table.Th>
          <Table.Th>{t('writeoff.web.amountToWriteOff')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.items.map((item) => {
          const ticked = item.externalRef in amounts;
          return (
            <Table.Tr key={item.externalRef}>
              <Table.Td>
                <Checkbox
                  aria-label={item.externalRef}
                  checked={ticked}
                  onChange={(e) => toggle(item, e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>{item.externalRef}</Table.Td>
              <Table.Td>{date(item.dueDate, lang)}</Table.Td>
              <Table.Td ta="right">{money(item.openMinor, item.currency, lang)}</Table.Td>
              <Table.Td>
                <DecimalInput
                  size="xs"
                  unit="money"
                  currency={item.currency}
                  disabled={!ticked}
                  aria-label={`${t('writeoff.web.amountToWriteOff')} ${item.externalRef}`}
                  value={amounts[item.externalRef] ?? ''}
                  onChange={(value) => props.onChange({ ...amounts, [item.externalRef]: value })}
                  w={150}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export function WriteOffProposalForm(props: {
  start: ProposalStart;
  onClose(): void;
  onDone(proposal: WriteOffResponse): void;
}) {
  const { t, lang } = useI18n();
  const [customer, setCustomer] = useState<PickedCustomer | null>(props.start.customer);
  const [amounts, setAmounts] = useState<Record<string, string | number>>({});
  const [reason, setReason] = useState<WriteOffReason>(props.start.reason);
  const [why, setWhy] = useState('');
  const [vatRate, setVatRate] = useState<string | number>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const file = useApi<{ openItems: OpenItem[] }>(
    customer ? `/api/customers/${encodeURIComponent(customer.code)}` : null,
  );
  const items = (file.data?.openItems ?? []).filter((item) => item.openMinor > 0);
  // The invoices a provision line named are ticked, whole, once the customer's file is read.
  const [started, setStarted] = useState(false);
  if (!started && file.data && customer?.code === props.start.customer?.code) {
    setStarted(true);
    setAmounts(
      Object.fromEntries(
        items
          .filter((item) => props.start.refs.includes(item.externalRef))
          .map((item) => [item.externalRef, toMajor(item.openMinor, item.currency)]),
      ),
    );
  }
  const currency = customer?.currency ?? 'EUR';
  const lines = Object.entries(amounts).map(([ref, value]) => ({
    ref,
    amountMinor: parseAmountToMinor(String(value), { exponent: currencyExponent(currency) }),
  }));
  const totalMinor = lines.reduce((sum, line) => sum + (line.amountMinor ?? 0), 0);
  const vatRateBps =
    String(vatRate).trim() === '' ? null : parseAmountToMinor(String(vatRate), { exponent: 2 });
  const complete =
    customer !== null &&
    lines.length > 0 &&
    lines.every((line) => line.amountMinor !== null && line.amountMinor > 0) &&
    why.trim() !== '';
  const propose = async () => {
    if (!customer) return;
    setBusy(true);
    setError(null);
    try {
      const proposal = await api<WriteOffResponse>(`/api/write-offs?lang=${lang}`, {
        method: 'POST',
        body: {
          customerCode: customer.code,
          invoices: lines.map((line) => ({ ref: line.ref, amountMinor: line.amountMinor ?? 0 })),
          reasonCode: reason,
          reason: why.trim(),
          ...(vatRateBps !== null ? { vatRateBps } : {}),
        },
      });
      props.onDone(proposal);
    } catch (failure) {
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={props.onClose} size="xl" title={t('writeoff.web.propose')}>
      <Stack data-testid="writeoff-proposal">
        <Text size="sm">{t('writeoff.web.proposeIntro')}</Text>
        <CustomerPicker
          value={customer}
          onChange={(picked) => {
            setCustomer(picked);
            setAmounts({});
          }}
        />
        {customer && file.data && items.length === 0 && (
          <Text c="dimmed">{t('writeoff.web.noOpenInvoice')}</Text>
        )}
        {items.length > 0 && <InvoiceTable items={items} amounts={amounts} onChange={setAmounts} />}
        <Select
          label={t('writeoff.web.reason')}
          required
          allowDeselect={false}
          data={WRITE_OFF_REASONS.map((code) => ({
            value: code,
            label: t('writeoff.reason', { reason: code }),
          }))}
          value={reason}
          onChange={(value) => value && setReason(value as WriteOffReason)}
        />
        <Textarea
          label={t('writeoff.web.why')}
          placeholder={t('writeoff.web.whyPlaceholder')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={why}
          onChange={(e) => setWhy(e.currentTarget.value)}
        />
        <DecimalInput
          label={t('writeoff.web.vatRate')}
          unit="percent"
          min={0}
          max={100}
          w={320}
          value={vatRate}
          onChange={setVatRate}
        />
        <Text fw={500} data-testid="writeoff-total">
          {t('writeoff.web.total', { total: money(totalMinor, currency, lang), count: lines.length })}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group>
          <Button onClick={propose} loading={busy} disabled={!complete}>
            {t('writeoff.web.submit')}
          </Button>
          <Button variant="default" onClick={props.onClose}>
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
