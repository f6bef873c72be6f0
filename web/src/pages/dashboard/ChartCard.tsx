/** A titled card holding one chart (the title doubles as the chart's accessible label). */
import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { type ChartOption, EChart } from '../../components/EChart.tsx';

export function ChartCard({
  title,
  option,
  testId,
  height = 280,
  children,
}: {
  title: string;
  option: ChartOption | null;
  testId: string;
  height?: number;
  children?: ReactNode;
}) {
  return (
    <Card withBorder data-testid={testId}>
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {option && <EChart option={option} label={title} height={height} />}
      {children}
    </Card>
  );
}
