/** A file's records repeating a key: a customer code, a document reference or an order number twice. */
import type { ImportEntity } from './entities.ts';
import { type ProblemCode, problem } from './problems.ts';
import type { RowContext } from './row-context.ts';

const KEY_FIELDS: Record<ImportEntity, { field: string; duplicate: ProblemCode }> = {
  customers: { field: 'code', duplicate: 'duplicate_customer_code' },
  invoices: { field: 'externalRef', duplicate: 'duplicate_invoice_number' },
  'credit-notes': { field: 'externalRef', duplicate: 'duplicate_credit_note_number' },
  payments: { field: 'externalRef', duplicate: 'duplicate_payment_reference' },
  orders: { field: 'number', duplicate: 'duplicate_order_number' },
};

/** Keys already seen (→ first line), to report a repeated customer code / reference / order number. */
export class DuplicateChecker {
  readonly #entity: ImportEntity;
  readonly #firstLineByKey = new Map<string, number>();

  constructor(entity: ImportEntity) {
    this.#entity = entity;
  }

  check(row: RowContext, defaultSource: string): void {
    const { field, duplicate } = KEY_FIELDS[this.#entity];
    const value = row.text(field);
    if (value === null) return;
    // A document reference is unique per source, which a Source column may vary.
    const source = field === 'externalRef' ? row.text('source') : null;
    const key = source === null || source === defaultSource ? value : `${source}\u0000${value}`;
    const firstLine = this.#firstLineByKey.get(key);
    if (firstLine === undefined) this.#firstLineByKey.set(key, row.line);
    else row.fail(field, problem(duplicate, { value, firstLine }), value);
  }
}
