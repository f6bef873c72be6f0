/**
 * The sender details a company's letters print beside its identity (how to reach and pay it, who
 * signs), checked and written the one way the letters show them: the same check for the API, the
 * command line and the settings page, which reads it before sending. An IBAN and a BIC are checked
 * by ibantools (country format and check digits), an IBAN kept in groups of four as printed.
 */
import { friendlyFormatIBAN, isValidBIC } from 'ibantools';
import { validIban } from '../iban.ts';

export const SENDER_FIELDS = [
  'vatNumber',
  'phone',
  'email',
  'iban',
  'bic',
  'signatoryName',
  'signatoryTitle',
] as const;
export type SenderField = (typeof SENDER_FIELDS)[number];
export type SenderDetails = Partial<Record<SenderField, string | null>>;

export type SenderProblemCode = 'invalid_iban' | 'invalid_bic' | 'invalid_email' | 'too_long';
export interface SenderProblem {
  field: SenderField;
  code: SenderProblemCode;
  /** What was given, trimmed. */
  value: string;
}

/** Longest text a field takes: a line of the letterhead or the signature. */
export const SENDER_FIELD_MAX = 120;

/** An address a reply can reach: one @, no space, a dot in the domain. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An IBAN as printed (« FR76 3000 6000 0112 3456 7890 189 »), or null when it is none. */
export function printedIban(text: string): string | null {
  const electronic = validIban(text);
  return electronic ? friendlyFormatIBAN(electronic) : null;
}

/** A BIC as written on a letter (upper case, no space), or null when it is none. */
export function printedBic(text: string): string | null {
  const bic = text.replace(/\s+/g, '').toUpperCase();
  return isValidBIC(bic) ? bic : null;
}

function normalised(field: SenderField, value: string): string | null {
  if (field === 'iban') return printedIban(value);
  if (field === 'bic') return printedBic(value);
  if (field === 'email') return EMAIL.test(value) ? value : null;
  return value;
}

const PROBLEM_OF: Partial<Record<SenderField, SenderProblemCode>> = {
  iban: 'invalid_iban',
  bic: 'invalid_bic',
  email: 'invalid_email',
};

/**
 * The fields given, trimmed (an empty one clears the detail: null), an IBAN and a BIC as printed,
 * with the problems of those that are not what their name says. Fields not given stay absent.
 */
export function checkSenderDetails(change: SenderDetails): {
  details: SenderDetails;
  problems: SenderProblem[];
} {
  const details: SenderDetails = {};
  const problems: SenderProblem[] = [];
  for (const field of SENDER_FIELDS) {
    if (!(field in change)) continue;
    const value = change[field]?.trim() ?? '';
    if (value === '') {
      details[field] = null;
      continue;
    }
    if (value.length > SENDER_FIELD_MAX) {
      problems.push({ field, code: 'too_long', value });
      continue;
    }
    const written = normalised(field, value);
    if (written === null) problems.push({ field, code: PROBLEM_OF[field] ?? 'too_long', value });
    else details[field] = written;
  }
  return { details, problems };
}
