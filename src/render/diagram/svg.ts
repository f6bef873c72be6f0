/**
 * Draws the laid-out diagram as SVG with BPMN's shapes (rounded tasks, diamond gateways, thin start
 * and thick end events, bracketed annotations), the pool and its lanes. A comparison draws the
 * "before" and the "after" one above the other, changed elements coloured, with a legend.
 */
import type { NodeChange } from '#core/procedure/diagram-compare';
import type { DiagramLayout, PlacedEdge, PlacedNode } from './layout.ts';
import { LANE_HEADER, POOL_HEADER } from './layout.ts';
import { FONT_DETAIL, FONT_NAME, LINE_DETAIL, LINE_NAME } from './shapes.ts';

export const SVG_FONT = "'Source Sans 3', 'Source Sans Pro', 'DejaVu Sans', sans-serif";
const INK = '#263238';
const COLOURS: Record<NodeChange, { fill: string; stroke: string }> = {
  added: { fill: '#e3f4e6', stroke: '#2e7d32' },
  changed: { fill: '#fff1d6', stroke: '#d97706' },
  removed: { fill: '#fde4e4', stroke: '#c62828' },
};

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function lines(
  x: number,
  y: number,
  texts: string[],
  size: number,
  lineHeight: number,
  anchor = 'middle',
): string {
  return texts
    .map(
      (line, i) =>
        `<text x="${x}" y="${y + i * lineHeight}" font-size="${size}" text-anchor="${anchor}">${escapeXml(line)}</text>`,
    )
    .join('');
}

function nodeShape(node: PlacedNode, change: NodeChange | undefined): string {
  const { x, y, width, height } = node.shape;
  const colour = change ? COLOURS[change] : { fill: '#ffffff', stroke: INK };
  const strokeWidth = change ? 2.5 : 1.4;
  const paint = `fill="${colour.fill}" stroke="${colour.stroke}" stroke-width="${strokeWidth}"${change === 'removed' ? ' stroke-dasharray="6 4"' : ''}`;
  const cx = x + width / 2;
  const cy = y + height / 2;
  if (node.kind === 'gateway') {
    const d = `M${cx} ${y} L${x + width} ${cy} L${cx} ${y + height} L${x} ${cy} Z`;
    const cross = `M${cx - 9} ${cy - 9} L${cx + 9} ${cy + 9} M${cx + 9} ${cy - 9} L${cx - 9} ${cy + 9}`;
    return `<path d="${d}" ${paint}/><path d="${cross}" stroke="${INK}" stroke-width="3"/>`;
  }
  if (node.kind === 'start' || node.kind === 'end') {
    const w = node.kind === 'end' ? 4 : strokeWidth;
    return `<circle cx="${cx}" cy="${cy}" r="${width / 2}" fill="${colour.fill}" stroke="${colour.stroke}" stroke-width="${w}"/>`;
  }
  return `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="9" ${paint}/>${taskMarker(node)}`;
}

/** The small marker in a task's corner: BPMN's envelope (send), person (user), cog (service). */
function taskMarker(node: PlacedNode): string {
  const x = node.shape.x + 8;
  const y = node.shape.y + 7;
  if (node.kind === 'send_task')
    return `<rect x="${x}" y="${y}" width="14" height="10" fill="${INK}"/><path d="M${x} ${y} L${x + 7} ${y + 6} L${x + 14} ${y}" stroke="#fff" fill="none"/>`;
  if (node.kind === 'user_task')
    return `<circle cx="${x + 6}" cy="${y + 3}" r="3" fill="none" stroke="${INK}"/><path d="M${x} ${y + 12} Q${x + 6} ${y + 3} ${x + 12} ${y + 12}" fill="none" stroke="${INK}"/>`;
  if (node.kind === 'service_task')
    return `<circle cx="${x + 6}" cy="${y + 6}" r="5" fill="none" stroke="${INK}" stroke-width="2" stroke-dasharray="2 1.5"/>`;
  return `<rect x="${x}" y="${y + 2}" width="12" height="8" fill="none" stroke="${INK}"/>`;
}

function nodeText(node: PlacedNode): string {
  const r = node.nameRect;
  const isTask = node.kind.endsWith('task');
  const first = isTask ? r.y + r.height / 2 - ((node.nameLines.length - 1) * LINE_NAME) / 2 + 8 : r.y + 11;
  const size = isTask ? FONT_NAME : 11;
  const text = lines(r.x + r.width / 2, first, node.nameLines, size, isTask ? LINE_NAME : 14);
  return isTask ? `<g font-weight="600">${text}</g>` : text;
}

/** The node's rules; those the compared version does not have are coloured (`changedRules`). */
function annotation(node: PlacedNode, changedRules: ReadonlySet<number>, colour: string): string {
  const a = node.annotation;
  if (!a) return '';
  const link = `<path d="M${node.shape.x + 24} ${node.shape.y + node.shape.height} L${node.shape.x + 24} ${a.y}" stroke="#78909c" stroke-dasharray="3 3"/>`;
  const bracket = `<path d="M${a.x + 10} ${a.y} L${a.x} ${a.y} L${a.x} ${a.y + a.height} L${a.x + 10} ${a.y + a.height}" fill="none" stroke="#78909c" stroke-width="1.2"/>`;
  const body = `<rect x="${a.x}" y="${a.y}" width="${a.width}" height="${a.height}" fill="#f7f9fa"/>`;
  const text = node.detailLines
    .map((line, i) => {
      const y = a.y + 14 + i * LINE_DETAIL;
      const style = changedRules.has(line.detail) ? ` fill="${colour}" font-weight="700"` : '';
      return `<text x="${a.x + 6}" y="${y}" font-size="${FONT_DETAIL}"${style}>${escapeXml(line.text)}</text>`;
    })
    .join('');
  return `${link}${body}${bracket}<g fill="#37474f">${text}</g>`;
}

/** Ranks of the node's rules that the same node of the other version does not state. */
function rulesNotIn(node: PlacedNode, other: DiagramLayout | undefined): Set<number> {
  const twin = other?.nodes.find((n) => n.id === node.id);
  if (!twin) return new Set();
  return new Set(node.details.flatMap((detail, index) => (twin.details.includes(detail) ? [] : [index])));
}

function edge(e: PlacedEdge): string {
  const d = e.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  const path = `<path d="${d}" fill="none" stroke="${INK}" stroke-width="1.3" marker-end="url(#arrow)"/>`;
  if (!e.name || !e.labelAt) return path;
  const label = `<text x="${e.labelAt.x}" y="${e.labelAt.y}" font-size="11" font-style="italic" fill="#455a64">${escapeXml(e.name)}</text>`;
  return path + label;
}

function poolAndLanes(layout: DiagramLayout): string {
  const { pool } = layout;
  const poolText = `<text transform="translate(${pool.x + 20} ${pool.y + pool.height / 2}) rotate(-90)" font-size="13" font-weight="700" text-anchor="middle">${escapeXml(layout.title)}</text>`;
  const lanes = layout.lanes.map((lane) => {
    const r = lane.rect;
    const name = `<text transform="translate(${r.x + 20} ${r.y + r.height / 2}) rotate(-90)" font-size="12" font-weight="600" text-anchor="middle">${escapeXml(lane.name)}</text>`;
    const header = `<rect x="${r.x}" y="${r.y}" width="${LANE_HEADER}" height="${r.height}" fill="#eceff1" stroke="${INK}"/>`;
    return `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="#ffffff" stroke="${INK}"/>${header}${name}`;
  });
  return `<rect x="${pool.x}" y="${pool.y}" width="${POOL_HEADER}" height="${pool.height}" fill="#cfd8dc" stroke="${INK}"/>${poolText}${lanes.join('')}`;
}

/** The diagram's body, drawn at the origin (a `<g>` to place anywhere). */
export function diagramGroup(
  layout: DiagramLayout,
  changes: Readonly<Record<string, NodeChange>> = {},
  other?: DiagramLayout,
): string {
  const drawNode = (node: PlacedNode) => {
    const change = changes[node.id];
    const changedRules = change === 'changed' ? rulesNotIn(node, other) : new Set<number>();
    const colour = change ? COLOURS[change].stroke : INK;
    return annotation(node, changedRules, colour) + nodeShape(node, change) + nodeText(node);
  };
  return [poolAndLanes(layout), ...layout.edges.map(edge), ...layout.nodes.map(drawNode)].join('');
}

const DEFS = `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${INK}"/></marker></defs>`;

export interface SvgPart {
  heading: string;
  layout: DiagramLayout;
  changes?: Readonly<Record<string, NodeChange>>;
  /** The version compared with: the rules this one states differently are coloured. */
  other?: DiagramLayout;
}

/** One SVG with each part under its heading; a legend of the colours when `legend` is given. */
export function renderSvg(
  title: string,
  parts: SvgPart[],
  legend: Record<NodeChange, string> | null = null,
): string {
  const margin = 20;
  const width = Math.max(...parts.map((p) => p.layout.width)) + 2 * margin;
  let y = 46;
  const groups: string[] = [];
  for (const part of parts) {
    groups.push(
      `<text x="${margin}" y="${y + 16}" font-size="15" font-weight="700">${escapeXml(part.heading)}</text>`,
    );
    groups.push(
      `<g transform="translate(${margin} ${y + 28})">${diagramGroup(part.layout, part.changes, part.other)}</g>`,
    );
    y += part.layout.height + 28 + 30;
  }
  const legendSvg = legend ? legendGroup(width - margin - 330, 14, legend) : '';
  const heading = `<text x="${margin}" y="30" font-size="20" font-weight="700">${escapeXml(title)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" font-family="${SVG_FONT}" fill="${INK}">${DEFS}<rect width="${width}" height="${y}" fill="#ffffff"/>${heading}${legendSvg}${groups.join('')}</svg>`;
}

function legendGroup(x: number, y: number, legend: Record<NodeChange, string>): string {
  return (['added', 'changed', 'removed'] as const)
    .map((change, i) => {
      const c = COLOURS[change];
      const left = x + i * 110;
      return `<rect x="${left}" y="${y}" width="16" height="16" rx="3" fill="${c.fill}" stroke="${c.stroke}" stroke-width="2"/><text x="${left + 22}" y="${y + 13}" font-size="12">${escapeXml(legend[change])}</text>`;
    })
    .join('');
}
