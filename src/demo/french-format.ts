/**
 * French formatting of amounts and dates for the free-text details of the demo (event notes,
 * manifest). One cached formatter: building an Intl.NumberFormat per call dominated generation time.
 */
import { splitDate } from '../core/calendar.ts';
import { minorToDecimalString } from '../core/money.ts';
import type { IsoDate } from '../core/types.ts';

const EURO_FORMAT = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** "1 234,56 €" (same output as core formatMoney for EUR). */
export function euros(amountMinor: number): string {
  // Intl accepts decimal strings, which keeps large amounts exact.
  return EURO_FORMAT.format(minorToDecimalString(amountMinor, 'EUR') as unknown as number);
}

/** "30/06/2026". */
export function frenchDate(date: IsoDate): string {
  const { year, month, day } = splitDate(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}
