/**
 * The cash application workbench: import a bank statement, apply automatically what is
 * recognised, and for the rest pick among the ranked suggestions — each with its confidence and
 * evidence — or correct (another customer, other items, a write-off), or split one receipt
 * between customers (a group receipt). Applied receipts can be reversed. Every word comes from
 * the catalogue (cash.page.*, cashEvidence.*).
 */
import {
  Alert,
  Box,
  Button,
  FileButton,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { Static } from 'typebox';
import type { MatchSummarySchema, ReceiptListSchema } from '../../../../src/http/routes/cash-schemas.ts';
import { ApiError, api } from '../../api.ts';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { uploadFile } from '../../upload.ts';
import { useApi } from '../../use-api.ts';
import { BounceModal } from './BounceModal.tsx';
import { ReconcilePanel, ReturnsPanel, UnappliedPanel } from './CashControlPanels.tsx';
import { CorrectionModal } from './CorrectionModal.tsx';
import { SplitModal } from './SplitModal.tsx';
import { SuggestionCell } from './SuggestionCell.tsx';

type View = 'to_apply' | 'applied' | 'returns' | 'unapplied' | 'reconcile';
const RECEIPT_VIEWS: readonly View[] = ['to_apply', 'applied'];

type ReceiptList = Static<typeof ReceiptListSchema>;
type Receipt = ReceiptList['items'][number];

export function CashPage() {
  const { t, lang } = useI18n();
  const [view, setView] = useState<View>('to_apply');
  const receipts = useApi<ReceiptList>(
    RECEIPT_VIEWS.includes(view) ? `/api/cash/receipts?view=${view}&limit=200` : null,
  );
  const [bouncing, setBouncing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<Receipt | null>(null);
  const [splitting, setSplitting] = useState<Receipt | null>(null);
  const run = async (work: () => Promise<string | null>) => {
    setFailure(null);
    try {
      setMessage(await work());
    } catch (caught) {
      setFailure(caught instanceof ApiError || caught instanceof Error ? caught.message : String(caught));
    }
    receipts.reload();
  };
  const importFile = (file: File | null) =>
    file &&
    run(async () => {
      const summary = await uploadFile<{ transactionsInserted: number; transactionsAlreadyKnown: number }>(
        '/api/imports/bank',
        file,
        lang,
        () => {},
      );
      return t('cash.page.imported', {
        inserted: summary.transactionsInserted,
        known: summary.transactionsAlreadyKnown,
      });
    });
  const matchAll = () =>
    run(async () => {
      const summary = await api<Static<typeof MatchSummarySchema>>('/api/cash/match', {
        method: 'POST',
        body: { auto: true },
      });
      return t('cash.page.matched', {
        applied: summary.applied,
        suggested: summary.suggested,
        unmatched: summary.unmatched,
      });
    });
  const accept = (receipt: Receipt, rank: number) =>
    run(async () => {
      await api(`/api/cash/receipts/${receipt.transactionId}/accept`, { method: 'POST', body: { rank } });
      return null;
    });
  const reverse = (receipt: Receipt) =>
    run(async () => {
      await api(`/api/cash/receipts/${receipt.transactionId}/reverse`, { method: 'POST' });
      return null;
    });
  const items = receipts.data?.items ?? [];
  return (
    <Stack>
      <Title order={2}>{t('cash.page.title')}</Title>
      <Text c="dimmed">{t('cash.page.intro')}</Text>
      <Group>
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
        <Button variant="light" onClick={matchAll}>
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
      {message && <Alert color="green">{message}</Alert>}
      {failure && <Alert color="red">{failure}</Alert>}
      {view === 'returns' && <ReturnsPanel />}
      {view === 'unapplied' && <UnappliedPanel />}
      {view === 'reconcile' && <ReconcilePanel />}
      {RECEIPT_VIEWS.includes(view) && <LoadState loading={receipts.loading} error={receipts.error} />}
      {RECEIPT_VIEWS.includes(view) && !receipts.loading && items.length === 0 && (
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
                <Table.Th>
                  {view === 'applied' ? t('cash.page.customer') : t('cash.page.confidence')}
                </Table.Th>
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
                      <Group gap="xs">
                        {receipt.applications.length > 1 ? (
                          <Stack gap={0}>
                            {receipt.applications.map((application) => (
                              <Text size="sm" key={application.paymentDocumentId}>
                                {t('cash.page.partLine', {
                                  customer: `${application.customerName ?? ''} (${application.customerCode})`,
                                  amount: money(application.amountMinor, receipt.currency, lang),
                                  invoices: '',
                                })}
                              </Text>
                            ))}
                          </Stack>
                        ) : (
                          <Text size="sm">
                            {receipt.customerName} ({receipt.customerCode})
                          </Text>
                        )}
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => reverse(receipt)}
                        >
                          {t('cash.page.reverse')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="red"
                          onClick={() => setBouncing(receipt.transactionId)}
                        >
                          {t('cash.page.bounce')}
                        </Button>
                      </Group>
                    ) : (
                      <Stack gap="sm">
                        {receipt.suggestions.length === 0 && (
                          <Text size="sm">{t('cash.page.noSuggestion')}</Text>
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
