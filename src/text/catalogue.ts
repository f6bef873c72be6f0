/**
 * The one text catalogue: every message, label of a code and document heading, in French (the
 * default) and English. Messages are ICU (FormatJS): `t('customers.count', { n: 3 })`.
 * Codes of the core become words with `label(lang, 'customerType', 'wholesaler')`.
 */
import { agingBucketLabel } from './aging-buckets.ts';
import { anomalyKindLabel } from './anomalies.ts';
import { formatMessage, LANGS, type Lang, MESSAGES, type MessageParams, missing } from './icu.ts';
import { paymentTermsLabel } from './payment-terms.ts';

export type { Lang, MessageParams } from './icu.ts';
export { LANGS, LOCALES } from './icu.ts';

export type Translate = (key: string, params?: MessageParams) => string;

/** 'en' for anything that says English ('en', 'en-GB', 'EN'), French otherwise: French is the default. */
export function toLang(value: unknown): Lang {
  return typeof value === 'string' && /^en\b/i.test(value.trim()) ? 'en' : 'fr';
}

export function isLang(value: unknown): value is Lang {
  return LANGS.includes(value as Lang);
}

export function hasMessage(key: string, lang: Lang = 'fr'): boolean {
  return MESSAGES[lang].has(key);
}

/** Every message key (French, the reference language). */
export function messageKeys(): string[] {
  return [...MESSAGES.fr.keys()];
}

export function translator(lang: Lang): Translate {
  return (key, params) => formatMessage(lang, key, params) ?? missing(`message ${key} (${lang})`);
}

/** Domains whose labels are computed from the code rather than listed (every day count, every bucket). */
const COMPUTED: Readonly<Record<string, (lang: Lang, code: string) => string | null>> = {
  paymentTerms: paymentTermsLabel,
  agingBucket: agingBucketLabel,
  anomalyKind: anomalyKindLabel,
};

/**
 * The label of a code of a domain (`customerType`, `customerStatus`, `documentKind`, `eventKind`,
 * `orderStatus`, `role`, `riskLevel`, `riskRule`, `riskAction`, `severity`, `anomalyKind`,
 * `importProblem`, `auditAction`, `auditEntity`, `auditField`, `paymentTerms`, `agingBucket`…;
 * `src/text/domains.ts` lists them). No code → '—'.
 */
export function label(lang: Lang, domain: string, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  const computed = COMPUTED[domain];
  if (computed) return computed(lang, code) ?? missing(`label ${domain}.${code} (${lang})`);
  return formatMessage(lang, `${domain}.${code}`) ?? missing(`label ${domain}.${code} (${lang})`);
}

export function hasLabel(lang: Lang, domain: string, code: string): boolean {
  const computed = COMPUTED[domain];
  return computed ? computed(lang, code) !== null : MESSAGES[lang].has(`${domain}.${code}`);
}
