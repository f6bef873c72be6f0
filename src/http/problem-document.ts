/**
 * Every error the API answers, as an RFC 9457 problem document (`application/problem+json`) with a
 * stable `code`, a short `title` and a `detail` in the reader's language (`?lang=`, else
 * Accept-Language): a domain error's or an HTTP refusal's wording, the request's schema problems
 * (validation-words.ts), Fastify's own refusals (bad JSON, media type…); of an unexpected error,
 * nothing but the request id to quote. Lists ride along for programs: the bad rows of a rejected
 * file, the schema problems as Ajv reported them.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, errorText, httpStatusOf, type Wording, wordingText } from '#app/errors';
import { type Lang, translator } from '#text/catalogue';
import { HttpProblem } from './api-types.ts';
import { readerLang } from './reader-lang.ts';
import { invalidFields, isValidationFailure, validationText } from './validation-words.ts';

/** Answers `error` with its problem document; a 5xx is logged with its request id. */
export function replyProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, code } = statusAndCode(error);
  if (status >= 500) request.log.error({ err: error, status, code }, 'request failed');
  if (error instanceof HttpProblem) reply.headers(error.headers);
  // Also where no hook runs (a malformed address is refused before routing).
  reply.header('x-request-id', request.id);
  const lang = readerLang(request);
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://encours.dev/problems/${code}`,
      title: translator(lang)('errors.http.title', { code }),
      status,
      code,
      detail: problemDetail(error, request, status, lang),
      ...problemList(error),
    });
}

function problemDetail(error: unknown, request: FastifyRequest, status: number, lang: Lang): string {
  if (error instanceof DomainError || error instanceof HttpProblem) return errorText(error, lang);
  if (status >= 500) return translator(lang)('errors.http.internal', { id: request.id });
  if (isValidationFailure(error)) {
    const { body, query, params, headers } = request;
    const input = { body, querystring: query, params, headers };
    return validationText(error, lang, { currency: bodyCurrency(request), input });
  }
  return wordingText(fastifyWording(error, request, status), lang);
}

/** The currency the body names (an order, a policy): bounds on its amounts are worded in it. */
function bodyCurrency(request: FastifyRequest): string | undefined {
  const currency = (request.body as { currency?: unknown } | null | undefined)?.currency;
  return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : undefined;
}

/** Fastify's own client errors, by their code; any other says its status only. */
function fastifyWording(error: unknown, request: FastifyRequest, status: number): Wording {
  const path = request.url.split('?')[0] ?? '';
  switch ((error as { code?: unknown }).code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { key: 'errors.http.badJson' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { key: 'errors.http.emptyJson' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const type = request.headers['content-type']?.split(';')[0]?.trim() || 'none';
      return { key: 'errors.http.mediaType', params: { type } };
    }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { key: 'errors.http.bodyTooLarge' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { key: 'errors.http.contentLength' };
    case 'FST_ERR_BAD_URL':
      return { key: 'errors.http.badUrl', params: { path } };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { key: 'errors.http.longParam', params: { path } };
    default:
      return { key: 'errors.http.refused', params: { status } };
  }
}

/** The list beside the detail: a rejected file's bad rows, or the request's schema problems. */
function problemList(error: unknown): { errors?: unknown[] } {
  if (isValidationFailure(error)) return { errors: invalidFields(error) };
  if (!(error instanceof DomainError) || error.code !== 'import_rejected') return {};
  const details = (error.details ?? {}) as Record<string, unknown>;
  if (details['errors'] === undefined) return {};
  // A spreadsheet's first rows come with the whole file's counts and groups (importRejected).
  return Object.fromEntries(
    REJECTION_FIELDS.flatMap((field) => (field in details ? [[field, details[field]]] : [])),
  );
}

/** What a rejected file's problem lists besides its detail. */
const REJECTION_FIELDS = ['errors', 'problemCount', 'lineCount', 'groups', 'unmappedColumns'] as const;

/** Fastify's own errors carry a client status (bad JSON 400, too large 413, wrong media type 415). */
const FASTIFY_CODES: Readonly<Record<number, string>> = {
  400: 'invalid_input',
  404: 'not_found',
  406: 'invalid_input',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

function statusAndCode(error: unknown): { status: number; code: string } {
  if (error instanceof HttpProblem) return { status: error.status, code: error.code };
  if (error instanceof DomainError) return { status: httpStatusOf(error), code: error.code };
  if (isValidationFailure(error)) return { status: 400, code: 'invalid_input' };
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 600 && status !== 500)
    return { status, code: FASTIFY_CODES[status] ?? (status < 500 ? 'invalid_input' : 'unavailable') };
  return { status: 500, code: 'internal' };
}

/** Every code a problem document may carry, for the test that each has a title of its own. */
export const SHELL_CODES = [
  ...new Set([
    ...Object.values(FASTIFY_CODES),
    'unavailable',
    'internal',
    'unauthenticated',
    'invalid_credentials',
    'csrf_failed',
    'too_many_attempts',
    'overloaded',
  ]),
];
