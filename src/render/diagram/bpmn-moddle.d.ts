/** bpmn-moddle ships types of the model's elements, not of its entry point: the part we use. */
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    id?: string;
    $type: string;
    get(name: string): ModdleElement[];
    [key: string]: unknown;
  }
  export class BpmnModdle {
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
    fromXML(
      xml: string,
    ): Promise<{ rootElement: ModdleElement; warnings: { message: string }[]; references: unknown[] }>;
  }
}
