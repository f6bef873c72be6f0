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

/** An HTTP-level refusal (not signed in, wrong role, CSRF, throttled) answered as a problem document. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpProblem';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** An error response (`404: Problem`): a problem document, `application/problem+json` (schemas/problem.ts). */
export { Problem } from './schemas/problem.ts';
