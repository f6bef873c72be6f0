/**
 * The outsourcing cost simulator over HTTP: `POST /api/outsourcing/simulation` (JSON) and
 * `POST /api/outsourcing/simulation.pdf` (the report). POST because the assumptions travel in the body.
 */
import { Type } from '@fastify/type-provider-typebox';
import { simulateOutsourcingCost } from '#app/legal/outsourcing';
import { outsourcingPdf } from '#app/legal/outsourcing-document';
import type { Role } from '#core/types';
import { type ApiServer, Problem } from '../api-types.ts';
import { sendDocument } from '../download.ts';
import { OutsourcingRequestSchema, OutsourcingSimulationSchema } from '../schemas/outsourcing.ts';

const DECIDERS: readonly Role[] = ['admin', 'credit_manager', 'director'];

export function registerOutsourcingRoutes(app: ApiServer): void {
  app.post(
    '/api/outsourcing/simulation',
    {
      config: { access: DECIDERS },
      schema: {
        description:
          'The real annual cost of each option (in-house, credit insurance, factoring, collection agency, insurance and agency) on the company’s ledger over the period, with every cost line’s base and rate and the assumptions used.',
        body: OutsourcingRequestSchema,
        response: { 200: OutsourcingSimulationSchema, 400: Problem },
      },
    },
    async (request) => simulateOutsourcingCost(await app.contextOf(request), request.body),
  );
  app.post(
    '/api/outsourcing/simulation.pdf',
    {
      config: { access: DECIDERS },
      schema: {
        description: 'The same simulation as a PDF report.',
        body: OutsourcingRequestSchema,
        response: {
          200: {
            description: 'The report as a PDF.',
            content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
          },
          400: Problem,
        },
      },
    },
    async (request, reply) => {
      const lang = request.body.lang ?? (request.headers['accept-language']?.startsWith('en') ? 'en' : 'fr');
      const { pdf } = await outsourcingPdf(await app.contextOf(request), { ...request.body, lang });
      return sendDocument(reply, { fileName: 'externalisation-cout-reel.pdf', format: 'pdf', body: pdf });
    },
  );
}
