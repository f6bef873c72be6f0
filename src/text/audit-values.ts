/**
 * One value of an audit entry as a person reads it: money formatted from minor units, rates as
 * percentages, codes in the catalogue's words (src/text/audit-codes.ts), dates in the reader's way
 * (15/07/2026), colleagues by name, records by their parts — never JSON, a raw code or an e-mail
 * where a name is known.
 */
import { DEFAULT_ORDER_CHECK_RULES } from '../core/credit/order-check.ts';
import { codeWording, RECORD_KEY_CODES, wordCode } from './audit-codes.ts';
import { hasLabel, hasMessage, type Lang, label } from './catalogue.ts';
import { cronWords } from './cron-words.ts';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPercentBps,
} from './format.ts';
import { formatMessage } from './icu.ts';
import { modelVersionNumber } from './model-version.ts';
import { semesterWords } from './rate-gaps.ts';

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
  // A forecast's model is named by its version, shown beside it.
  'modelId',
]);

/** Fields whose values are colleagues' e-mails: read as their names when the reader knows them. */
export const PERSON_FIELDS: ReadonlySet<string> = new Set([
  'collector',
  'mentions',
  'createdBy',
  'updatedBy',
]);

/** How the values of one entry are read. */
export interface ValueReading {
  lang: Lang;
  /** The currency of amounts that do not carry their own. */
  currency: string;
  /** The entry's entity: its fields' codes are read as that entity's (a legal partner's `kind`). */
  entity?: string | undefined;
  /** A colleague's name from their e-mail (the users directory); the e-mail stays without it. */
  nameOf?: ((email: string) => string) | undefined;
}

/** Nothing to read: no value, no text, an empty list or a record of nothing. */
export function isNothing(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.every(isNothing);
  if (typeof value === 'object') return Object.values(value as object).every(isNothing);
  return false;
}

export function auditFieldLabel(lang: Lang, field: string): string {
  return hasLabel(lang, 'auditField', field) ? label(lang, 'auditField', field) : field;
}

/** A number: money, a rate in basis points or a confidence as a percentage, an id as it is, a count grouped. */
function numberValue(reading: ValueReading, field: string, value: number): string {
  const { lang } = reading;
  if (field.endsWith('Minor')) return formatMoney(lang, value, reading.currency);
  if (/Bps?$/.test(field)) return formatPercentBps(lang, value);
  if (field === 'confidence') return formatPercent(lang, value);
  if (/Ids?$/.test(field)) return String(value);
  return formatNumber(lang, value);
}

/**
 * The order-check rules an order was judged by: the built-in version by its date (« règles par
 * défaut du 01/01/2026 », not « default-2026-01 »), a version the company stored by its name.
 */
function rulesVersionWords(lang: Lang, value: string): string {
  const builtIn = value === DEFAULT_ORDER_CHECK_RULES.version;
  const date = formatDate(lang, DEFAULT_ORDER_CHECK_RULES.effectiveFrom);
  return (
    formatMessage(lang, 'audit.rulesVersion', { builtIn: builtIn ? 'yes' : 'no', name: value, date }) ?? value
  );
}

/**
 * Fields whose text is a code of their own: a half-year of the rate table (« 2nd semestre 2026 »),
 * a schedule's cron expression (« Tous les lundis à 06:00 »), the forecast model's version (« 10 »,
 * as the forecast page says « version 10 »), the order-check rules' version.
 */
const WORDED_TEXT: Readonly<Record<string, (lang: Lang, value: string) => string>> = {
  semester: semesterWords,
  cron: cronWords,
  modelVersion: (_lang, value) => modelVersionNumber(value),
  rulesVersion: rulesVersionWords,
};

/** A string: a code in words, a colleague by name, a date, a month or an instant formatted, text as it is. */
function stringValue(reading: ValueReading, field: string, value: string, parent?: string): string {
  const { lang } = reading;
  const wording = codeWording(field, reading.entity, parent);
  const worded = wording === undefined ? undefined : wordCode(lang, wording, value);
  if (worded !== undefined) return worded;
  if (PERSON_FIELDS.has(field)) return reading.nameOf?.(value) ?? value;
  const wordedText = WORDED_TEXT[field];
  if (wordedText) return wordedText(lang, value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(lang, value);
  if (/^\d{4}-\d{2}$/.test(value)) return formatMonth(lang, value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(lang, value);
  return value;
}

/** `value` with its name before it (« Intérêts : 12,00 € »), for a part that means nothing alone. */
function named(lang: Lang, name: string, value: string): string {
  return formatMessage(lang, 'audit.part', { field: name, value }) ?? `${name} ${value}`;
}

/**
 * A policy's scope reads as the policy screens word it (« Type de client : PME »): its kind's
 * message with the scope's one value in words.
 */
function scopeValue(reading: ValueReading, record: Record<string, unknown>): string | undefined {
  const kind = record['kind'];
  if (typeof kind !== 'string' || !hasMessage(`dunningPolicyScope.${kind}`, reading.lang)) return undefined;
  const [field, value] = Object.entries(record).find(([key]) => key !== 'kind') ?? [];
  const worded = field === undefined ? '' : auditValue(reading, field, value);
  return formatMessage(reading.lang, `dunningPolicyScope.${kind}`, { value: worded });
}

/**
 * A record (a contact, an instalment, a policy step): its parts in words. Text, dates and codes
 * speak for themselves; a count, a yes/no or one of several amounts is named, since « 3 » or
 * « Oui » alone says nothing. Amounts are in the record's own currency when it has one.
 */
function recordValue(reading: ValueReading, parent: string, record: Record<string, unknown>): string {
  if (parent === 'scope') {
    const scope = scopeValue(reading, record);
    if (scope !== undefined) return scope;
  }
  const own = typeof record['currency'] === 'string' ? { ...reading, currency: record['currency'] } : reading;
  const parts = Object.entries(record).filter(
    ([field, value]) => !HIDDEN_AUDIT_FIELDS.has(field) && !isNothing(value),
  );
  const amounts = parts.filter(([field]) => field.endsWith('Minor')).length;
  const byCode = RECORD_KEY_CODES[parent];
  const text = parts.map(([field, value]) => {
    if (byCode) {
      const key = wordCode(reading.lang, byCode.keys, field) ?? field;
      return named(reading.lang, key, auditValue(own, byCode.values, value, parent));
    }
    const worded = auditValue(own, field, value, parent);
    const alone = field.endsWith('Minor')
      ? amounts === 1
      : typeof value !== 'number' && typeof value !== 'boolean';
    return alone ? worded : named(reading.lang, auditFieldLabel(reading.lang, field), worded);
  });
  return text.length > 0 ? text.join(' · ') : '—';
}

/**
 * One value of `field` in words; `parent` is the record it is a part of, if any (a step's `kind`
 * is a step kind).
 */
export function auditValue(reading: ValueReading, field: string, value: unknown, parent?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return numberValue(reading, field, value);
  if (typeof value === 'string') return stringValue(reading, field, value, parent);
  if (typeof value === 'boolean')
    return formatMessage(reading.lang, value ? 'common.yes' : 'common.no') ?? String(value);
  if (Array.isArray(value)) {
    const items = value.filter((item) => !isNothing(item));
    return items.length > 0 ? items.map((item) => auditValue(reading, field, item, parent)).join(', ') : '—';
  }
  if (typeof value === 'object') return recordValue(reading, field, value as Record<string, unknown>);
  return String(value);
}
