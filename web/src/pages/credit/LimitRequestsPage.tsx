/** The limit-request inbox: requests waiting for a decision, with the role the delegation matrix names. */
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, problemText } from '../../api.ts';
import { dateTime, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

interface LimitRequest {
  requestId: number;
  customerCode: string;
  customerName: string;
  requestedMinor: number;
  currency: string;
  requiredRole: string;
  justification: string;
  requestedBy: string;
  dueAt: string;
}

export function LimitRequestsPage() {
  const { t, lang, label } = useI18n();
  const inbox = useApi<{ items: LimitRequest[] }>('/api/credit/limit-requests?status=pending');
  const [comments, setComments] = useState<Record<number, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const decide = async (id: number, approve: boolean) => {
    try {
      await api(`/api/credit/limit-requests/${id}/decision`, {
        method: 'POST',
        body: { approve, comment: comments[id] ?? '' },
      });
      setMessage({ ok: true, text: t('credit.web.done') });
      inbox.reload();
    } catch (error) {
      setMessage({ ok: false, text: problemText(error) });
    }
  };
  const items = inbox.data?.items ?? [];
  return (
    <Stack>
      <Title order={2}>{t('credit.web.limitRequests')}</Title>
      <Text c="dimmed">{t('credit.web.limitRequestsIntro')}</Text>
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
      {items.length === 0 ? (
        <Text>{t('credit.web.noRequests')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('credit.web.customer')}</Table.Th>
              <Table.Th ta="right">{t('credit.web.requested')}</Table.Th>
              <Table.Th>{t('credit.web.justification')}</Table.Th>
              <Table.Th>{t('credit.web.requestedBy')}</Table.Th>
              <Table.Th>{t('credit.web.approver')}</Table.Th>
              <Table.Th>{t('credit.web.dueAt')}</Table.Th>
              <Table.Th>{t('credit.web.comment')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((request) => (
              <Table.Tr key={request.requestId}>
                <Table.Td>
                  {request.customerName} ({request.customerCode})
                </Table.Td>
                <Table.Td ta="right">{money(request.requestedMinor, request.currency, lang)}</Table.Td>
                <Table.Td>{request.justification}</Table.Td>
                <Table.Td>{request.requestedBy}</Table.Td>
                <Table.Td>{label('role', request.requiredRole)}</Table.Td>
                <Table.Td>{dateTime(request.dueAt, lang)}</Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('credit.web.comment')}
                    value={comments[request.requestId] ?? ''}
                    onChange={(event) =>
                      setComments({ ...comments, [request.requestId]: event.currentTarget.value })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" onClick={() => decide(request.requestId, true)}>
                      {t('credit.web.approve')}
                    </Button>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => decide(request.requestId, false)}
                    >
                      {t('credit.web.refuse')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
