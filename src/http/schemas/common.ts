/**
 * Building blocks of the API's response schemas. Nullable values and string enums are written as
 * `type` arrays and `enum` lists rather than `anyOf`: OpenAPI 3.1 reads them the same, and Fastify's
 * serialiser handles them without running a validator on every value of a 300-row report.
 */
import { type Static, type TSchema, Type } from 'typebox';
import type { ImportOrigin } from '#core/types';

/** A value or null (`type: [T, 'null']`). For schemas with a single `type`: strings, numbers, objects, arrays. */
export const Nullable = <T extends TSchema & { type: string }>(schema: T) =>
  Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] });

/** One of a fixed list of codes, typed as their union. */
export const StringEnum = <const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

export const IsoDate = Type.String({ description: 'date, YYYY-MM-DD' });
export const Instant = Type.String({ description: 'instant, ISO 8601 with time zone' });
export const Minor = Type.Integer({ description: 'amount in minor units (cents) of `currency`' });
export const Currency = Type.String({ description: 'ISO 4217 currency code' });
/** A share or a ratio: 0.25 = 25 %. */
export const Ratio = Type.Number();

/** A page of a list, as of a date. */
export const pageAsOf = <T extends TSchema>(item: T) =>
  Type.Object({ asOf: IsoDate, total: Type.Integer(), items: Type.Array(item) });

/** The import that wrote a row, when one did (the row's own creation instant tells: src/db/imports/import-origin.ts). */
export const ImportOriginSchema = Type.Unsafe<ImportOrigin | null>({
  type: ['object', 'null'],
  description:
    "the import that wrote it, when one did: {kind: 'import', fileName, actor} for a file (actor: who ran it, " +
    "an e-mail or 'cli'), {kind: 'load'} for the load of the demo data set; null otherwise",
  properties: {
    kind: Type.String(),
    fileName: Type.String(),
    actor: Type.String(),
  },
  required: ['kind'],
});
