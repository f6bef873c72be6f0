/**
 * A number typed as the reader writes it: « 4,5 % » and « 55 000 € » in French, "4.5%" and
 * "€55,000" in English. Mantine's NumberInput shows a point and no grouping unless told; the
 * separators and the unit's place come from Intl, as the app's formatters (src/text/format.ts) use
 * them, so a typed figure reads like the same figure printed elsewhere on the page.
 */
import { NumberInput, type NumberInputProps } from '@mantine/core';
import { LOCALES } from '../../../src/text/icu.ts';
import { type Lang, useI18n } from '../i18n.tsx';

export interface InputSeparators {
  decimalSeparator: string;
  thousandSeparator: string;
}

/** The decimal and grouping separators of the language (French: « , » and a narrow no-break space). */
export function inputSeparators(lang: Lang): InputSeparators {
  const parts = new Intl.NumberFormat(LOCALES[lang]).formatToParts(12345.6);
  return {
    decimalSeparator: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    thousandSeparator: parts.find((part) => part.type === 'group')?.value ?? '',
  };
}

export type InputUnit = 'percent' | 'money';

/**
 * The unit around the figure as Intl places it: « 4,5 % » / "4.5%", « 55 000 € » / "€55,000".
 * Only the text before and after the number is kept, with its spaces.
 */
export function inputAffixes(
  lang: Lang,
  unit: InputUnit,
  currency = 'EUR',
): { prefix: string; suffix: string } {
  const options: Intl.NumberFormatOptions =
    unit === 'percent' ? { style: 'percent' } : { style: 'currency', currency };
  const parts = new Intl.NumberFormat(LOCALES[lang], options).formatToParts(1);
  const first = parts.findIndex((part) => part.type === 'integer');
  const last = parts.findLastIndex((part) => part.type === 'integer' || part.type === 'fraction');
  const text = (from: number, to: number) =>
    parts
      .slice(from, to)
      .map((part) => part.value)
      .join('');
  return { prefix: text(0, first), suffix: text(last + 1, parts.length) };
}

export interface DecimalInputProps
  extends Omit<NumberInputProps, 'decimalSeparator' | 'thousandSeparator' | 'prefix' | 'suffix'> {
  /** Shown around the figure; the value stays the plain number (4.5 for « 4,5 % »). */
  unit?: InputUnit;
  currency?: string;
}

export function DecimalInput({ unit, currency, ...props }: DecimalInputProps) {
  const { lang } = useI18n();
  return (
    <NumberInput
      {...inputSeparators(lang)}
      {...(unit ? inputAffixes(lang, unit, currency) : {})}
      {...props}
    />
  );
}
