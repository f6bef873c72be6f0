/**
 * `POST /api/imports/{entity}`: the web application uploads a CSV or XLSX file of customers,
 * invoices, credit notes, payments or orders; the same use case as `encours import` runs on it
 * (all-or-nothing; `dryRun=true` reports without writing; a rejected file lists every bad row).
 */
import { Type } from '@fastify/type-provider-typebox';
import { DomainError } from '#app/errors';
import { IMPORT_ENTITIES, type ImportEntity, type ImportLang, importFile } from '#app/imports/import-file';
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

/** Language of the problems of a rejected file: `?lang=` or a `lang` form field sent before the file. */
const Lang = Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')]));

function languageOf(query: ImportLang | undefined, field: string | undefined): ImportLang {
  if (query !== undefined) return query;
  if (field === undefined || field === 'fr' || field === 'en') return field ?? 'fr';
  throw new DomainError('invalid_input', 'lang must be fr or en');
}

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
          querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()), lang: Lang }),
          response: { 200: Summary, 400: Problem, 422: RejectedProblem },
        },
      },
      async (request) => {
        const entity = request.params.entity as ImportEntity;
        if (!IMPORT_ENTITIES.includes(entity))
          throw new DomainError('invalid_input', `unknown entity ${entity}`);
        return withUploadedFile(request, async (filePath, _fileName, fields) =>
          importFile(await api.contextOf(request), {
            entity,
            filePath,
            dryRun: request.query.dryRun ?? false,
            lang: languageOf(request.query.lang, fields.lang),
          }),
        );
      },
    );
  });
}
