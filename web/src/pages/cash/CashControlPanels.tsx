/**
 * The cash workbench's other views: return lines of the statements (bounce the receipt they send
 * back), unapplied cash aged at a date, and the reconciliations over a period (bank, and a FEC's
 * customer accounts against the sub-ledger at its end), with their files. The dates start at the
 * company's reference date (the server's default) and are typed in the interface's format. Every
 * word comes from the catalogue.
 */
import { Alert, Anchor, Badge, Button, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Static } from 'typebox';
import type {
  LedgerReconciliationSchema,
  ReturnListSchema,
  UnappliedSchema,
} from '../../../../src/http/routes/cash-control-schemas.ts';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money, percent } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { uploadFile } from '../../upload.ts';
import { useApi } from '../../use-api.ts';
import { BankReconciliation, type BankReport } from './BankReconciliation.tsx';
import { BounceModal } from './BounceModal.tsx';
import { CashDateInput } from './CashDateInput.tsx';

const failureText = (caught: unknown) => (caught instanceof Error ? caught.message : String(caught));

export function ReturnsPanel() {
  const { t, lang } = useI18n();
  const returns = useApi<Static<typeof ReturnListSchema>>('/api/cash/returns');
  const [bouncing, setBouncing] = useState<{ receipt: number; line: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const items = returns.data?.items ?? [];
  return (
    <Stack>
      {message && <Alert color="green">{message}</Alert>}
      <LoadState loading={returns.loading} error={returns.error} />
      {!returns.loading && items.length === 0 && <Text>{t('cash.page.noReturn')}</Text>}
      {items.length > 0 && (
        <HorizontalScroll minWidth={700}>
          <Table striped data-testid="cash-returns">
            <Table.Tbody>
              {items.map((line) => (
                <Table.Tr key={line.transactionId}>
                  <Table.Td>{date(line.bookingDate, lang)}</Table.Td>
                  <Table.Td>{line.counterpartyName ?? line.label ?? '—'}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {money(line.amountMinor, line.currency, lang)}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {line.candidates.map((candidate) => (
                        <Group key={candidate.transactionId} gap="xs">
                          <Badge color={candidate.confidence >= 95 ? 'green' : 'gray'}>
                            {percent(candidate.confidence / 100, lang)}
                          </Badge>
                          <Text size="sm">
                            {date(candidate.bookingDate, lang)} {candidate.customerCode ?? ''}{' '}
                            {candidate.label ?? ''}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {candidate.evidence.map((code) => t(`cashReturnEvidence.${code}`)).join(', ')}
                          </Text>
                          <Button
                            size="compact-xs"
                            color="red"
                            variant="light"
                            onClick={() =>
                              setBouncing({ receipt: candidate.transactionId, line: line.transactionId })
                            }
                          >
                            {t('cash.page.bounce')}
                          </Button>
                        </Group>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </HorizontalScroll>
      )}
      <BounceModal
        transactionId={bouncing?.receipt ?? null}
        returnTransactionId={bouncing?.line}
        onClose={() => setBouncing(null)}
        onDone={(text) => {
          setBouncing(null);
          setMessage(text);
          returns.reload();
        }}
      />
    </Stack>
  );
}

/** `path?query` with only the parameters that have a value. */
function withQuery(path: string, params: Record<string, string | null>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

export function UnappliedPanel() {
  const { t, lang } = useI18n();
  const [asOf, setAsOf] = useState<string | null>(null);
  const unapplied = useApi<Static<typeof UnappliedSchema>>(
    withQuery('/api/cash/unapplied', { limit: '200', asOf }),
  );
  const report = unapplied.data;
  return (
    <Stack>
      <CashDateInput
        label={t('cash.page.asOf')}
        value={asOf ?? report?.asOf ?? ''}
        onChange={setAsOf}
        testId="cash-unapplied-date"
      />
      <LoadState loading={unapplied.loading} error={unapplied.error} />
      {report?.aging.map((aging) => (
        <Table key={aging.currency} striped data-testid="cash-unapplied-aging">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cash.page.bucket')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('cash.page.inBank')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('cash.page.onAccounts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {aging.buckets.map((bucket) => (
              <Table.Tr key={bucket.key}>
                <Table.Td>{t(`cash.page.bucket.${bucket.key}`)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {money(bucket.bankMinor, aging.currency, lang)}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {money(bucket.accountMinor, aging.currency, lang)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ))}
      {report && (
        <>
          <Text fw={500}>{t('cash.unapplied.credits', { count: report.credits.total })}</Text>
          <HorizontalScroll minWidth={700}>
            <Table striped>
              <Table.Tbody>
                {report.credits.items.map((credit) => (
                  <Table.Tr key={credit.documentId}>
                    <Table.Td>{date(credit.issueDate, lang)}</Table.Td>
                    <Table.Td>
                      {credit.customerName} ({credit.customerCode})
                    </Table.Td>
                    <Table.Td>
                      {t(`documentKind.${credit.kind}`)} {credit.ref}
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      {money(credit.unappliedMinor, credit.currency, lang)}
                    </Table.Td>
                    <Table.Td>
                      {t('cash.page.openDebits', {
                        count: credit.openDebitCount,
                        amount: money(credit.openDebitsMinor, credit.currency, lang),
                      })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </HorizontalScroll>
        </>
      )}
    </Stack>
  );
}

type LedgerReport = Static<typeof LedgerReconciliationSchema>;

/**
 * Over the month up to the company's today (the demo company's reference date), the server's
 * default, or the period typed: its end alone keeps the month it falls in.
 */
export function ReconcilePanel() {
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const bank = useApi<BankReport>(
    withQuery('/api/cash/reconcile/bank', { asOf: period.to, from: period.from }),
  );
  const report = bank.data;
  const [ledger, setLedger] = useState<LedgerReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const file = (format: string) =>
    withQuery('/api/cash/reconcile/bank', { asOf: period.to, from: period.from, format, lang });
  const reconcileFec = async (fec: File | null) => {
    if (!fec) return;
    setFailure(null);
    try {
      const path = withQuery('/api/cash/reconcile/ledger', { asOf: period.to ?? report?.to ?? null });
      setLedger(await uploadFile<LedgerReport>(path, fec, lang, () => {}));
    } catch (caught) {
      setFailure(failureText(caught));
    }
  };
  return (
    <Stack>
      <Group align="flex-start">
        <CashDateInput
          label={t('cash.page.from')}
          value={period.from ?? report?.from ?? ''}
          onChange={(from) => setPeriod((current) => ({ ...current, from }))}
          testId="cash-reconcile-from"
        />
        <CashDateInput
          label={t('cash.page.to')}
          value={period.to ?? report?.to ?? ''}
          onChange={(to) => setPeriod((current) => ({ ...current, to }))}
          testId="cash-reconcile-to"
        />
      </Group>
      <LoadState loading={bank.loading} error={bank.error} />
      {report && (
        <Stack gap="xs">
          <BankReconciliation report={report} />
          <Group gap="xs">
            {['pdf', 'xlsx', 'csv'].map((format) => (
              <Anchor key={format} href={file(format)} size="sm">
                {t('cash.page.download', { format: format.toUpperCase() })}
              </Anchor>
            ))}
          </Group>
        </Stack>
      )}
      <FileButton onChange={reconcileFec} accept=".txt,.csv">
        {(props) => (
          <Button variant="light" {...props}>
            {t('cash.page.reconcileLedger')}
          </Button>
        )}
      </FileButton>
      {failure && <Alert color="red">{failure}</Alert>}
      {ledger && (
        <Stack gap={4} data-testid="cash-reconcile-ledger">
          <Text fw={500}>{t('cash.reconcile.ledger.title')}</Text>
          <Text size="sm">
            {t('cash.reconcile.figure', {
              label: t('cash.reconcile.ledger.gl'),
              value: money(ledger.glMinor, ledger.currency, lang),
            })}
          </Text>
          <Text size="sm">
            {t('cash.reconcile.figure', {
              label: t('cash.reconcile.ledger.subLedger'),
              value: money(ledger.subLedgerMinor, ledger.currency, lang),
            })}
          </Text>
          {ledger.differences.length === 0 && <Text size="sm">{t('cash.reconcile.tiesOut')}</Text>}
          {ledger.differences.map((customer) => (
            <Text key={customer.customerCode} size="sm">
              {t('cash.reconcile.ledger.customer', {
                customer: customer.customerCode,
                gl: money(customer.glMinor, ledger.currency, lang),
                subLedger: money(customer.subLedgerMinor, ledger.currency, lang),
                difference: money(customer.differenceMinor, ledger.currency, lang),
              })}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
