/**
 * Who wrote what an import brought in, on the demo company: its loaded story (reminders, an imported
 * limit change) and its credit notes are the demo load's, not the command line's that ran it; a
 * customers file and a credit-notes file imported from the command line are the import's (the
 * file named), in the limit history, the audit log and the internal-audit signals; what Encours
 * wrote afterwards keeps its own author. Nothing stored is rewritten: the rows' creation instants tell.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '#app/audit/audit';
import { listAuditSignals } from '#app/audit-signals/audit-signals';
import type { AppContext } from '#app/context';
import { getLimitHistory } from '#app/credit/limits';
import { listEventsOfCustomer } from '#app/customers/customer-ledger';
import { importFile } from '#app/imports/import-file';
import { DEMO_AS_OF } from '#demo/index';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
let dir: string;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = { ...database.context('CB2C', DEMO_AS_OF), actor: 'cli' };
  dir = await mkdtemp(join(tmpdir(), 'encours-import-origin-'));
}, 600_000);
afterAll(async () => database?.close());

async function csv(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('what the demo load wrote', () => {
  it('tells the loaded story and the imported limit change as the load’s, and later lines as their author’s', async () => {
    const story = await listEventsOfCustomer(ctx, 'C00009', { limit: 500 });
    const reminders = story.items.filter((event) => event.kind === 'reminder');
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((event) => event.importOrigin?.kind === 'load')).toBe(true);
    // The credit seed runs after the load, in transactions of its own: Encours's lines, not the load's.
    const alerts = story.items.filter((event) => event.kind === 'risk_alert');
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.map((event) => event.importOrigin)).toEqual(alerts.map(() => null));
    const [imported] = (await getLimitHistory(ctx, 'C00009')).filter((entry) => entry.source === 'imported');
    expect(imported?.importOrigin).toEqual({ kind: 'load' });
  });

  it('says the demo’s large credit notes were loaded with it, not entered by an unknown user', async () => {
    const report = await listAuditSignals(ctx, { lang: 'fr' });
    const large = report.signals.filter((signal) => signal.kind === 'large_credit_note');
    expect(large.length).toBeGreaterThan(0);
    for (const signal of large) {
      expect(signal.importOrigin).toEqual({ kind: 'load' });
      expect(signal.message).toMatch(/\(chargé avec les données de démonstration\)\.$/);
      expect(signal.message).not.toContain('utilisateur inconnu');
    }
    const english = await listAuditSignals(ctx, { lang: 'en' });
    expect(english.signals[0]?.message).toMatch(/\(loaded with the demo data\)\.$/);
  });
});

describe('what a file imported from the command line wrote', () => {
  it('names the file in the limit history and the audit log of a customers import', async () => {
    const { name } = await ctx.db
      .selectFrom('customers')
      .select('name')
      .where('company_id', '=', 'CB2C')
      .where('code', '=', 'C00003')
      .executeTakeFirstOrThrow();
    await importFile(ctx, {
      entity: 'customers',
      filePath: await csv('clients.csv', `Code client;Raison sociale;Plafond\nC00003;${name};12 345,00\n`),
    });
    const origin = { kind: 'import', fileName: 'clients.csv', actor: 'cli' };
    const [entry] = await getLimitHistory(ctx, 'C00003');
    expect(entry).toMatchObject({ amountMinor: 1_234_500, createdBy: 'cli', importOrigin: origin });
    const audit = await listAudit(ctx, { customerCode: 'C00003' }, { limit: 5 });
    expect(audit.items[0]).toMatchObject({ action: 'import.update', actor: 'cli', importOrigin: origin });
    // An entry Encours wrote by itself (the demo's forecast schedule, after the load) is no import's.
    const schedule = await listAudit(ctx, { actions: ['job_schedule.create'] }, { limit: 5 });
    expect(schedule.items.length).toBeGreaterThan(0);
    expect(schedule.items.every((item) => item.importOrigin === null)).toBe(true);
  });

  it('says a large credit note was imported, with its file, in French and in English', async () => {
    const found = await sql<{ ref: string; customerCode: string }>`
      select d.external_ref as ref, d.customer_code as "customerCode"
        from open_items o join documents d on d.company_id = o.company_id and d.document_id = o.document_id
       where o.company_id = 'CB2C' and d.kind = 'invoice' and o.open_minor > 700000
         and o.first_allocation_date is null
       order by o.open_minor desc, d.document_id limit 1`.execute(ctx.db);
    const [invoice] = found.rows;
    if (!invoice) throw new Error('the demo company has an open invoice above 7 000 €');
    await importFile(ctx, {
      entity: 'credit-notes',
      filePath: await csv(
        'avoirs.csv',
        `N° avoir;Client;Date;Montant;Facture d'origine\nORIG-A1;${invoice.customerCode};20/06/2026;6 500,00;${invoice.ref}\n`,
      ),
    });
    const signalOf = async (lang: 'fr' | 'en') =>
      (await listAuditSignals(ctx, { lang })).signals.find((signal) => signal.documents.includes('ORIG-A1'));
    const french = await signalOf('fr');
    expect(french?.importOrigin).toEqual({ kind: 'import', fileName: 'avoirs.csv', actor: 'cli' });
    expect(spaced(french?.message ?? '')).toBe(
      `Avoir ORIG-A1 de 6 500,00 € au client ${invoice.customerCode} le 20/06/2026, au-delà du seuil de ` +
        '5 000,00 € (importé en ligne de commande, fichier « avoirs.csv »).',
    );
    expect((await signalOf('en'))?.message).toMatch(
      /\(imported from the command line, file “avoirs\.csv”\)\.$/,
    );
  });
});
