/**
 * Write-offs: proposing one (WriteOffProposalForm.tsx, from the page or from a provision line), the
 * proposals waiting for a decision (first: what the approver comes for) — the buttons disabled, with the reason, for a reader the API
 * would refuse (the proposer, a role below the delegation matrix's: `mayDecide`) — with the
 * VAT-recovery note of each, the decided ones, and the provision for doubtful debts at the
 * reference date: its totals by basis, per currency, and its lines (ProvisionLines.tsx).
 */
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type {
  ProvisionResponse,
  WriteOffListResponse,
  WriteOffResponse,
} from '../../../../src/http/schemas/write-offs.ts';
import { api, problemText } from '../../api.ts';
import { ActorName, useActorName } from '../../components/ActorName.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { ProvisionLines } from './ProvisionLines.tsx';
import { type ProposalStart, WriteOffProposalForm } from './WriteOffProposalForm.tsx';

type Listed = WriteOffListResponse['items'][number];

/** The reason a reader may not decide, worded; null when they may. */
function useRefusal() {
  const { t, label } = useI18n();
  return (w: Listed) =>
    w.mayDecide
      ? null
      : t('writeoff.web.refusal', {
          reason: w.decisionRefusal ?? 'role',
          role: label('role', w.requiredRole),
        });
}

function ProposalRows({
  items,
  onDecide,
}: {
  items: Listed[];
  onDecide?: (id: number, decision: 'approve' | 'reject', comment: string) => void;
}) {
  const { t, lang, label } = useI18n();
  const [comments, setComments] = useState<Record<number, string>>({});
  const refusalOf = useRefusal();
  const nameOf = useActorName();
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
              <ActorName actor={w.proposedBy} nameOf={nameOf} />, {date(w.proposalDate, lang)}
            </Table.Td>
            <Table.Td>
              {onDecide ? label('role', w.requiredRole) : t('writeoff.status', { status: w.status })}
            </Table.Td>
            {onDecide && (
              <Table.Td>
                <DecisionCell
                  refused={refusalOf(w)}
                  comment={comments[w.proposalId] ?? ''}
                  onComment={(text) => setComments({ ...comments, [w.proposalId]: text })}
                  onDecide={(decision) => onDecide(w.proposalId, decision, comments[w.proposalId] ?? '')}
                />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The comment and the two decisions; disabled, with the reason under them, for a reader who may not decide. */
function DecisionCell(props: {
  refused: string | null;
  comment: string;
  onComment(text: string): void;
  onDecide(decision: 'approve' | 'reject'): void;
}) {
  const { t } = useI18n();
  const disabled = props.refused !== null;
  return (
    <Stack gap={4} miw={240} title={props.refused ?? undefined}>
      <TextInput
        size="xs"
        placeholder={t('writeoff.web.comment')}
        aria-label={t('writeoff.web.comment')}
        disabled={disabled}
        value={props.comment}
        onChange={(e) => props.onComment(e.currentTarget.value)}
      />
      <Group gap="xs" wrap="nowrap">
        <Button size="xs" disabled={disabled} onClick={() => props.onDecide('approve')}>
          {t('writeoff.web.approve')}
        </Button>
        <Button
          size="xs"
          color="red"
          variant="light"
          disabled={disabled}
          onClick={() => props.onDecide('reject')}
        >
          {t('writeoff.web.reject')}
        </Button>
      </Group>
      {props.refused !== null && (
        <Text size="xs" c="dimmed" maw={240} data-testid="writeoff-refused">
          {props.refused}
        </Text>
      )}
    </Stack>
  );
}

/** A provision line's reason to write off: its procedure, else an invoice too old to collect. */
const reasonOfBasis = (basis: string): ProposalStart['reason'] =>
  basis === 'collective_procedure' ? 'insolvency' : basis === 'dispute' ? 'commercial' : 'uncollectable';

export function WriteOffsPage() {
  const { t, lang, label } = useI18n();
  const writeOffs = useApi<WriteOffListResponse>(`/api/write-offs?lang=${lang}`);
  const [proposing, setProposing] = useState<ProposalStart | null>(null);
  const mayPropose = writeOffs.data?.mayPropose ?? false;
  const onProposed = (proposal: WriteOffResponse) => {
    setProposing(null);
    setMessage({
      ok: true,
      text: t('writeoff.web.proposedNotice', {
        proposalId: proposal.proposalId,
        amount: money(proposal.amountMinor, proposal.currency, lang),
        role: label('role', proposal.requiredRole),
      }),
    });
    writeOffs.reload();
  };
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
      <Group justify="space-between">
        <Title order={2}>{t('writeoff.web.title')}</Title>
        <Stack gap={2} align="flex-end">
          <Button
            disabled={!mayPropose}
            onClick={() => setProposing({ customer: null, refs: [], reason: 'uncollectable' })}
            data-testid="propose-write-off"
          >
            {t('writeoff.web.propose')}
          </Button>
          {writeOffs.data && !mayPropose && (
            <Text size="xs" c="dimmed">
              {t('writeoff.web.mayNotPropose')}
            </Text>
          )}
        </Stack>
      </Group>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} data-testid="writeoff-message">
          {message.text}
        </Alert>
      )}
      <LoadState loading={writeOffs.loading && !writeOffs.data} error={writeOffs.error} />
      <Title order={3}>{t('writeoff.web.proposed')}</Title>
      {writeOffs.data && proposed.length === 0 && <Text>{t('writeoff.web.none')}</Text>}
      {proposed.length > 0 && <ProposalRows items={proposed} onDecide={decide} />}
      {/* One sentence per currency: euros and dollars are never added up; without any line, the company's zero. */}
      {p &&
        (p.totals.length > 0 ? p.totals : [p]).map((total) => (
          <Text key={total.currency} data-testid="provision-total">
            {t('writeoff.web.provision', {
              asOf: date(p.asOf, lang),
              total: money(total.totalMinor, total.currency, lang),
              age: money(total.byBasis.age, total.currency, lang),
              procedure: money(total.byBasis.collective_procedure, total.currency, lang),
              dispute: money(total.byBasis.dispute, total.currency, lang),
            })}
          </Text>
        ))}
      {p && (
        <ProvisionLines
          lines={p.lines}
          proposeRefused={mayPropose ? null : t('writeoff.web.mayNotPropose')}
          onPropose={(line) =>
            setProposing({
              customer: { code: line.customerCode, name: line.customerName, currency: line.currency },
              refs: [line.ref],
              reason: reasonOfBasis(line.basis),
            })
          }
        />
      )}
      <Title order={3}>{t('writeoff.web.decided')}</Title>
      {writeOffs.data && decided.length === 0 && <Text>{t('writeoff.web.none')}</Text>}
      {decided.length > 0 && <ProposalRows items={decided} />}
      {proposing && (
        <WriteOffProposalForm start={proposing} onClose={() => setProposing(null)} onDone={onProposed} />
      )}
    </Stack>
  );
}
