/**
 * The fields of an entity described for a person: each with its type, whether it is required,
 * what it holds and the headers that name it (the README, `encours import --help`).
 */
import { ENTITY_FIELDS, type FieldType, type ImportEntity } from './entities.ts';

export interface FieldHelp {
  field: string;
  required: boolean;
  type: FieldType;
  description: string;
  headers: readonly string[];
}

/** Fields of an entity with their accepted headers, for the README and `--help`. */
export function listEntityFields(entity: ImportEntity): FieldHelp[] {
  return ENTITY_FIELDS[entity].map((spec) => ({
    field: spec.name,
    required: spec.required,
    type: spec.type,
    description: spec.description,
    headers: spec.headers,
  }));
}

/** Plain-text help: one line per field, "*" marking required ones. */
export function formatEntityFieldsHelp(entity: ImportEntity): string {
  const lines = listEntityFields(entity).map(
    (help) =>
      `  ${help.required ? '*' : ' '} ${help.field.padEnd(19)} ${help.type.padEnd(6)} ${help.description}\n` +
      `      headers: ${help.headers.join(' | ')}`,
  );
  return `${entity} (* = required)\n${lines.join('\n')}`;
}
