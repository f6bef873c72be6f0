/** One finding's evidence as labelled values: amounts, days, dates and ratios formatted by their key. */
import { Group, Text } from '@mantine/core';
import { label } from '../../../../src/text/catalogue.ts';
import { date, money, percent } from '../../format.ts';
import type { Lang } from '../../i18n.tsx';
import { useI18n } from '../../i18n.tsx';
import type { Evidence as EvidenceValues } from '../../reports.ts';
import { EVIDENCE_LABELS } from '../../strings/evidence.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function formatEvidence(
  key: string,
  value: string | number | boolean | null,
  currency: string,
  lang: Lang,
): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  // A month-end key (e.g. the overdue of a salesperson's portfolio at each month end) holds an amount.
  if (typeof value === 'number' && (key.endsWith('Minor') || ISO_DAY.test(key)))
    return money(value, currency, lang);
  if (typeof value === 'number' && (key === 'limitUsage' || key.endsWith('Share') || key === 'share'))
    return percent(value, lang);
  if (typeof value === 'number')
    return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(value);
  if (ISO_DAY.test(value)) return date(value, lang);
  if (key === 'method') return label(lang, 'anomalyMethod', value);
  return value;
}

export function evidenceLabel(key: string, lang: Lang): string {
  if (ISO_DAY.test(key)) return date(key, lang);
  return EVIDENCE_LABELS[lang][key] ?? key;
}

export function Evidence({
  values,
  currency,
  skip = [],
}: {
  values: EvidenceValues;
  currency: string;
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
            {formatEvidence(key, value, currency, lang)}
          </Text>
        </div>
      ))}
    </Group>
  );
}
