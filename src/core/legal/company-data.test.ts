import { describe, expect, it } from 'vitest';
import { findCompany, mapCompanySearch } from './company-data.ts';

const result = {
  siren: '552100554',
  nom_complet: 'EXEMPLE INDUSTRIE (EXI)',
  nom_raison_sociale: 'EXEMPLE INDUSTRIE',
  nature_juridique: '5599',
  date_creation: '1955-01-01',
  activite_principale: '29.10Z',
  tranche_effectif_salarie: '42',
  etat_administratif: 'A',
  date_fermeture: null,
  nombre_etablissements: 12,
  nombre_etablissements_ouverts: 3,
  dirigeants: [{ nom: 'Secret', prenoms: 'Personne' }],
  siege: {
    siret: '55210055400013',
    numero_voie: '7',
    type_voie: 'RUE',
    libelle_voie: 'DE LA PAIX',
    code_postal: '69002',
    libelle_commune: 'LYON 2',
  },
};

describe('mapCompanySearch', () => {
  it('keeps the customer fields and never the directors', () => {
    const [company] = mapCompanySearch({ searchTerms: '552100554', result: { results: [result] } });
    expect(company).toEqual({
      siren: '552100554',
      legalName: 'EXEMPLE INDUSTRIE',
      legalFormCode: '5599',
      creationDate: '1955-01-01',
      nafCode: '29.10Z',
      headcountBand: '42',
      administrativeStatus: 'A',
      closingDate: null,
      headOffice: {
        siret: '55210055400013',
        line1: '7 RUE DE LA PAIX',
        postalCode: '69002',
        city: 'LYON 2',
        country: 'FR',
      },
      establishmentsCount: 12,
      openEstablishmentsCount: 3,
    });
    expect(JSON.stringify(company)).not.toContain('Secret');
  });

  it('finds a company by SIRET and drops empty shells', () => {
    expect(findCompany({ results: [result] }, '55210055400013')?.siren).toBe('552100554');
    expect(findCompany({ results: [{ siren: '123456789', nom_complet: null }] }, '123456789')).toBeNull();
    expect(mapCompanySearch({ results: [] })).toEqual([]);
    expect(mapCompanySearch('nonsense')).toEqual([]);
  });
});
