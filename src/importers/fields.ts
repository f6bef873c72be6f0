/**
 * Header recognition: which column of the file feeds which field of the entity, from the headers
 * themselves or from the user's `--map column=field` choices.
 */
import { ENTITIES, ENTITY_FIELDS, type FieldSpec, type ImportEntity } from './entities.ts';
import { fieldLabel } from './field-spec.ts';
import { type Problem, problem } from './problems.ts';

export { ENTITIES, ENTITY_FIELDS, type FieldSpec, type FieldType, type ImportEntity } from './entities.ts';
// The fields described for a person live apart (field-help.ts); their users import them from here.
export { type FieldHelp, formatEntityFieldsHelp, listEntityFields } from './field-help.ts';

const NUMBER_WORDS = new Set(['n', 'no', 'nr', 'nro', 'num', 'numero', 'number']);
const STOP_WORDS = new Set(['de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'of', 'the']);

/**
 * "N° de facture", "Numéro facture", "Invoice No.", "Invoice #" → "numero facture" / "invoice numero":
 * no case, accents, punctuation or little words; every way of writing "number" becomes "numero".
 */
export function normaliseHeader(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2') // field names: "customerCode" → "customer Code"
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[°º˚#]/g, ' numero ')
    .replace(/\be[\s-]mail\b/g, 'email')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => (NUMBER_WORDS.has(word) ? 'numero' : word))
    .filter(
      (word, index, words) => !STOP_WORDS.has(word) && !(word === 'numero' && words[index - 1] === 'numero'),
    )
    .join(' ');
}

interface RecognisedHeader {
  spec: FieldSpec;
  /** One of the field's `laterHeaders`: it yields to the field's usual headers. */
  later: boolean;
}

const FIELD_BY_HEADER: ReadonlyMap<ImportEntity, ReadonlyMap<string, RecognisedHeader>> = new Map(
  ENTITIES.map((entity) => {
    const byHeader = new Map<string, RecognisedHeader>();
    for (const spec of ENTITY_FIELDS[entity]) {
      const laterHeaders = new Set(spec.laterHeaders);
      for (const header of [spec.name, ...spec.headers])
        byHeader.set(normaliseHeader(header), { spec, later: laterHeaders.has(header) });
    }
    return [entity, byHeader];
  }),
);

/** The field a header names for an entity, if any. */
export function recogniseHeader(entity: ImportEntity, header: string): FieldSpec | undefined {
  return FIELD_BY_HEADER.get(entity)?.get(normaliseHeader(header))?.spec;
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
}

function quoteList(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
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
        problem: problem('map_unknown_column', { column: columnHeader, columns: quoteList(headers) }),
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
  const byHeader = FIELD_BY_HEADER.get(entity);
  const recognised = headers.map((header, columnIndex) =>
    settledColumns.has(columnIndex) || header === '' ? undefined : byHeader?.get(normaliseHeader(header)),
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
 * Entities whose unknown columns are refused. A customers file updates the customers it names
 * field by field, so a misspelled header ("Plafondd") would silently leave a field as it was
 * while the user believes it changed; document files carry many columns an ERP adds (totals
 * before tax, VAT…) and change nothing through them.
 */
const STRICT_COLUMN_ENTITIES: ReadonlySet<ImportEntity> = new Set(['customers']);

/** What a customers file's unknown columns do: refused (the default), or skipped when the person said so. */
export type UnknownColumns = 'refuse' | 'ignore';

/**
 * Matches the file's headers to the entity's fields; problems are reported, never thrown.
 * `mapping` is `--map` (header → field, "ignore" drops the column); `ignoreColumns` is
 * `--ignore-column` (headers skipped without complaint); the headers of `leftOutFields` are not
 * recognised (a "Litige" column holding comments, see yes-no-column.ts); `unknownColumns: 'ignore'`
 * skips every column no field takes (the web page's « Ignorer les colonnes non reconnues »).
 */
export function resolveColumns(
  entity: ImportEntity,
  headers: readonly string[],
  mapping: Record<string, string> = {},
  ignoreColumns: readonly string[] = [],
  leftOutFields: readonly string[] = [],
  unknownColumns: UnknownColumns = 'refuse',
): ColumnResolution {
  const resolution: ColumnResolution = { columnByField: new Map(), unmappedColumns: [], problems: [] };
  const ignored = Object.fromEntries(ignoreColumns.map((header) => [header, 'ignore']));
  const settledColumns = applyMapping(entity, headers, { ...ignored, ...mapping }, resolution);
  recogniseColumns(entity, headers, settledColumns, resolution, leftOutFields);
  if (STRICT_COLUMN_ENTITIES.has(entity) && unknownColumns === 'refuse') {
    for (const header of resolution.unmappedColumns) {
      const suggestion = closestHeader(entity, header);
      resolution.problems.push({
        column: header,
        value: null,
        problem:
          suggestion === null
            ? problem('unknown_column_no_match', { column: header })
            : problem('unknown_column', { column: header, suggestion }),
      });
    }
  }
  for (const spec of ENTITY_FIELDS[entity]) {
    if (!spec.required || resolution.columnByField.has(spec.name)) continue;
    // Named by its usual (French) header: the person knows columns, not the field names.
    const label = fieldLabel(spec);
    resolution.problems.push({
      column: label,
      value: null,
      problem: problem('missing_required_column', {
        label,
        field: spec.name,
        headers: quoteList(spec.headers),
      }),
    });
  }
  return resolution;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The accepted header an unknown one most likely meant ("Plafondd" → "Plafond", "Téléphone
 * standard" → "Téléphone"), or null when none is close: a few letters apart for its length, or
 * all of its words in the unknown header. A far-fetched guess ("Remarque" → "E-mail") misleads.
 */
export function closestHeader(entity: ImportEntity, header: string): string | null {
  const wanted = normaliseHeader(header);
  const wantedWords = new Set(wanted.split(' '));
  let best = { header: '', distance: Number.POSITIVE_INFINITY };
  for (const spec of ENTITY_FIELDS[entity]) {
    for (const candidate of spec.headers) {
      const normalised = normaliseHeader(candidate);
      const words = normalised.split(' ');
      // "Téléphone standard" holds "Téléphone": as close as a typo.
      const contained = normalised.length >= 4 && words.every((word) => wantedWords.has(word));
      const distance = contained ? 1 : editDistance(wanted, normalised);
      if (distance < best.distance) best = { header: candidate, distance };
    }
  }
  return best.distance <= Math.max(1, Math.floor(wanted.length / 4)) ? best.header : null;
}
