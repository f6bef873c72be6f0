/**
 * Words users write in French or English for enumerated values, mapped to the domain's codes.
 * Lookups go through `normaliseWords`, so case, accents and punctuation do not matter.
 */
import type { CustomerStatus, CustomerType, OrderStatus } from '../core/types.ts';

/** Lower case, no accents, non-alphanumerics collapsed to single spaces. */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface Vocabulary<T extends string> {
  /** Code for a word, or undefined. */
  lookup(text: string): T | undefined;
  /** The words accepted, for error messages and --help. */
  describe(): string;
  /** The codes, in order. */
  readonly codes: readonly T[];
  /**
   * The catalogue's label domain of the codes (`customerType`…), whose labels are among the words:
   * a problem names the accepted values by their labels in the reader's language.
   */
  readonly domain?: string;
}

function vocabulary<T extends string>(
  wordsByCode: Record<T, readonly string[]>,
  domain?: string,
): Vocabulary<T> {
  const codeByWord = new Map<string, T>();
  for (const [code, words] of Object.entries(wordsByCode) as Array<[T, readonly string[]]>) {
    // The code itself ("large_retail") is always accepted, so exports of Encours re-import.
    for (const word of [code, ...words]) codeByWord.set(normaliseWords(word), code);
  }
  return {
    codes: Object.keys(wordsByCode) as T[],
    ...(domain === undefined ? {} : { domain }),
    lookup: (text) => codeByWord.get(normaliseWords(text)),
    describe: () =>
      (Object.entries(wordsByCode) as Array<[T, readonly string[]]>)
        .map(([code, words]) => `${code} (${words.map((word) => `"${word}"`).join(', ')})`)
        .join('; '),
  };
}

export const CUSTOMER_TYPE_WORDS = vocabulary<CustomerType>(
  {
    large_retail: ['grande distribution', 'GMS', 'GSA', 'large retail', 'large retailer', 'retail chain'],
    wholesaler: ['grossiste', 'wholesaler', 'wholesale'],
    independent_retailer: [
      'détaillant',
      'indépendant',
      'détaillant indépendant',
      'retailer',
      'independent retailer',
    ],
    sme: ['PME', 'PMI', 'TPE', 'SME'],
    public_body: [
      'collectivité',
      'administration',
      'public',
      'secteur public',
      'organisme public',
      'public sector',
      'public body',
    ],
    export: ['export', 'exportation', 'international'],
    other: ['autre', 'divers', 'other'],
  },
  'customerType',
);

export const CUSTOMER_STATUS_WORDS = vocabulary<CustomerStatus>(
  {
    active: ['actif', 'active', 'ouvert', 'open'],
    blocked: ['bloqué', 'bloquée', 'blocked', 'on hold'],
    safeguard: ['sauvegarde', 'procédure de sauvegarde', 'safeguard'],
    receivership: ['redressement judiciaire', 'redressement', 'RJ', 'receivership'],
    liquidation: ['liquidation judiciaire', 'liquidation', 'LJ'],
    closed: ['clos', 'close', 'fermé', 'fermée', 'closed'],
  },
  'customerStatus',
);

/** A yes/no column ("Disputed": Yes/No, "Litige": O/N, 1/0, true/false, X for yes). */
export const YES_NO_WORDS = vocabulary<'yes' | 'no'>({
  yes: ['oui', 'o', 'y', 'vrai', 'true', '1', 'x'],
  no: ['non', 'n', 'faux', 'false', '0'],
});

/** How an invoice was sent (IBM's sample says "Paper"/"Electronic"). */
export const CHANNEL_WORDS = vocabulary<'paper' | 'electronic'>({
  // Not 'mail': postal mail in English, e-mail in French.
  paper: ['papier', 'courrier', 'postal', 'paper', 'post'],
  electronic: [
    'e-mail',
    'email',
    'courriel',
    'électronique',
    'dématérialisée',
    'e-invoice',
    'electronic',
    'EDI',
    'PDF',
    'Chorus Pro',
    'PDP',
  ],
});

export const ORDER_STATUS_WORDS = vocabulary<OrderStatus>(
  {
    pending: ['en attente', 'attente', 'à valider', 'pending'],
    blocked: ['bloquée', 'bloqué', 'blocked', 'on hold'],
    released: ['libérée', 'libéré', 'released'],
    invoiced: ['facturée', 'facturé', 'invoiced'],
    cancelled: ['annulée', 'annulé', 'cancelled', 'canceled'],
  },
  'orderStatus',
);

const COUNTRY_NAMES: Record<string, readonly string[]> = {
  FR: ['France'],
  BE: ['Belgique', 'Belgium', 'België'],
  DE: ['Allemagne', 'Germany', 'Deutschland'],
  ES: ['Espagne', 'Spain', 'España'],
  IT: ['Italie', 'Italy', 'Italia'],
  CH: ['Suisse', 'Switzerland', 'Schweiz'],
  GB: ['Royaume-Uni', 'United Kingdom', 'Grande-Bretagne', 'Great Britain', 'UK', 'Angleterre', 'England'],
  US: ['États-Unis', 'Etats-Unis', 'United States', 'USA', 'États-Unis d’Amérique'],
  LU: ['Luxembourg'],
  NL: ['Pays-Bas', 'Netherlands', 'Nederland', 'Hollande'],
  PT: ['Portugal'],
  AT: ['Autriche', 'Austria'],
  IE: ['Irlande', 'Ireland'],
  MC: ['Monaco'],
  CA: ['Canada'],
};

const COUNTRY_BY_NAME = new Map<string, string>(
  Object.entries(COUNTRY_NAMES).flatMap(([code, names]) => names.map((name) => [normaliseWords(name), code])),
);

/** ISO 3166-1 alpha-2 code from a code ("fr", "UK" → "GB") or a common country name. */
export function parseCountry(text: string): string | null {
  const normalised = normaliseWords(text);
  const byName = COUNTRY_BY_NAME.get(normalised);
  if (byName) return byName;
  return /^[a-z]{2}$/.test(normalised) ? normalised.toUpperCase() : null;
}

const LANGUAGE_NAMES: Record<string, readonly string[]> = {
  fr: ['français', 'francais', 'french'],
  en: ['anglais', 'english'],
  de: ['allemand', 'german', 'deutsch'],
  es: ['espagnol', 'spanish', 'español'],
  it: ['italien', 'italian', 'italiano'],
  nl: ['néerlandais', 'dutch', 'nederlands'],
  pt: ['portugais', 'portuguese', 'português'],
};

const LANGUAGE_BY_NAME = new Map<string, string>(
  Object.entries(LANGUAGE_NAMES).flatMap(([code, names]) =>
    names.map((name) => [normaliseWords(name), code]),
  ),
);

/** ISO 639-1 code from "fr", "fr-FR", "fr_FR" or a language name. */
export function parseLanguage(text: string): string | null {
  const normalised = normaliseWords(text);
  const byName = LANGUAGE_BY_NAME.get(normalised);
  if (byName) return byName;
  const match = /^([a-z]{2})(?: [a-z]{2})?$/.exec(normalised);
  return match?.[1] ?? null;
}
