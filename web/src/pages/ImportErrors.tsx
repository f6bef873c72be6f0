/**
 * A rejected file: how many problems on how many lines, the problems by kind and column when there
 * are many, and the first bad rows the server listed (200 at most: a file of 100,000 bad rows is
 * not drawn whole), each with its line, column, value and reason.
 */
import { Alert, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useI18n } from '../i18n.tsx';
import type { ImportRejected, ProblemGroup, RejectedRow } from '../upload.ts';
import { screenColumn, screenWording } from './import-text.ts';

/** Rows drawn at most, whatever the server sent. */
const DRAWN_ROWS = 200;

function Groups({ groups }: { groups: ProblemGroup[] }) {
  const { t, lang } = useI18n();
  const count = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR');
  return (
    <Table striped withTableBorder captionSide="top" data-testid="import-error-groups">
      <Table.Caption>{t('problemGroups')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={200}>{t('column')}</Table.Th>
          <Table.Th w={110} ta="right">
            {t('groupCount')}
          </Table.Th>
          <Table.Th>{t('groupExample')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((group) => (
          <Table.Tr key={`${group.code} ${group.column ?? ''}`}>
            <Table.Td>{screenColumn(lang, group.example) ?? '—'}</Table.Td>
            <Table.Td ta="right">{count.format(group.count)}</Table.Td>
            <Table.Td>
              {t('groupExampleText', {
                line: group.example.line,
                reason: screenWording(lang, 'problem', group.example, group.example.reason),
              })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Rows({ rows }: { rows: RejectedRow[] }) {
  const { t, lang } = useI18n();
  return (
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
              <Table.Td>{screenColumn(lang, row) ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {row.value ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>{screenWording(lang, 'problem', row, row.reason)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

export function ImportErrors({ rejected }: { rejected: ImportRejected }) {
  const { t } = useI18n();
  const rows = rejected.rows.slice(0, DRAWN_ROWS);
  const notListed = rejected.problemCount - rows.length;
  return (
    <Stack gap="sm" data-testid="import-rejected">
      <Alert color="red" title={t('rejectedTitle')}>
        <Text fw={600} data-testid="import-error-count">
          {t('rejectedCount', { n: rejected.problemCount, lines: rejected.lineCount })}
        </Text>
        {/* The server's sentence repeats the count; it is the only explanation when no row is listed. */}
        {rows.length === 0 && <Text size="sm">{rejected.message}</Text>}
      </Alert>
      {/* By kind, when the rows are not all listed: what most of the file suffers from, in a glance. */}
      {notListed > 0 && rejected.groups.length > 0 && <Groups groups={rejected.groups} />}
      {rows.length > 0 && <Rows rows={rows} />}
      {notListed > 0 && (
        <Text c="dimmed" size="sm" data-testid="import-errors-more">
          {t('moreProblems', { n: notListed })}
        </Text>
      )}
    </Stack>
  );
}
