import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { DEFAULT_ORDER_CHECK_RULES } from '#core/credit/order-check';
import { buildProcedureDiagram, type ProcedureConfig } from '#core/procedure/diagram';
import { CONFIG } from '#core/procedure/diagram.fixture';
import { renderBpmn } from './bpmn.ts';
import { type DiagramLayout, layoutDiagram } from './layout.ts';
import { svgToPng } from './png.ts';
import { renderSvg } from './svg.ts';
import { wordDiagram } from './words.ts';

const STRICTER: ProcedureConfig = {
  ...CONFIG,
  orderRules: { ...DEFAULT_ORDER_CHECK_RULES, version: 'strict-2026', overdueMaxDays: 15 },
};

const XSD = join(
  dirname(createRequire(import.meta.url).resolve('bpmn-moddle/package.json')),
  'resources/bpmn/xsd',
);

function overlaps(
  a: DiagramLayout['nodes'][number]['box'],
  b: DiagramLayout['nodes'][number]['box'],
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('procedure diagram rendering', () => {
  let layout: DiagramLayout;
  let xml: string;
  beforeAll(async () => {
    layout = await layoutDiagram(wordDiagram('fr', buildProcedureDiagram(CONFIG)));
    xml = await renderBpmn(layout);
  });

  it('lays every element inside its lane, without two elements overlapping', () => {
    for (const node of layout.nodes) {
      const lane = layout.lanes.find((l) => l.code === node.lane)!.rect;
      expect(node.box.y).toBeGreaterThanOrEqual(lane.y);
      expect(node.box.y + node.box.height).toBeLessThanOrEqual(lane.y + lane.height);
      for (const other of layout.nodes) if (other !== node) expect(overlaps(node.box, other.box)).toBe(false);
    }
  });

  it('writes BPMN that bpmn-moddle reads back without a warning, every element with its shape', async () => {
    const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
    expect(warnings).toEqual([]);
    expect(rootElement.$type).toBe('bpmn:Definitions');
    const shapes = [...xml.matchAll(/<bpmndi:BPMNShape id="Node_[^"]+_di"/g)];
    expect(shapes).toHaveLength(layout.nodes.length);
    expect(xml).toContain('name="Administration des ventes"');
    expect(xml).toContain('Encours + commande au-delà de la limite + 5\u00a0%\u00a0: commande bloquée');
  });

  it('validates against the BPMN 2.0 XSD (libxml2, compiled to WebAssembly)', async () => {
    const file = (fileName: string) => ({ fileName, contents: readFileSync(join(XSD, fileName), 'utf8') });
    const preload = ['Semantic.xsd', 'BPMNDI.xsd', 'DC.xsd', 'DI.xsd'].map(file);
    const result = await validateXML({
      xml: [{ fileName: 'procedure.bpmn', contents: xml }],
      schema: [file('BPMN20.xsd')],
      preload,
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    // The check can fail: an element the schema does not know is refused.
    const broken = xml
      .replace('<bpmn:process ', '<bpmn:process unknownAttribute="1" ')
      .replace('</bpmn:process>', '<bpmn:notAnElement/></bpmn:process>');
    const refused = await validateXML({
      xml: [{ fileName: 'broken.bpmn', contents: broken }],
      schema: [file('BPMN20.xsd')],
      preload,
    });
    expect(refused.valid).toBe(false);
  });

  it('changes when the configuration changes', async () => {
    const stricter = await renderBpmn(
      await layoutDiagram(wordDiagram('fr', buildProcedureDiagram(STRICTER))),
    );
    expect(stricter).not.toBe(xml);
    expect(stricter).toContain('Retard le plus ancien au-delà de 15 jours\u00a0: commande bloquée');
    expect(xml).toContain('Retard le plus ancien au-delà de 30 jours\u00a0: commande bloquée');
  });

  it('draws the SVG in English on request', async () => {
    const english = await layoutDiagram(wordDiagram('en', buildProcedureDiagram(CONFIG)));
    const svg = renderSvg('Processing diagram', [
      { heading: 'Current', layout: english, changes: { order_check: 'changed' } },
    ]);
    expect(svg).toContain('>Order desk</text>');
    expect(svg).toContain('>Paid by D+15?</text>');
    expect(svg).toContain('stroke="#d97706"');
  });

  it('renders the PNG with the document font (the text is drawn, not dropped)', async () => {
    const svgOf = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="4" y="20" font-size="14">${text}</text></svg>`;
    const [withText, blank] = [await svgToPng(svgOf('Relance'), 1), await svgToPng(svgOf(''), 1)];
    expect([...withText.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(withText.length).toBeGreaterThan(blank.length + 100);
  });
});
