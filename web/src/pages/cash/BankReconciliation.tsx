/**
 * The bank reconciliation of a period: the days the imported statements cover (or that none does,
 * so nothing is compared), the four figures and the difference, then every unexplained line in a
 * table — date, side, explanation, reference, customer, amount — a page at a time, with the count
 * and each side's total under it.
 */
import { Alert, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Static } from 'typebox';
import type { BankReconciliationSchema } from '../../../../src/http/routes/cash-control-schemas.ts';
import { HorizontalScroll } from '../../components/HorizontalScroll.tsx';
import { PageNumbers } from '../../components/PageNumbers.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

export type BankReport = Static<typeof BankReconciliationSchema>;
type Difference = BankReport['differences'][number];

const PAGE_SIZE = 20;
const FIGURES = ['bankReceipts', 'bankReturns', 'ledgerPayments', 'ledgerBounces'] as const;

/** A line the bank shows and the ledger does not, or the other way round. */
const sideOf = (line: Difference): 'bank' | 'ledger' =>
  line.code === 'bank_not_recorded' || line.code === 'return_not_recorded' ? 'bank' : 'ledger';

function DifferencesTable({ report }: { report: BankReport }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const lines = report.differences;
  const shown = lines.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const totalOf = (side: 'bank' | 'ledger') =>
    lines.filter((line) => sideOf(line) === side).reduce((sum, line) => sum + line.amountMinor, 0);
  const amount = (minor: number) => money(minor, report.currency, lang);
  return (
    <Stack gap="xs">
      <Text fw={500}>{t('cash.reconcile.differences', { count: lines.length })}</Text>
      <HorizontalScroll minWidth={760}>
        <Table striped data-testid="cash-reconcile-differences">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cash.reconcile.col.date')}</Table.Th>
              <Table.Th>{t('cash.reconcile.col.side')}</Table.Th>
              <Table.Th>{t('cash.reconcile.col.explanation')}</Table.Th>
              <Table.Th>{t('cash.reconcile.col.reference')}</Table.Th>
              <Table.Th>{t('cash.reconcile.col.customer')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('cash.reconcile.col.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((line) => (
              <Table.Tr key={`${line.code}-${line.transactionId ?? line.documentRef}`}>
                <Table.Td>{date(line.date, lang)}</Table.Td>
                <Table.Td>{t(`cash.reconcile.side.${sideOf(line)}`)}</Table.Td>
                <Table.Td>{t(`cashBankDifference.${line.code}`)}</Table.Td>
                <Table.Td>{line.documentRef ?? line.label ?? '—'}</Table.Td>
                <Table.Td>{line.customerCode ?? '—'}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{amount(line.amountMinor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </HorizontalScroll>
      <PageNumbers total={lines.length} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
      <Text size="sm" data-testid="cash-reconcile-totals">
        {t('cash.reconcile.sideTotals', {
          count: lines.length,
          bank: amount(totalOf('bank')),
          ledger: amount(totalOf('ledger')),
        })}
      </Text>
    </Stack>
  );
}

export function BankReconciliation({ report }: { report: BankReport }) {
  const { t, lang } = useI18n();
  const figure = (label: string, minor: number) =>
    t('cash.reconcile.figure', { label, value: money(minor, report.currency, lang) });
  return (
    <Stack gap={4} data-testid="cash-reconcile-bank">
      <Text fw={500}>{t('cash.reconcile.bank.title')}</Text>
      {report.coverage.length === 0 ? (
        <Alert color="yellow" data-testid="cash-reconcile-no-statement">
          {t('cash.reconcile.bank.noStatement')}
        </Alert>
      ) : (
        <>
          {report.coverage.map((account) => (
            <Text key={account.accountKey} size="sm">
              {t('cash.reconcile.bank.coverage', {
                account: account.accountKey,
                from: date(account.from, lang),
                to: date(account.to, lang),
              })}
            </Text>
          ))}
          <Text size="xs" c="dimmed">
            {t('cash.reconcile.bank.coverageNote')}
          </Text>
          {FIGURES.map((key) => (
            <Text key={key} size="sm">
              {figure(t(`cash.reconcile.bank.${key}`), report[`${key}Minor`])}
            </Text>
          ))}
          <Text fw={500}>{figure(t('cash.reconcile.difference'), report.differenceMinor)}</Text>
          {report.differences.length === 0 ? (
            <Text size="sm">{t('cash.reconcile.tiesOut')}</Text>
          ) : (
            // A new report starts on its first page.
            <DifferencesTable key={`${report.from}-${report.to}`} report={report} />
          )}
        </>
      )}
    </Stack>
  );
}
