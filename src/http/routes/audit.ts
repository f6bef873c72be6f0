/** The global audit trail: every write, who made it, when, before and after. */
import { Type } from '@fastify/type-provider-typebox';
import { listAudit } from '#app/audit/audit';
import type { ApiServer } from '../api-types.ts';
import { AUDIT_READERS } from '../auth-roles.ts';

export const AuditPageSchema = Type.Object({
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      at: Type.String(),
      actor: Type.String(),
      action: Type.String(),
      entity: Type.String(),
      entityKey: Type.String(),
      before: Type.Unknown(),
      after: Type.Unknown(),
    }),
  ),
});

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
        description: 'The audit trail, newest first.',
        querystring: Type.Object({
          entity: Type.Optional(Type.String()),
          entityKey: Type.Optional(Type.String()),
          actor: Type.Optional(Type.String()),
          ...PageQuery,
        }),
        response: { 200: AuditPageSchema },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return listAudit(await app.contextOf(request), filter, { limit: limit ?? 50, offset: offset ?? 0 });
    },
  );
}
