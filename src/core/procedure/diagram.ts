/**
 * The process diagram of the configured procedure, as a plain graph: the order-to-cash flow in
 * six lanes, with the order-check rules, the delegation levels and the dunning steps actually
 * configured. Nodes carry codes and figures, never sentences: the renderer words them from the
 * catalogue. Node ids derive from the configuration's codes (a step's code, a role), so that two
 * versions of the configuration can be compared node by node (`compareDiagrams`).
 */
import type { DelegationMatrix } from '../credit/delegation.ts';
import type { OrderCheckRules } from '../credit/order-check.ts';
import { RISK_CLASSES, type RiskClass } from '../credit/scoring-method.ts';
import type { DunningPolicy, DunningStep } from '../dunning/policy.ts';
import type { IsoDate } from '../types.ts';
import { orderCheckDetails, policyDetails, stepDetails } from './diagram-details.ts';

export const DIAGRAM_LANES = ['sales', 'order_desk', 'credit', 'collection', 'accounting', 'legal'] as const;
export type DiagramLane = (typeof DIAGRAM_LANES)[number];

/** BPMN element kinds the diagram uses. */
export type DiagramNodeKind =
  | 'start'
  | 'end'
  | 'user_task'
  | 'service_task'
  | 'send_task'
  | 'manual_task'
  | 'gateway';

/** A figure the renderer formats: money, basis points, days, a date, a code of a label domain, or a list. */
export type DiagramFigure =
  | string
  | number
  | { amountMinor: number; currency: string }
  | { bps: number }
  | { days: number }
  | { date: IsoDate }
  | { domain: string; codes: readonly string[] };

/** A message of the catalogue (`procedureDiagram.<key>`) and its figures. */
export interface DiagramText {
  key: string;
  figures: Readonly<Record<string, DiagramFigure>>;
}

export interface DiagramNode {
  id: string;
  lane: DiagramLane;
  kind: DiagramNodeKind;
  text: DiagramText;
  /** The rules and thresholds of the node, one line each (a text annotation in BPMN). */
  details: readonly DiagramText[];
}

export interface DiagramEdge {
  id: string;
  from: string;
  to: string;
  text: DiagramText | null;
}

export interface ProcedureDiagram {
  lanes: readonly DiagramLane[];
  nodes: readonly DiagramNode[];
  edges: readonly DiagramEdge[];
}

/** The configuration the diagram draws, with the version names it shows. */
export interface ProcedureConfig {
  orderRules: OrderCheckRules;
  /**
   * Whether the order rules are the built-in version (« règles par défaut du 01/01/2026 ») rather
   * than one the company named; absent, they are when they bear the shipped default's version.
   */
  builtInRules?: boolean;
  delegation: DelegationMatrix;
  /** The dunning policy drawn (the default-scope one in force); null when none is configured. */
  dunning: DunningPolicy | null;
}

function text(key: string, figures: Record<string, DiagramFigure> = {}): DiagramText {
  return { key, figures };
}

class GraphBuilder {
  readonly nodes: DiagramNode[] = [];
  readonly edges: DiagramEdge[] = [];

  node(
    id: string,
    lane: DiagramLane,
    kind: DiagramNodeKind,
    label: DiagramText,
    details: DiagramText[] = [],
  ) {
    this.nodes.push({ id, lane, kind, text: label, details });
    return id;
  }

  edge(from: string, to: string, label: DiagramText | null = null): void {
    this.edges.push({ id: `${from}->${to}`, from, to, text: label });
  }
}

/** One line per group of classes sharing a ceiling: « Classes A, B : jusqu'à 10 000 € », « Classe E : … ». */
export function ceilingDetails(matrix: DelegationMatrix, role: string): DiagramText[] {
  const level = matrix.levels.find((l) => l.role === role);
  if (!level) return [];
  const groups = new Map<string, RiskClass[]>();
  for (const riskClass of RISK_CLASSES) {
    const ceiling = level.maxMinorByClass[riskClass];
    const key = ceiling === null ? 'none' : String(ceiling);
    groups.set(key, [...(groups.get(key) ?? []), riskClass]);
  }
  return [...groups.entries()].map(([key, classes]) => {
    const figures = { classes: classes.join(', '), count: classes.length };
    if (key === 'none') return text('classCeiling.unlimited', figures);
    const amountMinor = Number(key);
    if (amountMinor === 0) return text('classCeiling.nothing', figures);
    return text('classCeiling.up_to', { ...figures, amount: { amountMinor, currency: matrix.currency } });
  });
}

function orderSection(g: GraphBuilder, config: ProcedureConfig): void {
  g.node('start', 'sales', 'start', text('node.start'));
  g.node('take_order', 'sales', 'user_task', text('node.take_order'));
  g.node('order_check', 'order_desk', 'service_task', text('node.order_check'), orderCheckDetails(config));
  g.node('decision', 'order_desk', 'gateway', text('node.decision'));
  g.node('inform_refusal', 'sales', 'user_task', text('node.inform_refusal'));
  g.node('end_refused', 'sales', 'end', text('node.end_refused'));
  g.node('deliver', 'order_desk', 'manual_task', text('node.deliver'));
  g.edge('start', 'take_order');
  g.edge('take_order', 'order_check');
  g.edge('order_check', 'decision');
  g.edge('decision', 'deliver', text('edge.approve'));
  g.edge('decision', 'inform_refusal', text('edge.refuse'));
  g.edge('inform_refusal', 'end_refused');
}

function releaseSection(g: GraphBuilder, matrix: DelegationMatrix): void {
  const unscored = [text('detail.unscored_class', { riskClass: matrix.unscoredClass })];
  g.node('release_level', 'credit', 'gateway', text('node.release_level'), unscored);
  g.node('released', 'credit', 'gateway', text('node.released'));
  g.edge('decision', 'release_level', text('edge.hold'));
  for (const level of matrix.levels) {
    const id = `release_${level.role}`;
    const label = text('node.release', { role: { domain: 'role', codes: [level.role] } });
    g.node(id, 'credit', 'user_task', label, ceilingDetails(matrix, level.role));
    g.edge('release_level', id);
    g.edge(id, 'released');
  }
  g.edge('released', 'deliver', text('edge.released'));
  g.edge('released', 'inform_refusal', text('edge.not_released'));
}

function stepLane(step: DunningStep): DiagramLane {
  return step.kind === 'handover' || step.kind === 'formal_notice' ? 'legal' : 'collection';
}

function dunningSection(g: GraphBuilder, policy: DunningPolicy | null): void {
  g.node('invoice', 'accounting', 'service_task', text('node.invoice'), policy ? policyDetails(policy) : []);
  g.node('apply_payment', 'accounting', 'user_task', text('node.apply_payment'));
  g.node('end_paid', 'accounting', 'end', text('node.end_paid'));
  g.edge('deliver', 'invoice');
  g.edge('apply_payment', 'end_paid');
  const steps = policy?.steps ?? [];
  let previous = 'invoice';
  for (const step of steps) {
    const gateway = g.node(
      `paid_by_${step.code}`,
      'collection',
      'gateway',
      text('node.paid_by', offset(step)),
    );
    const kind = step.channel === 'call_task' ? 'user_task' : 'send_task';
    const label = text('node.step', {
      kind: { domain: 'dunningStepKind', codes: [step.kind] },
      channel: { domain: 'dunningChannel', codes: [step.channel] },
    });
    const task = g.node(`step_${step.code}`, stepLane(step), kind, label, stepDetails(policy!, step));
    g.edge(previous, gateway);
    g.edge(gateway, 'apply_payment', text('edge.paid'));
    g.edge(gateway, task, text('edge.unpaid'));
    previous = task;
  }
  if (steps.length === 0) {
    g.edge('invoice', 'apply_payment');
    return;
  }
  const last = steps[steps.length - 1]!;
  if (last.kind === 'handover') {
    g.node('litigation', 'legal', 'user_task', text('node.litigation'));
    g.node('end_litigation', 'legal', 'end', text('node.end_litigation'));
    g.edge(previous, 'litigation');
    g.edge('litigation', 'end_litigation');
  } else {
    g.node('end_unresolved', 'collection', 'end', text('node.end_unresolved'));
    g.edge(previous, 'end_unresolved');
  }
}

/** « J−5 », « J+30 »: the catalogue words the side of the due date. */
function offset(step: DunningStep): Record<string, DiagramFigure> {
  const when = step.offsetDays < 0 ? 'before' : step.offsetDays === 0 ? 'due' : 'after';
  return { when, days: Math.abs(step.offsetDays) };
}

/** The diagram of a configuration: pure, the same configuration always gives the same graph. */
export function buildProcedureDiagram(config: ProcedureConfig): ProcedureDiagram {
  const g = new GraphBuilder();
  orderSection(g, config);
  releaseSection(g, config.delegation);
  dunningSection(g, config.dunning);
  return { lanes: DIAGRAM_LANES, nodes: g.nodes, edges: g.edges };
}
