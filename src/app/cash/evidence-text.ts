/** Evidence and proposals in words, for the CLI: amounts formatted, rates as percentages, codes labelled. */
import type { Evidence } from '#core/cash/identify';
import { type Lang, translator } from '#text/catalogue';
import { formatMoney, formatPercentBps } from '#text/format';

export function describeEvidence(lang: Lang, evidence: Evidence, currency: string): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(evidence)) {
    if (name === 'code') continue;
    if (name.endsWith('Minor') && typeof value === 'number')
      params[name] = formatMoney(lang, value, currency);
    else if (name.endsWith('Bps') && typeof value === 'number') params[name] = formatPercentBps(lang, value);
    else params[name] = value;
  }
  return translator(lang)(`cashEvidence.${evidence.code}`, params);
}
