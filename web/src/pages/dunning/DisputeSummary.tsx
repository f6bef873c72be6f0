/** The disputes' figures above the list: open ones, the median time to resolve, by reason and department. */
import { Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { number } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

interface Figures {
  key: string;
  open: number;
  openImported: number;
  resolved: number;
  medianCycleDays: number | null;
}

export interface DisputeSummaryData {
  open: number;
  openImported: number;
  resolved: number;
  medianCycleDays: number | null;
  byReason: Figures[];
  byDepartment: Figures[];
}

function FiguresTable({ title, rows, domain }: { title: string; rows: Figures[]; domain: string }) {
  const { t, lang, label } = useI18n();
  return (
    <Table withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          <Table.Th ta="right">{t('disputes.page.openShort')}</Table.Th>
          <Table.Th ta="right">{t('disputes.page.resolvedShort')}</Table.Th>
          <Table.Th ta="right">{t('disputes.page.medianDays')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td>{label(domain, row.key)}</Table.Td>
            <Table.Td ta="right">
              {row.openImported > 0
                ? t('disputes.page.openWithImported', { open: row.open, imported: row.openImported })
                : row.open}
            </Table.Td>
            <Table.Td ta="right">{row.resolved}</Table.Td>
            <Table.Td ta="right">
              {row.medianCycleDays === null ? '—' : number(row.medianCycleDays, lang)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function DisputeSummary({ summary }: { summary: DisputeSummaryData }) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="sm" data-testid="dispute-summary">
      <Group gap="xl" mb="xs">
        <Text fw={500}>
          {t('disputes.page.openCount', { count: summary.open, imported: summary.openImported })}
        </Text>
        <Text>
          {t('disputes.page.medianCycle', { count: summary.resolved, days: summary.medianCycleDays ?? 0 })}
        </Text>
      </Group>
      {summary.open + summary.resolved > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <FiguresTable
            title={t('disputes.page.byReason')}
            rows={summary.byReason}
            domain="dunningDisputeReason"
          />
          <FiguresTable
            title={t('disputes.page.byDepartment')}
            rows={summary.byDepartment}
            domain="dunningDepartment"
          />
        </SimpleGrid>
      )}
    </Paper>
  );
}
