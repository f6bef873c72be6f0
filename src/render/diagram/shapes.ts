/**
 * Sizes of the diagram's elements, measured from their words: a task grows with its name, a rule
 * annotation with its lines. Text is wrapped on an average glyph width of Source Sans (narrow), so
 * the boxes fit the font the SVG and the PNG use.
 */
import { BREAKABLE_SPACES } from '../text-width.ts';
import type { WordedNode } from './words.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const FONT_NAME = 12;
export const FONT_DETAIL = 10.5;
export const LINE_NAME = 15;
export const LINE_DETAIL = 13;
// Source Sans averages ~0.48 em; browsers may fall back on a wider font, hence the margin.
const GLYPH_EM = 0.54;

/** A wrapped line of a node's rules, with the rank of the rule it belongs to. */
export interface DetailLine {
  text: string;
  detail: number;
}

/** The node as ELK sees it (its whole box) and where its parts sit inside that box. */
export interface NodeBox {
  width: number;
  height: number;
  shape: Rect;
  /** Where the name is written: inside a task, beside an event or gateway. */
  nameRect: Rect;
  nameLines: string[];
  annotation: Rect | null;
  detailLines: DetailLine[];
}

export function wrap(text: string, widthPx: number, fontPx: number): string[] {
  const maxChars = Math.max(8, Math.floor(widthPx / (fontPx * GLYPH_EM)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(BREAKABLE_SPACES)) {
    if (line === '') line = word;
    else if (`${line} ${word}`.length <= maxChars) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function annotationOf(details: string[], top: number, width: number) {
  if (details.length === 0) return { annotation: null, detailLines: [] as DetailLine[], bottom: top };
  const detailLines = details.flatMap((detail, index) =>
    wrap(`• ${detail}`, width - 12, FONT_DETAIL).map((text) => ({ text, detail: index })),
  );
  const height = detailLines.length * LINE_DETAIL + 10;
  const annotation = { x: 0, y: top + 14, width, height };
  return { annotation, detailLines, bottom: annotation.y + height };
}

function taskBox(node: WordedNode): NodeBox {
  const width = node.details.length > 0 ? 240 : 150;
  const taskWidth = Math.min(width, 170);
  const nameLines = wrap(node.name, taskWidth - 30, FONT_NAME);
  const shape = { x: 0, y: 0, width: taskWidth, height: Math.max(56, nameLines.length * LINE_NAME + 26) };
  const { annotation, detailLines, bottom } = annotationOf(node.details, shape.height, width);
  return {
    width: Math.max(width, taskWidth),
    height: bottom,
    shape,
    nameRect: shape,
    nameLines,
    annotation,
    detailLines,
  };
}

function gatewayBox(node: WordedNode): NodeBox {
  const width = node.details.length > 0 ? 170 : 120;
  const nameLines = wrap(node.name, 116, 11);
  const nameHeight = nameLines.length * 14;
  const nameRect = { x: 0, y: 0, width, height: nameHeight };
  const shape = { x: (width - 50) / 2, y: nameHeight + 4, width: 50, height: 50 };
  const { annotation, detailLines, bottom } = annotationOf(node.details, shape.y + 50, width);
  return { width, height: bottom, shape, nameRect, nameLines, annotation, detailLines };
}

function eventBox(node: WordedNode): NodeBox {
  const width = 110;
  const nameLines = wrap(node.name, 106, 11);
  const shape = { x: (width - 36) / 2, y: 0, width: 36, height: 36 };
  const nameRect = { x: 0, y: 40, width, height: nameLines.length * 14 };
  return {
    width,
    height: 40 + nameRect.height,
    shape,
    nameRect,
    nameLines,
    annotation: null,
    detailLines: [],
  };
}

export function measureNode(node: WordedNode): NodeBox {
  if (node.kind === 'gateway') return gatewayBox(node);
  if (node.kind === 'start' || node.kind === 'end') return eventBox(node);
  return taskBox(node);
}

export function offsetRect(rect: Rect, dx: number, dy: number): Rect {
  return { x: rect.x + dx, y: rect.y + dy, width: rect.width, height: rect.height };
}
