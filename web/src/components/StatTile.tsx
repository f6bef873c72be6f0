/** A labelled figure in a bordered card: dashboard indicators (with an optional trend), import counts. */
import { Card, Text } from '@mantine/core';

export interface Trend {
  text: string;
  /** Whether the change is good news: a falling DSO is, a rising overdue is not. */
  tone: 'good' | 'bad' | 'neutral';
}

const TONES = { good: 'teal.8', bad: 'red.8', neutral: 'dimmed' } as const;

export function StatTile({
  label,
  value,
  testId,
  trend,
}: {
  label: string;
  value: string | number;
  testId: string;
  trend?: Trend | null;
}) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {trend && (
        <Text size="xs" c={TONES[trend.tone]} data-testid={`${testId}-trend`}>
          {trend.text}
        </Text>
      )}
    </Card>
  );
}
