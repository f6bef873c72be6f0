/**
 * Company-register data from the public "API Recherche d'entreprises" (`GET /search?q=…`):
 * the answer as fetched, or wrapped as `{searchTerms, result}` by a file export. Only the fields
 * the credit department uses are kept; the directors (`dirigeants`) are personal data and are
 * never copied out of the answer, so they cannot reach a log or the database.
 */
import type { IsoDate } from '../types.ts';

export interface HeadOffice {
  siret: string | null;
  line1: string | null;
  postalCode: string | null;
  city: string | null;
  /** 'FR' unless the register gives a foreign country (then its name, as published). */
  country: string | null;
}

export interface CompanyData {
  siren: string;
  legalName: string;
  /** INSEE "catégorie juridique" (4 digits, e.g. '5710' = SAS); worded by the catalogue. */
  legalFormCode: string | null;
  creationDate: IsoDate | null;
  /** NAF rev. 2 code, e.g. '62.02A'. */
  nafCode: string | null;
  /** INSEE headcount band code ('NN', '00', '01'…'53'); worded by the catalogue. */
  headcountBand: string | null;
  /** 'A' active, 'C' ceased. */
  administrativeStatus: 'A' | 'C';
  closingDate: IsoDate | null;
  headOffice: HeadOffice;
  establishmentsCount: number | null;
  openEstablishmentsCount: number | null;
}

type Json = Record<string, unknown>;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
const date = (value: unknown): IsoDate | null => {
  const t = text(value);
  return t && /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : null;
};
const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;

function headOfficeOf(siege: Json): HeadOffice {
  const street = ['numero_voie', 'indice_repetition', 'type_voie', 'libelle_voie']
    .map((key) => text(siege[key]))
    .filter((part): part is string => part !== null)
    .join(' ');
  const foreign = text(siege['code_pays_etranger']);
  return {
    siret: text(siege['siret']),
    line1: street || null,
    postalCode: text(siege['code_postal']),
    city: text(siege['libelle_commune']) ?? text(siege['libelle_commune_etranger']),
    country: foreign ? text(siege['libelle_pays_etranger']) : Object.keys(siege).length > 0 ? 'FR' : null,
  };
}

/** One result of the search → company data, or null for a shell without a name or a status. */
export function mapCompanyResult(result: unknown): CompanyData | null {
  if (result === null || typeof result !== 'object') return null;
  const r = result as Json;
  const siren = text(r['siren']);
  const legalName = text(r['nom_raison_sociale']) ?? text(r['nom_complet']);
  const status = r['etat_administratif'];
  if (!siren || !/^\d{9}$/.test(siren) || !legalName || (status !== 'A' && status !== 'C')) return null;
  const siege = (r['siege'] && typeof r['siege'] === 'object' ? r['siege'] : {}) as Json;
  return {
    siren,
    legalName,
    legalFormCode: text(r['nature_juridique']),
    creationDate: date(r['date_creation']),
    nafCode: text(r['activite_principale']),
    headcountBand: text(r['tranche_effectif_salarie']),
    administrativeStatus: status,
    closingDate: date(r['date_fermeture']),
    headOffice: headOfficeOf(siege),
    establishmentsCount: count(r['nombre_etablissements']),
    openEstablishmentsCount: count(r['nombre_etablissements_ouverts']),
  };
}

/** Every company of a search answer (raw, or wrapped as `{searchTerms, result}`). */
export function mapCompanySearch(body: unknown): CompanyData[] {
  const answer = (body as Json | null)?.['result'] ?? body;
  const results = (answer as Json | null)?.['results'];
  if (!Array.isArray(results)) return [];
  return results.map(mapCompanyResult).filter((c): c is CompanyData => c !== null);
}

/** The company of a SIREN (or of the SIREN of a SIRET) in a search answer, if it is there. */
export function findCompany(body: unknown, sirenOrSiret: string): CompanyData | null {
  const siren = sirenOrSiret.replace(/\s/g, '').slice(0, 9);
  return mapCompanySearch(body).find((company) => company.siren === siren) ?? null;
}
