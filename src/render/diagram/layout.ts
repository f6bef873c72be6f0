/**
 * Automatic layout of the diagram. ELK's layered algorithm orders the flow from left to right
 * (which column each element takes, and its order within the column, lanes first); swimlanes are
 * then drawn as horizontal bands, ELK having no notion of them: each lane stacks its elements in
 * rows where they would overlap, and the sequence flows are routed orthogonally, through the gaps
 * between columns and along the lanes' margins when a straight route would cross an element.
 */
import elkModule from 'elkjs/lib/elk.bundled.js';
import { type DetailLine, measureNode, type NodeBox, offsetRect, type Rect } from './shapes.ts';
import type { WordedDiagram, WordedNode } from './words.ts';

// elkjs is CommonJS: Node hands its `module.exports` (the constructor) as the default import.
const ELK = elkModule as unknown as typeof elkModule.default;

export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode extends WordedNode {
  box: Rect;
  shape: Rect;
  nameRect: Rect;
  nameLines: string[];
  annotation: Rect | null;
  detailLines: DetailLine[];
}

export interface PlacedEdge {
  id: string;
  from: string;
  to: string;
  name: string | null;
  points: Point[];
  labelAt: Point | null;
}

export interface DiagramLayout {
  title: string;
  width: number;
  height: number;
  pool: Rect;
  lanes: { code: string; name: string; rect: Rect }[];
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export const POOL_HEADER = 30;
export const LANE_HEADER = 30;
const LEFT = POOL_HEADER + LANE_HEADER + 20;
const LANE_MARGIN = 26;
const ROW_GAP = 24;

async function elkColumns(diagram: WordedDiagram, boxes: Map<string, NodeBox>): Promise<Map<string, number>> {
  const laneIndex = new Map(diagram.lanes.map((lane, index) => [lane.code, index]));
  const elk = new ELK();
  const graph = await elk.layout({
    id: 'procedure',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '30',
      'elk.layered.spacing.nodeNodeBetweenLayers': '46',
      // Lane order as the position hint: within a column, upper lanes come first.
      'elk.layered.crossingMinimization.semiInteractive': 'true',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: diagram.nodes.map((node, index) => ({
      id: node.id,
      width: boxes.get(node.id)!.width,
      height: boxes.get(node.id)!.height,
      layoutOptions: { 'elk.position': `(${index},${(laneIndex.get(node.lane) ?? 0) * 1000 + index})` },
    })),
    edges: diagram.edges.map((edge) => ({ id: edge.id, sources: [edge.from], targets: [edge.to] })),
  });
  return new Map((graph.children ?? []).map((child) => [child.id, child.x ?? 0]));
}

interface Row {
  right: number;
  above: number;
  below: number;
  nodeIds: string[];
}

/** Rows of a lane: an element joins the first row it does not overlap. */
function laneRows(nodes: WordedNode[], boxes: Map<string, NodeBox>, xs: Map<string, number>): Row[] {
  const rows: Row[] = [];
  const sorted = [...nodes].sort((a, b) => xs.get(a.id)! - xs.get(b.id)!);
  for (const node of sorted) {
    const box = boxes.get(node.id)!;
    const x = xs.get(node.id)!;
    const above = box.shape.y + box.shape.height / 2;
    let row = rows.find((r) => r.right + 16 <= x);
    if (!row) {
      row = { right: 0, above: 0, below: 0, nodeIds: [] };
      rows.push(row);
    }
    row.right = x + box.width;
    row.above = Math.max(row.above, above);
    row.below = Math.max(row.below, box.height - above);
    row.nodeIds.push(node.id);
  }
  return rows;
}

function placeNodes(diagram: WordedDiagram, boxes: Map<string, NodeBox>, xs: Map<string, number>) {
  const placed: PlacedNode[] = [];
  const lanes: DiagramLayout['lanes'] = [];
  let top = 0;
  for (const lane of diagram.lanes) {
    const members = diagram.nodes.filter((node) => node.lane === lane.code);
    let y = top + LANE_MARGIN;
    for (const row of laneRows(members, boxes, xs)) {
      for (const id of row.nodeIds) {
        const node = members.find((n) => n.id === id)!;
        const box = boxes.get(id)!;
        const dx = LEFT + xs.get(id)!;
        const dy = y + row.above - (box.shape.y + box.shape.height / 2);
        placed.push({
          ...node,
          box: { x: dx, y: dy, width: box.width, height: box.height },
          shape: offsetRect(box.shape, dx, dy),
          nameRect: offsetRect(box.nameRect, dx, dy),
          nameLines: box.nameLines,
          annotation: box.annotation ? offsetRect(box.annotation, dx, dy) : null,
          detailLines: box.detailLines,
        });
      }
      y += row.above + row.below + ROW_GAP;
    }
    const height = Math.max(110, y - ROW_GAP + LANE_MARGIN - top);
    lanes.push({ code: lane.code, name: lane.name, rect: { x: POOL_HEADER, y: top, width: 0, height } });
    top += height;
  }
  return { placed, lanes, height: top };
}

export async function layoutDiagram(diagram: WordedDiagram): Promise<DiagramLayout> {
  const boxes = new Map(diagram.nodes.map((node) => [node.id, measureNode(node)]));
  const xs = await elkColumns(diagram, boxes);
  const { placed, lanes, height } = placeNodes(diagram, boxes, xs);
  const width = Math.max(...placed.map((node) => node.box.x + node.box.width)) + 30;
  for (const lane of lanes) lane.rect.width = width - POOL_HEADER;
  const edges = routeEdges(diagram, placed, lanes);
  return {
    title: diagram.title,
    width,
    height,
    pool: { x: 0, y: 0, width, height },
    lanes,
    nodes: placed,
    edges,
  };
}

// --- Routing -------------------------------------------------------------------------------------

function crosses(a: Point, b: Point, rect: Rect): boolean {
  const [x1, x2] = a.x < b.x ? [a.x, b.x] : [b.x, a.x];
  const [y1, y2] = a.y < b.y ? [a.y, b.y] : [b.y, a.y];
  return x1 < rect.x + rect.width && x2 > rect.x && y1 < rect.y + rect.height && y2 > rect.y;
}

function blocked(points: Point[], obstacles: Rect[]): boolean {
  for (let i = 1; i < points.length; i += 1) {
    if (obstacles.some((rect) => crosses(points[i - 1]!, points[i]!, rect))) return true;
  }
  return false;
}

function entry(target: PlacedNode): Point {
  return { x: target.shape.x, y: target.shape.y + target.shape.height / 2 };
}

function rightOf(source: PlacedNode): Point {
  return { x: source.shape.x + source.shape.width, y: source.shape.y + source.shape.height / 2 };
}

interface RouteContext {
  nodes: Map<string, PlacedNode>;
  lanes: DiagramLayout['lanes'];
  obstacles: Map<string, Rect[]>;
}

function gutterRoute(source: PlacedNode, target: PlacedNode, ctx: RouteContext): Point[] {
  const start = rightOf(source);
  const end = entry(target);
  const lane = ctx.lanes.find((l) => l.code === source.lane)!;
  const up = end.y < start.y - 1 && target.lane !== source.lane;
  const gutterY = up ? lane.rect.y + 8 : lane.rect.y + lane.rect.height - 8;
  const channelX = target.box.x - 12;
  const exitX = start.x + 12;
  return [
    start,
    { x: exitX, y: start.y },
    { x: exitX, y: gutterY },
    { x: channelX, y: gutterY },
    { x: channelX, y: end.y },
    end,
  ];
}

function directRoute(source: PlacedNode, target: PlacedNode, exit: 'right' | 'top' | 'bottom'): Point[] {
  const end = entry(target);
  const cx = source.shape.x + source.shape.width / 2;
  if (exit === 'top') return [{ x: cx, y: source.shape.y }, { x: cx, y: end.y }, end];
  if (exit === 'bottom')
    return [{ x: cx, y: source.shape.y + source.shape.height }, { x: cx, y: end.y }, end];
  const start = rightOf(source);
  if (Math.abs(start.y - end.y) < 1) return [start, end];
  const channelX = Math.max(start.x + 10, target.box.x - 12);
  return [start, { x: channelX, y: start.y }, { x: channelX, y: end.y }, end];
}

function exitsOf(source: PlacedNode, targets: PlacedNode[]): Map<string, 'right' | 'top' | 'bottom'> {
  const exits = new Map<string, 'right' | 'top' | 'bottom'>();
  const sy = source.shape.y + source.shape.height / 2;
  const byDistance = [...targets].sort((a, b) => Math.abs(entry(a).y - sy) - Math.abs(entry(b).y - sy));
  byDistance.forEach((target, index) => {
    const forward = target.shape.x > source.shape.x + source.shape.width;
    if (source.kind !== 'gateway' || index === 0 || !forward) exits.set(target.id, 'right');
    else exits.set(target.id, entry(target).y < sy ? 'top' : 'bottom');
  });
  return exits;
}

function routeEdges(
  diagram: WordedDiagram,
  placed: PlacedNode[],
  lanes: DiagramLayout['lanes'],
): PlacedEdge[] {
  const nodes = new Map(placed.map((node) => [node.id, node]));
  const rects = placed.map((node) => ({
    id: node.id,
    rects: [node.shape, node.nameRect, ...(node.annotation ? [node.annotation] : [])],
  }));
  const obstacles = new Map(
    placed.map((node) => [node.id, rects.filter((r) => r.id !== node.id).flatMap((r) => r.rects)]),
  );
  const ctx: RouteContext = { nodes, lanes, obstacles };
  const exits = new Map<string, 'right' | 'top' | 'bottom'>();
  for (const source of placed) {
    const targets = diagram.edges.filter((e) => e.from === source.id).map((e) => nodes.get(e.to)!);
    for (const [id, exit] of exitsOf(source, targets)) exits.set(`${source.id}->${id}`, exit);
  }
  return diagram.edges.map((edge) => {
    const source = nodes.get(edge.from)!;
    const target = nodes.get(edge.to)!;
    const exit = exits.get(edge.id) ?? 'right';
    const others = (ctx.obstacles.get(source.id) ?? []).filter((rect) => !sameNode(target, rect));
    let points = directRoute(source, target, exit);
    let viaGutter = false;
    if (blocked(points, others) || target.shape.x <= source.shape.x) {
      points = gutterRoute(source, target, ctx);
      viaGutter = true;
    }
    const labelAt = edge.name === null ? null : labelPoint(points, exit, viaGutter);
    return { id: edge.id, from: edge.from, to: edge.to, name: edge.name, points, labelAt };
  });
}

function sameNode(node: PlacedNode, rect: Rect): boolean {
  return rect === node.shape || rect === node.nameRect || rect === node.annotation;
}

function labelPoint(points: Point[], exit: 'right' | 'top' | 'bottom', viaGutter: boolean): Point {
  const [first, second] = [points[0]!, points[1]!];
  if (viaGutter || exit === 'right') return { x: first.x + 5, y: first.y - 5 };
  // Top or bottom exit: at the corner where the flow turns towards its target.
  return { x: second.x + 5, y: second.y - 5 };
}
