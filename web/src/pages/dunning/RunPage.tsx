/**
 * A dunning run: preview what a date would send (the page invites to it first), review it (totals
 * per step, the selection's grand total, filters, a checkbox and an exclusion per action), then
 * send the selection; letters open as PDF. The date starts at the company's reference date and is
 * typed in the UI's format. A run whose interest lacks a semester rate says which semester and
 * asks before sending. A run awaiting approval (the company reviews before sending) comes first
 * (RunProposal.tsx); while the company reviews, the page offers to propose the selection, never to
 * send it: only the approval sends. What the run skips, and why, is RunSkipped.tsx. A run sent is
 * read back from the API with its documents (RunRecord.tsx), its id in the address (`?run=`), so a
 * reload keeps it; the runs sent before are listed below, newest first (RunHistory.tsx).
 */
import { Alert, Anchor, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { semesterWords } from '../../../../src/text/rate-gaps.ts';
import { ApiError, api } from '../../api.ts';
import { date } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { RunHistory } from './RunHistory.tsx';
import { PendingProposal, ReviewSetting } from './RunProposal.tsx';
import { RunRecord } from './RunRecord.tsx';
import { RunReview, type Selection } from './RunReview.tsx';
import {
  actionKey,
  lacksRate,
  missingSemesters,
  parseDisplayDate,
  type RateRow,
  type ReviewView,
  selectedCustomers,
} from './RunReviewModel.ts';
import { LatenessNote, Skipped } from './RunSkipped.tsx';

/** The run date as typed: the text shown in the UI's format, and the date it reads as. */
function RunDateInput({
  value,
  onChange,
  onValidity,
}: {
  value: string;
  onChange(iso: string): void;
  /** false while the text reads as no date: the page must not send on the last date read. */
  onValidity(valid: boolean): void;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(date(value, lang));
  useEffect(() => setText(value ? date(value, lang) : ''), [value, lang]);
  const parsed = text.trim() === '' ? '' : parseDisplayDate(text);
  return (
    <TextInput
      label={t('dunning.page.asOf')}
      placeholder={t('dunningReview.dateHelp')}
      value={text}
      error={parsed === null ? t('dunningReview.dateInvalid') : undefined}
      onChange={(e) => {
        setText(e.currentTarget.value);
        const next = parseDisplayDate(e.currentTarget.value);
        onValidity(next !== null);
        if (next !== null) onChange(next);
      }}
      w={160}
    />
  );
}

function RateMissingAlert({ count, semesters }: { count: number; semesters: string[] }) {
  const { t } = useI18n();
  return (
    <Alert color="orange" title={t('dunningReview.rateMissingTitle')} data-testid="dunning-rate-alert">
      <Text size="sm">
        {t('dunningReview.rateMissingBody', { count, semesters: semesters.join(', ') || '—' })}
      </Text>
      <Anchor component={Link} to="/dunning/rates" size="sm">
        {t('dunningReview.rateMissingLink')}
      </Anchor>
    </Alert>
  );
}

/** What a run asked for while the company reviews says: the proposal stored, or nothing due. */
function proposalText({ t, lang }: Pick<ReturnType<typeof useI18n>, 't' | 'lang'>, view: ReviewView): string {
  const proposal = view.proposal;
  const when = { date: date(view.asOf, lang) };
  return proposal
    ? t('dunningProposals.proposed', {
        ...when,
        customers: proposal.customers,
        actions: proposal.actions,
        id: proposal.proposalId,
      })
    : t('dunningProposals.proposedNothing', when);
}

const everything = (view: ReviewView): Selection => ({
  selected: new Set(view.actions.map(actionKey)),
  excluded: new Set(),
});

export function RunPage() {
  const { t, lang } = useI18n();
  // The company's reference date, as every analytic defaults to it (the policies answer with it).
  const reference = useApi<{ asOf: string }>('/api/dunning/policies');
  const rates = useApi<RateRow[]>('/api/dunning/rates');
  const [asOf, setAsOf] = useState('');
  const [dateValid, setDateValid] = useState(true);
  const runDate = asOf || reference.data?.asOf || '';
  const [view, setView] = useState<ReviewView | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const settings = useApi<{ reviewBeforeSending: boolean }>('/api/dunning/settings');
  const reviewing = settings.data?.reviewBeforeSending === true;
  // What the last proposal made here says; the pending proposal is read again (its key) after it.
  const [proposed, setProposed] = useState<{ text: string; key: number } | null>(null);
  // The run shown (its id in the address) and, when this page just sent it, how many reminders.
  const [address, setAddress] = useSearchParams();
  const shownRun = Number(address.get('run')) || null;
  const [sent, setSent] = useState<{ runId: number; count: number } | null>(null);
  const call = async (path: string, customerCodes?: string[], date = runDate) => {
    setBusy(true);
    setError(null);
    setProposed(null);
    try {
      const body = { ...(date ? { asOf: date } : {}), ...(customerCodes ? { customerCodes } : {}) };
      const next = await api<ReviewView>(path, { method: 'POST', body });
      if (next.proposal !== undefined) {
        setView(null);
        setSelection(null);
        setProposed({ text: proposalText({ t, lang }, next), key: Date.now() });
        return;
      }
      if (next.runId !== null) {
        // Sent: read back from the API under its own address, which a reload keeps.
        setView(null);
        setSelection(null);
        setSent({ runId: next.runId, count: next.actions.length });
        setAddress({ run: String(next.runId) });
        return;
      }
      setView(next);
      setSelection(everything(next));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const preview = () => call('/api/dunning/runs/preview');
  const previewing = view !== null && view.runId === null;
  // The list is the preview of its own date: once another date is typed (or none reads), sending
  // waits for a new preview, so that no one sends one day's reminders believing they are another's.
  const stale = previewing && (!dateValid || runDate !== view.asOf);
  const incomplete = view?.actions.filter(lacksRate) ?? [];
  const missing = view ? missingSemesters(incomplete, view.asOf, rates.data ?? []) : [];
  // Years without rates would name dozens of semesters: the first ones say enough.
  const named = missing.slice(0, 4).map((semester) => semesterWords(lang, semester));
  const semesters = missing.length > 4 ? [...named, '…'] : named;
  const chosen = view && selection ? view.actions.filter((a) => selection.selected.has(actionKey(a))) : [];
  const customers = view && selection ? selectedCustomers(view.actions, selection.selected) : [];
  const chosenIncomplete = chosen.filter(lacksRate).length;
  // Some customer has more than one action: say that they are chosen together.
  const grouped =
    view !== null && new Set(view.actions.map((a) => a.customerCode)).size < view.actions.length;
  // What was previewed is what is sent: the date typed since (not previewed) does not count.
  const send = () => call('/api/dunning/runs', customers, view?.asOf ?? runDate);
  // Before a preview (or once it was sent or proposed) there is nothing chosen to count: the
  // button names what it will do, not « nothing to send », which only a preview may say.
  const sendLabel = !previewing
    ? t(reviewing ? 'dunningProposals.proposeBeforePreview' : 'dunningReview.sendBeforePreview')
    : reviewing
      ? t('dunningProposals.propose', { count: chosen.length })
      : t('dunningReview.sendSelected', { count: chosen.length });
  if (shownRun !== null)
    return (
      <Stack>
        <Title order={2}>{t('dunning.page.runTitle')}</Title>
        <Anchor component={Link} to="/dunning/run" data-testid="dunning-new-run">
          {t('dunningHistory.newRun')}
        </Anchor>
        <RunRecord runId={shownRun} justSent={sent?.runId === shownRun ? sent.count : null} />
        <RunHistory shownRunId={shownRun} />
      </Stack>
    );
  return (
    <Stack>
      <Title order={2}>{t('dunning.page.runTitle')}</Title>
      <Text c="dimmed">{t('dunning.page.runIntro')}</Text>
      <ReviewSetting settings={settings} />
      <PendingProposal key={proposed?.key ?? 0} />
      {proposed && (
        <Alert color="blue" data-testid="dunning-proposed">
          {proposed.text}
        </Alert>
      )}
      <Group align="start">
        <RunDateInput value={runDate} onChange={setAsOf} onValidity={setDateValid} />
        <Button variant="light" loading={busy} onClick={preview} mt={25}>
          {t('dunning.page.preview')}
        </Button>
        <Button
          mt={25}
          loading={busy}
          disabled={!previewing || customers.length === 0 || stale}
          onClick={() => (chosenIncomplete > 0 && !reviewing ? setConfirming(true) : send())}
          data-testid="dunning-send-selected"
        >
          {sendLabel}
        </Button>
        <Anchor component={Link} to="/dunning/rates" mt={32} size="sm">
          {t('dunningReview.ratesLink')}
        </Anchor>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {stale && view && (
        <Alert color="orange" data-testid="dunning-preview-stale">
          {t('dunningReview.staleDate', { date: date(view.asOf, lang) })}
        </Alert>
      )}
      {view === null && proposed === null && (
        <Text c="dimmed" data-testid="dunning-preview-invite">
          {t('dunningReview.previewFirst', { preview: t('dunning.page.preview') })}
        </Text>
      )}
      {previewing && incomplete.length > 0 && (
        <RateMissingAlert count={incomplete.length} semesters={semesters} />
      )}
      {previewing && grouped && (
        <Text size="xs" c="dimmed">
          {t('dunningReview.partialSelection')}
        </Text>
      )}
      {view && <LatenessNote view={view} />}
      {view && view.actions.length === 0 && <Text c="dimmed">{t('dunning.page.noAction')}</Text>}
      {view && view.actions.length > 0 && (
        <RunReview
          actions={view.actions}
          deductedCredits={view.deductedCredits}
          selection={previewing ? selection : null}
          onSelection={setSelection}
          onPauseChange={(changed) => changed && void preview()}
          below={(filter) => <Skipped view={view} filter={filter} onLifted={() => void preview()} />}
        />
      )}
      {view && view.actions.length === 0 && <Skipped view={view} onLifted={() => void preview()} />}
      <RunHistory shownRunId={null} />
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('dunningReview.confirmTitle')}>
        <Stack>
          <Text size="sm">
            {t('dunningReview.confirmBody', {
              count: chosenIncomplete,
              semesters: semesters.join(', ') || '—',
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('dunningReview.cancel')}
            </Button>
            <Button
              color="orange"
              onClick={() => {
                setConfirming(false);
                void send();
              }}
            >
              {t('dunningReview.confirmSend')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
