/**
 * A reason of the core (code + figures) as a sentence in the reader's language: amounts in minor
 * units become formatted money, codes become labels, so nobody reads `over_limit` or `1250000`.
 */
import { customerReasons } from '#core/credit/customer-reasons';
import type { Reason } from '#core/credit/reason';
import { type Lang, label, translator } from '#text/catalogue';
import { formatMoney, formatNumber } from '#text/format';

/** How a figure that is a code is labelled (domain of the catalogue). */
const CODE_DOMAINS: Record<string, string> = {
  status: 'customerStatus',
  coverState: 'coverState',
  element: 'orderElement',
  payment: 'paymentMode',
};

export function reasonParams(lang: Lang, reason: Reason, currency: string): Record<string, string | number> {
  const params: Record<string, string | number> = { score: '—' };
  for (const [key, value] of Object.entries(reason.figures)) {
    if (key.endsWith('Minor') && typeof value === 'number') {
      params[key.slice(0, -'Minor'.length)] = formatMoney(lang, value, currency);
    } else if (CODE_DOMAINS[key] && typeof value === 'string') {
      params[key] = label(lang, CODE_DOMAINS[key], value);
    } else if (key === 'score' && typeof value === 'number') {
      params[key] = formatNumber(lang, value, 1);
    } else {
      params[key] = value;
    }
  }
  return params;
}

/**
 * Sentences already made, by language, currency, code and figures: the order check answers the
 * same reasons again and again, and formatting them (ICU, money) cost more than the rest of its
 * answer. The sentence depends on nothing else; the memory is bounded by emptying it when full.
 */
const sentences = new Map<string, string>();
const MAX_SENTENCES = 10_000;

export function reasonMessage(lang: Lang, reason: Reason, currency: string): string {
  const key = `${lang}\u0000${currency}\u0000${reason.code}\u0000${JSON.stringify(reason.figures)}`;
  let sentence = sentences.get(key);
  if (sentence === undefined) {
    sentence = translator(lang)(`credit.reason.${reason.code}`, reasonParams(lang, reason, currency));
    if (sentences.size >= MAX_SENTENCES) sentences.clear();
    sentences.set(key, sentence);
  }
  return sentence;
}

export interface ExplainedReason {
  code: string;
  message: string;
  figures: Record<string, number | string>;
}

export function explainReasons(lang: Lang, reasons: readonly Reason[], currency: string): ExplainedReason[] {
  return reasons.map((reason) => ({
    code: reason.code,
    message: reasonMessage(lang, reason, currency),
    figures: reason.figures,
  }));
}

/**
 * What the customer reads of a held or refused order, in its language: its overdue invoices, what
 * is missing from its order or its promotion — never the limit, exposure, score or class behind it.
 */
export function customerReasonMessages(lang: Lang, reasons: readonly Reason[], currency: string): string[] {
  const t = translator(lang);
  return customerReasons(reasons).map((reason) => {
    const params = reasonParams(lang, reason, currency);
    if (typeof params['guarantee'] === 'string')
      params['guarantee'] = t('promotions.guarantee', { guarantee: params['guarantee'] });
    return t(`credit.customerReason.${reason.code}`, params);
  });
}
