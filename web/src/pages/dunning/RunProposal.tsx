/**
 * The run awaiting approval, at the top of the run page: when the company reviews before
 * sending, the daily job stores its plan as a proposal; the credit department reviews it with the
 * run's review table (the customers chosen are those sent to), then approves or rejects it. The
 * setting itself is switched here too, by the credit department.
 */
import { Alert, Button, Group, Modal, Paper, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { actorEmail } from '../../../../src/text/actor-name.ts';
import { ApiError, api } from '../../api.ts';
import { canEditCustomers, useAuth } from '../../auth.tsx';
import { useActorName } from '../../components/ActorName.tsx';
import { date, dateTime, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { type Loaded, useApi } from '../../use-api.ts';
import { RunReview, type Selection } from './RunReview.tsx';
import { actionKey, type ReviewView, selectedCustomers } from './RunReviewModel.ts';
import type { ProposalCounts } from './types.ts';

interface ProposalSummary extends ProposalCounts {
  createdAt: string;
  createdBy: string;
}
interface ProposalDetail extends ProposalSummary {
  customerCodes: string[];
  preview: ReviewView | null;
}
interface Approval {
  run: { runId: number; sentActions: number };
}

const everything = (view: ReviewView): Selection => ({
  selected: new Set(view.actions.map(actionKey)),
  excluded: new Set(),
});

const failureText = (failure: unknown) => (failure instanceof ApiError ? failure.message : String(failure));

/** The dunning settings the run page reads: whether runs wait for approval. */
export type ReviewSettings = Loaded<{ reviewBeforeSending: boolean }>;

/**
 * « Valider les relances avant envoi »: read by staff, switched by the credit department. The run
 * page holds the setting (its button sends or proposes by it).
 */
export function ReviewSetting({ settings }: { settings: ReviewSettings }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const [error, setError] = useState<string | null>(null);
  if (!settings.data) return null;
  const change = async (reviewBeforeSending: boolean) => {
    setError(null);
    try {
      await api('/api/dunning/settings', { method: 'PATCH', body: { reviewBeforeSending } });
      settings.reload();
    } catch (failure) {
      setError(failureText(failure));
    }
  };
  return (
    <Stack gap={4}>
      <Switch
        label={t('dunningProposals.setting.reviewBeforeSending')}
        description={t('dunningProposals.setting.reviewHelp')}
        checked={settings.data.reviewBeforeSending}
        disabled={!canEditCustomers(me)}
        onChange={(e) => void change(e.currentTarget.checked)}
        data-testid="dunning-review-setting"
      />
      {error && <Alert color="red">{error}</Alert>}
    </Stack>
  );
}

function RejectModal({
  opened,
  onClose,
  onReject,
}: {
  opened: boolean;
  onClose(): void;
  onReject(note: string): void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('dunningProposals.rejectTitle')}>
      <Stack>
        <Textarea
          label={t('dunningProposals.rejectNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('dunningProposals.cancel')}
          </Button>
          <Button color="red" onClick={() => onReject(note)} data-testid="dunning-proposal-reject-confirm">
            {t('dunningProposals.rejectConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The pending proposal, if any, with its review and the decision; nothing otherwise. */
export function PendingProposal() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  // The author by name (the directory); their e-mail when the directory does not know them.
  const nameOf = useActorName();
  const pending = useApi<ProposalSummary[]>('/api/dunning/proposals?status=pending&limit=1');
  const id = pending.data?.[0]?.proposalId ?? null;
  const detail = useApi<ProposalDetail>(id === null ? null : `/api/dunning/proposals/${id}`);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ color: string; text: string } | null>(null);
  const preview = detail.data?.preview ?? null;
  useEffect(() => setSelection(preview ? everything(preview) : null), [preview]);
  const decide = async (path: string, body: object, done: (result: unknown) => string) => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await api<unknown>(path, { method: 'POST', body });
      setOutcome({ color: 'green', text: done(result) });
      pending.reload();
    } catch (failure) {
      setOutcome({ color: 'red', text: failureText(failure) });
      detail.reload();
    } finally {
      setBusy(false);
    }
  };
  if (outcome && (id === null || !preview)) return <Alert color={outcome.color}>{outcome.text}</Alert>;
  const proposal = detail.data;
  if (!proposal || !preview || proposal.proposalId !== id) return null;
  const customers = selection ? selectedCustomers(preview.actions, selection.selected) : [];
  const mayDecide = canEditCustomers(me);
  const amount = proposal.totals.map((total) => money(total.totalDueMinor, total.currency, lang)).join(' · ');
  const approve = () =>
    decide(`/api/dunning/proposals/${proposal.proposalId}/approve`, { customerCodes: customers }, (result) =>
      t('dunningProposals.approved', {
        run: (result as Approval).run.runId,
        sent: (result as Approval).run.sentActions,
      }),
    );
  const reject = (note: string) => {
    setRejecting(false);
    void decide(
      `/api/dunning/proposals/${proposal.proposalId}/reject`,
      note.trim() ? { note: note.trim() } : {},
      () => t('dunningProposals.rejected'),
    );
  };
  return (
    <Paper withBorder p="md" data-testid="dunning-proposal">
      <Stack>
        <Title order={3}>{t('dunningProposals.title')}</Title>
        <Text data-testid="dunning-proposal-summary">
          {t('dunningProposals.summary', {
            date: date(proposal.asOf, lang),
            customers: proposal.customers,
            actions: proposal.actions,
            amount,
          })}
        </Text>
        <Text
          size="sm"
          c="dimmed"
          title={actorEmail(proposal.createdBy) ?? undefined}
          data-testid="dunning-proposal-author"
        >
          {t('dunningProposals.createdBy', {
            date: dateTime(proposal.createdAt, lang),
            actor: nameOf(proposal.createdBy),
          })}
        </Text>
        {outcome && <Alert color={outcome.color}>{outcome.text}</Alert>}
        <RunReview
          actions={preview.actions}
          // Planned again as of the proposal's date: its credits are the customers' at that date.
          deductedCredits={preview.deductedCredits}
          selection={mayDecide ? selection : null}
          onSelection={setSelection}
          onPauseChange={(changed) => changed && detail.reload()}
        />
        {mayDecide && (
          <Group>
            <Button
              loading={busy}
              disabled={customers.length === 0}
              onClick={() => void approve()}
              data-testid="dunning-proposal-approve"
            >
              {t('dunningProposals.approve', { count: customers.length })}
            </Button>
            <Button color="red" variant="light" loading={busy} onClick={() => setRejecting(true)}>
              {t('dunningProposals.reject')}
            </Button>
          </Group>
        )}
      </Stack>
      <RejectModal opened={rejecting} onClose={() => setRejecting(false)} onReject={reject} />
    </Paper>
  );
}
