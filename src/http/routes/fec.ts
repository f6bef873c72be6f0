/**
 * `POST /api/imports/fec`: the web application uploads a FEC (multipart, field `file`); the same
 * use case as `encours import fec` runs on a temporary copy and answers the same JSON summary.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import { Type } from '@fastify/type-provider-typebox';
import { DomainError } from '#app/errors';
import { type ImportError, importFec, isJournalType, type JournalType } from '#app/import-fec';
import { type ApiServer, Problem } from '../api-types.ts';
import { CREDIT_DEPARTMENT } from '../auth-roles.ts';

/** A FEC of a few million lines stays well under this. */
const MAX_FEC_BYTES = 2 * 1024 ** 3;

/** The problem document of a rejected file also lists every problem (line, column, rule). */
const RejectedProblem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String(),
  detail: Type.String(),
  errors: Type.Array(
    Type.Object({
      file: Type.String(),
      line: Type.Integer(),
      column: Type.Union([Type.String(), Type.Null()]),
      value: Type.Union([Type.String(), Type.Null()]),
      reason: Type.String(),
    }),
  ),
});

const Query = Type.Object({
  dryRun: Type.Optional(Type.Boolean()),
  customerAccounts: Type.Optional(Type.String({ pattern: '^\\d+(,\\d+)*$' })),
  /** "VE=sales,BQ=bank" */
  journals: Type.Optional(Type.String()),
  defaultTerms: Type.Optional(Type.String({ maxLength: 100 })),
});

function parseJournals(text: string | undefined): Record<string, JournalType> {
  const journals: Record<string, JournalType> = {};
  for (const pair of (text ?? '').split(',').filter((part) => part !== '')) {
    const [code, type] = pair.split('=');
    if (!code || !type || !isJournalType(type))
      throw new DomainError('invalid_input', `journals expects CODE=type pairs, got ${pair}`);
    journals[code] = type;
  }
  return journals;
}

export async function registerFecRoutes(api: ApiServer): Promise<void> {
  await api.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data'))
      await scope.register(multipart, { limits: { fileSize: MAX_FEC_BYTES, files: 1 } });
    const app = scope as unknown as ApiServer;
    app.post(
      '/api/imports/fec',
      {
        config: { access: CREDIT_DEPARTMENT },
        schema: {
          consumes: ['multipart/form-data'],
          querystring: Query,
          response: { 200: Type.Record(Type.String(), Type.Unknown()), 400: Problem, 422: RejectedProblem },
        },
      },
      async (request, reply) => {
        const query = request.query;
        const journalTypes = parseJournals(query.journals);
        const upload = await request.file();
        if (!upload)
          throw new DomainError('invalid_input', 'no file: send the FEC as the multipart field "file"');
        const dir = await mkdtemp(join(tmpdir(), 'encours-fec-upload-'));
        try {
          const filePath = join(dir, 'upload.txt');
          await pipeline(upload.file, createWriteStream(filePath));
          const summary = await importFec(await api.contextOf(request), {
            filePath,
            fileName: basename(upload.filename || 'fec.txt'),
            dryRun: query.dryRun ?? false,
            journalTypes,
            ...(query.customerAccounts ? { customerAccounts: query.customerAccounts.split(',') } : {}),
            ...(query.defaultTerms ? { defaultTerms: query.defaultTerms } : {}),
          });
          // The same document as `encours import fec --json`.
          return summary as unknown as Record<string, unknown>;
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'import_rejected') throw error;
          const errors = (error.details as { errors?: ImportError[] } | undefined)?.errors ?? [];
          return reply.status(422).type('application/problem+json').send({
            type: 'https://encours.dev/problems/import_rejected',
            title: 'import rejected',
            status: 422,
            code: 'import_rejected',
            detail: error.message,
            errors,
          });
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    );
  });
}
