/** The language a request is answered in: `?lang=`, else its Accept-Language; French by default. */
import type { FastifyRequest } from 'fastify';
import { type Lang, toLang } from '#text/catalogue';

export function readerLang(request: FastifyRequest): Lang {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  return toLang(typeof asked === 'string' ? asked : request.headers['accept-language']);
}
