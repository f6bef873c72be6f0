/** Shared HTTP types: the typed Fastify instance every route module receives, and problem documents. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { AppContext } from '#app/context';
import { type Wording, wordingText } from '#app/errors';
import type { Runtime } from '#app/runtime';
import type { Access } from './auth-roles.ts';

export type ApiServer = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
> & {
  runtime: Runtime;
  /** The use-case context of a request: the company and the user of its sign-in. */
  contextOf(request: FastifyRequest): Promise<AppContext>;
  /** Every /api route with the access it declares (or the default), for tests and documentation. */
  routeAccess: { method: string; url: string; access: Access }[];
};

/**
 * An HTTP-level refusal (not signed in, wrong role, CSRF, throttled) answered as a problem document.
 * Raised with a `Wording`, it is put in the request's language like a `DomainError`; its
 * `message` is then the English wording, for the log.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;
  readonly wording: Wording | undefined;

  constructor(status: number, code: string, message: string | Wording, headers: Record<string, string> = {}) {
    super(typeof message === 'string' ? message : wordingText(message, 'en'));
    this.name = 'HttpProblem';
    this.status = status;
    this.code = code;
    this.headers = headers;
    this.wording = typeof message === 'string' ? undefined : message;
  }
}

/** An error response (`404: Problem`): a problem document, `application/problem+json` (schemas/problem.ts). */
export { Problem } from './schemas/problem.ts';
