/**
 * Words the diagram's codes and figures in one language: amounts, percentages and days formatted
 * the French (or English) way, codes through their label domains. Every renderer (BPMN, SVG,
 * PNG) draws the same words.
 */
import type { DiagramFigure, DiagramText, ProcedureDiagram } from '#core/procedure/diagram';
import { type Lang, label, translator } from '#text/catalogue';
import { formatDate, formatDays, formatMoney, formatPercentBps } from '#text/format';

export interface WordedNode {
  id: string;
  lane: string;
  kind: ProcedureDiagram['nodes'][number]['kind'];
  name: string;
  details: string[];
}

export interface WordedDiagram {
  title: string;
  lanes: { code: string; name: string }[];
  nodes: WordedNode[];
  edges: { id: string; from: string; to: string; name: string | null }[];
}

function figure(lang: Lang, value: DiagramFigure): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('amountMinor' in value) return formatMoney(lang, value.amountMinor, value.currency);
  if ('bps' in value) return formatPercentBps(lang, value.bps);
  if ('days' in value) return formatDays(lang, value.days);
  if ('date' in value) return formatDate(lang, value.date);
  return value.codes.map((code) => label(lang, value.domain, code)).join(', ');
}

export function wordText(lang: Lang, text: DiagramText): string {
  const params = Object.fromEntries(Object.entries(text.figures).map(([k, v]) => [k, figure(lang, v)]));
  return translator(lang)(`procedureDiagram.${text.key}`, params);
}

export function wordDiagram(lang: Lang, diagram: ProcedureDiagram): WordedDiagram {
  const t = translator(lang);
  return {
    title: t('procedureDiagram.process'),
    lanes: diagram.lanes.map((code) => ({ code, name: t(`procedureDiagram.lane.${code}`) })),
    nodes: diagram.nodes.map((node) => ({
      id: node.id,
      lane: node.lane,
      kind: node.kind,
      name: wordText(lang, node.text),
      details: node.details.map((detail) => wordText(lang, detail)),
    })),
    edges: diagram.edges.map((edge) => ({
      id: edge.id,
      from: edge.from,
      to: edge.to,
      name: edge.text ? wordText(lang, edge.text) : null,
    })),
  };
}
