/**
 * `POST /api/imports/fec`: the web application uploads a FEC (multipart, field `file`); the same
 * use case as `encours import fec` runs on a temporary copy and answers the same JSON summary.
 */
import { Type } from '@fastify/type-provider-typebox';
import { DomainError } from '#app/errors';
import { type ImportLang, importFec, isJournalType, type JournalType } from '#app/fec/import-fec';
import { type ApiServer, Problem } from '../api-types.ts';
import { CREDIT_DEPARTMENT } from '../auth-roles.ts';
import { FecSummarySchema } from '../schemas/imports.ts';
import { RejectedProblem } from '../schemas/problem.ts';
import { enableUploads, withUploadedFile } from '../uploads.ts';
import { channelOf } from './imports.ts';

const Query = Type.Object({
  dryRun: Type.Optional(Type.Boolean()),
  customerAccounts: Type.Optional(Type.String({ pattern: '^\\d+(,\\d+)*$' })),
  /** "VE=sales,BQ=bank" */
  journals: Type.Optional(Type.String()),
  defaultTerms: Type.Optional(Type.String({ maxLength: 100 })),
  /** Language of the problems of a rejected file (or a `lang` form field sent before the file). */
  lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
});

function languageOf(query: ImportLang | undefined, field: string | undefined): ImportLang {
  if (query !== undefined) return query;
  if (field === undefined || field === 'fr' || field === 'en') return field ?? 'fr';
  throw new DomainError('invalid_input', { key: 'errors.http.lang' });
}

function parseJournals(text: string | undefined): Record<string, JournalType> {
  const journals: Record<string, JournalType> = {};
  for (const pair of (text ?? '').split(',').filter((part) => part !== '')) {
    const [code, type] = pair.split('=');
    if (!code || !type || !isJournalType(type))
      throw new DomainError('invalid_input', { key: 'errors.http.journals', params: { pair } });
    journals[code] = type;
  }
  return journals;
}

export async function registerFecRoutes(api: ApiServer): Promise<void> {
  await api.register(async (scope) => {
    await enableUploads(scope);
    const app = scope as unknown as ApiServer;
    app.post(
      '/api/imports/fec',
      {
        config: { access: CREDIT_DEPARTMENT },
        schema: {
          consumes: ['multipart/form-data'],
          querystring: Query,
          response: { 200: FecSummarySchema, 400: Problem, 422: RejectedProblem },
        },
      },
      async (request) => {
        const query = request.query;
        const journalTypes = parseJournals(query.journals);
        const summary = await withUploadedFile(request, async (filePath, fileName, fields) =>
          importFec(await api.contextOf(request), {
            filePath,
            fileName,
            dryRun: query.dryRun ?? false,
            journalTypes,
            lang: languageOf(query.lang, fields.lang),
            // A journal's type is `journals=` for a program; the web page has no such choice.
            channel: channelOf(request),
            ...(query.customerAccounts ? { customerAccounts: query.customerAccounts.split(',') } : {}),
            ...(query.defaultTerms ? { defaultTerms: query.defaultTerms } : {}),
          }),
        );
        // The same document as `encours import fec --json`.
        return summary;
      },
    );
  });
}
