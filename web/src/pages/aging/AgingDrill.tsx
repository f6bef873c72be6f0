/** The documents behind one group of the aged balance (or one of its buckets), in a side drawer. */
import { Anchor, Badge, Drawer, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import type { AgingDrill as Drill } from '../../reports.ts';
import { documentKind } from '../../strings/kinds.ts';
import { useApi } from '../../use-api.ts';

export function AgingDrill({
  path,
  title,
  bucketLabel,
  onClose,
}: {
  path: string | null;
  title: string;
  bucketLabel(key: string): string;
  onClose(): void;
}) {
  const { t, lang } = useI18n();
  const drill = useApi<Drill>(path);
  const data = path ? drill.data : null;
  return (
    <Drawer opened={path !== null} onClose={onClose} title={title} position="right" size="xl">
      <LoadState loading={drill.loading} error={drill.error} />
      {data && (
        <>
          <Text size="sm" mb="sm" data-testid="drill-total">
            {t('drillSummary', {
              n: data.documents.length,
              amount: money(data.totalMinor, data.currency, lang),
            })}
          </Text>
          {data.documents.length === 0 && <Text c="dimmed">{t('noDocuments')}</Text>}
          <Table striped fz="xs" data-testid="drill-documents">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customer')}</Table.Th>
                <Table.Th>{t('document')}</Table.Th>
                <Table.Th>{t('dueDate')}</Table.Th>
                <Table.Th ta="right">{t('open')}</Table.Th>
                <Table.Th ta="right">{t('ageDays')}</Table.Th>
                <Table.Th>{t('bucket')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.documents.map((doc) => (
                <Table.Tr key={`${doc.kind}-${doc.externalRef}`}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/customers/${encodeURIComponent(doc.customerCode)}`}
                      fz="xs"
                    >
                      {doc.customerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {documentKind(doc.kind, lang)} {doc.externalRef}
                    {doc.factorName && (
                      <Badge ml={4} size="xs" variant="light" color="grape">
                        {t('factoring.aging.assignedTo', { factor: doc.factorName })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{date(doc.dueDate, lang)}</Table.Td>
                  <Table.Td ta="right">{money(doc.openMinor, data.currency, lang)}</Table.Td>
                  <Table.Td ta="right">{doc.ageDays}</Table.Td>
                  <Table.Td>{bucketLabel(doc.bucketKey)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Drawer>
  );
}
