/**
 * Header recognition: which column of the file feeds which field of the entity, from the headers
 * themselves or from the user's `--map column=field` choices.
 */
import { ENTITY_FIELDS, type FieldSpec, type ImportEntity } from './entities.ts';
import { fieldLabel } from './field-spec.ts';
import { normaliseHeader, type RecognisedHeader, recognisedHeader } from './header-match.ts';
import { judgeIgnoredColumns, type UnknownColumns } from './ignored-columns.ts';
import type { ImportNotice } from './import-notices.ts';
import { headerListParam, type Problem, problem } from './problems.ts';
import { englishHeaderOf } from './tabular-english-headers.ts';

export { ENTITIES, ENTITY_FIELDS, type FieldSpec, type FieldType, type ImportEntity } from './entities.ts';
// The fields described for a person live apart (field-help.ts); their users import them from here.
export { type FieldHelp, formatEntityFieldsHelp, listEntityFields } from './field-help.ts';

export { closestHeader, normaliseHeader } from './header-match.ts';
export type { UnknownColumns } from './ignored-columns.ts';

/** The field a header names for an entity, if any. */
export function recogniseHeader(entity: ImportEntity, header: string): FieldSpec | undefined {
  return recognisedHeader(entity, header)?.spec;
}

/** `--map` targets that mean "do not import this column". */
const IGNORE_TARGETS = new Set(['', '-', 'ignore', 'ignorer', 'skip']);

export interface HeaderProblem {
  /** Header as in the file, or the field name for a missing column. */
  column: string | null;
  value: string | null;
  problem: Problem;
}

export interface ColumnResolution {
  /** Field name → index of the column that feeds it. */
  columnByField: Map<string, number>;
  /** Non-empty headers that feed no field. */
  unmappedColumns: string[];
  problems: HeaderProblem[];
  /** The columns read past on purpose, one notice each (see ignored-columns.ts). */
  notices: ImportNotice[];
}

function findColumn(headers: readonly string[], wanted: string): number {
  const exact = headers.indexOf(wanted);
  if (exact >= 0) return exact;
  const normalised = normaliseHeader(wanted);
  return headers.findIndex(
    (header) =>
      header.trim().toLowerCase() === wanted.trim().toLowerCase() || normaliseHeader(header) === normalised,
  );
}

function findField(entity: ImportEntity, name: string): FieldSpec | undefined {
  const wanted = name.trim().toLowerCase();
  return ENTITY_FIELDS[entity].find((spec) => spec.name.toLowerCase() === wanted);
}

/** Applies `--map`: explicit choices win over recognition. Returns the columns it settled. */
function applyMapping(
  entity: ImportEntity,
  headers: readonly string[],
  mapping: Record<string, string>,
  resolution: ColumnResolution,
): Set<number> {
  const settledColumns = new Set<number>();
  const fieldNames = ENTITY_FIELDS[entity].map((spec) => spec.name);
  for (const [columnHeader, target] of Object.entries(mapping)) {
    const columnIndex = findColumn(headers, columnHeader);
    if (columnIndex < 0) {
      resolution.problems.push({
        column: columnHeader,
        value: null,
        problem: problem('map_unknown_column', { column: columnHeader, columns: headerListParam(headers) }),
      });
      continue;
    }
    settledColumns.add(columnIndex);
    if (IGNORE_TARGETS.has(target.trim().toLowerCase())) continue;
    const spec = findField(entity, target);
    if (!spec) {
      resolution.problems.push({
        column: columnHeader,
        value: target,
        problem: problem('map_unknown_field', { field: target, entity, fields: fieldNames.join(', ') }),
      });
      continue;
    }
    if (resolution.columnByField.has(spec.name)) {
      resolution.problems.push({
        column: columnHeader,
        value: target,
        problem: problem('map_field_twice', { field: spec.name }),
      });
      continue;
    }
    resolution.columnByField.set(spec.name, columnIndex);
  }
  return settledColumns;
}

/**
 * Whether a column under one of its field's later headers is left out, as it was before that
 * header was accepted: when a usual header of the field is in the file, or when several later
 * headers of an optional field compete (a required one is refused as ambiguous instead of missing).
 */
function yieldsToOthers(found: RecognisedHeader, all: readonly (RecognisedHeader | undefined)[]): boolean {
  if (!found.later) return false;
  const sameField = all.filter((other) => other?.spec === found.spec);
  return sameField.some((other) => !other?.later) || (sameField.length > 1 && !found.spec.required);
}

function recogniseColumns(
  entity: ImportEntity,
  headers: readonly string[],
  settledColumns: ReadonlySet<number>,
  resolution: ColumnResolution,
  leftOutFields: readonly string[],
): void {
  const mappedByUser = new Set([...resolution.columnByField.keys(), ...leftOutFields]);
  const recognised = headers.map((header, columnIndex) =>
    settledColumns.has(columnIndex) || header === '' ? undefined : recognisedHeader(entity, header),
  );
  headers.forEach((header, columnIndex) => {
    if (settledColumns.has(columnIndex) || header === '') return;
    const found = recognised[columnIndex];
    // A field the user mapped explicitly (or one left out) leaves same-named columns unused.
    if (!found || mappedByUser.has(found.spec.name) || yieldsToOthers(found, recognised)) {
      resolution.unmappedColumns.push(header);
      return;
    }
    const spec = found.spec;
    const otherIndex = resolution.columnByField.get(spec.name);
    if (otherIndex !== undefined) {
      const other = headers[otherIndex] ?? '';
      resolution.problems.push({
        column: header,
        value: null,
        problem: problem('ambiguous_columns', { other, column: header, field: spec.name }),
      });
      return;
    }
    resolution.columnByField.set(spec.name, columnIndex);
  });
}

/**
 * Matches the file's headers to the entity's fields; problems are reported, never thrown.
 * `mapping` is `--map` (header → field, "ignore" drops the column); `ignoreColumns` is
 * `--ignore-column` (headers skipped without complaint); the headers of `leftOutFields` are not
 * recognised (a "Litige" column holding comments, see yes-no-column.ts); `unknownColumns: 'ignore'`
 * skips every column no field takes (the web page's « Ignorer les colonnes non reconnues »). Any
 * other column no field takes is refused or read past with a notice (ignored-columns.ts).
 */
export function resolveColumns(
  entity: ImportEntity,
  headers: readonly string[],
  mapping: Record<string, string> = {},
  ignoreColumns: readonly string[] = [],
  leftOutFields: readonly string[] = [],
  unknownColumns: UnknownColumns = 'refuse',
): ColumnResolution {
  const resolution: ColumnResolution = {
    columnByField: new Map(),
    unmappedColumns: [],
    problems: [],
    notices: [],
  };
  const skipped = Object.fromEntries(ignoreColumns.map((header) => [header, 'ignore']));
  const settledColumns = applyMapping(entity, headers, { ...skipped, ...mapping }, resolution);
  recogniseColumns(entity, headers, settledColumns, resolution, leftOutFields);
  const ignored = judgeIgnoredColumns(
    entity,
    headers,
    resolution.columnByField,
    resolution.unmappedColumns,
    unknownColumns,
  );
  for (const { column, problem } of ignored.problems)
    resolution.problems.push({ column, value: null, problem });
  resolution.notices.push(...ignored.notices);
  for (const spec of ENTITY_FIELDS[entity]) {
    if (!spec.required || resolution.columnByField.has(spec.name)) continue;
    // Named by its usual (French) header: the person knows columns, not the field names.
    const label = fieldLabel(spec);
    resolution.problems.push({
      column: label,
      value: null,
      problem: problem('missing_required_column', {
        label,
        englishLabel: englishHeaderOf(spec),
        field: spec.name,
        headers: headerListParam(spec.headers),
      }),
    });
  }
  return resolution;
}
