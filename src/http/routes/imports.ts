/**
 * `POST /api/imports/{entity}`: the web application uploads a CSV or XLSX file of customers,
 * invoices, credit notes, payments or orders; the same use case as `encours import` runs on it
 * (all-or-nothing; `dryRun=true` reports without writing; a rejected file lists its first bad rows,
 * with every problem counted and grouped).
 */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '#app/errors';
import {
  DATE_ORDERS,
  type DateOrder,
  IMPORT_ENTITIES,
  IMPORT_ROLES,
  type ImportChannel,
  type ImportEntity,
  type ImportLang,
  importFile,
  isDateOrder,
} from '#app/imports/import-file';
import { importWaitFromEnv } from '#app/imports/import-wait';
import { type ApiServer, HttpProblem, Problem } from '../api-types.ts';
import { roleChoices } from '../auth.ts';
import { ImportSummarySchema } from '../schemas/imports.ts';
import { RejectedProblem } from '../schemas/problem.ts';
import { enableUploads, withUploadedFile } from '../uploads.ts';

/** Language of the problems of a rejected file: `?lang=` or a `lang` form field sent before the file. */
const Lang = Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')]));

/** The rows of a rejected file the answer lists: a page draws them, the counts and groups say the rest. */
const LISTED_PROBLEMS = 200;

/** The options a form field may carry as well as the query string (`curl -F dryRun=true`). */
const FORM_OPTIONS = ['lang', 'dryRun', 'dateOrder', 'ignoreUnknownColumns'] as const;

function refused(key: string, params: Record<string, string>): DomainError {
  return new DomainError('invalid_input', { key: `imports.upload.${key}`, params });
}

/** A form field other than the options is refused: ignoring it would import for real a file meant as a check. */
function formOptions(
  fields: Readonly<Record<string, string>>,
): Partial<Record<(typeof FORM_OPTIONS)[number], string>> {
  const unknown = Object.keys(fields).find((name) => !(FORM_OPTIONS as readonly string[]).includes(name));
  if (unknown !== undefined)
    throw refused('unknownField', { field: unknown, fields: FORM_OPTIONS.join(', ') });
  return fields;
}

function languageOf(query: ImportLang | undefined, field: string | undefined): ImportLang {
  if (query !== undefined) return query;
  if (field === undefined || field === 'fr' || field === 'en') return field ?? 'fr';
  throw new DomainError('invalid_input', { key: 'errors.http.lang' });
}

/** A yes/no option: the query string's (already a boolean), else the form field's text. */
function flagOf(name: string, query: boolean | undefined, field: string | undefined): boolean {
  if (query !== undefined) return query;
  if (field === undefined || field === 'false' || field === '0') return false;
  if (field === 'true' || field === '1') return true;
  throw refused('badFlag', { field: name, value: field });
}

function dateOrderOf(query: DateOrder | undefined, field: string | undefined): DateOrder | undefined {
  if (query !== undefined || field === undefined) return query;
  if (isDateOrder(field)) return field;
  throw refused('badDateOrder', { value: field, orders: DATE_ORDERS.join(', ') });
}

/** `map=Header=field` entries (as `--map`): the column read as that field, or `ignore`. */
function mappingOf(entries: readonly string[] = []): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    if (at <= 0 || at === entry.length - 1) throw refused('badMap', { value: entry });
    mapping[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return mapping;
}

/**
 * Who sent the file, for the remedies of its problems and notices: the web page signs in with the
 * session cookie and has its own column and date-order choices; a program with an API token sets
 * the request's parameters (`map`, `ignoreColumns`, `dateOrder`; a FEC's `journals`). Neither has
 * the command line's flags. The FEC's route asks the same.
 */
export function channelOf(request: FastifyRequest): ImportChannel {
  return request.principal?.via === 'session' ? 'web' : 'api';
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
            /** `Header=field` (repeatable): read a column as that field, or `Header=ignore` to skip it. */
            map: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 100 })),
            /** Skip every column no field takes, a customers file's too (they are refused by default). */
            ignoreUnknownColumns: Type.Optional(Type.Boolean()),
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
        const { query } = request;
        const mapping = mappingOf(query.map);
        return withUploadedFile(request, async (filePath, fileName, fields) => {
          const form = formOptions(fields);
          const dateOrder = dateOrderOf(query.dateOrder, form.dateOrder);
          const ignoreUnknown = flagOf(
            'ignoreUnknownColumns',
            query.ignoreUnknownColumns,
            form.ignoreUnknownColumns,
          );
          return importFile(await api.contextOf(request), {
            entity,
            filePath,
            fileName,
            ignoreColumns: query.ignoreColumns ?? [],
            mapping,
            ...(ignoreUnknown ? { unknownColumns: 'ignore' as const } : {}),
            ...(dateOrder === undefined ? {} : { dateOrder }),
            dryRun: flagOf('dryRun', query.dryRun, form.dryRun),
            lang: languageOf(query.lang, form.lang),
            channel: channelOf(request),
            turnWaitMs,
            problemListLimit: LISTED_PROBLEMS,
          });
        });
      },
    );
  });
}
