/** Bank account numbers: an IBAN as typed or printed, read once for the bank files and the letters. */
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

/** An IBAN in electronic form when it is a valid one (spaces and case forgiven), else null. */
export function validIban(text: string | null | undefined): string | null {
  if (!text) return null;
  const electronic = electronicFormatIBAN(text.trim());
  return electronic && isValidIBAN(electronic) ? electronic : null;
}
