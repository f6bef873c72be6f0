/**
 * PDF rendering with pdfkit: a title block, key figures, bar and line charts drawn with the
 * vector API (no chart library), then the table. Landscape A4.
 */
import PDFDocument from 'pdfkit';
import { formatMoney } from '#core/money';
import type { Cell, TabularReport } from './tabular.ts';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface ChartSpec {
  title: string;
  kind: 'bar' | 'line';
  labels: string[];
  series: ChartSeries[];
}

export interface PdfContent {
  report: TabularReport;
  keyFigures?: { label: string; value: string }[];
  charts?: ChartSpec[];
}

const COLORS = ['#1f4e79', '#c0504d', '#9bbb59', '#f79646'];

function drawChart(
  doc: PDFKit.PDFDocument,
  chart: ChartSpec,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  doc.fontSize(10).fillColor('#000').text(chart.title, x, y, { width });
  const top = y + 16;
  const plotHeight = height - 40;
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(1, ...values);
  const min = Math.min(0, ...values);
  const scale = (v: number) => top + plotHeight - ((v - min) / (max - min)) * plotHeight;
  doc
    .lineWidth(0.5)
    .strokeColor('#888')
    .moveTo(x, scale(0))
    .lineTo(x + width, scale(0))
    .stroke();
  doc
    .fontSize(6)
    .fillColor('#444')
    .text(formatAxis(max), x - 2, top - 3, { width: 40 });
  const step = width / Math.max(chart.labels.length, 1);
  chart.labels.forEach((label, i) => {
    doc
      .fontSize(6)
      .fillColor('#444')
      .text(label, x + i * step, top + plotHeight + 4, { width: step, align: 'center' });
  });
  chart.series.forEach((series, s) => {
    const color = COLORS[s % COLORS.length] as string;
    if (chart.kind === 'bar') {
      const barWidth = (step * 0.7) / chart.series.length;
      series.values.forEach((v, i) => {
        if (v === null) return;
        const bx = x + i * step + step * 0.15 + s * barWidth;
        const y0 = scale(Math.max(v, 0));
        doc.rect(bx, y0, barWidth, Math.abs(scale(v) - scale(0))).fill(color);
      });
    } else {
      doc.lineWidth(1.2).strokeColor(color);
      let started = false;
      series.values.forEach((v, i) => {
        if (v === null) return;
        const px = x + i * step + step / 2;
        if (started) doc.lineTo(px, scale(v));
        else doc.moveTo(px, scale(v));
        started = true;
      });
      if (started) doc.stroke();
    }
    doc.rect(x + s * 110, y + height - 10, 6, 6).fill(color);
    doc
      .fontSize(7)
      .fillColor('#000')
      .text(series.name, x + s * 110 + 9, y + height - 11, { width: 100 });
  });
}

function formatAxis(value: number): string {
  return Math.abs(value) >= 1000 ? `${Math.round(value / 1000)} k` : String(Math.round(value * 10) / 10);
}

function cellText(value: Cell, kind: string, currency: string): string {
  if (value === null) return '';
  if (kind === 'money' && typeof value === 'number')
    return formatMoney(value, currency).replace(/[\u202f\u00a0]/g, ' ');
  if (kind === 'percent' && typeof value === 'number') return `${(value * 100).toFixed(1)} %`;
  if (kind === 'number' && typeof value === 'number') return value.toFixed(1);
  return String(value);
}

function drawTable(doc: PDFKit.PDFDocument, report: TabularReport): void {
  const columns = report.columns.slice(0, 12);
  const left = 30;
  const usable = doc.page.width - 60;
  const widths = columns.map((c) => (c.kind === 'text' ? 2 : 1));
  const unit = usable / widths.reduce((s, w) => s + w, 0);
  const headerCells: Cell[] = columns.map((c) => c.header);
  const drawRow = (cells: Cell[], bold: boolean) => {
    if (doc.y > doc.page.height - 50) doc.addPage();
    const y = doc.y;
    let x = left;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(7)
      .fillColor('#000');
    columns.forEach((column, i) => {
      const width = (widths[i] ?? 1) * unit;
      const text = cellText(
        cells[i] ?? null,
        bold && cells === headerCells ? 'text' : column.kind,
        report.currency,
      );
      doc.text(text, x + 2, y, {
        width: width - 4,
        align: column.kind === 'text' || column.kind === 'date' ? 'left' : 'right',
        lineBreak: false,
      });
      x += width;
    });
    doc.y = y + 11;
  };
  drawRow(headerCells, true);
  for (const row of report.rows) drawRow(row, false);
  if (report.totals) drawRow(report.totals, true);
}

export async function renderPdf(content: PdfContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 30,
    info: { Title: content.report.title, Creator: 'Encours' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font('Helvetica-Bold').fontSize(16).text(content.report.title);
  doc.font('Helvetica').fontSize(9).fillColor('#444');
  for (const line of content.report.subtitle) doc.text(line);
  doc.moveDown(0.5).fillColor('#000');
  if (content.keyFigures?.length) {
    const perRow = 4;
    const width = (doc.page.width - 60) / perRow;
    const startY = doc.y;
    content.keyFigures.forEach((figure, i) => {
      const x = 30 + (i % perRow) * width;
      const y = startY + Math.floor(i / perRow) * 30;
      doc
        .font('Helvetica')
        .fontSize(7)
        .fillColor('#555')
        .text(figure.label, x, y, { width: width - 6 });
      doc
        .font('Helvetica-Bold')
        .fontSize(11)
        .fillColor('#000')
        .text(figure.value, x, y + 10, { width: width - 6 });
    });
    doc.y = startY + Math.ceil(content.keyFigures.length / perRow) * 30 + 6;
  }
  const charts = content.charts ?? [];
  for (let i = 0; i < charts.length; i += 2) {
    if (doc.y > doc.page.height - 190) doc.addPage();
    const y = doc.y;
    const width = (doc.page.width - 100) / 2;
    drawChart(doc, charts[i] as ChartSpec, 40, y, width, 160);
    if (charts[i + 1]) drawChart(doc, charts[i + 1] as ChartSpec, 60 + width, y, width, 160);
    doc.y = y + 172;
  }
  if (content.report.rows.length > 0) {
    if (charts.length > 0) doc.addPage();
    doc.x = 30;
    drawTable(doc, content.report);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
