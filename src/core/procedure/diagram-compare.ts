/**
 * Before/after of a policy change: which nodes of the diagram were added, removed or changed
 * (their wording or their figures). Nodes are matched by id, which the builder derives from the
 * configuration's codes, so a step whose delay changed is "changed", not "removed and added".
 */
import type { DiagramNode, ProcedureDiagram } from './diagram.ts';

export type NodeChange = 'added' | 'removed' | 'changed';

export interface DiagramComparison {
  /** Changes of the nodes of the "before" diagram (removed, changed). */
  before: Readonly<Record<string, NodeChange>>;
  /** Changes of the nodes of the "after" diagram (added, changed). */
  after: Readonly<Record<string, NodeChange>>;
  changedCount: number;
}

function signature(node: DiagramNode): string {
  return JSON.stringify([node.lane, node.kind, node.text, node.details]);
}

export function compareDiagrams(before: ProcedureDiagram, after: ProcedureDiagram): DiagramComparison {
  const beforeById = new Map(before.nodes.map((node) => [node.id, node]));
  const afterById = new Map(after.nodes.map((node) => [node.id, node]));
  const beforeChanges: Record<string, NodeChange> = {};
  const afterChanges: Record<string, NodeChange> = {};
  for (const node of before.nodes) {
    const other = afterById.get(node.id);
    if (!other) beforeChanges[node.id] = 'removed';
    else if (signature(other) !== signature(node)) beforeChanges[node.id] = 'changed';
  }
  for (const node of after.nodes) {
    const other = beforeById.get(node.id);
    if (!other) afterChanges[node.id] = 'added';
    else if (signature(other) !== signature(node)) afterChanges[node.id] = 'changed';
  }
  const removed = Object.values(beforeChanges).filter((c) => c === 'removed').length;
  return {
    before: beforeChanges,
    after: afterChanges,
    changedCount: Object.keys(afterChanges).length + removed,
  };
}
