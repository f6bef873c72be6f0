/**
 * Write-off approvals: the proposals waiting for a decision (the API checks the approver's role
 * against the delegation matrix and refuses the proposer), with the VAT-recovery note of each, the
 * decided ones, and the provision for doubtful debts at the reference date: its totals by basis and
 * its lines (ProvisionLines.tsx).
 */
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ProvisionResponse, WriteOffResponse } from '../../../../src/http/schemas/write-offs.ts';
import { api, problemText } from '../../api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { ProvisionLines } from './ProvisionLines.tsx';

function ProposalRows({
  items,
  onDecide,
}: {
  items: WriteOffResponse[];
  onDecide?: (id: number, decision: 'approve' | 'reject', comment: string) => void;
}) {
  const { t, lang, label } = useI18n();
  const [comments, setComments] = useState<Record<number, string>>({});
  return (
    <Table striped fz="sm" data-testid="write-offs-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>n°</Table.Th>
          <Table.Th>{t('writeoff.web.customer')}</Table.Th>
          <Table.Th>{t('writeoff.web.invoices')}</Table.Th>
          <Table.Th ta="right">{t('writeoff.web.amount')}</Table.Th>
          <Table.Th>{t('writeoff.web.reason')}</Table.Th>
          <Table.Th>{t('writeoff.web.proposedBy')}</Table.Th>
          <Table.Th>{onDecide ? t('writeoff.web.requiredRole') : t('writeoff.web.status')}</Table.Th>
          {onDecide && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((w) => (
          <Table.Tr key={w.proposalId}>
            <Table.Td>{w.proposalId}</Table.Td>
            <Table.Td>
              {w.customerName} ({w.customerCode})
            </Table.Td>
            <Table.Td>{w.items.map((item) => item.ref).join(', ')}</Table.Td>
            <Table.Td ta="right">{money(w.amountMinor, w.currency, lang)}</Table.Td>
            <Table.Td>
              <Text fz="sm">
                {t('writeoff.reason', { reason: w.reasonCode })} — {w.reason}
              </Text>
              <Text fz="xs" c="dimmed">
                {w.vatNoteText}
              </Text>
            </Table.Td>
            <Table.Td>
              {w.proposedBy}, {date(w.proposalDate, lang)}
            </Table.Td>
            <Table.Td>
              {onDecide ? label('role', w.requiredRole) : t('writeoff.status', { status: w.status })}
            </Table.Td>
            {onDecide && (
              <Table.Td>
                <Stack gap={4} miw={240}>
                  <TextInput
                    size="xs"
                    placeholder={t('writeoff.web.comment')}
                    aria-label={t('writeoff.web.comment')}
                    value={comments[w.proposalId] ?? ''}
                    onChange={(e) => setComments({ ...comments, [w.proposalId]: e.currentTarget.value })}
                  />
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      onClick={() => onDecide(w.proposalId, 'approve', comments[w.proposalId] ?? '')}
                    >
                      {t('writeoff.web.approve')}
                    </Button>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => onDecide(w.proposalId, 'reject', comments[w.proposalId] ?? '')}
                    >
                      {t('writeoff.web.reject')}
                    </Button>
                  </Group>
                </Stack>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function WriteOffsPage() {
  const { t, lang } = useI18n();
  const writeOffs = useApi<{ items: WriteOffResponse[] }>(`/api/write-offs?lang=${lang}`);
  const provision = useApi<ProvisionResponse>('/api/provision');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const decide = async (id: number, decision: 'approve' | 'reject', comment: string) => {
    try {
      await api(`/api/write-offs/${id}/decision`, {
        method: 'POST',
        body: { decision, ...(comment.trim() ? { comment } : {}) },
      });
      setMessage({
        ok: true,
        text: t(decision === 'approve' ? 'writeoff.web.approved' : 'writeoff.web.rejected'),
      });
      writeOffs.reload();
      provision.reload();
    } catch (error) {
      setMessage({ ok: false, text: problemText(error) });
    }
  };
  const items = writeOffs.data?.items ?? [];
  const proposed = items.filter((w) => w.status === 'proposed');
  const decided = items.filter((w) => w.status !== 'proposed');
  const p = provision.data;
  return (
    <Stack>
      <Title order={2}>{t('writeoff.web.title')}</Title>
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
      {p && (
        <Text data-testid="provision-total">
          {t('writeoff.web.provision', {
            asOf: date(p.asOf, lang),
            total: money(p.totalMinor, 'EUR', lang),
            age: money(p.byBasis.age, 'EUR', lang),
            procedure: money(p.byBasis.collective_procedure, 'EUR', lang),
            dispute: money(p.byBasis.dispute, 'EUR', lang),
          })}
        </Text>
      )}
      {p && <ProvisionLines lines={p.lines} />}
      <LoadState loading={writeOffs.loading && !writeOffs.data} error={writeOffs.error} />
      <Title order={3}>{t('writeoff.web.proposed')}</Title>
      {writeOffs.data && proposed.length === 0 && <Text>{t('writeoff.web.none')}</Text>}
      {proposed.length > 0 && <ProposalRows items={proposed} onDecide={decide} />}
      <Title order={3}>{t('writeoff.web.decided')}</Title>
      {writeOffs.data && decided.length === 0 && <Text>{t('writeoff.web.none')}</Text>}
      {decided.length > 0 && <ProposalRows items={decided} />}
    </Stack>
  );
}
