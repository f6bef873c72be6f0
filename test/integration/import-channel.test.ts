/**
 * The invoices-import field `channel` (paper or electronic, migration 0056): stored from a "Canal"
 * column, kept when a file without the column comes again, and a column of other values (a sales
 * channel) left out rather than refusing the file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompany } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { importFile } from '#app/imports/import-file';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'encours-import-channel-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const CUSTOMERS = file('clients.csv', 'Code client;Raison sociale\nC1;Alpha SA\nC2;Beta SARL\n');
const WITH_CHANNEL = file(
  'factures.csv',
  'N° facture;Code client;Date de facture;Montant TTC;Canal\n' +
    'F1;C1;02/01/2026;120,00;papier\n' +
    'F2;C1;03/01/2026;30,50;Électronique\n' +
    'F3;C2;04/01/2026;80,00;\n' +
    'F4;C2;05/01/2026;45,00;Chorus Pro\n',
);

let database: TestDatabase;
let ctx: AppContext;

async function channels(): Promise<Array<[string, string | null, number]>> {
  const rows = await ctx.db
    .selectFrom('documents')
    .select(['external_ref', 'channel', 'amount_minor'])
    .orderBy('external_ref')
    .execute();
  return rows.map((row) => [row.external_ref, row.channel ?? null, Number(row.amount_minor)]);
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = database.context('CHN');
  await ensureCompany(ctx, { companyId: 'CHN', name: 'Channel test' });
  await importFile(ctx, { entity: 'customers', filePath: CUSTOMERS });
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('invoices import: channel', () => {
  it('stores the channel a "Canal" column gives, null when the cell is empty', async () => {
    const summary = await importFile(ctx, { entity: 'invoices', filePath: WITH_CHANNEL });
    expect(summary).toMatchObject({ inserted: 4 });
    expect(await channels()).toEqual([
      ['F1', 'paper', 12_000],
      ['F2', 'electronic', 3_050],
      ['F3', null, 8_000],
      ['F4', 'electronic', 4_500],
    ]);
  });

  it('keeps the stored channels when a file without the column changes the invoices', async () => {
    const without = file(
      'sans-canal.csv',
      'N° facture;Code client;Date de facture;Montant TTC\n' +
        'F1;C1;02/01/2026;125,00\n' +
        'F2;C1;03/01/2026;30,50\n' +
        'F5;C1;06/01/2026;10,00\n',
    );
    const summary = await importFile(ctx, { entity: 'invoices', filePath: without });
    expect(summary).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 });
    expect(await channels()).toEqual([
      ['F1', 'paper', 12_500],
      ['F2', 'electronic', 3_050],
      ['F3', null, 8_000],
      ['F4', 'electronic', 4_500],
      ['F5', null, 1_000],
    ]);
  });

  it('changes a channel when the file says another one', async () => {
    const changed = file(
      'canal-change.csv',
      'N° facture;Code client;Date de facture;Montant TTC;Mode d’envoi\nF1;C1;02/01/2026;125,00;EDI\n',
    );
    const summary = await importFile(ctx, { entity: 'invoices', filePath: changed });
    expect(summary).toMatchObject({ inserted: 0, updated: 1 });
    expect((await channels())[0]).toEqual(['F1', 'electronic', 12_500]);
  });

  it('keeps a stored channel when the cell is blank', async () => {
    const blank = file(
      'canal-vide.csv',
      'N° facture;Code client;Date de facture;Montant TTC;Canal\n' +
        'F1;C1;02/01/2026;125,00;\n' +
        'F4;C2;05/01/2026;45,00;\n' +
        'F5;C1;06/01/2026;10,00;papier\n',
    );
    const summary = await importFile(ctx, { entity: 'invoices', filePath: blank });
    expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    const stored = await channels();
    expect(stored.find(([ref]) => ref === 'F1')).toEqual(['F1', 'electronic', 12_500]);
    expect(stored.find(([ref]) => ref === 'F4')).toEqual(['F4', 'electronic', 4_500]);
    expect(stored.find(([ref]) => ref === 'F5')).toEqual(['F5', 'paper', 1_000]);
  });

  it('leaves out a "Canal" column of other values instead of refusing the file', async () => {
    const salesChannel = file(
      'canal-de-vente.csv',
      'N° facture;Code client;Date de facture;Montant TTC;Canal\n' +
        'F2;C1;03/01/2026;31,00;Web\n' +
        'F6;C2;07/01/2026;20,00;papier\n',
    );
    const summary = await importFile(ctx, { entity: 'invoices', filePath: salesChannel });
    expect(summary).toMatchObject({ inserted: 1, updated: 1 });
    expect(summary.notices).toContainEqual({
      code: 'channel_column_left_out',
      params: { line: 2, value: 'Web' },
      message:
        'colonne du canal d’envoi ignorée\u00a0: «\u00a0Web\u00a0» (ligne 2) n’est ni papier ni électronique\u00a0; les canaux déjà enregistrés sont conservés',
    });
    expect(await channels()).toEqual([
      ['F1', 'electronic', 12_500],
      ['F2', 'electronic', 3_100],
      ['F3', null, 8_000],
      ['F4', 'electronic', 4_500],
      ['F5', 'paper', 1_000],
      ['F6', null, 2_000],
    ]);
  });

  it('reads yes/no under a header about electronic invoicing (x and blanks too), not under "Channel"', async () => {
    const marks = file(
      'dematerialisee.csv',
      'N° facture;Code client;Date de facture;Montant TTC;Dématérialisée\n' +
        'F3;C2;04/01/2026;80,00;x\n' +
        'F6;C2;07/01/2026;20,00;\n',
    );
    expect(await importFile(ctx, { entity: 'invoices', filePath: marks })).toMatchObject({ updated: 2 });
    const english = file(
      'e-invoice.csv',
      'Invoice number,Customer code,Invoice date,Amount,E-invoice\n' +
        'F5,C1,2026-01-06,10.00,Yes\n' +
        'F6,C2,2026-01-07,20.00,No\n',
    );
    const summary = await importFile(ctx, { entity: 'invoices', filePath: english });
    expect(summary).toMatchObject({ updated: 1, unchanged: 1, notices: [] });
    const channelYesNo = file(
      'channel-yes-no.csv',
      'Invoice number,Customer code,Invoice date,Amount,Channel\nF1,C1,2026-01-02,125.00,No\n',
    );
    const leftOut = await importFile(ctx, { entity: 'invoices', filePath: channelYesNo, lang: 'en' });
    expect(leftOut).toMatchObject({ unchanged: 1 });
    expect(leftOut.notices.map((notice) => [notice.code, notice.params])).toEqual([
      ['channel_column_left_out', { line: 2, value: 'No' }],
    ]);
    expect(await channels()).toEqual([
      ['F1', 'electronic', 12_500],
      ['F2', 'electronic', 3_100],
      ['F3', 'electronic', 8_000],
      ['F4', 'electronic', 4_500],
      ['F5', 'electronic', 1_000],
      ['F6', 'paper', 2_000],
    ]);
  });
});
