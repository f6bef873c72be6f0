/**
 * File uploads for the import routes: the multipart field `file` is streamed to a private
 * temporary file, the import use case runs on it, and the file is removed whatever happens.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart, { type MultipartFields } from '@fastify/multipart';
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '#app/errors';

/** A FEC of a few million lines stays well under this. */
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

/** The problem document of a rejected file also lists every problem (line, column, rule). */
export const RejectedProblem = Type.Object({
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
      /** Stable problem code and the values of its message (spreadsheet imports; FEC problems have none yet). */
      code: Type.Optional(Type.String()),
      params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
      /** The message, in the language asked for. */
      reason: Type.String(),
    }),
  ),
});

export async function enableUploads(scope: FastifyInstance): Promise<void> {
  if (!scope.hasContentTypeParser('multipart/form-data')) {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  }
}

export async function withUploadedFile<T>(
  request: FastifyRequest,
  work: (filePath: string, fileName: string, fields: Record<string, string>) => Promise<T>,
): Promise<T> {
  const upload = await request.file();
  if (!upload) throw new DomainError('invalid_input', 'no file: send it as the multipart field "file"');
  const dir = await mkdtemp(join(tmpdir(), 'encours-upload-'));
  try {
    const fileName = basename(upload.filename || 'upload');
    // Keep the extension: the spreadsheet reader tells CSV from XLSX by content, but messages name the file.
    const filePath = join(dir, fileName);
    await pipeline(upload.file, createWriteStream(filePath));
    if (upload.file.truncated) throw new DomainError('invalid_input', `${fileName}: file too large`);
    return await work(filePath, fileName, textFields(upload.fields));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The plain form fields sent before the file (later ones are not read: the file is streamed). */
function textFields(fields: MultipartFields): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, entry] of Object.entries(fields)) {
    const first = Array.isArray(entry) ? entry[0] : entry;
    if (first && first.type === 'field' && typeof first.value === 'string') values[name] = first.value;
  }
  return values;
}
