/**
 * BPMN 2.0 XML of the laid-out diagram, built with bpmn-moddle (the bpmn.io model library) so the
 * file opens in standard tools (bpmn.io, Camunda Modeler): a collaboration whose one participant
 * holds the process and its six lanes, the rules as text annotations, and the BPMNDI shapes and
 * edges of our own layout, so a tool shows exactly the picture we draw.
 */
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import type { DiagramLayout, PlacedNode, Point } from './layout.ts';
import type { Rect } from './shapes.ts';

type Moddle = BpmnModdle;

const ELEMENT_TYPES: Record<PlacedNode['kind'], string> = {
  start: 'bpmn:StartEvent',
  end: 'bpmn:EndEvent',
  user_task: 'bpmn:UserTask',
  service_task: 'bpmn:ServiceTask',
  send_task: 'bpmn:SendTask',
  manual_task: 'bpmn:ManualTask',
  gateway: 'bpmn:ExclusiveGateway',
};

/** An XML id (NCName) from one of our codes. */
export function xmlId(prefix: string, code: string): string {
  return `${prefix}_${code.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

function bounds(moddle: Moddle, rect: Rect): ModdleElement {
  const { x, y, width, height } = rect;
  return moddle.create('dc:Bounds', {
    x: Math.round(x),
    y: Math.round(y),
    width: Math.round(width),
    height: Math.round(height),
  });
}

function waypoints(moddle: Moddle, points: Point[]): ModdleElement[] {
  return points.map((p) => moddle.create('dc:Point', { x: Math.round(p.x), y: Math.round(p.y) }));
}

interface Built {
  process: ModdleElement;
  elements: Map<string, ModdleElement>;
  di: ModdleElement[];
}

function buildNodes(moddle: Moddle, layout: DiagramLayout): Built {
  const process = moddle.create('bpmn:Process', { id: 'Process_credit_procedure', isExecutable: false });
  const elements = new Map<string, ModdleElement>();
  const flowElements: ModdleElement[] = [];
  const artifacts: ModdleElement[] = [];
  const di: ModdleElement[] = [];
  for (const node of layout.nodes) {
    const element = moddle.create(ELEMENT_TYPES[node.kind], { id: xmlId('Node', node.id), name: node.name });
    elements.set(node.id, element);
    flowElements.push(element);
    const isTask = node.kind.endsWith('task');
    const shape: Record<string, unknown> = {
      id: `${element.id}_di`,
      bpmnElement: element,
      bounds: bounds(moddle, node.shape),
    };
    if (!isTask)
      shape['label'] = moddle.create('bpmndi:BPMNLabel', { bounds: bounds(moddle, node.nameRect) });
    if (node.kind === 'gateway') shape['isMarkerVisible'] = true;
    di.push(moddle.create('bpmndi:BPMNShape', shape));
    if (node.annotation) {
      const note = moddle.create('bpmn:TextAnnotation', {
        id: xmlId('Note', node.id),
        text: node.details.join('\n'),
      });
      const link = moddle.create('bpmn:Association', {
        id: xmlId('Link', node.id),
        sourceRef: element,
        targetRef: note,
        associationDirection: 'None',
      });
      artifacts.push(note, link);
      di.push(
        moddle.create('bpmndi:BPMNShape', {
          id: `${note.id}_di`,
          bpmnElement: note,
          bounds: bounds(moddle, node.annotation),
        }),
      );
      const from = { x: node.shape.x + 24, y: node.shape.y + node.shape.height };
      const to = { x: node.shape.x + 24, y: node.annotation.y };
      di.push(
        moddle.create('bpmndi:BPMNEdge', {
          id: `${link.id}_di`,
          bpmnElement: link,
          waypoint: waypoints(moddle, [from, to]),
        }),
      );
    }
  }
  process['flowElements'] = flowElements;
  process['artifacts'] = artifacts;
  return { process, elements, di };
}

function buildFlows(moddle: Moddle, layout: DiagramLayout, built: Built): void {
  const flowElements = built.process['flowElements'] as ModdleElement[];
  for (const edge of layout.edges) {
    const source = built.elements.get(edge.from)!;
    const target = built.elements.get(edge.to)!;
    const flow = moddle.create('bpmn:SequenceFlow', {
      id: xmlId('Flow', `${edge.from}__${edge.to}`),
      sourceRef: source,
      targetRef: target,
      ...(edge.name ? { name: edge.name } : {}),
    });
    source.get('outgoing').push(flow);
    target.get('incoming').push(flow);
    flowElements.push(flow);
    const diEdge: Record<string, unknown> = {
      id: `${flow.id}_di`,
      bpmnElement: flow,
      waypoint: waypoints(moddle, edge.points),
    };
    if (edge.name && edge.labelAt) {
      const rect = {
        x: edge.labelAt.x,
        y: edge.labelAt.y - 12,
        width: Math.max(24, edge.name.length * 6),
        height: 14,
      };
      diEdge['label'] = moddle.create('bpmndi:BPMNLabel', { bounds: bounds(moddle, rect) });
    }
    built.di.push(moddle.create('bpmndi:BPMNEdge', diEdge));
  }
}

function buildLanes(moddle: Moddle, layout: DiagramLayout, built: Built): void {
  const lanes = layout.lanes.map((lane) => {
    const members = layout.nodes
      .filter((node) => node.lane === lane.code)
      .map((node) => built.elements.get(node.id)!);
    const element = moddle.create('bpmn:Lane', {
      id: xmlId('Lane', lane.code),
      name: lane.name,
      flowNodeRef: members,
    });
    built.di.push(
      moddle.create('bpmndi:BPMNShape', {
        id: `${element.id}_di`,
        bpmnElement: element,
        isHorizontal: true,
        bounds: bounds(moddle, lane.rect),
      }),
    );
    return element;
  });
  built.process['laneSets'] = [moddle.create('bpmn:LaneSet', { id: 'LaneSet_credit_procedure', lanes })];
}

/** The BPMN 2.0 XML of a laid-out diagram. */
export async function renderBpmn(layout: DiagramLayout): Promise<string> {
  const moddle = new BpmnModdle();
  const built = buildNodes(moddle, layout);
  buildFlows(moddle, layout, built);
  buildLanes(moddle, layout, built);
  const participant = moddle.create('bpmn:Participant', {
    id: 'Participant_company',
    name: layout.title,
    processRef: built.process,
  });
  const collaboration = moddle.create('bpmn:Collaboration', {
    id: 'Collaboration_credit',
    participants: [participant],
  });
  const poolShape = moddle.create('bpmndi:BPMNShape', {
    id: 'Participant_company_di',
    bpmnElement: participant,
    isHorizontal: true,
    bounds: bounds(moddle, layout.pool),
  });
  const plane = moddle.create('bpmndi:BPMNPlane', {
    id: 'Plane_credit',
    bpmnElement: collaboration,
    planeElement: [poolShape, ...built.di],
  });
  const definitions = moddle.create('bpmn:Definitions', {
    id: 'Definitions_encours',
    targetNamespace: 'https://encours.dev/bpmn/credit-procedure',
    exporter: 'Encours',
    exporterVersion: '1',
    rootElements: [collaboration, built.process],
    diagrams: [moddle.create('bpmndi:BPMNDiagram', { id: 'Diagram_credit', plane })],
  });
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}
