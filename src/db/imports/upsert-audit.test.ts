/**
 * The audit entries of the rows an import changes read like every other entry: the fields under
 * the names the log labels (creditLimitMinor, not credit_limit_minor), each labelled in both
 * languages, the documents named by their kind.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '#core/types';
import { HIDDEN_AUDIT_FIELDS } from '#text/audit';
import { hasLabel, LANGS } from '#text/catalogue';
import { CUSTOMER_UPSERT, DOCUMENT_UPSERT, INVOICE_UPSERT, ORDER_UPSERT } from './entity-columns.ts';
import { auditFieldOf, IMPORT_AUDIT_ACTION, type UpsertSpec } from './upsert.ts';

const SPECS: readonly UpsertSpec<never>[] = [CUSTOMER_UPSERT, DOCUMENT_UPSERT, INVOICE_UPSERT, ORDER_UPSERT];

/** The columns an update compares, hence writes to the log (upsertStaged). */
function loggedFields(spec: UpsertSpec<never>): string[] {
  const insertOnly = new Set(spec.insertOnlyColumns ?? []);
  return spec.columns
    .map((column) => column.name)
    .filter((name) => name !== 'line' && !spec.keyColumns.includes(name) && !insertOnly.has(name))
    .map(auditFieldOf);
}

describe('audit entries of an import', () => {
  it('name the columns as the other entries name their fields', () => {
    expect(auditFieldOf('credit_limit_minor')).toBe('creditLimitMinor');
    expect(auditFieldOf('address_line1')).toBe('addressLine1');
    expect(auditFieldOf('payment_terms')).toBe('paymentTerms');
    expect(loggedFields(CUSTOMER_UPSERT)).toContain('creditLimitMinor');
    expect(loggedFields(DOCUMENT_UPSERT)).toContain('amountMinor');
  });

  it.each(LANGS)('label the action, the entities and every field written, in %s', (lang) => {
    expect(hasLabel(lang, 'auditAction', IMPORT_AUDIT_ACTION)).toBe(true);
    const fields = new Set(SPECS.flatMap(loggedFields));
    expect(
      [...fields].filter((field) => !HIDDEN_AUDIT_FIELDS.has(field) && !hasLabel(lang, 'auditField', field)),
    ).toEqual([]);
    // Documents are logged under their kind (DOCUMENT_UPSERT.auditEntityColumn).
    const entities = [CUSTOMER_UPSERT.entity, ORDER_UPSERT.entity, ...DOCUMENT_KINDS];
    expect(entities.filter((entity) => !hasLabel(lang, 'auditEntity', entity))).toEqual([]);
  });
});
