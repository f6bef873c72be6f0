/**
 * An audit entry in words: the action and each changed field by its label, values as a person
 * reads them (amounts formatted, codes labelled), never JSON or minor units.
 */
import { hasLabel, type Lang, label } from './catalogue.ts';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercentBps,
} from './format.ts';
import { formatMessage } from './icu.ts';

/**
 * Fields whose values are codes, with the label domains to read them in, first match wins: one
 * field name serves several entities (`kind` of an event, a job or a limit request). Read only
 * when the entry's entity is not known or says nothing of the field (ENTITY_CODE_FIELDS first).
 */
const CODE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  paymentTerms: ['paymentTerms'],
  customerType: ['customerType'],
  status: ['customerStatus', 'orderStatus', 'mailStatus', 'jobStatus', 'limitRequestStatus'],
  role: ['role'],
  requiredRole: ['role'],
  approverRole: ['role'],
  kind: ['eventKind', 'jobKind', 'limitKind'],
  language: ['language'],
  decision: ['creditDecision'],
  reasons: ['procedure.reason'],
  department: ['dunningDepartment'],
  channel: ['dunningChannel'],
};

/**
 * The domain of a field that means something else on each entity: a held order's `held` is not
 * a held e-mail's, nor is an order decision's `released` an imported order's.
 */
const ENTITY_CODE_FIELDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  customer: { status: ['customerStatus'], kind: ['eventKind'] },
  order: { status: ['orderStatus'] },
  order_decision: { status: ['orderDecisionStatus'] },
  mail: { status: ['mailStatus'] },
  job: { status: ['jobStatus'], kind: ['jobKind'] },
  job_schedule: { kind: ['jobKind'] },
  limit_request: { status: ['limitRequestStatus'], kind: ['limitKind'] },
  credit_limit: { kind: ['limitKind'] },
  insurer_cover: { status: ['coverStatus'] },
  dunning_dispute: { status: ['dunningDisputeStatus'] },
  dunning_promise: { status: ['dunningPromiseStatus'] },
  dunning_task: { status: ['dunningTaskStatus'], kind: ['dunningTaskKind'] },
  dunning_action: { status: ['dunningActionStatus'] },
  invoice: { channel: ['invoiceChannel'] },
};

/**
 * Statuses an area words with one select message rather than a label domain (`promotions.status`:
 * « {status, select, submitted {À approuver} … } »): read with that message for the entry's entity.
 */
const ENTITY_SELECT_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  promotion: { status: 'promotions.status' },
  write_off: { status: 'writeoff.status' },
  insurance_claim: { status: 'insurance.status' },
};

function selectMessage(field: string, entity: string | undefined): string | undefined {
  return entity === undefined ? undefined : ENTITY_SELECT_FIELDS[entity]?.[field];
}

function codeDomains(field: string, entity: string | undefined): readonly string[] | undefined {
  return (entity === undefined ? undefined : ENTITY_CODE_FIELDS[entity]?.[field]) ?? CODE_FIELDS[field];
}

/**
 * Technical fields a reader has no use for: row ids, the company, the currency (amounts carry it),
 * the internal numbers of letters, tasks, steps and attachments the entry's own key already names.
 */
export const HIDDEN_AUDIT_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'companyId',
  'currency',
  'importedEventId',
  'batchLetterId',
  'batchLetterIds',
  'taskIds',
  'stepIds',
  'attachmentId',
  'partnerId',
  'requestId',
  'coverId',
  'policyId',
  'writeOffDocumentId',
]);

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

function codeLabel(lang: Lang, domains: readonly string[], value: string): string {
  const domain = domains.find((candidate) => hasLabel(lang, candidate, value));
  return domain ? label(lang, domain, value) : value;
}

export interface AuditChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** A number: a rate in basis points as a percentage, an identifier as it is, a count grouped. */
function numberValue(lang: Lang, field: string, value: number, currency: string): string {
  if (field.endsWith('Minor')) return formatMoney(lang, value, currency);
  if (/Bps?$/.test(field)) return formatPercentBps(lang, value);
  if (/Ids?$/.test(field)) return String(value);
  return formatNumber(lang, value);
}

/** A string: a code by its label, a date, a month or an instant formatted, any other text as it is. */
function stringValue(lang: Lang, field: string, value: string, entity: string | undefined): string {
  const select = selectMessage(field, entity);
  const worded = select === undefined ? undefined : formatMessage(lang, select, { [field]: value });
  if (worded !== undefined) return capitalised(worded);
  const domains = codeDomains(field, entity);
  if (domains) return codeLabel(lang, domains, value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(lang, value);
  if (/^\d{4}-\d{2}$/.test(value)) return formatMonth(lang, value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(lang, value);
  return value;
}

/**
 * One value: money for `…Minor` fields, a label for codes (read as codes of `entity` when given),
 * names for contacts, dates formatted.
 */
export function auditValue(
  lang: Lang,
  field: string,
  value: unknown,
  currency: string,
  entity?: string,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return numberValue(lang, field, value, currency);
  if (typeof value === 'string') return stringValue(lang, field, value, entity);
  if (typeof value === 'boolean')
    return formatMessage(lang, value ? 'common.yes' : 'common.no') ?? String(value);
  if (Array.isArray(value))
    return value.map((item) => auditValue(lang, field, item, currency, entity)).join(', ');
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

/** What an entry's values are read with: the entry's entity (its codes), the currency of its amounts. */
export interface AuditReading {
  entity?: string | undefined;
  currency?: string | undefined;
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
  const money = String(after?.['currency'] ?? before?.['currency'] ?? reading.currency ?? 'EUR');
  const { entity } = reading;
  return (
    [...fields]
      .filter((field) => !hidden(field, before?.[field], after?.[field]))
      .filter((field) => JSON.stringify(before?.[field]) !== JSON.stringify(after?.[field]))
      .map((field) => ({
        field,
        label: auditFieldLabel(lang, field),
        before: auditValue(lang, field, before?.[field], money, entity),
        after: auditValue(lang, field, after?.[field], money, entity),
      }))
      // A field absent on one side and empty on the other did not change: no « — → — ».
      .filter((change) => before === null || change.before !== change.after)
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
        formatMessage(lang, before === null ? 'audit.set' : 'audit.change', {
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

export function auditEntityLabel(lang: Lang, entity: string): string {
  return hasLabel(lang, 'auditEntity', entity) ? label(lang, 'auditEntity', entity) : entity;
}

/** Authors that are not people: the command line, the demo loader, the server itself, a schedule. */
export function auditActorLabel(lang: Lang, actor: string): string {
  const schedule = /^schedule (\d+)$/.exec(actor);
  if (schedule) return formatMessage(lang, 'auditActor.schedule', { id: schedule[1] as string }) ?? actor;
  return hasLabel(lang, 'auditActor', actor) ? label(lang, 'auditActor', actor) : actor;
}

/** « approuvé » as a value of its own reads « Approuvé », as the label domains write their codes. */
function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
