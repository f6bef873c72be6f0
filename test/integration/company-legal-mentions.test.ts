/**
 * The legal mentions of a company's letters (migration 0065: legal form, share capital, RCS city):
 * set through the use case and the CLI (`companies identity`), audited, given to the letters'
 * sender and printed in a letter's head; a company that never stated them prints the SIREN alone.
 * The letter is read back as text by poppler's pdftotext: those tests are skipped when it is absent
 * (.ci/run installs poppler-utils).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '#app/audit/audit';
import { getCompanyIdentity, updateCompanyIdentity } from '#app/companies/companies';
import { createCompany } from '#app/companies/create-company';
import { loadSender } from '#app/dunning/settings';
import { renderLetter } from '#render/letters';
import { cliOutput } from '../support/cli-output.ts';
import { HAS_POPPLER, oneLine, pdfText } from '../support/poppler.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const ctx = () => database.context('LGL');

beforeAll(async () => {
  database = await openTestDatabase();
  await createCompany(ctx(), { companyId: 'LGL', name: 'Lumière Gestion', siren: '732829320' });
});
afterAll(async () => {
  await database?.close();
});

const cli = (...args: string[]) => cliOutput(database.runtime, 'LGL', args);

/** A letter of the company's sender, as text on one line (no-break spaces as spaces). */
async function letterHead(): Promise<string> {
  const sender = await loadSender(database.runtime.handle.db, 'LGL');
  const pdf = await renderLetter({
    lang: 'fr',
    sender,
    recipient: { name: 'Client SA', addressLines: ['1 rue Haute', '75001 PARIS'], customerCode: 'C1' },
    date: '2026-06-30',
    reference: 'REL-1',
    registered: false,
    currency: 'EUR',
    items: [],
    totals: { openMinor: 0, interestMinor: 0, indemnityMinor: 0, creditsMinor: 0, totalDueMinor: 0 },
    text: {
      subject: 'Relevé',
      salutation: 'Madame, Monsieur,',
      intro: [],
      demand: [],
      closing: [],
      legal: [],
    },
  });
  return oneLine(pdfText(pdf));
}

describe('the legal mentions of the letters', () => {
  // The letters are read in tests of their own: the changes are what the later tests build on, poppler or not.
  it('are none until stated', async () => {
    expect(await getCompanyIdentity(ctx())).toMatchObject({
      legalForm: null,
      shareCapitalMinor: null,
      rcsCity: null,
    });
  });

  it.skipIf(!HAS_POPPLER)('are none in the letter until stated: it shows the SIREN alone', async () => {
    const head = await letterHead();
    expect(head).toContain('SIREN 732829320');
    expect(head).not.toMatch(/capital|RCS/);
  });

  it('are stated, tidied and audited', async () => {
    await updateCompanyIdentity(ctx(), {
      legalForm: ' SAS ',
      shareCapitalMinor: 15_000_000,
      rcsCity: 'Lyon ',
    });
    expect(await getCompanyIdentity(ctx())).toMatchObject({
      name: 'Lumière Gestion',
      legalForm: 'SAS',
      shareCapitalMinor: 15_000_000,
      rcsCity: 'Lyon',
    });
    const sender = await loadSender(database.runtime.handle.db, 'LGL');
    expect(sender).toMatchObject({
      legalForm: 'SAS',
      shareCapitalMinor: 15_000_000,
      shareCapitalCurrency: 'EUR',
      rcsCity: 'Lyon',
    });
    const audit = await listAudit(ctx(), { entity: 'company', entityKey: 'LGL' });
    expect(audit.items[0]).toMatchObject({
      action: 'company.identity',
      before: { legalForm: null, shareCapitalMinor: null, rcsCity: null },
      after: { legalForm: 'SAS', shareCapitalMinor: 15_000_000, rcsCity: 'Lyon' },
    });
  });

  it.skipIf(!HAS_POPPLER)('are printed in the letter’s head once stated', async () => {
    expect(await letterHead()).toContain('SAS au capital de 150 000 € · RCS Lyon 732 829 320 · TVA');
  });

  it('stay as they are when a change leaves them out, and refuse a capital below zero', async () => {
    await updateCompanyIdentity(ctx(), { city: 'Lyon' });
    expect(await getCompanyIdentity(ctx())).toMatchObject({
      city: 'Lyon',
      legalForm: 'SAS',
      rcsCity: 'Lyon',
    });
    await expect(updateCompanyIdentity(ctx(), { shareCapitalMinor: -1 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(updateCompanyIdentity(ctx(), { shareCapitalMinor: 1.5 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('are read and set by `encours companies identity`', async () => {
    const set = await cli(
      '--json',
      'companies',
      'identity',
      '--legal-form',
      'SARL',
      '--share-capital',
      '37 000,50',
    );
    expect(set.status).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({
      legalForm: 'SARL',
      shareCapitalMinor: 3_700_050,
      rcsCity: 'Lyon',
    });
    const shown = await cli('companies', 'identity');
    expect(shown.stdout).toMatch(/Forme juridique\s+SARL\n/);
    expect(shown.stdout).toMatch(/Capital social\s+37 000,50 €\n/);
    expect(shown.stdout).toMatch(/Greffe d’immatriculation \(RCS\)\s+Lyon\n/);
    const cleared = await cli('--json', 'companies', 'identity', '--rcs-city', '', '--share-capital', '');
    expect(JSON.parse(cleared.stdout)).toMatchObject({
      legalForm: 'SARL',
      shareCapitalMinor: null,
      rcsCity: null,
    });
    expect((await cli('companies', 'identity', '--share-capital', 'beaucoup')).status).toBe(2);
  });
});
