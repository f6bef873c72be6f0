/**
 * The versioned credit configuration over HTTP (scoring method, limit policy, delegation matrix,
 * order check…): list the versions of a kind, store a new one (never edit one), and preview the
 * class changes a candidate scoring method would cause. Registered by credit.ts.
 */
import { type TProperties, Type } from '@fastify/type-provider-typebox';
import {
  CONFIG_KINDS,
  type ConfigKind,
  listConfigVersions,
  putConfigVersion,
} from '#app/credit/configuration';
import { previewScoringMethod } from '#app/credit/risk-panel';
import type { ScoringMethod } from '#core/credit/scoring-method';
import { type ApiServer, Problem } from '../api-types.ts';
import { CREDIT_DEPARTMENT, STAFF } from '../auth-roles.ts';

/** An object whose undeclared fields are serialised too (a version's body is the kind's own shape). */
const Open = <T extends TProperties>(properties: T) =>
  Type.Object(properties, { additionalProperties: true });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export function registerCreditConfigRoutes(app: ApiServer): void {
  const KindParams = Type.Object({ kind: Type.Union(CONFIG_KINDS.map((kind) => Type.Literal(kind))) });
  const VersionSchema = Open({
    kind: Type.String(),
    version: Type.String(),
    effectiveFrom: Type.String(),
    body: Open({}),
    isDefault: Type.Boolean(),
  });
  app.get(
    '/api/credit/config/:kind',
    {
      config: { access: STAFF },
      schema: { params: KindParams, response: { 200: Type.Object({ versions: Type.Array(VersionSchema) }) } },
    },
    async (request) => ({
      versions: await listConfigVersions(await app.contextOf(request), request.params.kind as ConfigKind),
    }),
  );
  app.post(
    '/api/credit/config/:kind',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Stores a new version (never edits one); validated by the domain rules.',
        params: KindParams,
        body: Type.Object({
          version: Type.String({ minLength: 1 }),
          effectiveFrom: Type.String({ format: 'date' }),
          body: Open({}),
        }),
        response: { 201: VersionSchema, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await putConfigVersion(await app.contextOf(request), {
          kind: request.params.kind as ConfigKind,
          version: request.body.version,
          effectiveFrom: request.body.effectiveFrom,
          body: request.body.body as never,
        }),
      ),
  );
  app.post(
    '/api/credit/config/scoring_method/preview',
    {
      config: { access: STAFF },
      schema: {
        description: 'The class changes a candidate scoring method would cause (nothing is written).',
        body: Type.Object({ method: Open({}) }),
        response: {
          200: Type.Object({
            asOf: Type.String(),
            customers: Type.Integer(),
            countsBefore: Type.Record(Type.String(), Type.Integer()),
            countsAfter: Type.Record(Type.String(), Type.Integer()),
            changes: Type.Array(
              Type.Object({
                customerCode: Type.String(),
                before: Nullable(Type.String()),
                after: Nullable(Type.String()),
                scoreBefore: Nullable(Type.Number()),
                scoreAfter: Nullable(Type.Number()),
              }),
            ),
          }),
          400: Problem,
        },
      },
    },
    async (request) =>
      previewScoringMethod(await app.contextOf(request), request.body.method as unknown as ScoringMethod),
  );
}
