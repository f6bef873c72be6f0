/** The printable customer file (« fiche client ») as a PDF. */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { getCustomerFileDocument } from '#app/customers/customer-file-document';
import type { ApiServer } from '../api-types.ts';
import { ALL_ROLES } from '../auth-roles.ts';

const Params = Type.Object({ code: Type.String() });
const Query = Type.Object({
  asOf: Type.Optional(Type.String({ format: 'date' })),
  lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
});

// Untyped reply: the 200 schema documents a binary body, which the typed reply reads as a string.
function sendPdf(reply: FastifyReply, name: string, pdf: Buffer) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(pdf);
}

export function registerCustomerFileRoutes(api: ApiServer): void {
  api.get(
    '/api/customers/:code/file.pdf',
    {
      // Whoever may read the customer file may print it; a salesperson only their own customers.
      config: { access: ALL_ROLES },
      schema: {
        params: Params,
        querystring: Query,
        response: {
          200: {
            description: 'The customer file as a PDF (identity, credit line, open items, behaviour, events).',
            content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
          },
        },
      },
    },
    async (request, reply) => {
      const ctx = await api.contextOf(request);
      const { code } = request.params;
      const { asOf, pdf } = await getCustomerFileDocument(ctx, code, request.query);
      const name = `fiche-client-${code.replace(/[^\w-]/g, '_')}-${asOf}.pdf`;
      return sendPdf(reply, name, pdf);
    },
  );
}
