/**
 * File uploads for the import routes: the multipart field `file` is streamed to a private
 * temporary file, the import use case runs on it, and the file is removed whatever happens.
 * Temporary files live in one folder of their own, under a folder named after the process, so
 * that what a killed server left behind is found and removed when the next one starts.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart, { type Multipart } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '#app/errors';

/** A FEC of a few million lines stays well under this. */
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
/** Longer names are not file names a person gave (most file systems stop at 255 bytes). */
const MAX_FILE_NAME_CHARACTERS = 255;
/** Where every upload's temporary folder is made: `encours-upload-<pid>-<random>`. */
export const UPLOAD_TEMP_ROOT = join(tmpdir(), 'encours-uploads');
/** A folder older than this is stale even if its process id was given to another process. */
const STALE_AFTER_MS = 24 * 3600_000;

export async function enableUploads(scope: FastifyInstance): Promise<void> {
  if (!scope.hasContentTypeParser('multipart/form-data')) {
    // Two files allowed by the parser so that a second one is seen and refused, not silently dropped.
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 2, fields: 20 } });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the upload folders of processes that no longer run (a server killed during an upload)
 * and any older than a day. Called when the server starts.
 */
export async function removeStaleUploads(now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(UPLOAD_TEMP_ROOT).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(/^encours-upload-(\d+)-/.exec(name)?.[1]);
    const path = join(UPLOAD_TEMP_ROOT, name);
    const modifiedMs = await stat(path).then(
      (info) => info.mtimeMs,
      () => null,
    );
    if (modifiedMs === null) continue;
    const stale = !Number.isInteger(pid) || !isAlive(pid) || now - modifiedMs > STALE_AFTER_MS;
    if (stale && pid !== process.pid) {
      await rm(path, { recursive: true, force: true });
      removed.push(path);
    }
  }
  return removed;
}

/** An upload refused, in the reader's words (`errors.http.upload.*`). */
function badUpload(key: string, params?: Record<string, string | number>): DomainError {
  return new DomainError('invalid_input', {
    key: `errors.http.upload.${key}`,
    ...(params ? { params } : {}),
  });
}

/** The name shown in messages: what the user called the file, without its folder or control characters. */
function displayName(fileName: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const name = (fileName.split(/[\\/]/).at(-1) ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name.length > MAX_FILE_NAME_CHARACTERS)
    throw badUpload('nameLength', { max: MAX_FILE_NAME_CHARACTERS });
  return name || 'upload';
}

/** Reads the parts of a multipart body; a body that is not one is bad input, not a server error. */
async function* partsOf(request: FastifyRequest): AsyncGenerator<Multipart> {
  try {
    for await (const part of request.parts()) yield part;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413 && (error as { code?: string }).code === 'FST_FILES_LIMIT') throw badUpload('oneFile');
    if (status !== undefined && status < 500 && status !== 406) throw error;
    throw badUpload('unreadable', { reason: (error as Error).message });
  }
}

export async function withUploadedFile<T>(
  request: FastifyRequest,
  work: (filePath: string, fileName: string, fields: Record<string, string>) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart()) throw badUpload('notMultipart');
  await mkdir(UPLOAD_TEMP_ROOT, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(join(UPLOAD_TEMP_ROOT, `encours-upload-${process.pid}-`));
  try {
    const fields: Record<string, string> = {};
    let upload: { filePath: string; fileName: string } | null = null;
    for await (const part of partsOf(request)) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !(part.fieldname in fields))
          fields[part.fieldname] = part.value;
        continue;
      }
      if (upload !== null || part.fieldname !== 'file') {
        part.file.resume();
        throw badUpload('oneFile');
      }
      const fileName = displayName(part.filename);
      // The user's name is for messages; the path on disk is ours (a hostile name cannot reach it).
      const filePath = join(
        dir,
        `upload${extname(fileName)
          .slice(0, 10)
          .replace(/[^.\w]/g, '')}`,
      );
      await pipeline(part.file, createWriteStream(filePath, { mode: 0o600 }));
      if (part.file.truncated) throw badUpload('tooLarge', { file: fileName });
      upload = { filePath, fileName };
    }
    if (!upload) throw badUpload('noFile');
    return await work(upload.filePath, upload.fileName, fields);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
