/** The global audit trail: every write, who made it, when, before and after. */
import { Type } from '@fastify/type-provider-typebox';
import { listAuditByWords } from '#app/audit/audit';
import { type ApiServer, Problem } from '../api-types.ts';
import { AUDIT_READERS } from '../auth-roles.ts';
import { type AuditPage, AuditPageSchema } from '../schemas/audit.ts';

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

export function registerAuditRoutes(app: ApiServer): void {
  app.get(
    '/api/audit',
    {
      config: { access: AUDIT_READERS },
      schema: {
        description:
          'The audit trail, newest first. Entity, action and actor take the words the log shows them with, in French or English (« Client », « Données de démonstration »), or their codes; a person by part of their address.',
        querystring: Type.Object({
          entity: Type.Optional(Type.String()),
          entityKey: Type.Optional(Type.String()),
          actor: Type.Optional(Type.String()),
          action: Type.Optional(Type.String({ description: 'the operation, by its words or its code' })),
          from: Type.Optional(Type.String({ description: 'first day, YYYY-MM-DD' })),
          to: Type.Optional(Type.String({ description: 'last day, YYYY-MM-DD (included)' })),
          timeZone: Type.Optional(
            Type.String({ description: 'the zone of the days (IANA), UTC by default' }),
          ),
          ...PageQuery,
        }),
        response: { 200: AuditPageSchema, 400: Problem },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      const page = await listAuditByWords(await app.contextOf(request), filter, {
        limit: limit ?? 50,
        offset: offset ?? 0,
      });
      // The log stores records (objects) or null before and after; the database reads its jsonb as unknown.
      return page as AuditPage;
    },
  );
}
