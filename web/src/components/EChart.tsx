/** A thin React wrapper around ECharts, importing only the charts and components we draw with. */
import { BarChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  GaugeChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

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
    const chart = echarts.init(target);
    // Tests and screenshots wait for this state instead of sleeping through the animation.
    chart.on('finished', () => {
      target.dataset['rendered'] = 'true';
    });
    // A person who asks the system for less motion gets each chart drawn at once, not grown.
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    chart.setOption(still ? { ...option, animation: false } : option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  // The canvas is not readable by screen readers: the label summarises what it shows.
  return (
    <div ref={element} role="img" aria-label={label} data-testid="chart" style={{ height, width: '100%' }} />
  );
}
