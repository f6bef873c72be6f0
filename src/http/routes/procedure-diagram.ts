/** The process diagram of the configured procedure: SVGs to view, BPMN/SVG/PNG files to download. */
import { Type } from '@fastify/type-provider-typebox';
import { exportProcedureDiagram, procedureDiagramSvgs } from '#app/procedure/diagram';
import { toLang } from '#text/catalogue';
import type { ApiServer } from '../api-types.ts';
import { STAFF } from '../auth-roles.ts';
import { sendDocument } from '../download.ts';
import {
  DiagramFileQuerySchema,
  DiagramQuerySchema,
  DiagramViewSchema,
} from '../schemas/procedure-diagram.ts';

export function registerProcedureDiagramRoutes(api: ApiServer): void {
  api.get(
    '/api/procedure/diagram/view',
    {
      config: { access: STAFF },
      schema: {
        description:
          'The processing diagram of the configured procedure as SVG; with `compare`, the "before" too, changed elements coloured.',
        querystring: DiagramQuerySchema,
        response: { 200: DiagramViewSchema },
      },
    },
    async (request) => {
      const ctx = await api.contextOf(request);
      return procedureDiagramSvgs(ctx, { ...request.query, lang: toLang(request.query.lang) });
    },
  );
  api.get(
    '/api/procedure/diagram',
    {
      config: { access: STAFF },
      schema: {
        description:
          'The processing diagram as a file: BPMN 2.0 XML (opens in bpmn.io, Camunda Modeler), SVG or PNG; with `compare` (svg, png), before above after.',
        querystring: DiagramFileQuerySchema,
        response: {
          200: {
            description: 'The diagram file.',
            content: {
              'application/xml': { schema: Type.String() },
              'image/svg+xml': { schema: Type.String() },
              'image/png': { schema: Type.String({ format: 'binary' }) },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const ctx = await api.contextOf(request);
      const file = await exportProcedureDiagram(ctx, { ...request.query, lang: toLang(request.query.lang) });
      return sendDocument(reply, {
        fileName: `procedure.${file.format}`,
        contentType: file.contentType,
        body: Buffer.from(file.body),
      });
    },
  );
}
