/**
 * A letter's head: the sender's name, address, identifiers (legal form and share capital, RCS city
 * and SIREN, VAT number: art. R123-237 and R123-238 C. com.) and how to reach it; the letters' ink.
 */
import type { Content } from 'pdfmake';
import { currencyExponent } from '#core/money';
import { type Lang, translator } from '#text/catalogue';
import { formatMoney } from '#text/format';
import type { LetterModel } from './letter-model.ts';

export const INK = '#1b1f24';
export const MUTED = '#5c6670';

/** « 552 100 554 »: a SIREN as registries print it, in groups of three that never wrap apart. */
const sirenGroups = (siren: string) => siren.replace(/(\d{3})(?=\d)/g, '$1\u00a0');

/** « 1 500 000 € »: a share capital in whole units when it has no cents. */
function capitalText(lang: Lang, minor: number, currency: string): string {
  const exact = formatMoney(lang, minor, currency);
  return minor % 10 ** currencyExponent(currency) === 0 ? exact.replace(/[.,]0+(?=\D*$)/, '') : exact;
}

/**
 * The company's identifiers under its address (art. R123-237 and R123-238 C. com.): legal form and
 * share capital, « RCS Lyon 552 100 554 » (the SIREN with its registry's city) or the SIREN alone,
 * and the VAT number.
 */
function identifiers(model: LetterModel): string {
  const t = translator(model.lang);
  const s = model.sender;
  const form = s.legalForm ?? null;
  const capital =
    s.shareCapitalMinor != null
      ? t('admin.letterhead.capital', {
          legalForm: form ?? 'none',
          capital: capitalText(model.lang, s.shareCapitalMinor, s.shareCapitalCurrency ?? 'EUR'),
        })
      : form;
  const registry = s.rcsCity
    ? t('admin.letterhead.rcs', { city: s.rcsCity, siren: s.siren ? sirenGroups(s.siren) : 'none' })
    : s.siren
      ? t('dunning.letter.siren', { siren: s.siren })
      : null;
  return [capital, registry, s.vatNumber ? t('dunning.letter.vat', { vat: s.vatNumber }) : null]
    .filter((x): x is string => !!x)
    .join(' · ');
}

export function letterhead(model: LetterModel): Content {
  const s = model.sender;
  const ids = identifiers(model);
  const contact = [s.phone, s.email].filter((x): x is string => !!x).join(' · ');
  return {
    stack: [
      { text: s.name, bold: true, fontSize: 15, color: '#243b6b' },
      ...s.addressLines.map((line) => ({ text: line, fontSize: 9 })),
      ...(ids ? [{ text: ids, fontSize: 8, color: MUTED }] : []),
      ...(contact ? [{ text: contact, fontSize: 8, color: MUTED }] : []),
    ],
  };
}
