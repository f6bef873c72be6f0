/**
 * The cash application workbench: import a bank statement, apply automatically what is
 * recognised, and for the rest pick among the ranked suggestions — each with its confidence and
 * evidence — or correct (another customer, other items, a write-off). Applied receipts can be
 * reversed. Every word comes from the catalogue (cash.page.*, cashEvidence.*).
 */
import {
  Alert,
  Badge,
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
import { formatPercentBps } from '../../../../src/text/format.ts';
import { ApiError, api } from '../../api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { uploadFile } from '../../upload.ts';
import { useApi } from '../../use-api.ts';
import { BounceModal } from './BounceModal.tsx';
import { ReconcilePanel, ReturnsPanel, UnappliedPanel } from './CashControlPanels.tsx';
import { CorrectionModal } from './CorrectionModal.tsx';

type View = 'to_apply' | 'applied' | 'returns' | 'unapplied' | 'reconcile';
const RECEIPT_VIEWS: readonly View[] = ['to_apply', 'applied'];

type ReceiptList = Static<typeof ReceiptListSchema>;
type Receipt = ReceiptList['items'][number];
type Suggestion = Receipt['suggestions'][number];
type Evidence = Suggestion['evidence'][number];

function confidenceColor(confidence: number): string {
  return confidence >= 90 ? 'green' : confidence >= 70 ? 'yellow' : 'gray';
}

function EvidenceList({ evidence, currency }: { evidence: Evidence[]; currency: string }) {
  const { t, lang } = useI18n();
  const words = (item: Evidence) => {
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(item)) {
      if (name === 'code') continue;
      if (name.endsWith('Minor') && typeof value === 'number') params[name] = money(value, currency, lang);
      else if (name.endsWith('Bps') && typeof value === 'number')
        params[name] = formatPercentBps(lang, value);
      else params[name] = value;
    }
    return t(`cashEvidence.${String(item.code)}`, params);
  };
  return (
    <Stack gap={0}>
      {evidence.map((item) => (
        // One piece of evidence per code and figures: its text is its identity.
        <Text key={JSON.stringify(item)} size="xs" c="dimmed">
          {words(item)}
        </Text>
      ))}
    </Stack>
  );
}

function SuggestionCell({
  receipt,
  suggestion,
  onAccept,
}: {
  receipt: Receipt;
  suggestion: Suggestion;
  onAccept(): void;
}) {
  const { t, lang } = useI18n();
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Badge color={confidenceColor(suggestion.confidence)}>{suggestion.confidence} %</Badge>
        <Text size="sm" fw={500}>
          {suggestion.customerName} ({suggestion.customerCode})
        </Text>
        <Text size="xs">{t(`cashMethod.${suggestion.method}`)}</Text>
      </Group>
      <Text size="xs">
        {suggestion.invoices
          .map((line) => `${line.ref} ${money(line.amountMinor, receipt.currency, lang)}`)
          .join(' · ')}
      </Text>
      {suggestion.writeOffMinor > 0 && (
        <Text size="xs">
          {t('cash.page.writeOffLine', {
            amount: money(suggestion.writeOffMinor, receipt.currency, lang),
            reason: t(`writeOffReason.${suggestion.writeOffReason ?? 'bank_charges'}`),
          })}
        </Text>
      )}
      {suggestion.unappliedMinor > 0 && (
        <Text size="xs">
          {t('cash.page.unapplied', { amount: money(suggestion.unappliedMinor, receipt.currency, lang) })}
        </Text>
      )}
      <EvidenceList evidence={suggestion.evidence} currency={receipt.currency} />
      <Group gap="xs">
        <Button size="compact-xs" onClick={onAccept}>
          {t('cash.page.accept')}
        </Button>
      </Group>
    </Stack>
  );
}

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
          {(props) => <Button {...props}>{t('cash.page.import')}</Button>}
        </FileButton>
        <Button variant="light" onClick={matchAll}>
          {t('cash.page.match')}
        </Button>
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
        <Table striped data-testid="cash-receipts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cash.page.date')}</Table.Th>
              <Table.Th>{t('cash.page.payer')}</Table.Th>
              <Table.Th>{t('cash.page.label')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('cash.page.amount')}</Table.Th>
              <Table.Th>{view === 'applied' ? t('cash.page.customer') : t('cash.page.confidence')}</Table.Th>
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
                      <Text size="sm">
                        {receipt.customerName} ({receipt.customerCode})
                      </Text>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => reverse(receipt)}>
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
                      <Button size="compact-xs" variant="default" onClick={() => setCorrecting(receipt)}>
                        {t('cash.page.correct')}
                      </Button>
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
