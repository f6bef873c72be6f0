/**
 * Files the API answers with (report exports, letters, the customer file, diagrams, e-mails): one
 * place for the media type and a Content-Disposition that every browser reads, accents included.
 */
import type { FastifyReply } from 'fastify';
import type { ExportFormat } from '#app/reports/report-tables';

const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** A report route answers JSON unless `format=` asks for one of the export files. */
export const isExportFormat = (format: string | undefined): format is ExportFormat =>
  format !== undefined && format !== 'json';

export type Download = {
  fileName: string;
  body: Buffer | string;
  /** Shown by the browser (a preview in a frame) rather than saved. */
  inline?: boolean;
} & ({ contentType: string } | { format: ExportFormat });

/**
 * `filename` alone cannot carry « relevé-Société.pdf » (header values are Latin-1 at best), so the
 * exact name goes in `filename*` (RFC 5987/6266, UTF-8) and `filename` keeps an ASCII fallback for
 * old clients; a name that is plain ASCII already is sent as before, with `filename` only.
 */
export function contentDisposition(fileName: string, inline = false): string {
  const fallback = asciiFileName(fileName);
  const head = `${inline ? 'inline' : 'attachment'}; filename="${fallback}"`;
  return fallback === fileName ? head : `${head}; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** Untyped reply: a route's 200 schema documents a binary body, which its typed reply reads as a string. */
export function sendDocument(reply: FastifyReply, download: Download): FastifyReply {
  const contentType =
    'contentType' in download ? download.contentType : EXPORT_CONTENT_TYPES[download.format];
  return reply
    .header('content-type', contentType)
    .header('content-disposition', contentDisposition(download.fileName, download.inline))
    .send(download.body);
}

/** Accents dropped (é → e), anything else outside printable ASCII, quotes and backslashes → « _ ». */
function asciiFileName(fileName: string): string {
  return fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
}

/** encodeURIComponent leaves ' ( ) * as they are, which RFC 5987's attr-char does not allow. */
const rfc5987 = (text: string): string =>
  encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
