/**
 * What becomes of the columns of a file no field takes. A customers file updates the customers it
 * names field by field, so a misspelled header ("Plafondd") would silently leave a field as it was
 * while the user believes it changed: its unknown columns are refused. Document files carry many
 * columns an ERP adds (totals before tax, VAT…) and change nothing through them: those are read
 * past, and said, with the header each is near. But a header misspelt from one of the entity's
 * ("Echéances" for « Échéance ») whose field the file has no column for is most likely that
 * field: ignored, its values would silently come from elsewhere (due dates from the payment
 * terms), so it is refused like a customers file's, unless the person asked to ignore unknown
 * columns. A header that only holds the words of one ("Description article", "Statut livraison")
 * is as often another column of the ERP: files such as these, accepted before, still are.
 */
import type { ImportEntity } from './entities.ts';
import { closestHeader, nearestHeader, normaliseHeader, recognisedHeader } from './header-match.ts';
import type { ImportNotice } from './import-notices.ts';
import { type Problem, problem } from './problems.ts';

/**
 * A short header one letter from a known one is as often another word ("Devis", a quote, beside
 * « Devise »; "Taux" beside "Tax"): only a misspelling of this many letters or more is refused.
 */
const MIN_REFUSED_MISSPELLING = 7;

const refusedMisspelling = (column: string, misspelt: boolean): boolean =>
  misspelt && normaliseHeader(column).replace(/ /g, '').length >= MIN_REFUSED_MISSPELLING;

/** Entities whose unknown columns are refused (see above). */
const STRICT_COLUMN_ENTITIES: ReadonlySet<ImportEntity> = new Set(['customers']);

/** What a file's unknown columns do: refused (customers; near misses), or skipped when the person said so. */
export type UnknownColumns = 'refuse' | 'ignore';

export interface IgnoredColumns {
  problems: Array<{ column: string; problem: Problem }>;
  /** One per column read past, in the file's order: an accepted file says what it did not read. */
  notices: ImportNotice[];
}

/**
 * The problems and notices of the `unmapped` headers of a file whose columns feed the fields of
 * `columnByField`. A column the person mapped to « ignore » is not among them: it was their choice.
 */
export function judgeIgnoredColumns(
  entity: ImportEntity,
  headers: readonly string[],
  columnByField: ReadonlyMap<string, number>,
  unmapped: readonly string[],
  unknownColumns: UnknownColumns,
): IgnoredColumns {
  const judged: IgnoredColumns = { problems: [], notices: [] };
  const strict = STRICT_COLUMN_ENTITIES.has(entity) && unknownColumns === 'refuse';
  for (const column of unmapped) {
    if (strict) {
      judged.problems.push({ column, problem: unknownColumnProblem(column, closestHeader(entity, column)) });
      continue;
    }
    // A header of a field read from another column (or left out, a "Litige" of comments).
    const recognised = recognisedHeader(entity, column);
    if (recognised) {
      const other = columnByField.get(recognised.spec.name);
      const otherHeader = other === undefined ? undefined : headers[other];
      judged.notices.push(
        otherHeader === undefined
          ? { code: 'column_ignored', params: { column } }
          : { code: 'column_ignored_field_taken', params: { column, other: otherHeader } },
      );
      continue;
    }
    const near = nearestHeader(entity, column);
    if (near === null) judged.notices.push({ code: 'column_ignored', params: { column } });
    else if (
      refusedMisspelling(column, near.misspelt) &&
      !columnByField.has(near.spec.name) &&
      unknownColumns === 'refuse'
    )
      judged.problems.push({ column, problem: unknownColumnProblem(column, near.header) });
    else judged.notices.push({ code: 'column_ignored_near', params: { column, suggestion: near.header } });
  }
  return judged;
}

function unknownColumnProblem(column: string, suggestion: string | null): Problem {
  return suggestion === null
    ? problem('unknown_column_no_match', { column })
    : problem('unknown_column', { column, suggestion });
}
