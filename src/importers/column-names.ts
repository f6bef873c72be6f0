/** The header naming each field of an entity in the problems of a file, for the person who reads them. */
import { ENTITY_FIELDS, type ImportEntity } from './entities.ts';
import { fieldLabel } from './field-spec.ts';
import type { ColumnResolution } from './fields.ts';

/**
 * Every field → the file's own header for it, else the field's usual one (a missing column, a
 * value computed from the customer such as a due date): problems never show a field's code name.
 */
export function columnNamesOf(
  entity: ImportEntity,
  resolution: Pick<ColumnResolution, 'columnByField'>,
  headers: readonly string[],
): Record<string, string> {
  const names: Record<string, string> = {};
  for (const spec of ENTITY_FIELDS[entity]) {
    const index = resolution.columnByField.get(spec.name);
    names[spec.name] = (index === undefined ? undefined : headers[index]) ?? fieldLabel(spec);
  }
  return names;
}
