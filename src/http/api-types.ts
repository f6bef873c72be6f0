/** Shared HTTP types: the typed Fastify instance every route module receives, and problem documents. */
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
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

export type ApiServer = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
> & {
  runtime: Runtime;
  /** The use-case context of a request: its company and who acts. */
  contextOf(request: FastifyRequest): Promise<AppContext>;
};

export const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String(),
  detail: Type.String(),
});
