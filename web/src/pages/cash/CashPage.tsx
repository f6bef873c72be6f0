/**
 * The cash application workbench: import a bank statement, apply automatically what is
 * recognised, and for the rest pick among the ranked suggestions — each with its confidence and
 * evidence — or correct (another customer, other items, a write-off), or split one receipt
 * between customers (a group receipt). An import queues the matching job: the page says it is at
 * work and shows the receipts again when it ends. Applied receipts show what they settled and how,
 * and can be reversed once confirmed. Every word comes from the catalogue (cash.page.*, cashEvidence.*).
 */
import {
  Alert,
  Box,
  Button,
  FileButton,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useState } from 'react';
import type { Static } from 'typebox';
import type {
  BankImportSummarySchema,
  MatchSummarySchema,
  ReceiptListSchema,
} from '../../../../src/http/routes/cash-schemas.ts';
import type { Job } from '../../../../src/http/schemas/jobs.ts';
import { ApiError, api } from '../../api.ts';
import { canImportBank, useAuth } from '../../auth.tsx';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { uploadFile } from '../../upload.ts';
import { useApi } from '../../use-api.ts';
import { AppliedCell } from './AppliedCell.tsx';
import { BounceModal } from './BounceModal.tsx';
import { ReconcilePanel, ReturnsPanel, UnappliedPanel } from './CashControlPanels.tsx';
import { CashStartPanel, type DemoStatementOffer } from './CashStartPanel.tsx';
import { CorrectionModal } from './CorrectionModal.tsx';
import { ReverseModal } from './ReverseModal.tsx';
import { SplitModal } from './SplitModal.tsx';
import { SuggestionCell } from './SuggestionCell.tsx';
import { endOfJob, isActive, type Said, useMatchJob } from './use-match-job.ts';

type View = 'to_apply' | 'applied' | 'returns' | 'unapplied' | 'reconcile';
const RECEIPT_VIEWS: readonly View[] = ['to_apply', 'applied'];

type ReceiptList = Static<typeof ReceiptListSchema>;
type Receipt = ReceiptList['items'][number];
type Imported = Pick<
  Static<typeof BankImportSummarySchema>,
  'transactionsInserted' | 'transactionsAlreadyKnown' | 'matchJobId'
>;

export function CashPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const [view, setView] = useState<View>('to_apply');
  // Before a first statement the page explains itself (and offers the demo company its month).
  const start = useApi<DemoStatementOffer>('/api/cash/demo-statement');
  const receipts = useApi<ReceiptList>(
    RECEIPT_VIEWS.includes(view) ? `/api/cash/receipts?view=${view}&limit=200` : null,
  );
  const [bouncing, setBouncing] = useState<number | null>(null);
  // What the last action did, worded when shown (a bounce's words come worded from its dialog).
  const [message, setMessage] = useState<Said | string | null>(null);
  const [failure, setFailure] = useState<Said | string | null>(null);
  const words = (said: Said | string) => (typeof said === 'string' ? said : t(said.key, said.params));
  const [correcting, setCorrecting] = useState<Receipt | null>(null);
  const [splitting, setSplitting] = useState<Receipt | null>(null);
  const [reversing, setReversing] = useState<Receipt | null>(null);
  const reloadReceipts = receipts.reload;
  const matchJob = useMatchJob(
    useCallback(
      (job: Job) => {
        const end = endOfJob(job);
        if (end?.ok) setMessage(end.said);
        else if (end) setFailure(end.said);
        reloadReceipts();
      },
      [reloadReceipts],
    ),
  );
  const matching = isActive(matchJob.job);
  const run = async (work: () => Promise<Said | null>) => {
    setFailure(null);
    try {
      setMessage(await work());
    } catch (caught) {
      setFailure(caught instanceof ApiError || caught instanceof Error ? caught.message : String(caught));
    }
    receipts.reload();
  };
  const imported = (summary: Imported): Said => {
    // The matching runs in the background: followed until it ends, then the list is read again.
    if (summary.matchJobId !== null) matchJob.follow(summary.matchJobId);
    start.reload();
    return {
      key: 'cash.page.imported',
      params: { inserted: summary.transactionsInserted, known: summary.transactionsAlreadyKnown },
    };
  };
  const importFile = (file: File | null) =>
    file && run(async () => imported(await uploadFile<Imported>('/api/imports/bank', file, lang, () => {})));
  const importDemo = () =>
    run(async () => imported(await api<Imported>('/api/cash/demo-statement/import', { method: 'POST' })));
  const starting = start.data?.statementsImported === 0 && RECEIPT_VIEWS.includes(view);
  const matchAll = () =>
    run(async () => {
      const summary = await api<Static<typeof MatchSummarySchema>>('/api/cash/match', {
        method: 'POST',
        body: { auto: true },
      });
      return {
        key: 'cash.page.matched',
        params: { applied: summary.applied, suggested: summary.suggested, unmatched: summary.unmatched },
      };
    });
  const accept = (receipt: Receipt, rank: number) =>
    run(async () => {
      await api(`/api/cash/receipts/${receipt.transactionId}/accept`, { method: 'POST', body: { rank } });
      return null;
    });
  const items = receipts.data?.items ?? [];
  return (
    <Stack>
      <Title order={2}>{t('cash.page.title')}</Title>
      <Text c="dimmed">{t('cash.page.intro')}</Text>
      <Group>
        {/* Statements are the credit department's to import (the import answers 403 to others). */}
        {canImportBank(me) && (
          <FileButton onChange={importFile} accept=".xml,.txt,.ofx,.qfx,.120,.dat">
            {(props) => (
              // On a phone the list of formats would cut the label off: the short label there.
              <Button {...props}>
                <Box component="span" visibleFrom="xs">
                  {t('cash.page.import')}
                </Box>
                <Box component="span" hiddenFrom="xs">
                  {t('cash.page.importShort')}
                </Box>
              </Button>
            )}
          </FileButton>
        )}
        <Button variant="light" onClick={matchAll} loading={matching}>
          {t('cash.page.match')}
        </Button>
        <HorizontalScroll>
          <SegmentedControl
            value={view}
            onChange={(value) => setView(value as View)}
            data={[
              { value: 'to_apply', label: t('cash.page.toApply') },
              { value: 'applied', label: t('cash.page.applied') },
              { value: 'returns', label: t('cash.page.returns') },
              { value: 'unapplied', label: t('cash.page.unappliedView') },
              { value: 'reconcile', label: t('cash.page.reconcile') },
            ]}
          />
        </HorizontalScroll>
      </Group>
      {matching && (
        <Alert color="blue" data-testid="cash-matching">
          <Group gap="xs" wrap="nowrap">
            <Loader size="xs" />
            <Text size="sm">
              {t('cash.page.matchRunning', { status: matchJob.job?.status ?? 'running' })}
            </Text>
          </Group>
        </Alert>
      )}
      {message && <Alert color="green">{words(message)}</Alert>}
      {failure && <Alert color="red">{words(failure)}</Alert>}
      {view === 'returns' && <ReturnsPanel />}
      {view === 'unapplied' && <UnappliedPanel />}
      {view === 'reconcile' && <ReconcilePanel />}
      {starting && start.data && (
        <CashStartPanel offer={start.data} canImport={canImportBank(me)} onImportDemo={importDemo} />
      )}
      {RECEIPT_VIEWS.includes(view) && <LoadState loading={receipts.loading} error={receipts.error} />}
      {RECEIPT_VIEWS.includes(view) && !starting && !receipts.loading && items.length === 0 && (
        <Text>{t('cash.page.none')}</Text>
      )}
      {RECEIPT_VIEWS.includes(view) && items.length > 0 && (
        <HorizontalScroll minWidth={900}>
          <Table striped data-testid="cash-receipts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cash.page.date')}</Table.Th>
                <Table.Th>{t('cash.page.payer')}</Table.Th>
                <Table.Th>{t('cash.page.label')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('cash.page.amount')}</Table.Th>
                <Table.Th>{view === 'applied' ? t('cash.page.how') : t('cash.page.confidence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((receipt) => (
                <Table.Tr key={receipt.transactionId}>
                  <Table.Td>{date(receipt.bookingDate, lang)}</Table.Td>
                  <Table.Td>{receipt.counterpartyName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {[receipt.label, receipt.remittance].filter(Boolean).join(' · ') || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {money(receipt.amountMinor, receipt.currency, lang)}
                  </Table.Td>
                  <Table.Td>
                    {view === 'applied' ? (
                      <AppliedCell
                        receipt={receipt}
                        onReverse={() => setReversing(receipt)}
                        onBounce={() => setBouncing(receipt.transactionId)}
                      />
                    ) : (
                      <Stack gap="sm">
                        {receipt.suggestions.length === 0 && (
                          // A receipt the running job has not reached yet: not "no suggestion" yet.
                          <Text size="sm" c={matching && receipt.status === 'open' ? 'dimmed' : undefined}>
                            {matching && receipt.status === 'open'
                              ? t('cash.page.awaitingMatch')
                              : t('cash.page.noSuggestion')}
                          </Text>
                        )}
                        {receipt.suggestions.map((suggestion) => (
                          <SuggestionCell
                            key={suggestion.rank}
                            receipt={receipt}
                            suggestion={suggestion}
                            onAccept={() => accept(receipt, suggestion.rank)}
                          />
                        ))}
                        <Group gap="xs">
                          <Button size="compact-xs" variant="default" onClick={() => setCorrecting(receipt)}>
                            {t('cash.page.correct')}
                          </Button>
                          <Button size="compact-xs" variant="default" onClick={() => setSplitting(receipt)}>
                            {t('cash.page.split')}
                          </Button>
                        </Group>
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroll>
      )}
      <BounceModal
        transactionId={bouncing}
        onClose={() => setBouncing(null)}
        onDone={(text) => {
          setBouncing(null);
          setMessage(text);
          receipts.reload();
        }}
      />
      <ReverseModal
        receipt={reversing}
        onClose={() => setReversing(null)}
        onDone={(text) => {
          setReversing(null);
          setFailure(null);
          setMessage(text);
          receipts.reload();
        }}
      />
      <SplitModal
        receipt={splitting}
        onClose={() => setSplitting(null)}
        onDone={() => {
          setSplitting(null);
          receipts.reload();
        }}
      />
      <CorrectionModal
        receipt={correcting}
        onClose={() => setCorrecting(null)}
        onDone={() => {
          setCorrecting(null);
          receipts.reload();
        }}
      />
    </Stack>
  );
}
