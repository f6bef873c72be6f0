/** Shape of a field description, and the fields several entities share. */

export type FieldType = 'text' | 'date' | 'amount' | 'integer' | 'enum' | 'list';

export interface FieldSpec {
  /** Field name, also accepted as a header and as the target of `--map column=field`. */
  name: string;
  required: boolean;
  type: FieldType;
  /** Accepted headers, most usual first. */
  headers: readonly string[];
  description: string;
}
export function field(
  name: string,
  type: FieldType,
  description: string,
  headers: readonly string[],
  required = false,
): FieldSpec {
  return { name, type, description, headers, required };
}

export const REQUIRED = true;

export const CUSTOMER_CODE = field(
  'customerCode',
  'text',
  'customer code, as in the customers file',
  [
    'Code client',
    'N° client',
    'Client',
    'Compte client',
    'Code tiers',
    'Customer code',
    'Customer number',
    'Customer ID',
    'Customer',
    'Customer ref',
    'Customer reference',
    'Customer account',
    'Client ID',
    'ID client',
    'Référence client',
  ],
  REQUIRED,
);

export const CURRENCY = field('currency', 'text', 'ISO 4217 code, EUR when absent', [
  'Devise',
  'Monnaie',
  'Currency',
]);
export const SOURCE = field(
  'source',
  'text',
  'origin of the records, the file format ("csv", "xlsx") when absent',
  ['Source', 'Origine', 'Origin'],
);
export const LABEL = field('label', 'text', 'free label', [
  'Libellé',
  'Désignation',
  'Objet',
  'Label',
  'Description',
]);
