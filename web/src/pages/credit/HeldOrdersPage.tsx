/** The held-orders queue: each order with its reasons and the role that may release or refuse it. */
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, problemText } from '../../api.ts';
import { dateTime, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

interface HeldOrder {
  orderRef: string;
  customerCode: string;
  customerName: string;
  amountMinor: number;
  currency: string;
  approverRole: string | null;
  checkedAt: string;
  reasons: { code: string; message: string }[];
}

export function HeldOrdersPage() {
  const { t, lang, label } = useI18n();
  const queue = useApi<{ items: HeldOrder[] }>(`/api/credit/orders?status=held&lang=${lang}`);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const act = async (ref: string, action: 'release' | 'refuse') => {
    try {
      await api(`/api/credit/orders/${encodeURIComponent(ref)}/${action}`, {
        method: 'POST',
        body: { comment: comments[ref] ?? '' },
      });
      setMessage({ ok: true, text: t('credit.web.done') });
      queue.reload();
    } catch (error) {
      setMessage({ ok: false, text: problemText(error) });
    }
  };
  const items = queue.data?.items ?? [];
  return (
    <Stack>
      <Title order={2}>{t('credit.web.heldOrders')}</Title>
      <Text c="dimmed">{t('credit.web.heldOrdersIntro')}</Text>
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
      {items.length === 0 ? (
        <Text>{t('credit.web.noHeldOrders')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('credit.web.order')}</Table.Th>
              <Table.Th>{t('credit.web.customer')}</Table.Th>
              <Table.Th ta="right">{t('credit.web.amount')}</Table.Th>
              <Table.Th>{t('credit.web.reasons')}</Table.Th>
              <Table.Th>{t('credit.web.approver')}</Table.Th>
              <Table.Th>{t('credit.web.checkedAt')}</Table.Th>
              <Table.Th>{t('credit.web.comment')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((order) => (
              <Table.Tr key={order.orderRef}>
                <Table.Td>{order.orderRef}</Table.Td>
                <Table.Td>
                  {order.customerName} ({order.customerCode})
                </Table.Td>
                <Table.Td ta="right">{money(order.amountMinor, order.currency, lang)}</Table.Td>
                <Table.Td>
                  {order.reasons.map((r) => (
                    <Text size="sm" key={r.code}>
                      {r.message}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>{label('role', order.approverRole)}</Table.Td>
                <Table.Td>{dateTime(order.checkedAt, lang)}</Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('credit.web.comment')}
                    value={comments[order.orderRef] ?? ''}
                    onChange={(event) =>
                      setComments({ ...comments, [order.orderRef]: event.currentTarget.value })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" onClick={() => act(order.orderRef, 'release')}>
                      {t('credit.web.release')}
                    </Button>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => act(order.orderRef, 'refuse')}
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
