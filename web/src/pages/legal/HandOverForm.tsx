/**
 * Handing a customer's overdue invoices (or chosen ones) to a partner in two steps: the form first
 * asks what the hand-over would take — by default not the invoices whose formal notice still gives
 * time to pay, told as left out, unless the box asks for them — and what to check (no reminder, no formal notice or invoices
 * in none, a formal notice e-mailed that never reached the debtor, a formal notice whose time to pay still runs, a dispute, a pending promise to pay, a
 * note asking not to chase the customer); with nothing to check it hands over at once, otherwise
 * it shows the warnings and hands over only once the person confirms. Warnings never block.
 */
import { Alert, Button, Checkbox, Group, List, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type {
  HandOverCheckResponse,
  HandOverWarningResponse,
  LegalFileResponse,
} from '../../../../src/http/schemas/legal-handover.ts';
import { api, problemText } from '../../api.ts';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

type Notice = { ok: boolean; text: string } | null;

function WarningList({
  check,
  onConfirm,
  onCancel,
}: {
  check: HandOverCheckResponse;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t, lang } = useI18n();
  // As the CLI words them (app/legal/handover-warnings.ts `warningText`).
  const text = (w: HandOverWarningResponse) =>
    w.code === 'no_reminder_delivered'
      ? t('legalFile.warningNoReminderDelivered', {
          date: w.date ? date(w.date, lang) : '',
          status: t('legalFile.deliveryStatus', { delivery: w.delivery ?? 'pending' }),
        })
      : w.code === 'formal_notice_undelivered' || w.code === 'latest_formal_notice_undelivered'
        ? t('legalFile.warningUndelivered', {
            code: w.code,
            date: w.date ? date(w.date, lang) : '',
            status: t('legalFile.deliveryStatus', { delivery: w.delivery ?? 'pending' }),
          })
        : t('legalFile.warning', {
            code: w.code,
            date: w.date ? date(w.date, lang) : '',
            deadline: w.deadline ? date(w.deadline, lang) : '',
            refs: (w.refs ?? []).join(', '),
            count: w.refs?.length ?? 0,
            note: w.note ?? '',
          });
  return (
    <Alert
      color="yellow"
      data-testid="handover-warnings"
      title={t('legalFile.web.checkTitle', {
        count: check.invoices.length,
        total: money(check.totalMinor, check.currency, lang),
      })}
    >
      <Stack gap="xs">
        {check.leftOut.map((group) => (
          <Text size="sm" key={group.noticeDate} data-testid="handover-left-out">
            {t('legalFile.leftOut', {
              count: group.invoices.length,
              total: money(group.totalMinor, check.currency, lang),
              notice: date(group.noticeDate, lang),
              deadline: date(group.deadline, lang),
              refs: group.invoices.map((invoice) => invoice.documentRef).join(', '),
            })}
          </Text>
        ))}
        <List size="sm">
          {check.warnings.map((w) => (
            <List.Item key={`${w.code}-${w.date ?? ''}-${w.refs?.join() ?? ''}-${w.note ?? ''}`}>
              {text(w)}
            </List.Item>
          ))}
        </List>
        <Group>
          <Button color="yellow" onClick={onConfirm} data-testid="confirm-hand-over">
            {t('legalFile.web.confirm')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('legalFile.web.cancel')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

export function HandOverForm({
  partners,
  onDone,
  notify,
}: {
  partners: { partnerId: number; name: string }[];
  onDone(id: number): void;
  notify(n: Notice): void;
}) {
  const { t } = useI18n();
  const [customerCode, setCustomer] = useState('');
  const [partnerId, setPartner] = useState<string | null>(null);
  const [invoices, setInvoices] = useState('');
  const [includePendingNotice, setIncludePendingNotice] = useState(false);
  const [check, setCheck] = useState<HandOverCheckResponse | null>(null);
  const body = () => {
    const refs = invoices
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    return {
      customerCode: customerCode.trim(),
      partnerId: Number(partnerId),
      ...(refs.length ? { invoices: refs } : {}),
      ...(includePendingNotice ? { includePendingNotice } : {}),
    };
  };
  const handOver = async () => {
    setCheck(null);
    try {
      const file = await api<LegalFileResponse>('/api/legal/files', { method: 'POST', body: body() });
      notify({ ok: true, text: t('legalFile.web.handedOver', { fileId: file.fileId }) });
      onDone(file.fileId);
    } catch (error) {
      notify({ ok: false, text: problemText(error) });
    }
  };
  const submit = async () => {
    try {
      const found = await api<HandOverCheckResponse>('/api/legal/files/check', {
        method: 'POST',
        body: body(),
      });
      // Invoices left out are told before anything is recorded, as the warnings are.
      if (found.warnings.length === 0 && found.leftOut.length === 0) return handOver();
      notify(null);
      setCheck(found);
    } catch (error) {
      notify({ ok: false, text: problemText(error) });
    }
  };
  // A change of the form makes the warnings shown stale: they are asked again on the next click.
  const edit = (set: (value: string) => void) => (value: string) => {
    setCheck(null);
    set(value);
  };
  return (
    <Stack gap="xs">
      <Group align="end">
        <TextInput
          label={t('legalFile.web.customerCode')}
          value={customerCode}
          onChange={(e) => edit(setCustomer)(e.currentTarget.value)}
        />
        <Select
          label={t('legalFile.web.partner')}
          value={partnerId}
          onChange={(value) => {
            setCheck(null);
            setPartner(value);
          }}
          data={partners.map((p) => ({ value: String(p.partnerId), label: p.name }))}
        />
        <TextInput
          label={t('legalFile.web.invoices')}
          value={invoices}
          onChange={(e) => edit(setInvoices)(e.currentTarget.value)}
          miw={280}
        />
        <Button
          onClick={submit}
          disabled={!customerCode.trim() || partnerId === null || check !== null}
          data-testid="hand-over"
        >
          {t('legalFile.web.handOver')}
        </Button>
      </Group>
      <Checkbox
        label={t('legalFile.web.includePendingNotice')}
        checked={includePendingNotice}
        onChange={(e) => {
          setCheck(null);
          setIncludePendingNotice(e.currentTarget.checked);
        }}
        data-testid="include-pending-notice"
      />
      {check && <WarningList check={check} onConfirm={handOver} onCancel={() => setCheck(null)} />}
    </Stack>
  );
}
