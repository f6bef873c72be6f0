/**
 * Title, introduction, as-of date and export buttons of a report page. Without an export path (a
 * page the reader's role may not open) there is nothing to download: no buttons above the refusal.
 */
import { Group, Text, Title } from '@mantine/core';
import { date } from '../format.ts';
import { type Key, useI18n } from '../i18n.tsx';
import { ExportButtons } from './ExportButtons.tsx';

export function ReportHeader({
  title,
  intro,
  asOf,
  exportPath,
}: {
  title: Key;
  intro: Key;
  asOf: string | undefined;
  exportPath: string | null;
}) {
  const { t, lang } = useI18n();
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={2}>{t(title)}</Title>
        <Text c="dimmed" size="sm">
          {t(intro)}
        </Text>
      </div>
      <Group>
        {asOf && <Text c="dimmed">{t('asOf', { date: date(asOf, lang) })}</Text>}
        {exportPath !== null && <ExportButtons path={exportPath} />}
      </Group>
    </Group>
  );
}
