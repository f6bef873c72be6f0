/**
 * Marketing promotions: the list with their status and orders, the submission form (sales), the
 * credit manager's approval or rejection with a comment, and a promotion's effect on payment.
 */
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { PROMOTION_GUARANTEES } from '../../../../src/core/promotions/promotions.ts';
import type { PromotionDetailResponse, PromotionResponse } from '../../../../src/http/schemas/promotions.ts';
import { api, problemText } from '../../api.ts';
import { canEditCustomers, useAuth } from '../../auth.tsx';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { PromotionEffect } from './PromotionEffect.tsx';

const EMPTY = {
  code: '',
  name: '',
  paymentTerms: 'net:60',
  validFrom: '',
  validTo: '',
  eligibleCustomers: '',
  eligibleCustomerTypes: [] as string[],
  guarantees: [] as string[],
  paymentMethods: ['terms'] as string[],
};
const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

function SubmitForm({ onDone }: { onDone: (text: string, ok: boolean) => void }) {
  const { t, label } = useI18n();
  const [form, setForm] = useState(EMPTY);
  const field = (name: 'code' | 'name' | 'eligibleCustomers') => ({
    label: t(`promotions.field.${name}`),
    value: form[name],
    onChange: (e: { currentTarget: { value: string } }) =>
      setForm({ ...form, [name]: e.currentTarget.value }),
  });
  const dateField = (name: 'validFrom' | 'validTo') => ({
    label: t(`promotions.field.${name}`),
    value: form[name],
    onChange: (iso: string) => setForm((current) => ({ ...current, [name]: iso })),
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A date typed but not read as one is said under its field: nothing to send yet.
    if (!form.validFrom || !form.validTo) return;
    try {
      await api('/api/promotions', {
        method: 'POST',
        body: { ...form, eligibleCustomers: list(form.eligibleCustomers) },
      });
      setForm(EMPTY);
      onDone(t('promotions.status', { status: 'submitted' }), true);
    } catch (error) {
      onDone(problemText(error), false);
    }
  };
  return (
    <form onSubmit={submit} data-testid="promotions-form">
      <Group align="flex-end" wrap="wrap">
        <TextInput required w={140} {...field('code')} />
        <TextInput required w={220} {...field('name')} />
        <Select
          required
          w={260}
          label={t('promotions.field.paymentTerms')}
          data={PROMOTION_TERMS.map((terms) => ({ value: terms, label: label('paymentTerms', terms) }))}
          value={form.paymentTerms || null}
          onChange={(paymentTerms) => setForm({ ...form, paymentTerms: paymentTerms ?? '' })}
        />
        <DayDateInput required w={130} {...dateField('validFrom')} />
        <DayDateInput required w={130} {...dateField('validTo')} />
        <MultiSelect
          w={240}
          label={t('promotions.field.paymentMethods')}
          data={['terms', 'prepaid', 'cod'].map((m) => ({ value: m, label: label('paymentMode', m) }))}
          value={form.paymentMethods}
          onChange={(paymentMethods) => setForm({ ...form, paymentMethods })}
        />
        <MultiSelect
          w={260}
          label={t('promotions.field.guarantees')}
          data={PROMOTION_GUARANTEES.map((g) => ({
            value: g,
            label: t('promotions.guarantee', { guarantee: g }),
          }))}
          value={form.guarantees}
          onChange={(guarantees) => setForm({ ...form, guarantees })}
        />
        <TextInput w={260} {...field('eligibleCustomers')} />
        <Button type="submit">{t('promotions.submit')}</Button>
      </Group>
    </form>
  );
}

/** The terms a promotion may offer, in the order a credit manager reads them (codes stay internal). */
const PROMOTION_TERMS = ['net:30', 'net:45', 'net:60', 'net:90', 'eom:30', 'eom:45', 'eom:60'];

export function PromotionsPage() {
  const { t, lang, label } = useI18n();
  const { me } = useAuth();
  const promotions = useApi<PromotionResponse[]>('/api/promotions');
  const [comments, setComments] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const detail = useApi<PromotionDetailResponse>(open ? `/api/promotions/${encodeURIComponent(open)}` : null);
  const canSubmit = me !== null && me.user.role !== 'collector' && me.user.role !== 'auditor';
  const decide = async (code: string, decision: 'approve' | 'reject') => {
    try {
      await api(`/api/promotions/${encodeURIComponent(code)}/${decision}`, {
        method: 'POST',
        body: { comment: comments[code] ?? '' },
      });
      setMessage({ ok: true, text: t(`promotions.${decision}`) });
      promotions.reload();
    } catch (error) {
      setMessage({ ok: false, text: problemText(error) });
    }
  };
  const done = (text: string, ok: boolean) => {
    setMessage({ ok, text });
    if (ok) promotions.reload();
  };
  return (
    <Stack>
      <Title order={2}>{t('promotions.title')}</Title>
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
      {canSubmit && <SubmitForm onDone={done} />}
      <LoadState loading={promotions.loading && !promotions.data} error={promotions.error} />
      {promotions.data && promotions.data.length === 0 && <Text>{t('promotions.none')}</Text>}
      {promotions.data && promotions.data.length > 0 && (
        <Table striped fz="sm" data-testid="promotions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('promotions.column.code')}</Table.Th>
              <Table.Th>{t('promotions.column.name')}</Table.Th>
              <Table.Th>{t('promotions.column.terms')}</Table.Th>
              <Table.Th>{t('promotions.column.validity')}</Table.Th>
              <Table.Th>{t('promotions.column.status')}</Table.Th>
              <Table.Th ta="right">{t('promotions.column.orders')}</Table.Th>
              <Table.Th ta="right">{t('promotions.column.ordered')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {promotions.data.map((p) => (
              <Table.Tr key={p.code}>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => setOpen(open === p.code ? null : p.code)}
                  >
                    {p.code}
                  </Button>
                </Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{label('paymentTerms', p.paymentTerms)}</Table.Td>
                <Table.Td>
                  {t('promotions.validity', { from: date(p.validFrom, lang), to: date(p.validTo, lang) })}
                </Table.Td>
                <Table.Td>{t('promotions.status', { status: p.status })}</Table.Td>
                <Table.Td ta="right">{p.orders.orderCount}</Table.Td>
                <Table.Td ta="right">{money(p.orders.orderedMinor, 'EUR', lang)}</Table.Td>
                <Table.Td>
                  {p.status === 'submitted' && canEditCustomers(me) && (
                    <Group gap="xs" wrap="nowrap">
                      <TextInput
                        size="xs"
                        placeholder={t('promotions.decisionComment')}
                        aria-label={t('promotions.decisionComment')}
                        value={comments[p.code] ?? ''}
                        onChange={(e) => setComments({ ...comments, [p.code]: e.currentTarget.value })}
                      />
                      <Button size="xs" onClick={() => decide(p.code, 'approve')}>
                        {t('promotions.approve')}
                      </Button>
                      <Button size="xs" color="red" variant="light" onClick={() => decide(p.code, 'reject')}>
                        {t('promotions.reject')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && detail.data && <PromotionEffect detail={detail.data} />}
    </Stack>
  );
}
