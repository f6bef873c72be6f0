/**
 * The mail outbox: every message Encours decided to send, with its status (sent, waiting, failed
 * with the server's error, held for lack of SMTP), and one message with its bodies, attachments,
 * .eml download and a retry.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { OutboxMessage, OutboxPage as OutboxPageData } from '../../../src/http/schemas/outbox.ts';
import { OUTBOX_STATUSES } from '../../../src/http/schemas/outbox.ts';
import { connectionReason } from '../../../src/text/connection-words.ts';
import { ApiError, api, query } from '../api.ts';
import { LoadState } from '../components/LoadState.tsx';
import { PageNumbers } from '../components/PageNumbers.tsx';
import { dateTime } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { useApi } from '../use-api.ts';

const PAGE_SIZE = 50;

const STATUS_COLORS: Record<string, string> = {
  pending: 'gray',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
  held: 'orange',
};

/**
 * The status in a word or two; why a message was held (no SMTP server) in the badge's tooltip, and
 * on its own line where there is room (`reason`), not squeezed into the badge.
 */
function StatusBadge({ status, reason = false }: { status: string; reason?: boolean }) {
  const { t, label } = useI18n();
  const why = status === 'held' ? t('mail.heldReason') : null;
  const badge = (
    <Badge
      color={STATUS_COLORS[status] ?? 'gray'}
      variant="light"
      // Mantine cuts a badge's label to its cell; the table gives the short label its full width instead.
      styles={{ label: { overflow: 'visible' } }}
      data-testid={`mail-status-${status}`}
    >
      {label('mailStatus', status)}
    </Badge>
  );
  if (!why) return badge;
  const tipped = <Tooltip label={why}>{badge}</Tooltip>;
  if (!reason) return tipped;
  return (
    <Stack gap={2} align="flex-start">
      {tipped}
      <Text size="xs" c="dimmed">
        {why}
      </Text>
    </Stack>
  );
}

export function OutboxPage() {
  const { t, label, lang } = useI18n();
  const [status, setStatus] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const outbox = useApi<OutboxPageData>(
    `/api/outbox${query({ status, search, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(draft.trim());
    setPage(1);
  };
  const data = outbox.data;
  return (
    <Stack>
      <div>
        <Title order={2}>{t('mail.title')}</Title>
        <Text c="dimmed">{t('mail.intro')}</Text>
      </div>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <Select
            label={t('mail.status')}
            placeholder={t('common.all')}
            data={OUTBOX_STATUSES.map((code) => ({ value: code, label: label('mailStatus', code) }))}
            value={status}
            onChange={(value) => {
              setStatus(value);
              setPage(1);
            }}
            clearable
            w={320}
          />
          <TextInput
            label={t('mail.search')}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            w={280}
          />
          <Button type="submit" variant="light">
            {t('mail.filter')}
          </Button>
        </Group>
      </form>
      <LoadState loading={outbox.loading && !data} error={outbox.error} />
      {data && (
        <>
          <Text c="dimmed" data-testid="outbox-count">
            {t('mail.count', { n: data.total })}
          </Text>
          {data.items.length === 0 && <Text>{t('mail.empty')}</Text>}
          {data.items.length > 0 && (
            <Table striped highlightOnHover fz="sm" data-testid="outbox-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('mail.createdAt')}</Table.Th>
                  <Table.Th>{t('mail.status')}</Table.Th>
                  <Table.Th>{t('mail.category')}</Table.Th>
                  <Table.Th>{t('mail.to')}</Table.Th>
                  <Table.Th>{t('mail.subject')}</Table.Th>
                  <Table.Th>{t('mail.customer')}</Table.Th>
                  <Table.Th ta="right">{t('mail.attempts')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((mail) => (
                  <Table.Tr key={mail.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(mail.createdAt, lang)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <StatusBadge status={mail.status} />
                    </Table.Td>
                    <Table.Td>{label('mailCategory', mail.category)}</Table.Td>
                    <Table.Td>{mail.to.join(', ')}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/outbox/${mail.id}`} fz="sm">
                        {mail.subject}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {mail.customerCode && (
                        <Anchor
                          component={Link}
                          to={`/customers/${encodeURIComponent(mail.customerCode)}`}
                          fz="sm"
                        >
                          {mail.customerCode}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{mail.attempts}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <PageNumbers total={data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}

export function OutboxMessagePage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const message = useApi<OutboxMessage>(`/api/outbox/${encodeURIComponent(id ?? '')}`);
  const [retrying, setRetrying] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const retry = async () => {
    setRetrying(true);
    try {
      await api(`/api/outbox/${encodeURIComponent(id ?? '')}/retry`, { method: 'POST' });
      setOutcome({ ok: true, text: t('mail.retried') });
      message.reload();
    } catch (error) {
      setOutcome({
        ok: false,
        text: t('errorWithDetail', { detail: error instanceof ApiError ? error.message : String(error) }),
      });
    } finally {
      setRetrying(false);
    }
  };
  const mail = message.data;
  const reason = mail?.lastError ? connectionReason(lang, mail.lastError) : null;
  return (
    <Stack>
      <Anchor component={Link} to="/outbox" fz="sm">
        {t('mail.back')}
      </Anchor>
      <LoadState loading={message.loading && !mail} error={message.error} />
      {mail && (
        <>
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2}>{mail.subject}</Title>
              <StatusBadge status={mail.status} reason />
            </div>
            <Group gap="xs">
              <Button component="a" href={`/api/outbox/${mail.id}/eml`} download variant="default">
                {t('mail.downloadEml')}
              </Button>
              {(mail.status === 'failed' || mail.status === 'held') && (
                <Button onClick={retry} loading={retrying} data-testid="mail-retry">
                  {t('mail.retry')}
                </Button>
              )}
            </Group>
          </Group>
          {outcome && (
            <Alert color={outcome.ok ? 'green' : 'red'} data-testid="mail-retry-outcome">
              {outcome.text}
            </Alert>
          )}
          {mail.lastError && (
            <Alert color="red" title={t('mail.lastError')} data-testid="mail-error">
              {/* The server's reply in words when it is a known refusal; its own text stays for whoever runs the server. */}
              {reason && (
                <Text fz="sm" fw={500} data-testid="mail-error-reason">
                  {reason.charAt(0).toLocaleUpperCase(lang) + reason.slice(1)}
                </Text>
              )}
              <Text fz="sm" c="dimmed">
                {mail.lastError}
              </Text>
              <Text fz="sm" mt="xs">
                {mail.nextAttemptAt
                  ? t('mail.nextAttemptAt', { when: dateTime(mail.nextAttemptAt, lang) })
                  : mail.status === 'failed' && t('mail.noRetryPlanned')}
              </Text>
            </Alert>
          )}
          <MessageFacts mail={mail} />
          <Title order={3}>{t('mail.html')}</Title>
          {mail.html ? (
            // No scripts, no same origin, no forms: the body is shown, never run.
            <iframe
              title={t('mail.html')}
              sandbox=""
              srcDoc={mail.html}
              style={{ width: '100%', minHeight: 360, border: '1px solid var(--mantine-color-gray-3)' }}
            />
          ) : (
            <Code block>{mail.text}</Code>
          )}
          {mail.html && (
            <details>
              <summary>{t('mail.text')}</summary>
              <Code block>{mail.text}</Code>
            </details>
          )}
        </>
      )}
    </Stack>
  );
}

function MessageFacts({ mail }: { mail: OutboxMessage }) {
  const { t, label, lang } = useI18n();
  const rows: [string, ReactNode][] = [
    [t('mail.category'), label('mailCategory', mail.category)],
    [t('mail.from'), mail.from],
    [t('mail.to'), mail.to.join(', ')],
    ...(mail.cc.length ? [[t('mail.cc'), mail.cc.join(', ')] as [string, string]] : []),
    ...(mail.bcc.length ? [[t('mail.bcc'), mail.bcc.join(', ')] as [string, string]] : []),
    ...(mail.replyTo ? [[t('mail.replyTo'), mail.replyTo] as [string, string]] : []),
    [
      t('mail.customer'),
      mail.customerCode ? (
        <Anchor key="customer" component={Link} to={`/customers/${encodeURIComponent(mail.customerCode)}`}>
          {mail.customerCode}
        </Anchor>
      ) : (
        '—'
      ),
    ],
    [t('mail.document'), mail.documentRef ?? '—'],
    [t('mail.createdAt'), `${dateTime(mail.createdAt, lang)} — ${mail.createdBy}`],
    [t('mail.sentAt'), mail.sentAt ? dateTime(mail.sentAt, lang) : '—'],
    [t('mail.attempts'), String(mail.attempts)],
    ...(mail.providerMessageId ? [[t('mail.providerId'), mail.providerMessageId] as [string, string]] : []),
    [t('mail.messageId'), mail.messageId],
    [
      t('mail.attachments'),
      mail.attachments.length === 0
        ? t('mail.noAttachments')
        : mail.attachments
            .map(
              (a) =>
                `${a.filename} (${a.contentType}, ${a.sizeBytes === null ? t('mail.renderedAtSend') : t('mail.bytes', { n: a.sizeBytes })})`,
            )
            .join(t('common.listSeparator')),
    ],
  ];
  return (
    <Table fz="sm" withRowBorders={false} data-testid="mail-facts">
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w={200}>{name}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
