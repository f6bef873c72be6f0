/**
 * The demo company's letters and e-mails are signed in French until someone saves its settings
 * (walk A item 11: they were signed « Credit manager »); a company of its own signs with no title.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '#app/dunning/settings';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

describe('the signatory of the letters', () => {
  it('is a French job title for the demo company, none for another', async () => {
    const { db } = database.runtime.handle;
    const demo = await readSettings(db, 'CB2C');
    expect([demo.signatoryName, demo.signatoryTitle]).toEqual([
      'Claire Moreau',
      'Responsable crédit clients',
    ]);
    expect((await readSettings(db, 'ACME')).signatoryTitle).toBeNull();
  });
});
