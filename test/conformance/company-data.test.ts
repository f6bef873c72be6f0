/**
 * Conformance of the company-data mapper with ../shared/testdata/fr-apis/recherche-entreprises
 * (when present): real answers of the API Recherche d'entreprises, wrapped as {searchTerms,
 * result}. One company is checked field by field against its JSON; every answer maps with
 * catalogue words for its legal forms and headcount bands, and no director's name comes out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headcountLabel, legalFormLabel } from '#app/legal/enrich-company';
import { findCompany, mapCompanySearch } from '#core/legal/company-data';
import { translator } from '#text/catalogue';

const DIR = resolve(import.meta.dirname, '../../../shared/testdata/fr-apis/recherche-entreprises');
const present = existsSync(DIR);
const files = present
  ? readdirSync(DIR)
      .filter((name) => name.startsWith('search'))
      .sort()
  : [];
const read = (name: string): unknown => JSON.parse(readFileSync(join(DIR, name), 'utf8'));

describe.skipIf(!present)('API Recherche d’entreprises answers', () => {
  it('maps a ceased SAS field by field (search by SIREN and by SIRET agree)', () => {
    const company = findCompany(read('search-880878145.json'), '880878145');
    expect(company).toEqual({
      siren: '880878145',
      legalName: 'GANYMEDE',
      legalFormCode: '5710',
      creationDate: '2020-01-13',
      nafCode: '62.02A',
      headcountBand: 'NN',
      administrativeStatus: 'C',
      closingDate: '2022-10-22',
      headOffice: {
        siret: '88087814500015',
        line1: '128 RUE LA BOETIE',
        postalCode: '75008',
        city: 'PARIS 8',
        country: 'FR',
      },
      establishmentsCount: 1,
      openEstablishmentsCount: 0,
    });
    expect(findCompany(read('search-88087814500015.json'), '88087814500015')).toEqual(company);
    expect(legalFormLabel('fr', company!.legalFormCode)).toBe('Société par actions simplifiée (SAS)');
  });

  it('finds nothing for an unknown SIRET or a fake SIREN', () => {
    expect(findCompany(read('search-12345678900003.json'), '12345678900003')).toBeNull();
    expect(findCompany(read('search-123456789.json'), '123456789')).toBeNull();
  });

  it('maps the active companies of a search by SIREN', () => {
    expect(findCompany(read('search-356000000.json'), '356000000')).toMatchObject({
      siren: '356000000',
      administrativeStatus: 'A',
      legalFormCode: '5510',
      headcountBand: '53',
    });
  });

  it.each(files)('%s: every company maps, worded by the catalogue, without directors', (name) => {
    const body = read(name) as { result: { results?: { dirigeants?: Record<string, unknown>[] }[] } };
    const companies = mapCompanySearch(body);
    const shells = (body.result.results ?? []).filter(
      (r) => (r as { etat_administratif?: unknown }).etat_administratif == null,
    );
    expect(companies.length).toBe((body.result.results ?? []).length - shells.length);
    const other = translator('fr')('legal.form.other');
    for (const company of companies) {
      expect(company.siren).toMatch(/^\d{9}$/);
      expect(legalFormLabel('fr', company.legalFormCode)).not.toBe(other);
      expect(headcountLabel('en', company.headcountBand)).not.toMatch(/^legal\./);
    }
    const mapped = JSON.stringify(companies);
    // A sole proprietor's legal name is the person's own name: only other names are checked.
    const legalNames = new Set(companies.map((company) => company.legalName));
    for (const result of body.result.results ?? []) {
      for (const director of result.dirigeants ?? []) {
        const nom = director['nom'];
        if (typeof nom === 'string' && nom.length > 3 && !legalNames.has(nom))
          expect(mapped.includes(`"${nom}"`)).toBe(false);
      }
    }
  });
});
