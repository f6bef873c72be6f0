/**
 * A file's kind as far as its dates go, under which the day/month order its values showed is
 * remembered for the company's next file of that kind (see date-order.ts and migration 0055).
 */
import { ENTITY_FIELDS, type ImportEntity } from './entities.ts';
import type { ColumnResolution } from './fields.ts';

/**
 * A file's kind as far as its dates go: the entity's date fields it has, each with its column's
 * header (trimmed, lower case), in field order. Two exports of one system share it; null without
 * a date column.
 */
export function dateColumnsKey(
  entity: ImportEntity,
  resolution: ColumnResolution,
  headers: readonly string[],
) {
  const parts = ENTITY_FIELDS[entity].flatMap((spec) => {
    const column = spec.type === 'date' ? resolution.columnByField.get(spec.name) : undefined;
    if (column === undefined) return [];
    return [`${spec.name}=${(headers[column] ?? '').trim().toLowerCase()}`];
  });
  return parts.length === 0 ? null : `${entity}:${parts.join(';')}`;
}
