/** Shape of a field description, and the fields several entities share. */

export type FieldType = 'text' | 'date' | 'amount' | 'integer' | 'enum' | 'list';

export interface FieldSpec {
  /** Field name, also accepted as a header and as the target of `--map column=field`. */
  name: string;
  required: boolean;
  type: FieldType;
  /** Accepted headers, most usual first. */
  headers: readonly string[];
  /**
   * The headers among `headers` that name the field only when no other header of it is in the
   * file. They were added after files carrying one of them next to a usual header ("Amount" and
   * "Invoice amount") had been imported with that column ignored: such files import as before.
   */
  laterHeaders: readonly string[];
  description: string;
}

/** A header accepted only when the file has no usual header for the field (see `laterHeaders`). */
export interface LaterHeader {
  later: string;
}
export function later(header: string): LaterHeader {
  return { later: header };
}

export function field(
  name: string,
  type: FieldType,
  description: string,
  headers: readonly (string | LaterHeader)[],
  required = false,
): FieldSpec {
  const texts = headers.map((header) => (typeof header === 'string' ? header : header.later));
  const laterHeaders = headers.flatMap((header) => (typeof header === 'string' ? [] : [header.later]));
  return { name, type, description, headers: texts, laterHeaders, required };
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
    later('Customer ref'),
    later('Customer reference'),
    later('Customer account'),
    later('Client ID'),
    later('ID client'),
    later('Référence client'),
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

/** The name a person knows a field by when the file has no column for it: its most usual header. */
export function fieldLabel(spec: FieldSpec): string {
  return spec.headers[0] ?? spec.name;
}
