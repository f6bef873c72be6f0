/** One finding's evidence as labelled values: amounts, days, dates and ratios formatted by their key. */
import { Group, Text } from '@mantine/core';
import { useI18n } from '../../i18n.tsx';
import type { Evidence as EvidenceValues } from '../../reports.ts';
import { evidenceLabel, formatEvidence, type ShareThresholds } from './evidence-text.ts';

export function Evidence({
  values,
  currency,
  thresholds,
  skip = [],
}: {
  values: EvidenceValues;
  currency: string;
  thresholds?: ShareThresholds;
  skip?: string[];
}) {
  const { lang } = useI18n();
  const entries = Object.entries(values).filter(([key]) => !skip.includes(key));
  if (!entries.length) return null;
  return (
    <Group gap="md" component="dl" className="evidence">
      {entries.map(([key, value]) => (
        <div key={key}>
          <Text component="dt" size="xs" c="dimmed">
            {evidenceLabel(key, lang)}
          </Text>
          <Text component="dd" size="sm" fw={500}>
            {formatEvidence(key, value, currency, lang, thresholds)}
          </Text>
        </div>
      ))}
    </Group>
  );
}
