/** The part of the customer file the credit department may change (the API checks the role too). */
import { Alert, Button, Card, Group, NumberInput, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api, type CustomerFile } from '../api.ts';
import { toMajor } from '../format.ts';
import { CUSTOMER_TYPE_KEYS, STATUS_KEYS, useI18n } from '../i18n.tsx';

export function CustomerEditForm({ file, onSaved }: { file: CustomerFile; onSaved(): void }) {
  const { t, customerType, status } = useI18n();
  const c = file.customer;
  const contact = c.contacts[0];
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState<number | string>(
    c.creditLimitMinor === null ? '' : toMajor(c.creditLimitMinor, c.currency),
  );
  const [terms, setTerms] = useState(c.paymentTerms);
  const [salesperson, setSalesperson] = useState(c.salesperson ?? '');
  const [type, setType] = useState(c.customerType);
  const [state, setState] = useState(c.status);
  const [contactName, setContactName] = useState(contact?.name ?? '');
  const [contactEmail, setContactEmail] = useState(contact?.email ?? '');
  const [contactPhone, setContactPhone] = useState(contact?.phone ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const contacts = contactName.trim()
      ? [
          {
            name: contactName,
            email: contactEmail || null,
            phone: contactPhone || null,
            role: contact?.role ?? null,
          },
          ...c.contacts.slice(1),
        ]
      : c.contacts.slice(1);
    try {
      await api(`/api/customers/${encodeURIComponent(c.code)}`, {
        method: 'PATCH',
        body: {
          // Whole euros/cents typed by a person become minor units here, at the edge.
          creditLimitMinor: limit === '' ? null : Math.round(Number(limit) * 100),
          paymentTerms: terms,
          salesperson: salesperson || null,
          customerType: type,
          status: state,
          contacts,
        },
      });
      setMessage({ ok: true, text: t('saved') });
      setOpen(false);
      onSaved();
    } catch (caught) {
      setMessage({ ok: false, text: (caught as Error).message });
    } finally {
      setBusy(false);
    }
  };

  if (!open)
    return (
      <Group>
        <Button variant="light" onClick={() => setOpen(true)} data-testid="edit-customer">
          {t('edit')}
        </Button>
        {message?.ok && (
          <Alert color="green" py={4}>
            {message.text}
          </Alert>
        )}
      </Group>
    );
  return (
    <Card withBorder component="form" onSubmit={submit} aria-labelledby="edit-title">
      <Title order={3} size="h4" mb="sm" id="edit-title">
        {t('edit')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <NumberInput
          label={t('creditLimitEuros', { currency: c.currency })}
          value={limit}
          onChange={setLimit}
          min={0}
          decimalScale={2}
          thousandSeparator=" "
        />
        <TextInput
          label={t('paymentTerms')}
          value={terms}
          onChange={(e) => setTerms(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t('salesperson')}
          value={salesperson}
          onChange={(e) => setSalesperson(e.currentTarget.value)}
        />
        <Select
          label={t('customerType')}
          value={type}
          allowDeselect={false}
          onChange={(v) => v && setType(v)}
          data={CUSTOMER_TYPE_KEYS.map((k) => ({ value: k, label: customerType(k) }))}
        />
        <Select
          label={t('status')}
          value={state}
          allowDeselect={false}
          onChange={(v) => v && setState(v)}
          data={STATUS_KEYS.map((k) => ({ value: k, label: status(k) }))}
        />
        <TextInput
          label={t('contactName')}
          value={contactName}
          onChange={(e) => setContactName(e.currentTarget.value)}
        />
        <TextInput
          label={t('contactEmail')}
          type="email"
          value={contactEmail}
          onChange={(e) => setContactEmail(e.currentTarget.value)}
        />
        <TextInput
          label={t('contactPhone')}
          value={contactPhone}
          onChange={(e) => setContactPhone(e.currentTarget.value)}
        />
      </SimpleGrid>
      {message && !message.ok && (
        <Alert color="red" mt="sm" role="alert">
          {message.text}
        </Alert>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => setOpen(false)}>
          {t('cancel')}
        </Button>
        <Button type="submit" loading={busy}>
          {t('save')}
        </Button>
      </Group>
    </Card>
  );
}
