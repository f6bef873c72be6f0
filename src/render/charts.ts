/**
 * Charts as SVG, drawn by ECharts on the server like the web app draws them in the browser
 * (same library, same palette), with value axes formatted for the document's language.
 */
import { createRequire } from 'node:module';
import { currencyExponent } from '#core/money';
import type { Lang } from '#text/catalogue';
import { onScreen } from '#text/format';
import { displayValue } from './cells.ts';
import { categoryLabelSize, wrapLabel } from './chart-labels.ts';
import type { ChartSpec } from './document.ts';

/**
 * ECharts' bundled build, one file: its modules one by one (the package's ES entry) took 1–2 s to
 * load, paid by every PDF worker that starts. The same library and version, so the same drawing.
 */
const echarts = createRequire(import.meta.url)('echarts') as typeof import('echarts');

/** The web app's palette (Mantine indigo, orange, teal, grape, red, gray). */
const PALETTE = ['#4c6ef5', '#e8590c', '#0ca678', '#ae3ec9', '#e03131', '#868e96', '#1098ad', '#f59f00'];
/** The PDF's font family: svg-to-pdfkit maps it to the embedded font. */
export const CHART_FONT = 'Sans';
/** Sizes of the axis labels: the first, or a smaller one when category names would not fit. */
const LABEL_SIZES = [9, 8, 7] as const;
/** What the value axis and the grid's margins take of the chart's width, in points. */
const VALUE_AXIS_WIDTH = 56;

export function chartSvg(spec: ChartSpec, lang: Lang, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const scale = spec.valueKind === 'money' ? 10 ** currencyExponent(spec.currency ?? 'EUR') : 1;
  // Money is plotted in major units so that the axis steps are round euros; the label goes back
  // to minor units for the one money formatter.
  const toValue = (v: number | null) => (v === null ? null : v / scale);
  // A negative value with the minus sign of the language, as the screen's charts write it.
  const axisLabel = (v: number) =>
    onScreen(displayValue(lang, Math.round(v * scale), spec.valueKind, spec.currency), lang);
  const slot = (width - VALUE_AXIS_WIDTH) / Math.max(1, spec.labels.length);
  const categorySize = categoryLabelSize(spec.labels, slot, LABEL_SIZES);
  chart.setOption({
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT, fontSize: 10 },
    grid: { left: 8, right: 12, top: 12, bottom: spec.series.length > 1 ? 36 : 12, containLabel: true },
    legend:
      spec.series.length > 1
        ? { bottom: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontFamily: CHART_FONT, fontSize: 9 } }
        : undefined,
    xAxis: {
      type: 'category',
      data: spec.labels,
      // A few categories (customer types, levels) wrap between words to show every name, a size
      // smaller when a word would not fit its slot; months thin out instead.
      axisLabel:
        spec.labels.length <= 8
          ? {
              fontFamily: CHART_FONT,
              fontSize: categorySize,
              interval: 0,
              formatter: (label: string) => wrapLabel(label, slot, categorySize).join('\n'),
            }
          : { fontFamily: CHART_FONT, fontSize: LABEL_SIZES[0], hideOverlap: true },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      axisLabel: { fontFamily: CHART_FONT, fontSize: 9, formatter: axisLabel },
      splitLine: { lineStyle: { color: '#e9ecef' } },
    },
    series: spec.series.map((series) => ({
      name: series.name,
      type: spec.kind === 'line' ? 'line' : 'bar',
      stack: spec.kind === 'stackedBar' ? 'total' : undefined,
      // No line across a month without data: a gap says "nothing measured".
      connectNulls: false,
      showSymbol: spec.kind === 'line',
      symbolSize: 4,
      barMaxWidth: 28,
      data: series.values.map(toValue),
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
