/** What an accepted file did (or would do, in a dry run): counts, and for a FEC the reconciliation proof. */
import { Alert, Card, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { date, money } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import type { FecSummary, ImportSummary } from '../upload.ts';

function Count({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Card>
  );
}

function Outcome({ dryRun, file }: { dryRun: boolean; file: string }) {
  const { t } = useI18n();
  return (
    <Alert color={dryRun ? 'blue' : 'green'} title={file} data-testid="import-outcome">
      {dryRun ? t('dryRunDone') : t('importDone')}
    </Alert>
  );
}

export function SpreadsheetSummary({ summary }: { summary: ImportSummary }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm" data-testid="import-summary">
      <Outcome dryRun={summary.dryRun} file={summary.file} />
      <SimpleGrid cols={{ base: 2, md: 4, lg: 6 }}>
        <Count testId="import-rows" label={t('rowsRead')} value={summary.rows} />
        <Count testId="import-inserted" label={t('inserted')} value={summary.inserted} />
        <Count testId="import-updated" label={t('updated')} value={summary.updated} />
        <Count testId="import-unchanged" label={t('unchanged')} value={summary.unchanged} />
        {summary.entity === 'payments' && (
          <>
            <Count testId="import-allocations" label={t('allocations')} value={summary.allocations} />
            <Count
              testId="import-unapplied"
              label={t('unappliedPayments')}
              value={summary.unappliedPayments}
            />
          </>
        )}
      </SimpleGrid>
    </Stack>
  );
}

function Reconciliation({ summary }: { summary: FecSummary }) {
  const { t, lang } = useI18n();
  const { reconciliation: proof, currency } = summary;
  const differenceMinor = proof.controlBalanceMinor - proof.sumOpenItemsMinor;
  return (
    <Card withBorder data-testid="fec-reconciliation">
      <Title order={3} size="h4" mb="sm">
        {t('reconciliation', { date: date(proof.asOf, lang) })}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} mb="sm">
        <Count
          testId="fec-control"
          label={t('controlBalance')}
          value={money(proof.controlBalanceMinor, currency, lang)}
        />
        <Count
          testId="fec-open-items"
          label={t('sumOpenItems')}
          value={money(proof.sumOpenItemsMinor, currency, lang)}
        />
        <Count
          testId="fec-difference"
          label={t('difference')}
          value={money(differenceMinor, currency, lang)}
        />
      </SimpleGrid>
      {proof.customersWithDifference.length === 0 ? (
        <Text c="green.9" fw={600}>
          {t('reconciled')}
        </Text>
      ) : (
        <Table striped withTableBorder data-testid="fec-differences">
          <Table.Caption>{t('customersWithDifference')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('code')}</Table.Th>
              <Table.Th>{t('name')}</Table.Th>
              <Table.Th ta="right">{t('fecBalance')}</Table.Th>
              <Table.Th ta="right">{t('sumOpenItems')}</Table.Th>
              <Table.Th ta="right">{t('difference')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {proof.customersWithDifference.map((customer) => (
              <Table.Tr key={customer.code}>
                <Table.Td>{customer.code}</Table.Td>
                <Table.Td>{customer.name}</Table.Td>
                <Table.Td ta="right">{money(customer.fecBalanceMinor, currency, lang)}</Table.Td>
                <Table.Td ta="right">{money(customer.sumOpenItemsMinor, currency, lang)}</Table.Td>
                <Table.Td ta="right">{money(customer.differenceMinor, currency, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

export function FecResult({ summary }: { summary: FecSummary }) {
  const { t } = useI18n();
  const { documents, changes } = summary;
  return (
    <Stack gap="sm" data-testid="import-summary">
      <Outcome dryRun={summary.dryRun} file={summary.file} />
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
        <Count testId="fec-lines" label={t('fecLines')} value={summary.lines} />
        <Count testId="fec-entries" label={t('fecEntries')} value={summary.entries} />
        <Count testId="fec-customers" label={t('fecCustomers')} value={summary.customers} />
        <Count
          testId="fec-documents"
          label={t('fecDocuments')}
          value={`${documents.invoices} / ${documents.creditNotes} / ${documents.payments}`}
        />
        <Count testId="import-inserted" label={t('documentsInserted')} value={changes.documentsInserted} />
        <Count testId="import-updated" label={t('documentsUpdated')} value={changes.documentsUpdated} />
      </SimpleGrid>
      <Reconciliation summary={summary} />
      {summary.warnings.length > 0 && (
        <Alert color="yellow" title={t('warnings')} data-testid="fec-warnings">
          <List size="sm">
            {summary.warnings.map((warning, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same warning may come twice
              <List.Item key={index}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
