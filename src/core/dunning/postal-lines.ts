/**
 * The locality lines of a postal address, in the order the destination country's post reads them
 * (UPU S42 templates): most of Europe writes the postcode before the town (« 69003 LYON »,
 * « 1012 AB AMSTERDAM »); the United Kingdom and Ireland write the post town, then the postcode on
 * a line of its own; North America and Australia the town, then the postcode on the same line.
 * The town is in capitals, as the French and British posts ask for machine sorting.
 */

const TOWN_THEN_POSTCODE_LINE = new Set(['GB', 'UK', 'IE', 'GG', 'JE', 'IM']);
const TOWN_THEN_POSTCODE = new Set(['US', 'CA', 'AU', 'NZ']);

export function localityLines(country: string, postalCode: string | null, city: string | null): string[] {
  const town = city?.trim().toUpperCase() || null;
  const code = postalCode?.trim() || null;
  const present = (parts: (string | null)[]) => parts.filter((part): part is string => part !== null);
  const upper = country.toUpperCase();
  if (TOWN_THEN_POSTCODE_LINE.has(upper)) return present([town, code?.toUpperCase() ?? null]);
  const line = TOWN_THEN_POSTCODE.has(upper) ? present([town, code]) : present([code, town]);
  return line.length > 0 ? [line.join(' ')] : [];
}

export interface PostalAddress {
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
}

/**
 * Whether a letter can be posted to the address: a street line and a town. The postcode is not
 * required, as some countries' posts deliver without one; an address without a town would be
 * returned to the sender.
 */
export function hasPostalAddress(address: PostalAddress): boolean {
  const filled = (text: string | null) => (text?.trim() ?? '') !== '';
  return (filled(address.addressLine1) || filled(address.addressLine2)) && filled(address.city);
}
