/** The month's collection target of each collector in view, with what came in so far. */
import { Progress, Stack, Text } from '@mantine/core';
import { money, percent } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

export interface TargetProgress {
  collector: string;
  name: string;
  month: string;
  currency: string;
  targetMinor: number | null;
  collectedMinor: number;
  progressBp: number | null;
}

export function AgendaTargets({ targets }: { targets: readonly TargetProgress[] }) {
  const { t, lang } = useI18n();
  const first = targets[0];
  if (!first) return null;
  const monthName = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${first.month}-01T00:00:00Z`));
  return (
    <Stack gap={4} data-testid="agenda-targets">
      <Text fw={500} size="sm">
        {t('agenda.target.title', { month: monthName })}
      </Text>
      {targets.map((row) => {
        const collected = money(row.collectedMinor, row.currency, lang);
        const progress = row.progressBp === null ? null : row.progressBp / 10_000;
        return (
          <Stack key={row.collector} gap={2}>
            <Text size="sm">
              {row.targetMinor === null || progress === null
                ? t('agenda.target.noTarget', { name: row.name, collected })
                : t('agenda.target.progress', {
                    name: row.name,
                    collected,
                    target: money(row.targetMinor, row.currency, lang),
                    percent: percent(progress, lang, 0),
                  })}
            </Text>
            {progress !== null && <Progress value={Math.min(100, progress * 100)} size="sm" />}
          </Stack>
        );
      })}
    </Stack>
  );
}
