/**
 * API tokens (admin): create one (its secret is shown once), list them with the day each expires,
 * revoke. A token ends silently after its days (90 by default) and its integration stops: the
 * page warns of those ending within 14 days or already ended, while there is time for a new one.
 */

import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  type ApiToken,
  api,
  type CreatedToken as Created,
  problemText,
  type UserAccount,
} from '../../api.ts';
import { ActorName, useActorName } from '../../components/ActorName.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { dateTime } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

function NewTokenForm({ onCreated }: { onCreated(created: Created): void }) {
  const { t } = useI18n();
  const users = useApi<UserAccount[]>('/api/users');
  const [name, setName] = useState('');
  const [email, setEmail] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await api<Created>('/api/tokens', {
        method: 'POST',
        body: { name, ...(email ? { email } : {}) },
      });
      setName('');
      onCreated(created);
    } catch (failure) {
      setError(problemText(failure));
    }
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-end">
        <TextInput
          label={t('tokenName')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          w={240}
        />
        <Select
          label={t('tokenUser')}
          placeholder={t('tokenUserDefault')}
          clearable
          searchable
          value={email}
          onChange={setEmail}
          data={(users.data ?? [])
            .filter((user) => !user.disabled)
            .map((user) => ({ value: user.email, label: `${user.name} <${user.email}>` }))}
          w={320}
        />
        <Button type="submit">{t('createToken')}</Button>
      </Group>
      {error && (
        <Alert color="red" mt="sm" role="alert">
          {error}
        </Alert>
      )}
    </form>
  );
}

function Secret({ created }: { created: Created }) {
  const { t } = useI18n();
  return (
    <Alert color="yellow" title={t('tokenSecret')} role="status" data-testid="token-secret">
      <Group>
        <Code fz="sm" data-testid="token-value">
          {created.token}
        </Code>
        <CopyButton value={created.token}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? t('copied') : t('copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}

function Status({ token, when }: { token: ApiToken; when(instant: string | null): string }) {
  const { t } = useI18n();
  if (token.revokedAt) return <Badge color="gray">{`${t('revoked')} ${when(token.revokedAt)}`}</Badge>;
  if (token.expiry === 'expired') return <Badge color="red">{t('tokenExpired')}</Badge>;
  if (token.expiry === 'expiring')
    return <Badge color="orange">{t('tokenExpiring', { days: token.daysLeft })}</Badge>;
  return <Badge color="green">{t('enabled')}</Badge>;
}

/** The live tokens ending soon and those ended but not revoked: each one an integration about to stop, or stopped. */
function ExpiryWarning({ tokens }: { tokens: readonly ApiToken[] }) {
  const { t } = useI18n();
  const expiring = tokens.filter((token) => token.expiry === 'expiring').length;
  const expired = tokens.filter((token) => token.expiry === 'expired').length;
  if (expiring + expired === 0) return null;
  return (
    <Alert color="orange" role="alert" data-testid="token-expiry-warning" title={t('tokenExpiryTitle')}>
      {t('tokenExpiryWarning', { expiring, expired })}
    </Alert>
  );
}

export function TokensPage() {
  const { t, lang } = useI18n();
  const nameOf = useActorName();
  const tokens = useApi<ApiToken[]>('/api/tokens');
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revoke = async (id: number) => {
    try {
      await api(`/api/tokens/${id}`, { method: 'DELETE' });
    } catch (failure) {
      setError(problemText(failure));
    }
    tokens.reload();
  };
  const when = (instant: string | null) => (instant ? dateTime(instant, lang) : t('never'));
  return (
    <Stack>
      <div>
        <Title order={2}>{t('tokens')}</Title>
        <Text c="dimmed" size="sm">
          {t('tokensIntro')}
        </Text>
      </div>
      <LoadState loading={tokens.loading && !tokens.data} error={tokens.error} />
      {tokens.data && (
        <Card withBorder>
          <NewTokenForm
            onCreated={(next) => {
              setCreated(next);
              tokens.reload();
            }}
          />
        </Card>
      )}
      {created && <Secret created={created} />}
      {error && <Alert color="red">{error}</Alert>}
      {tokens.data && <ExpiryWarning tokens={tokens.data} />}
      {tokens.data?.length === 0 && (
        <Text c="dimmed" data-testid="tokens-none">
          {t('tokensNone')}
        </Text>
      )}
      {tokens.data && (
        <Table striped data-testid="tokens-table" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tokenName')}</Table.Th>
              <Table.Th>{t('tokenUser')}</Table.Th>
              <Table.Th>{t('createdAt')}</Table.Th>
              <Table.Th>{t('lastUsedAt')}</Table.Th>
              <Table.Th>{t('tokenExpiresAt')}</Table.Th>
              <Table.Th>{t('status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>
                  <ActorName actor={token.email} nameOf={nameOf} />
                </Table.Td>
                <Table.Td>{when(token.createdAt)}</Table.Td>
                <Table.Td>{when(token.lastUsedAt)}</Table.Td>
                <Table.Td>{when(token.expiresAt)}</Table.Td>
                <Table.Td>
                  <Status token={token} when={when} />
                </Table.Td>
                <Table.Td>
                  {!token.revokedAt && (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => void revoke(token.id)}
                      aria-label={t('revokeToken', { name: token.name })}
                    >
                      {t('revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
