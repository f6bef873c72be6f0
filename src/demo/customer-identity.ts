/**
 * Names, addresses, contacts and legal identifiers of generated customers. Shared by the demo company
 * and the scale generator, so it has to stay cheap: no look-ups, a few random draws per customer.
 */
import type { Contact, CustomerType, PostalAddress } from '../core/types.ts';
import {
  FIRST_NAMES,
  FOREIGN_LOCATIONS,
  FOREIGN_STEMS,
  FRENCH_CITIES,
  type FrenchCity,
  LANDMARKS,
  PUBLIC_BODY_PATTERNS,
  REGIONS,
  RETAIL_TRADES,
  SMALL_TOWNS,
  SME_PATTERNS,
  STANDALONE_LARGE_RETAIL,
  STREETS,
  SURNAMES,
  WHOLESALE_PATTERNS,
} from './french-data.ts';
import { frenchVatNumber, sirenForIndex, siretFor } from './identifiers.ts';
import type { Rng } from './random.ts';

export interface CustomerIdentity {
  name: string;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  billingEmail: string | null;
  contacts: Contact[];
  address: PostalAddress;
  language: string;
}

/** Lower-case ASCII slug for e-mail domains: "Quincaillerie Müller & Fils" → "quincaillerie-muller-fils". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** French elision and contraction: "de Annecy" → "d’Annecy", "de Le Puy" → "du Puy". */
export function elide(text: string): string {
  return text
    .replace(/ de Le /g, ' du ')
    .replace(/ de Les /g, ' des ')
    .replace(/ de (?=[AEIOUYÉÈÊÎÔ])/g, ' d’');
}

function fillPattern(pattern: string, rng: Rng, town: FrenchCity): string {
  return elide(
    pattern
      .replace('{surname}', rng.pick(SURNAMES))
      .replace('{region}', rng.pick(REGIONS))
      .replace('{landmark}', rng.pick(LANDMARKS))
      .replace('{town}', town.city),
  );
}

/** Trading name for a customer of the given type (chains and their stores are named by the caller). */
export function customerName(customerType: CustomerType, rng: Rng, town: FrenchCity): string {
  switch (customerType) {
    case 'large_retail':
      return `${rng.pick(STANDALONE_LARGE_RETAIL)} ${town.city}`;
    case 'wholesaler':
      return fillPattern(rng.pick(WHOLESALE_PATTERNS), rng, town);
    case 'independent_retailer':
      return rng.chance(0.5)
        ? `${rng.pick(RETAIL_TRADES)} ${rng.pick(SURNAMES)}`
        : `${rng.pick(RETAIL_TRADES)} du ${rng.pick(LANDMARKS)}`;
    case 'public_body':
      return fillPattern(rng.pick(PUBLIC_BODY_PATTERNS), rng, town);
    case 'export':
      return rng.pick(FOREIGN_STEMS);
    default:
      return fillPattern(rng.pick(SME_PATTERNS), rng, town);
  }
}

export function pickFrenchTown(customerType: CustomerType, rng: Rng): FrenchCity {
  const preferSmallTown = customerType === 'public_body' || customerType === 'independent_retailer';
  return rng.chance(preferSmallTown ? 0.6 : 0.25) ? rng.pick(SMALL_TOWNS) : rng.pick(FRENCH_CITIES);
}

function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
}

function frenchPhone(prefix: string, rng: Rng): string {
  const pairs = Array.from({ length: 4 }, () => String(rng.int(0, 99)).padStart(2, '0'));
  return `${prefix} ${pairs.join(' ')}`;
}

function contactsFor(domain: string, phone: string, isPublicBody: boolean, rng: Rng): Contact[] {
  const accounting: Contact = {
    name: personName(rng),
    role: isPublicBody ? 'Service financier / ordonnateur' : 'Comptabilité fournisseurs',
    email: `${isPublicBody ? 'finances' : 'compta'}@${domain}`,
    phone,
  };
  if (!rng.chance(0.6)) return [accounting];
  const buyerName = personName(rng);
  const buyer: Contact = {
    name: buyerName,
    role: isPublicBody ? 'Service achats / marchés publics' : 'Acheteur',
    email: `${slugify(buyerName).replace('-', '.')}@${domain}`,
    phone: rng.chance(0.5) ? phone : null,
  };
  return [accounting, buyer];
}

/**
 * Identity of the customer at `index` (0-based; it drives the SIREN so that identifiers never collide).
 * `name` may be imposed (chain stores, group members); otherwise it is drawn from the word lists.
 */
export function buildIdentity(
  index: number,
  customerType: CustomerType,
  rng: Rng,
  imposedName: string | null = null,
): CustomerIdentity {
  if (customerType === 'export') return buildForeignIdentity(index, rng, imposedName);
  const town = pickFrenchTown(customerType, rng);
  const name = imposedName ?? customerName(customerType, rng, town);
  const isPublicBody = customerType === 'public_body';
  const siren = sirenForIndex(index, isPublicBody);
  const domain = `${slugify(name).slice(0, 40)}.fr`;
  const phone = frenchPhone(town.phonePrefix, rng);
  return {
    name,
    siren,
    siret: siretFor(siren, rng.chance(0.8) ? 1 : rng.int(2, 40)),
    vatNumber: frenchVatNumber(siren),
    billingEmail: rng.chance(0.93)
      ? `${isPublicBody ? 'factures' : rng.pick(['compta', 'factures'])}@${domain}`
      : null,
    contacts: contactsFor(domain, phone, isPublicBody, rng),
    address: {
      line1: `${rng.int(1, 180)} ${rng.pick(STREETS)}`,
      line2: isPublicBody
        ? 'Service comptabilité'
        : rng.chance(0.15)
          ? `Bâtiment ${rng.pick(['A', 'B', 'C'])}`
          : null,
      postalCode: town.postalCode,
      city: town.city,
      country: 'FR',
    },
    language: 'fr',
  };
}

function foreignVatNumber(country: string, rng: Rng): string {
  const digits = (count: number): string => Array.from({ length: count }, () => rng.int(0, 9)).join('');
  switch (country) {
    case 'BE':
      return `BE0${digits(9)}`;
    case 'ES':
      return `ESB${digits(8)}`;
    case 'IT':
      return `IT${digits(11)}`;
    case 'CH':
      return `CHE${digits(9)}`;
    case 'GB':
      return `GB${digits(9)}`;
    default:
      return `${country}${digits(9)}`;
  }
}

const FOREIGN_STREETS: Record<string, string> = {
  BE: 'Avenue Louise',
  DE: 'Königstraße',
  ES: 'Carrer de Mallorca',
  IT: 'Via Roma',
  CH: 'Rue du Rhône',
  GB: 'High Street',
};

function foreignStreetLine(country: string, rng: Rng): string {
  const street = FOREIGN_STREETS[country] ?? 'Main Street';
  // Street numbers come after the street name on the continent, before it in Britain.
  return country === 'GB' ? `${rng.int(1, 120)} ${street}` : `${street} ${rng.int(1, 120)}`;
}

function buildForeignIdentity(index: number, rng: Rng, imposedName: string | null): CustomerIdentity {
  const location = FOREIGN_LOCATIONS[index % FOREIGN_LOCATIONS.length] ?? rng.pick(FOREIGN_LOCATIONS);
  const name = imposedName ?? `${rng.pick(FOREIGN_STEMS)} ${location.companySuffix}`;
  const domain = `${slugify(name).slice(0, 40)}.${location.domain}`;
  const buyerName = personName(rng);
  return {
    name,
    siren: null,
    siret: null,
    vatNumber: foreignVatNumber(location.country, rng),
    billingEmail: `accounts@${domain}`,
    contacts: [{ name: buyerName, role: 'Accounts payable', email: `accounts@${domain}`, phone: null }],
    address: {
      line1: foreignStreetLine(location.country, rng),
      line2: null,
      postalCode: location.postalCode,
      city: location.city,
      country: location.country,
    },
    language: 'en',
  };
}
