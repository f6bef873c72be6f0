/**
 * An audit entry in words: the action and each changed field by its label, values as a person
 * reads them (src/text/audit-values.ts: amounts formatted, codes labelled, colleagues named), never
 * JSON or minor units; a field given nothing is left out rather than shown empty.
 */
import { CUSTOMER_KEYED_ENTITIES } from '../core/audit-keys.ts';
import { auditFieldLabel, auditValue, HIDDEN_AUDIT_FIELDS, isNothing } from './audit-values.ts';
import { hasLabel, type Lang, label } from './catalogue.ts';
import { formatMessage } from './icu.ts';
import { semesterWords } from './rate-gaps.ts';

export { auditFieldLabel, auditValue, HIDDEN_AUDIT_FIELDS } from './audit-values.ts';

/** A value that says nothing: a job's parameters all left to their defaults, for one. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as object).every(isEmpty);
  return false;
}

/** Hidden from the change list: technical fields, and the parameters of a job when all are empty. */
function hidden(field: string, before: unknown, after: unknown): boolean {
  return HIDDEN_AUDIT_FIELDS.has(field) || (field === 'payload' && isEmpty(before) && isEmpty(after));
}

export interface AuditChange {
  field: string;
  label: string;
  before: string;
  after: string;
  /** The field had no value before the entry (a record created, a detail added): « Champ : valeur ». */
  set: boolean;
}

/**
 * What an entry's values are read with: the entry's entity (its codes), the currency of its
 * amounts, and the names of colleagues by e-mail (a portfolio's collector, a note's mentions).
 */
export interface AuditReading {
  entity?: string | undefined;
  currency?: string | undefined;
  nameOf?: ((email: string) => string) | undefined;
}

type AuditValues = Readonly<Record<string, unknown>> | null;

/**
 * The values of an entry under the field names the log labels: imports wrote their SQL column
 * names before (credit_limit_minor), which read as creditLimitMinor (money, labelled) today.
 */
function withFieldNames(values: AuditValues): AuditValues {
  if (values === null || !Object.keys(values).some((field) => field.includes('_'))) return values;
  return Object.fromEntries(
    Object.entries(values).map(([field, value]) => [
      field.replace(/_([a-z0-9])/g, (_match, next: string) => next.toUpperCase()),
      value,
    ]),
  );
}

/** The fields that changed between `before` and `after`, in words. */
export function auditChanges(
  lang: Lang,
  loggedBefore: AuditValues,
  loggedAfter: AuditValues,
  reading: AuditReading = {},
): AuditChange[] {
  const before = withFieldNames(loggedBefore);
  const after = withFieldNames(loggedAfter);
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const currency = String(after?.['currency'] ?? before?.['currency'] ?? reading.currency ?? 'EUR');
  const values = { lang, currency, entity: reading.entity, nameOf: reading.nameOf };
  const absentBefore = (field: string) => before === null || !Object.hasOwn(before, field);
  return (
    [...fields]
      .filter((field) => !hidden(field, before?.[field], after?.[field]))
      .filter((field) => JSON.stringify(before?.[field]) !== JSON.stringify(after?.[field]))
      // A field first given nothing (an empty list of documents) says nothing: no « Pièces : ».
      .filter((field) => !(absentBefore(field) && isNothing(after?.[field])))
      .map((field) => ({
        field,
        label: auditFieldLabel(lang, field),
        before: auditValue(values, field, before?.[field]),
        after: auditValue(values, field, after?.[field]),
        set: absentBefore(field),
      }))
      // A field absent on one side and empty on the other did not change: no « — → — ».
      .filter((change) => change.set || change.before !== change.after)
  );
}

/** « Limite de crédit : 50 000,00 € → 80 000,00 € ; Statut : Actif → Bloqué » */
export function describeAuditChanges(
  lang: Lang,
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>> | null,
  reading: AuditReading = {},
): string {
  return auditChanges(lang, before, after, reading)
    .map(
      (change) =>
        formatMessage(lang, change.set ? 'audit.set' : 'audit.change', {
          field: change.label,
          before: change.before,
          after: change.after,
        }) ?? change.label,
    )
    .join(formatMessage(lang, 'audit.separator') ?? ' ; ');
}

/** The action of an entry (« Fiche client modifiée »); an action without a label shows as it is. */
export function auditActionLabel(lang: Lang, action: string): string {
  return hasLabel(lang, 'auditAction', action) ? label(lang, 'auditAction', action) : action;
}

/** The entities whose entries are keyed by a customer's code: the page links the key to its file. */
export const KEYED_BY_CUSTOMER: ReadonlySet<string> = new Set(CUSTOMER_KEYED_ENTITIES);

/** The record's key as a person reads it: a half-year of the rate table in words (« 2nd semestre 2027 »). */
export function auditKeyWords(lang: Lang, entity: string, key: string): string {
  return entity === 'dunning_rate' ? semesterWords(lang, key) : key;
}

export function auditEntityLabel(lang: Lang, entity: string): string {
  return hasLabel(lang, 'auditEntity', entity) ? label(lang, 'auditEntity', entity) : entity;
}

/** A background job's actor, « <who started it> (job N) » (app/jobs/runner.ts). */
export const JOB_ACTOR = /^(.+) \(job \d+\)$/;

/** Authors that are not people: the command line, the demo loader, the server itself, a schedule. */
export function auditActorLabel(lang: Lang, actor: string): string {
  // A background job acts as « <who started it> (job N) »: the reader is told who started it.
  const starter = JOB_ACTOR.exec(actor)?.[1];
  if (starter) return auditActorLabel(lang, starter);
  const schedule = /^schedule (\d+)$/.exec(actor);
  if (schedule) return formatMessage(lang, 'auditActor.schedule', { id: schedule[1] as string }) ?? actor;
  return hasLabel(lang, 'auditActor', actor) ? label(lang, 'auditActor', actor) : actor;
}
