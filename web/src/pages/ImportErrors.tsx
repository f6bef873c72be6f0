/** A rejected file: every bad row the server listed, with its line, column, value and reason. */
import { Alert, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useI18n } from '../i18n.tsx';
import type { RejectedRow } from '../upload.ts';
import { screenWording } from './import-text.ts';

export function ImportErrors({ detail, rows }: { detail: string; rows: RejectedRow[] }) {
  const { t } = useI18n();
  const lines = new Set(rows.map((row) => row.line)).size;
  return (
    <Stack gap="sm" data-testid="import-rejected">
      <Alert color="red" title={t('rejectedTitle')}>
        <Text fw={600} data-testid="import-error-count">
          {t('rejectedCount', { n: rows.length, lines })}
        </Text>
        {/* The server's sentence repeats the count; it is the only explanation when no row is listed. */}
        {rows.length === 0 && <Text size="sm">{detail}</Text>}
      </Alert>
      {rows.length > 0 && (
        <ScrollArea.Autosize mah="60vh" type="auto">
          <Table striped withTableBorder stickyHeader data-testid="import-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('line')}</Table.Th>
                <Table.Th w={200}>{t('column')}</Table.Th>
                <Table.Th w={200}>{t('value')}</Table.Th>
                <Table.Th>{t('reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one line may carry several problems, in server order
                <Table.Tr key={index}>
                  <Table.Td>{row.line > 0 ? row.line : '—'}</Table.Td>
                  <Table.Td>{row.column ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {row.value ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{screenWording(t, 'problem', row, row.reason)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
