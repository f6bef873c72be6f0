/**
 * `POST /api/imports/{entity}`: the web application uploads a CSV or XLSX file of customers,
 * invoices, credit notes, payments or orders; the same use case as `encours import` runs on it
 * (all-or-nothing; `dryRun=true` reports without writing; a rejected file lists every bad row).
 */
import { Type } from '@fastify/type-provider-typebox';
import { DomainError } from '#app/errors';
import {
  DATE_ORDERS,
  IMPORT_ENTITIES,
  IMPORT_ROLES,
  type ImportEntity,
  type ImportLang,
  importFile,
} from '#app/imports/import-file';
import { importWaitFromEnv } from '#app/imports/import-wait';
import { type ApiServer, HttpProblem, Problem } from '../api-types.ts';
import { roleChoices } from '../auth.ts';
import { ImportSummarySchema } from '../schemas/imports.ts';
import { RejectedProblem } from '../schemas/problem.ts';
import { enableUploads, withUploadedFile } from '../uploads.ts';

/** Language of the problems of a rejected file: `?lang=` or a `lang` form field sent before the file. */
const Lang = Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')]));

function languageOf(query: ImportLang | undefined, field: string | undefined): ImportLang {
  if (query !== undefined) return query;
  if (field === undefined || field === 'fr' || field === 'en') return field ?? 'fr';
  throw new DomainError('invalid_input', { key: 'errors.http.lang' });
}

export async function registerImportRoutes(api: ApiServer): Promise<void> {
  // ENCOURS_IMPORT_WAIT_SECONDS: how long an upload waits behind another import of its entity.
  const turnWaitMs = importWaitFromEnv(process.env);
  await api.register(async (scope) => {
    await enableUploads(scope);
    const app = scope as unknown as ApiServer;
    app.post(
      '/api/imports/:entity',
      {
        // Who may import what is narrowed per entity below (IMPORT_ROLES), before the file is read.
        config: { access: ['admin', 'credit_manager', 'collector'] },
        schema: {
          consumes: ['multipart/form-data'],
          params: Type.Object({ entity: Type.Union(IMPORT_ENTITIES.map((entity) => Type.Literal(entity))) }),
          querystring: Type.Object({
            dryRun: Type.Optional(Type.Boolean()),
            lang: Lang,
            /** Headers of columns to skip (repeatable); any other column the importer does not know is refused. */
            ignoreColumns: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 })),
            /** Order of the numbers of dates such as 03/04/2024; by default read from each column's values. */
            dateOrder: Type.Optional(Type.Union(DATE_ORDERS.map((order) => Type.Literal(order)))),
          }),
          response: {
            200: ImportSummarySchema,
            400: Problem,
            403: Problem,
            409: Problem,
            422: RejectedProblem,
          },
        },
      },
      async (request) => {
        const entity = request.params.entity as ImportEntity;
        if (!IMPORT_ENTITIES.includes(entity))
          throw new DomainError('invalid_input', { key: 'errors.http.unknownEntity', params: { entity } });
        // The rights on the fields an import changes: the same roles as for changing them one by one.
        const allowed = IMPORT_ROLES[entity];
        const role = request.principal?.user.role;
        if (!role || !allowed.includes(role))
          throw new HttpProblem(403, 'forbidden', {
            key: 'errors.http.importRoles',
            // ICU selectors take no hyphen: credit-notes is credit_notes in the message.
            params: { entity: entity.replace('-', '_'), roles: roleChoices(allowed) },
          });
        return withUploadedFile(request, async (filePath, fileName, fields) =>
          importFile(await api.contextOf(request), {
            entity,
            filePath,
            fileName,
            ignoreColumns: request.query.ignoreColumns ?? [],
            ...(request.query.dateOrder === undefined ? {} : { dateOrder: request.query.dateOrder }),
            dryRun: request.query.dryRun ?? false,
            lang: languageOf(request.query.lang, fields.lang),
            turnWaitMs,
          }),
        );
      },
    );
  });
}
