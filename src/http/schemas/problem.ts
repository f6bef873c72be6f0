/** Error responses: RFC 9457 problem documents (`application/problem+json`) with a stable `code`. */
import { type Static, type TSchema, Type } from 'typebox';
import { Nullable } from './common.ts';

/** One error of the request's schema check, as Ajv reported it (the problem's `errors` on a 400). */
export const InvalidFieldSchema = Type.Object({
  in: Type.String({ description: 'the part of the request: body, querystring, params or headers' }),
  field: Type.String({ description: "the field as a path (contacts[0].name), '' for the whole part" }),
  keyword: Type.String({ description: 'the JSON Schema keyword that failed: type, required, enum…' }),
  params: Type.Record(Type.String(), Type.Unknown(), { description: 'what the keyword expected' }),
  instancePath: Type.String(),
  schemaPath: Type.String(),
});
export type InvalidField = Static<typeof InvalidFieldSchema>;

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI naming the problem, https://encours.dev/problems/{code}' }),
    title: Type.String({ description: 'a short title in the reader’s language (?lang=, Accept-Language)' }),
    status: Type.Integer(),
    code: Type.String({ description: 'stable code: invalid_input, not_found, forbidden, conflict…' }),
    detail: Type.String({ description: 'what went wrong, in the reader’s language' }),
    /** A request that failed its schema: every error of the check, for programs. */
    errors: Type.Optional(Type.Array(InvalidFieldSchema)),
  },
  { description: 'A problem document (application/problem+json).' },
);
export type Problem = Static<typeof ProblemSchema>;

/** One bad row of a rejected import file. */
export const RejectedRowSchema = Type.Object({
  file: Type.String(),
  line: Type.Integer(),
  column: Nullable(Type.String()),
  value: Nullable(Type.String()),
  /** Stable problem code and the values of its message (spreadsheet imports; FEC problems have none yet). */
  code: Type.Optional(Type.String()),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  /** The message, in the language asked for. */
  reason: Type.String(),
});
export type RejectedRow = Static<typeof RejectedRowSchema>;

/**
 * The problem of a rejected file also lists every bad row (line, column, rule). `errors` is optional:
 * the same status answers a ledger rule broken by the import, which has no rows to list.
 */
export const RejectedProblemSchema = Type.Object({
  ...ProblemSchema.properties,
  errors: Type.Optional(
    Type.Array(RejectedRowSchema, {
      description:
        'the bad rows; a spreadsheet import over HTTP lists the first 200 (problemCount counts them all)',
    }),
  ),
  /** A spreadsheet import's counts and groups, so that a file of 100,000 bad rows reads in a glance. */
  problemCount: Type.Optional(Type.Integer({ description: 'problems of the whole file' })),
  lineCount: Type.Optional(Type.Integer({ description: 'lines of the file with a problem' })),
  groups: Type.Optional(
    Type.Array(
      Type.Object({
        code: Type.String(),
        column: Nullable(Type.String()),
        count: Type.Integer(),
        example: RejectedRowSchema,
      }),
      {
        description:
          'every problem by code and column, the largest groups first, each with its first problem',
      },
    ),
  ),
  unmappedColumns: Type.Optional(
    Type.Array(Type.String(), {
      description: 'headers of the file no field takes (to map with ?map=Header=field)',
    }),
  ),
});
export type RejectedProblem = Static<typeof RejectedProblemSchema>;

/**
 * A response answered with a problem document: the media type is `application/problem+json`, which
 * the error handler sets, so Fastify serialises with this schema and OpenAPI names the right type.
 */
export const problemResponse = <T extends TSchema>(schema: T, description = 'A problem document.') => ({
  description,
  content: { 'application/problem+json': { schema } },
});

/** Any error status of a route (`404: Problem`…). */
export const Problem = problemResponse(ProblemSchema);
/** A rejected import file (422), with every bad row. */
export const RejectedProblem = problemResponse(
  RejectedProblemSchema,
  'The file was rejected: every bad row.',
);

/**
 * Every client and server error of a route, unless the route names its own for those ranges
 * (Fastify looks the exact status up before `4xx`/`5xx`). Added to every /api route by
 * routes/index.ts, so no route lists 400, 401, 403… one by one.
 */
export const problemResponses = { '4xx': Problem, '5xx': Problem } as const;
