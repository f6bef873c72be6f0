/**
 * A thin React wrapper around ECharts. The library (echarts-setup.ts) comes in its own chunk,
 * fetched when a chart is first drawn (or ahead, `loadCharts`): a page shows its figures and tables
 * without waiting for it, and its charts once it has arrived.
 */
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';

export type ChartOption = EChartsCoreOption;

export const loadCharts = () => import('./echarts-setup.ts');

export function EChart({
  option,
  height = 300,
  label,
}: {
  option: ChartOption;
  height?: number;
  label: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const target = element.current;
    target.dataset['rendered'] = 'false';
    let chart: EChartsType | undefined;
    let gone = false;
    void loadCharts().then(({ echarts }) => {
      if (gone) return;
      chart = echarts.init(target);
      // Tests and screenshots wait for this state instead of sleeping through the animation.
      chart.on('finished', () => {
        target.dataset['rendered'] = 'true';
      });
      // A person who asks the system for less motion gets each chart drawn at once, not grown.
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      chart.setOption(still ? { ...option, animation: false } : option);
    }, console.error);
    const resize = () => chart?.resize();
    window.addEventListener('resize', resize);
    return () => {
      gone = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [option]);
  // The canvas is not readable by screen readers: the label summarises what it shows.
  return (
    <div ref={element} role="img" aria-label={label} data-testid="chart" style={{ height, width: '100%' }} />
  );
}
