/**
 * An audit entry in words: the action and each changed field by its label, values as a person
 * reads them (amounts formatted, codes labelled), never JSON or minor units.
 */
import { hasLabel, type Lang, label } from './catalogue.ts';
import { formatDate, formatMoney } from './format.ts';
import { formatMessage } from './icu.ts';

/** Fields whose values are codes of a label domain. */
const CODE_FIELDS: Readonly<Record<string, string>> = {
  paymentTerms: 'paymentTerms',
  customerType: 'customerType',
  status: 'customerStatus',
  role: 'role',
  kind: 'eventKind',
  language: 'language',
};

export interface AuditChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** One value: money for `…Minor` fields, a label for codes, names for contacts, dates formatted. */
export function auditValue(lang: Lang, field: string, value: unknown, currency: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field.endsWith('Minor') && typeof value === 'number') return formatMoney(lang, value, currency);
  const domain = CODE_FIELDS[field];
  if (domain && typeof value === 'string')
    return hasLabel(lang, domain, value) ? label(lang, domain, value) : value;
  if (typeof value === 'boolean')
    return formatMessage(lang, value ? 'common.yes' : 'common.no') ?? String(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(lang, value);
  if (Array.isArray(value)) return value.map((item) => auditValue(lang, field, item, currency)).join(', ');
  if (typeof value === 'object') {
    // A contact (or any record): its readable parts, not its JSON.
    const parts = Object.values(value as Record<string, unknown>).filter(
      (part) => typeof part === 'string' && part !== '',
    );
    return parts.length ? parts.join(' · ') : '—';
  }
  return String(value);
}

export function auditFieldLabel(lang: Lang, field: string): string {
  return hasLabel(lang, 'auditField', field) ? label(lang, 'auditField', field) : field;
}

/** The fields that changed between `before` and `after`, in words. */
export function auditChanges(
  lang: Lang,
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>> | null,
  currency = 'EUR',
): AuditChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  fields.delete('currency');
  const money = String(after?.['currency'] ?? before?.['currency'] ?? currency);
  return [...fields]
    .filter((field) => JSON.stringify(before?.[field]) !== JSON.stringify(after?.[field]))
    .map((field) => ({
      field,
      label: auditFieldLabel(lang, field),
      before: auditValue(lang, field, before?.[field], money),
      after: auditValue(lang, field, after?.[field], money),
    }));
}

/** « Limite de crédit : 50 000,00 € → 80 000,00 € ; Statut : Actif → Bloqué » */
export function describeAuditChanges(
  lang: Lang,
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>> | null,
  currency?: string,
): string {
  return auditChanges(lang, before, after, currency)
    .map(
      (change) =>
        formatMessage(lang, before === null ? 'audit.set' : 'audit.change', {
          field: change.label,
          before: change.before,
          after: change.after,
        }) ?? change.label,
    )
    .join(' ; ');
}

/** The action of an entry (« Fiche client modifiée »); an action without a label shows as it is. */
export function auditActionLabel(lang: Lang, action: string): string {
  return hasLabel(lang, 'auditAction', action) ? label(lang, 'auditAction', action) : action;
}

export function auditEntityLabel(lang: Lang, entity: string): string {
  return hasLabel(lang, 'auditEntity', entity) ? label(lang, 'auditEntity', entity) : entity;
}
