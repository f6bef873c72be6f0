/**
 * `POST /api/imports/{entity}`: the web application uploads a CSV or XLSX file of customers,
 * invoices, credit notes, payments or orders; the same use case as `encours import` runs on it
 * (all-or-nothing; `dryRun=true` reports without writing; a rejected file lists every bad row).
 */
import { Type } from '@fastify/type-provider-typebox';
import { DomainError } from '#app/errors';
import { IMPORT_ENTITIES, type ImportEntity, importFile } from '#app/import-file';
import { type ApiServer, Problem } from '../api-types.ts';
import { enableUploads, RejectedProblem, withUploadedFile } from '../uploads.ts';

const Summary = Type.Object({
  entity: Type.String(),
  file: Type.String(),
  dryRun: Type.Boolean(),
  rows: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  allocations: Type.Integer(),
  unappliedPayments: Type.Integer(),
});

export async function registerImportRoutes(api: ApiServer): Promise<void> {
  await api.register(async (scope) => {
    await enableUploads(scope);
    const app = scope as unknown as ApiServer;
    app.post(
      '/api/imports/:entity',
      {
        // Collectors import payments and customer files as part of their daily work.
        config: { access: ['admin', 'credit_manager', 'collector'] },
        schema: {
          consumes: ['multipart/form-data'],
          params: Type.Object({ entity: Type.Union(IMPORT_ENTITIES.map((entity) => Type.Literal(entity))) }),
          querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }),
          response: { 200: Summary, 400: Problem, 422: RejectedProblem },
        },
      },
      async (request) => {
        const entity = request.params.entity as ImportEntity;
        if (!IMPORT_ENTITIES.includes(entity))
          throw new DomainError('invalid_input', `unknown entity ${entity}`);
        return withUploadedFile(request, async (filePath) =>
          importFile(await api.contextOf(request), {
            entity,
            filePath,
            dryRun: request.query.dryRun ?? false,
          }),
        );
      },
    );
  });
}
