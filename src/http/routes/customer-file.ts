/** The printable customer file (« fiche client ») as a PDF. */
import { Type } from '@fastify/type-provider-typebox';
import { getCustomerFileDocument } from '#app/customers/customer-file-document';
import type { ApiServer } from '../api-types.ts';
import { ALL_ROLES } from '../auth-roles.ts';
import { sendDocument } from '../download.ts';

const Params = Type.Object({ code: Type.String() });
const Query = Type.Object({
  asOf: Type.Optional(Type.String({ format: 'date' })),
  lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
});

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
      const fileName = `fiche-client-${code.replace(/[^\w-]/g, '_')}-${asOf}.pdf`;
      return sendDocument(reply, { fileName, format: 'pdf', body: pdf });
    },
  );
}
