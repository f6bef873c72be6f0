/**
 * The demo company's letters and e-mails are signed with the catalogue's title in each letter's
 * language until someone saves its settings: in French « Responsable crédit clients », in English
 * "Credit Manager" (walk A item 11: they were signed « Credit manager » in French; then an English
 * letter was signed in French); a company of its own signs with no title until it names a signatory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSender, readSettings } from '#app/dunning/settings';
import { signatureLines } from '#render/letter-model';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

describe('the signatory of the letters', () => {
  it('signs the demo’s letters in each letter’s language, none for another company', async () => {
    const { db } = database.runtime.handle;
    const demo = await readSettings(db, 'CB2C');
    expect([demo.signatoryName, demo.signatoryTitle]).toEqual(['Claire Moreau', null]);
    const sender = await loadSender(db, 'CB2C');
    expect(signatureLines(sender, 'fr').slice(0, 2)).toEqual(['Claire Moreau', 'Responsable crédit clients']);
    expect(signatureLines(sender, 'en').slice(0, 2)).toEqual(['Claire Moreau', 'Credit Manager']);
    expect((await readSettings(db, 'ACME')).signatoryTitle).toBeNull();
    expect(signatureLines(await loadSender(db, 'ACME'), 'en')).toEqual(['ACME']);
  });
});
