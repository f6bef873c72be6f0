/**
 * BODACC announcements from the open-data records API (OpenDataSoft v1 `records`, dataset
 * `annonces-commerciales`). Several fields (`jugement`, `listepersonnes`, `depot`…) hold JSON
 * encoded inside a string: they are decoded here, and a field that does not decode is ignored
 * rather than failing the whole file, because one malformed announcement must not hide the others.
 */

import { foldWording } from '../text-fold.ts';
import type { IsoDate } from '../types.ts';

export const ANNOUNCEMENT_FAMILIES = [
  'collective_procedure',
  'deregistration',
  'accounts_filing',
  'sale',
  'creation',
  'modification',
  'other',
] as const;
export type AnnouncementFamily = (typeof ANNOUNCEMENT_FAMILIES)[number];

export const PROCEDURES = ['safeguard', 'receivership', 'liquidation'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const JUDGMENT_KINDS = ['opening', 'plan', 'conversion', 'closing', 'other'] as const;
export type JudgmentKind = (typeof JUDGMENT_KINDS)[number];

export interface Judgment {
  kind: JudgmentKind;
  /** null when the nature names no procedure (e.g. a closing "pour insuffisance d'actif"). */
  procedure: Procedure | null;
  date: IsoDate | null;
  /** The court's wording, kept as published (shown to people as is: it is a legal quotation). */
  nature: string;
}

export interface BodaccAnnouncement {
  id: string;
  sirens: string[];
  publicationDate: IsoDate;
  court: string | null;
  family: AnnouncementFamily;
  judgment: Judgment | null;
  /** Closing date of the filed accounts, for an accounts filing. */
  accountsClosingDate: IsoDate | null;
}

const FAMILY_CODES: Readonly<Record<string, AnnouncementFamily>> = {
  collective: 'collective_procedure',
  radiation: 'deregistration',
  dpc: 'accounts_filing',
  vente: 'sale',
  creation: 'creation',
  immatriculation: 'creation',
  modification: 'modification',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoOrNull(value: unknown): IsoDate | null {
  return typeof value === 'string' && ISO_DATE.test(value.slice(0, 10)) ? value.slice(0, 10) : null;
}

/** A field that is an object, or an object encoded as JSON in a string; anything else is null. */
export function decodeEmbedded(value: unknown): Record<string, unknown> | null {
  let decoded = value;
  if (typeof value === 'string') {
    try {
      decoded = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return decoded !== null && typeof decoded === 'object' && !Array.isArray(decoded)
    ? (decoded as Record<string, unknown>)
    : null;
}

/** `registre` reads "880878145,880 878 145": every distinct nine-digit SIREN it names. */
export function sirensOf(registre: unknown): string[] {
  const values = Array.isArray(registre) ? registre : typeof registre === 'string' ? registre.split(',') : [];
  const sirens = values
    .map((value) => String(value).replace(/\s/g, ''))
    .filter((value) => /^\d{9}$/.test(value));
  return [...new Set(sirens)];
}

export function procedureOf(nature: string): Procedure | null {
  const text = foldWording(nature);
  if (text.includes('liquidation')) return 'liquidation';
  if (text.includes('redressement')) return 'receivership';
  if (text.includes('sauvegarde')) return 'safeguard';
  return null;
}

export function judgmentKindOf(famille: string, nature: string): JudgmentKind {
  const text = foldWording(`${famille} ${nature}`);
  if (text.includes('conversion') || text.includes('prononcant la liquidation')) return 'conversion';
  if (text.includes('ouverture')) return 'opening';
  if (text.includes('cloture')) return 'closing';
  if (text.includes('plan')) return 'plan';
  return 'other';
}

function judgmentOf(fields: Record<string, unknown>): Judgment | null {
  const raw = decodeEmbedded(fields['jugement']);
  if (!raw) return null;
  const famille = typeof raw['famille'] === 'string' ? raw['famille'] : '';
  const nature = typeof raw['nature'] === 'string' ? raw['nature'] : famille;
  return {
    kind: judgmentKindOf(famille, nature),
    procedure: procedureOf(nature),
    date: isoOrNull(raw['date']),
    nature,
  };
}

/** One record of the API (`{recordid, fields}`) → an announcement, or null when it has no id or date. */
export function mapBodaccRecord(record: unknown): BodaccAnnouncement | null {
  const fields = decodeEmbedded((record as { fields?: unknown } | null)?.fields);
  if (!fields) return null;
  const id = typeof fields['id'] === 'string' ? fields['id'] : null;
  const publicationDate = isoOrNull(fields['dateparution']);
  if (!id || !publicationDate) return null;
  const familyCode = typeof fields['familleavis'] === 'string' ? fields['familleavis'] : '';
  const deposit = decodeEmbedded(fields['depot']);
  return {
    id,
    sirens: sirensOf(fields['registre']),
    publicationDate,
    court: typeof fields['tribunal'] === 'string' ? fields['tribunal'].trim() : null,
    family: FAMILY_CODES[familyCode] ?? 'other',
    judgment: familyCode === 'collective' ? judgmentOf(fields) : null,
    accountsClosingDate: deposit ? isoOrNull(deposit['dateCloture']) : null,
  };
}

/** The records API answer (`{records:[…]}`), or a bare list of records (a downloaded export). */
export function mapBodaccResponse(body: unknown): BodaccAnnouncement[] {
  const records = Array.isArray(body) ? body : (body as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) return [];
  return records.map(mapBodaccRecord).filter((a): a is BodaccAnnouncement => a !== null);
}
