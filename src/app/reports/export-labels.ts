/** Words for the codes the exports show: dimension values, filters, countries. */
import { hasLabel, type Lang, LOCALES, label, translator } from '#text/catalogue';

/** The label of a code, or the stored text itself when it is free text rather than a code. */
export function labelOrText(lang: Lang, domain: string, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return hasLabel(lang, domain, code) ? label(lang, domain, code) : code;
}

const regionNames = new Map<Lang, Intl.DisplayNames>();
export function countryName(lang: Lang, code: string | null | undefined): string {
  if (!code) return '—';
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([LOCALES[lang]], { type: 'region' });
    regionNames.set(lang, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

const DOMAIN_OF: Record<string, string> = {
  customer_type: 'customerType',
  risk_level: 'riskLevel',
  bucket: 'agingBucket',
  payment_terms: 'paymentTerms',
};

/** How a value of a grouping or cross-tab dimension reads (a customer type, a bucket, a country…). */
export function dimensionValue(lang: Lang, dimension: string, key: string): string {
  if (dimension === 'country') return countryName(lang, key);
  if (dimension === 'salesperson' && key === '') return translator(lang)('export.noSalesperson');
  const domain = DOMAIN_OF[dimension];
  return domain ? labelOrText(lang, domain, key) : key || '—';
}

export function dimensionName(lang: Lang, dimension: string): string {
  return translator(lang)(`export.dimension.${dimension}`);
}

export function filtersLine(
  lang: Lang,
  filter: { customerType?: string | null | undefined; salesperson?: string | null | undefined },
): string | null {
  if (!filter.customerType && !filter.salesperson) return null;
  const t = translator(lang);
  return t('export.filters', {
    customerType: filter.customerType
      ? labelOrText(lang, 'customerType', filter.customerType)
      : t('export.allValues'),
    salesperson: filter.salesperson || t('export.allValues'),
  });
}

/** « € » for EUR: how a wide table states once the currency of its amounts. */
export function currencySymbol(lang: Lang, currency: string): string {
  const part = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency })
    .formatToParts(0)
    .find((p) => p.type === 'currency');
  return part?.value ?? currency;
}
