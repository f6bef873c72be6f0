/**
 * A reason of the core (code + figures) as a sentence in the reader's language: amounts in minor
 * units become formatted money, codes become labels, so nobody reads `over_limit` or `1250000`.
 */
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

export function reasonMessage(lang: Lang, reason: Reason, currency: string): string {
  return translator(lang)(`credit.reason.${reason.code}`, reasonParams(lang, reason, currency));
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
