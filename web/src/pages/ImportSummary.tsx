/** What an accepted file did (or would do, in a dry run): counts, and for a FEC the reconciliation proof. */
import { Alert, Card, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { StatTile } from '../components/StatTile.tsx';
import { date, money } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import type { FecSummary, ImportSummary } from '../upload.ts';
import { screenWording } from './import-text.ts';

function Outcome({ dryRun, file }: { dryRun: boolean; file: string }) {
  const { t } = useI18n();
  return (
    <Alert color={dryRun ? 'blue' : 'green'} title={file} data-testid="import-outcome">
      {dryRun ? t('dryRunDone') : t('importDone')}
    </Alert>
  );
}

/** What the person should check in how the file was read (a column read month first, an order assumed, disputed flags skipped on settled invoices). */
function Notices({ notices }: { notices: ImportSummary['notices'] }) {
  const { t, lang } = useI18n();
  if (notices.length === 0) return null;
  return (
    <Alert color="yellow" title={t('notices')} data-testid="import-notices">
      <List size="sm" spacing={4}>
        {notices.map((notice, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: notices come in column order and may repeat a code
          <List.Item key={index}>{screenWording(lang, 'notice', notice, notice.message)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function SpreadsheetSummary({ summary }: { summary: ImportSummary }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm" data-testid="import-summary">
      <Outcome dryRun={summary.dryRun} file={summary.file} />
      <SimpleGrid cols={{ base: 2, md: 4, lg: 6 }}>
        <StatTile testId="import-rows" label={t('rowsRead')} value={summary.rows} />
        <StatTile testId="import-inserted" label={t('inserted')} value={summary.inserted} />
        <StatTile testId="import-updated" label={t('updated')} value={summary.updated} />
        <StatTile testId="import-unchanged" label={t('unchanged')} value={summary.unchanged} />
        {summary.entity === 'payments' && (
          <>
            <StatTile testId="import-allocations" label={t('allocations')} value={summary.allocations} />
            <StatTile
              testId="import-unapplied"
              label={t('unappliedPayments')}
              value={summary.unappliedPayments}
            />
          </>
        )}
        {/* Only a file with a Disputed column opens disputes: a zero would say nothing. */}
        {summary.disputesOpened > 0 && (
          <StatTile testId="import-disputes" label={t('disputesOpened')} value={summary.disputesOpened} />
        )}
      </SimpleGrid>
      <Notices notices={summary.notices} />
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
        <StatTile
          testId="fec-control"
          label={t('controlBalance')}
          value={money(proof.controlBalanceMinor, currency, lang)}
        />
        <StatTile
          testId="fec-open-items"
          label={t('sumOpenItems')}
          value={money(proof.sumOpenItemsMinor, currency, lang)}
        />
        <StatTile
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
              <Table.Tr key={customer.customerCode}>
                <Table.Td>{customer.customerCode}</Table.Td>
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
        <StatTile testId="fec-lines" label={t('fecLines')} value={summary.lines} />
        <StatTile testId="fec-entries" label={t('fecEntries')} value={summary.entries} />
        <StatTile testId="fec-customers" label={t('fecCustomers')} value={summary.customers} />
        <StatTile
          testId="fec-documents"
          label={t('fecDocuments')}
          value={`${documents.invoices} / ${documents.creditNotes} / ${documents.payments}`}
        />
        <StatTile testId="import-inserted" label={t('documentsInserted')} value={changes.documentsInserted} />
        <StatTile testId="import-updated" label={t('documentsUpdated')} value={changes.documentsUpdated} />
      </SimpleGrid>
      <Reconciliation summary={summary} />
      {summary.warnings.length > 0 && (
        <Alert color="yellow" title={t('warnings')} data-testid="fec-warnings">
          <List size="sm">
            {summary.warnings.map((warning, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same warning may come twice
              <List.Item key={index}>{warning.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
