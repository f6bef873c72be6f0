/**
 * How a file's header compares with the headers an entity accepts: the same words once written
 * alike (`normaliseHeader`), or near enough to be the one it most likely meant (`nearestHeader`).
 */
import { ENTITIES, ENTITY_FIELDS, type FieldSpec, type ImportEntity } from './entities.ts';

const NUMBER_WORDS = new Set(['n', 'no', 'nr', 'nro', 'num', 'numero', 'number']);
const STOP_WORDS = new Set(['de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'of', 'the']);

/**
 * "N° de facture", "Numéro facture", "Invoice No.", "Invoice #" → "numero facture" / "invoice numero":
 * no case, accents, punctuation or little words; every way of writing "number" becomes "numero".
 */
export function normaliseHeader(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2') // field names: "customerCode" → "customer Code"
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[°º˚#]/g, ' numero ')
    .replace(/\be[\s-]mail\b/g, 'email')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => (NUMBER_WORDS.has(word) ? 'numero' : word))
    .filter(
      (word, index, words) => !STOP_WORDS.has(word) && !(word === 'numero' && words[index - 1] === 'numero'),
    )
    .join(' ');
}

export interface RecognisedHeader {
  spec: FieldSpec;
  /** One of the field's `laterHeaders`: it yields to the field's usual headers. */
  later: boolean;
}

const FIELD_BY_HEADER: ReadonlyMap<ImportEntity, ReadonlyMap<string, RecognisedHeader>> = new Map(
  ENTITIES.map((entity) => {
    const byHeader = new Map<string, RecognisedHeader>();
    for (const spec of ENTITY_FIELDS[entity]) {
      const laterHeaders = new Set(spec.laterHeaders);
      for (const header of [spec.name, ...spec.headers])
        byHeader.set(normaliseHeader(header), { spec, later: laterHeaders.has(header) });
    }
    return [entity, byHeader];
  }),
);

/** The field a header names for an entity, and whether it is one of its later headers. */
export function recognisedHeader(entity: ImportEntity, header: string): RecognisedHeader | undefined {
  return FIELD_BY_HEADER.get(entity)?.get(normaliseHeader(header));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** An accepted header an unknown one most likely meant, with the field it names. */
export interface NearHeader {
  header: string;
  spec: FieldSpec;
  /** Near by its letters ("Echéances"), not by holding its words ("Montant HT"): a misspelling. */
  misspelt: boolean;
}

/**
 * The accepted header an unknown one most likely meant ("Plafondd" → "Plafond", "Téléphone
 * standard" → "Téléphone"), or null when none is close: a few letters apart for its length, or
 * all of its words in the unknown header. A far-fetched guess ("Remarque" → "E-mail") misleads.
 * Of the headers whose words it holds, the one of most words: "Date d'échéance prévue" meant
 * "Date d'échéance" rather than "Date".
 */
export function nearestHeader(entity: ImportEntity, header: string): NearHeader | null {
  const wanted = normaliseHeader(header);
  const wantedWords = new Set(wanted.split(' '));
  let best: { near: NearHeader | null; distance: number } = {
    near: null,
    distance: Number.POSITIVE_INFINITY,
  };
  for (const spec of ENTITY_FIELDS[entity]) {
    for (const candidate of spec.headers) {
      const normalised = normaliseHeader(candidate);
      const words = normalised.split(' ');
      // "Téléphone standard" holds "Téléphone": as close as a typo (a little closer per word held).
      const contained = normalised.length >= 4 && words.every((word) => wantedWords.has(word));
      const distance = contained ? 1 - words.length / 100 : editDistance(wanted, normalised);
      if (distance < best.distance)
        best = { near: { header: candidate, spec, misspelt: !contained }, distance };
    }
  }
  return best.distance <= Math.max(1, Math.floor(wanted.length / 4)) ? best.near : null;
}

/** The accepted header an unknown one most likely meant, or null (see `nearestHeader`). */
export function closestHeader(entity: ImportEntity, header: string): string | null {
  return nearestHeader(entity, header)?.header ?? null;
}
