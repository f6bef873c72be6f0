/** User accounts (admin): list, create, change role, sales scope or e-mail language, disable and enable. */
import { Alert, Badge, Button, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api, problemText, type UserAccount } from '../../api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useI18n } from '../../i18n.tsx';
import { ROLE_KEYS, ROLE_LABELS } from '../../strings/roles.ts';
import { useApi } from '../../use-api.ts';
import { NewUserForm } from './NewUserForm.tsx';
import { SalespersonPicker } from './SalespersonPicker.tsx';

/** The languages of a user's e-mails. */
const LANGUAGES = ['fr', 'en'] as const;

interface RowProps {
  user: UserAccount;
  /** The salesperson names of the customers file. */
  salespeople: readonly string[];
  onChange(patch: Partial<UserAccount>): void;
}

function UserRow({ user, salespeople, onChange }: RowProps) {
  const { t, lang, label } = useI18n();
  // Becoming a salesperson needs a scope: the role is sent with the name picked next.
  const [becomingSalesperson, setBecomingSalesperson] = useState(false);
  const role = becomingSalesperson ? 'salesperson' : user.role;
  const chooseRole = (chosen: string | null) => {
    if (!chosen || chosen === role) return;
    if (chosen === 'salesperson' && !user.salesperson) return setBecomingSalesperson(true);
    setBecomingSalesperson(false);
    if (chosen !== user.role) onChange({ role: chosen as UserAccount['role'] });
  };
  return (
    <Table.Tr data-testid={`user-${user.email}`}>
      <Table.Td>{user.name}</Table.Td>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>
        <Select
          aria-label={`${t('role')} — ${user.name}`}
          value={role}
          allowDeselect={false}
          onChange={chooseRole}
          data={ROLE_KEYS.map((role) => ({ value: role, label: ROLE_LABELS[lang][role] ?? role }))}
          size="xs"
          // The longest role (« Chargé de recouvrement ») whole, not cut by the box.
          w={200}
        />
      </Table.Td>
      <Table.Td>
        {/* The scope means nothing for the other roles: nothing to edit there. */}
        {role === 'salesperson' ? (
          <SalespersonPicker
            ariaLabel={`${t('salespersonScope')} — ${user.name}`}
            known={salespeople}
            value={user.salesperson ?? ''}
            onChange={(name) => {
              setBecomingSalesperson(false);
              onChange(
                becomingSalesperson ? { role: 'salesperson', salesperson: name } : { salesperson: name },
              );
            }}
            size="xs"
            w={170}
          />
        ) : (
          <Text c="dimmed">—</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`${t('language')} — ${user.name}`}
          value={user.language}
          allowDeselect={false}
          onChange={(language) =>
            language &&
            language !== user.language &&
            onChange({ language: language as UserAccount['language'] })
          }
          data={LANGUAGES.map((code) => ({ value: code, label: label('language', code) }))}
          size="xs"
          w={110}
        />
      </Table.Td>
      <Table.Td>
        <Badge color={user.disabled ? 'gray' : 'green'} variant="light">
          {user.disabled ? t('disabled') : t('enabled')}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="light"
          color={user.disabled ? 'green' : 'red'}
          onClick={() => onChange({ disabled: !user.disabled })}
          aria-label={`${user.disabled ? t('enable') : t('disable')} — ${user.name}`}
        >
          {user.disabled ? t('enable') : t('disable')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

export function UsersPage() {
  const { t } = useI18n();
  const users = useApi<UserAccount[]>('/api/users');
  const salespeople = useApi<string[]>('/api/users/salespeople');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const update = async (user: UserAccount, patch: Partial<UserAccount>) => {
    try {
      await api(`/api/users/${encodeURIComponent(user.email)}`, { method: 'PATCH', body: patch });
      setMessage({ ok: true, text: t('userUpdated', { email: user.email }) });
    } catch (failure) {
      setMessage({ ok: false, text: problemText(failure) });
    }
    users.reload();
  };
  return (
    <Stack>
      <div>
        <Title order={2}>{t('users')}</Title>
        <Text c="dimmed" size="sm">
          {t('usersIntro')}
        </Text>
      </div>
      <LoadState loading={users.loading && !users.data} error={users.error} />
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role="status" data-testid="users-message">
          {message.text}
        </Alert>
      )}
      {users.data && (
        <>
          <NewUserForm
            salespeople={salespeople.data ?? []}
            onCreated={(user) => {
              setMessage({ ok: true, text: t('userCreated', { email: user.email }) });
              users.reload();
            }}
          />
          <Table striped data-testid="users-table" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('email')}</Table.Th>
                <Table.Th>{t('role')}</Table.Th>
                <Table.Th>{t('salesperson')}</Table.Th>
                <Table.Th>{t('language')}</Table.Th>
                <Table.Th>{t('accountState')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((user) => (
                <UserRow
                  key={user.email}
                  user={user}
                  salespeople={salespeople.data ?? []}
                  onChange={(patch) => void update(user, patch)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
