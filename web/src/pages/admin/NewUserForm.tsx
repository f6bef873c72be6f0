/** Creates a user account (admin): e-mail, name, role, sales scope and a first password. */
import { Alert, Button, Card, Group, PasswordInput, Select, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api, problemText, type UserAccount } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { ROLE_KEYS, ROLE_LABELS } from '../../strings/roles.ts';
import { SalespersonPicker } from './SalespersonPicker.tsx';

const EMPTY = { email: '', name: '', role: 'collector', salesperson: '', password: '' };

export function NewUserForm({
  salespeople,
  onCreated,
}: {
  /** The salesperson names of the customers file: a salesperson's scope is one of them. */
  salespeople: readonly string[];
  onCreated(user: UserAccount): void;
}) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof typeof EMPTY) => ({
    value: form[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setForm({ ...form, [name]: event.currentTarget.value }),
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api<UserAccount>('/api/users', {
        method: 'POST',
        // The scope only for a salesperson: for another role it means nothing (and is refused).
        body: { ...form, salesperson: form.role === 'salesperson' ? form.salesperson.trim() || null : null },
      });
      setForm(EMPTY);
      onCreated(created);
    } catch (failure) {
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('newUser')}
      </Title>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput label={t('email')} type="email" required {...field('email')} w={240} />
          <TextInput label={t('name')} required {...field('name')} w={200} />
          <Select
            label={t('role')}
            value={form.role}
            allowDeselect={false}
            onChange={(role) => role && setForm({ ...form, role })}
            data={ROLE_KEYS.map((role) => ({ value: role, label: ROLE_LABELS[lang][role] ?? role }))}
            // The longest role (« Chargé de recouvrement ») whole, not cut by the box.
            w={220}
          />
          {form.role === 'salesperson' && (
            <SalespersonPicker
              label={t('salespersonScope')}
              required
              known={salespeople}
              commit="typing"
              value={form.salesperson}
              onChange={(salesperson) => setForm({ ...form, salesperson })}
              w={260}
            />
          )}
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': t('showPassword') }}
            label={t('password')}
            description={t('passwordHint')}
            required
            minLength={10}
            {...field('password')}
            w={200}
          />
          <Button type="submit" loading={busy}>
            {t('createUser')}
          </Button>
        </Group>
      </form>
      {error && (
        <Alert color="red" mt="sm" role="alert">
          {error}
        </Alert>
      )}
    </Card>
  );
}
