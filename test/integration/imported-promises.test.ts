/**
 * The promises to pay of the demo company's imported history (issue 12): listed read-only beside
 * the recorded ones, over HTTP and the CLI, a page at a time with the total the status filter keeps,
 * each with the date and amount its line states and a status read from the ledger — from the
 * invoices it names when it states no amount —, « non vérifiable » when it cannot be; never a
 * recorded promise — the recorded list stays empty and the run goes on reminding a customer whose
 * imported promise is pending.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { listImportedPromises } from '#app/dunning/imported-promises';
import { previewDunningRun } from '#app/dunning/plan-run';
import { recordPromise } from '#app/dunning/promises';
import { DEMO_AS_OF } from '#demo/index';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { cliOutput } from '../support/cli-output.ts';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let ctx: AppContext;
let collector: Session;
let salesperson: Session;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', DEMO_AS_OF);
  app = await buildServer(database.runtime, { webRoot: null });
  collector = await signIn(app, 'julien.petit@cb2c.example');
  salesperson = await signIn(app, 'sophie.bernard@cb2c.example');
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = async (session: Session, url: string) => {
  const response = await app.inject({ url, headers: session.headers });
  expect(response.statusCode).toBe(200);
  return response.json();
};
const cli = (...args: string[]) => cliOutput(database.runtime, 'CB2C', args);
const byStatus = (rows: readonly { status: string }[]) =>
  Object.fromEntries([...Map.groupBy(rows, (r) => r.status)].map(([status, of]) => [status, of.length]));

describe('the imported history’s promises to pay', () => {
  it('are listed read-only beside the recorded ones, each with what its line says and what the ledger tells', async () => {
    // No promise was recorded in Encours: that list is as it was.
    expect(await get(collector, '/api/dunning/promises')).toEqual([]);
    const { items: imported } = await get(collector, '/api/dunning/promises/imported?limit=500');
    expect(imported).toHaveLength(317);
    expect(imported[0].madeOn).toBe('2026-06-11');
    expect(byStatus(imported)).toEqual({ broken: 269, kept: 39, unverifiable: 9 });
    // The nine lines not verifiable all state an amount and name no invoice: none is read on one.
    const unverifiable = imported.filter((p: { status: string }) => p.status === 'unverifiable');
    expect(new Set(unverifiable.map((p: { unverifiableReason: string }) => p.unverifiableReason))).toEqual(
      new Set(['same_day']),
    );
    expect(unverifiable.filter((p: { documentRef: string | null }) => p.documentRef !== null)).toEqual([]);
    expect(imported.find((p: { eventId: number }) => p.eventId === 3552)).toEqual({
      source: 'imported',
      eventId: 3552,
      customerCode: 'C00127',
      customerName: 'Bazar du Plateau',
      madeOn: '2026-06-10',
      promisedOn: '2026-06-29',
      amountMinor: 397_482,
      currency: 'EUR',
      documentRef: null,
      // The demo writes its amounts as Intl does: narrow no-break spaces in thousands, a no-break one before €.
      note: 'Promesse de règlement de 3\u202f974,82\u00a0€ pour le 29/06/2026',
      status: 'kept',
      unverifiableReason: null,
      paidMinor: 397_482,
      invoiceCheck: null,
    });
    // Only a payment of the call's own day would cover it: was it made before the call, or after?
    const {
      items: [vidal],
    } = await get(collector, '/api/dunning/promises/imported?customerCode=C00170');
    expect(vidal).toMatchObject({
      madeOn: '2026-06-08',
      promisedOn: '2026-06-17',
      amountMinor: 81_690,
      status: 'unverifiable',
      unverifiableReason: 'same_day',
      paidMinor: 0,
    });
  });

  it('are a salesperson’s own customers’ only', async () => {
    const own = await database.runtime.handle.pool.query<{ code: string }>(
      "select code from customers where salesperson = 'Sophie Bernard'",
    );
    const codes = new Set(own.rows.map((row) => row.code));
    const page = await get(salesperson, '/api/dunning/promises/imported');
    expect(page.total).toBe(28);
    const listed: { customerCode: string }[] = page.items;
    expect(listed).toHaveLength(28);
    expect(listed.filter((p) => !codes.has(p.customerCode))).toEqual([]);
    const other = await app.inject({
      url: '/api/dunning/promises/imported?customerCode=C00127',
      headers: salesperson.headers,
    });
    expect(other.statusCode).toBe(404);
  });

  it('pause no reminder: a pending one leaves its customer to the run', async () => {
    const asOf = '2026-06-20';
    const pending = (await listImportedPromises(ctx, { asOf })).filter((p) => p.status === 'pending');
    expect(pending.map((p) => [p.customerCode, p.promisedOn, p.amountMinor])).toContainEqual([
      'C00291',
      '2026-06-23',
      4_406_461,
    ]);
    expect(pending).toHaveLength(11);
    const preview = await previewDunningRun(ctx, { asOf });
    expect(preview.skipped.filter((s) => s.reason === 'promise_pending')).toEqual([]);
    for (const { customerCode } of pending)
      expect(preview.actions.some((a) => a.customerCode === customerCode)).toBe(true);
  });

  it('leave out the lines Encours wrote itself, with or without their message', async () => {
    const before = await listImportedPromises(ctx, { customerCode: 'C00006' });
    const recorded = await recordPromise(ctx, {
      customerCode: 'C00006',
      madeOn: '2026-06-15',
      instalments: [{ dueDate: '2026-07-15', amountMinor: 10_000 }],
    });
    // A line an older version wrote for it, before lines carried their message (migration 0067).
    await database.runtime.handle.pool.query(
      `insert into customer_events (company_id, customer_code, kind, event_date, detail, created_by)
       values ('CB2C', 'C00006', 'promise', '2026-06-15', 'Promesse de paiement : 100,00 €, dernière échéance le 15/07/2026.', 'test')`,
    );
    expect(await listImportedPromises(ctx, { customerCode: 'C00006' })).toEqual(before);
    expect((await get(collector, '/api/dunning/promises?customerCode=C00006'))[0].promiseId).toBe(
      recorded.promiseId,
    );
  });
});

describe('a page at a time', () => {
  const url = (query: string) => `/api/dunning/promises/imported${query}`;

  it('cuts the list in its order, with the total over every page and how many each status holds', async () => {
    const every = await listImportedPromises(ctx);
    const first = await get(collector, url(''));
    expect(first.total).toBe(317);
    expect(first.counts).toEqual({ pending: 0, kept: 39, broken: 269, unverifiable: 9 });
    const pages = [first.items];
    for (let offset = 50; offset < first.total; offset += 50) {
      const page = await get(collector, url(`?offset=${offset}`));
      expect(page.total).toBe(317);
      pages.push(page.items);
    }
    expect(pages.map((items) => items.length)).toEqual([50, 50, 50, 50, 50, 50, 17]);
    expect(pages.flat().map((p: { eventId: number }) => p.eventId)).toEqual(every.map((p) => p.eventId));
    expect((await get(collector, url('?offset=317'))).items).toEqual([]);
  });

  it('filters by status before cutting, the counts staying those of every status', async () => {
    const broken = await get(collector, url('?status=broken&limit=100&offset=200'));
    expect(broken.total).toBe(269);
    expect(broken.items).toHaveLength(69);
    expect(new Set(broken.items.map((p: { status: string }) => p.status))).toEqual(new Set(['broken']));
    expect(broken.counts).toEqual({ pending: 0, kept: 39, broken: 269, unverifiable: 9 });
    const unverifiable = await get(collector, url('?status=unverifiable&limit=5'));
    expect(unverifiable.total).toBe(9);
    expect(unverifiable.items.map((p: { eventId: number }) => p.eventId)).toEqual([
      3527, 3333, 2586, 2325, 2228,
    ]);
    // The page's filter is shared with the recorded promises: a status only they have keeps no line.
    const partly = await get(collector, url('?status=partially_kept'));
    expect(partly).toMatchObject({ total: 0, items: [], counts: { broken: 269 } });
  });

  it('refuses a status no promise has and a page out of bounds, in words', async () => {
    const refused = async (query: string) => {
      const response = await app.inject({
        url: url(query),
        headers: { ...collector.headers, 'accept-language': 'fr' },
      });
      expect(response.statusCode).toBe(400);
      return JSON.stringify(response.json());
    };
    expect(await refused('?status=sent')).toContain('unverifiable (Non vérifiable)');
    expect(await refused('?limit=501')).toContain(
      'Le paramètre limit (adresse de la requête) doit valoir au plus 500',
    );
    expect(await refused('?limit=0')).toContain(
      'Le paramètre limit (adresse de la requête) doit valoir au moins 1',
    );
    expect(await refused('?offset=-1')).toContain(
      'Le paramètre offset (adresse de la requête) ne peut pas être négatif',
    );
  });
});

describe('encours promise list', () => {
  it('prints the imported promises after the recorded ones, in French and English', async () => {
    const french = await cli('promise', 'list', '--customer', 'C00127');
    expect(french.status).toBe(0);
    expect(french.stdout).toContain('Aucune promesse de paiement.');
    expect(french.stdout).toContain(
      'Promesses selon l’historique importé (lecture seule, sans effet sur la relance) :',
    );
    expect(french.stdout).toMatch(
      /10\/06\/2026 +29\/06\/2026 +3 974,82 € +3 974,82 € +Tenue +Promesse de règlement/,
    );
    const english = await cli('promise', 'list', '--imported', '--customer', 'C00170', '--lang', 'en');
    expect(english.stdout).not.toContain('No promise to pay.');
    expect(english.stdout).toContain(
      'Not verifiable: only a payment made the day of the call would cover it',
    );
  });

  it('keeps --json to the recorded promises unless the imported ones are asked for', async () => {
    expect(JSON.parse((await cli('--json', 'promise', 'list', '--customer', 'C00127')).stdout)).toEqual([]);
    const imported = JSON.parse(
      (await cli('--json', 'promise', 'list', '--imported', '--customer', 'C00170')).stdout,
    );
    expect(imported.total).toBe(3);
    expect(imported.items.map((p: { status: string }) => p.status)).toEqual([
      'unverifiable',
      'broken',
      'broken',
    ]);
  });

  it('prints a page of the imported ones, filtered by status, and says where the next one starts', async () => {
    const page = await cli(
      'promise',
      'list',
      '--imported',
      '--status',
      'broken',
      '--limit',
      '2',
      '--offset',
      '1',
    );
    expect(page.status).toBe(0);
    expect(page.stdout.match(/ Non tenue /g)).toHaveLength(2);
    expect(page.stdout).not.toContain('Tenue ');
    expect(page.stdout).toContain('Lignes 2 à 3 sur 269.');
    expect(page.stdout).toContain('Suivantes : --offset 3 ; toutes : --limit 0.');
    const all = JSON.parse(
      (await cli('--json', 'promise', 'list', '--imported', '--status', 'unverifiable', '--limit', '0'))
        .stdout,
    );
    expect(all.total).toBe(9);
    expect(all.items).toHaveLength(9);
    expect((await cli('promise', 'list', '--status', 'sent')).status).not.toBe(0);
    expect((await cli('promise', 'list', '--imported', '--limit', '501')).status).not.toBe(0);
  });
});

describe('a line naming its invoices but no amount', () => {
  it('is judged on them: kept when settled by the promised date, broken when not, pending before it', async () => {
    // Bazar du Plateau's F2026-001023 (3 974,82 €) was settled on 15 June; F2026-001600 (4 442,38 €)
    // and F2026-001775 (1 068,32 €) are open on 30 June.
    const line = async (day: string, documentRef: string | null, detail: string) => {
      const inserted = await database.runtime.handle.pool.query<{ id: number }>(
        `insert into customer_events (company_id, customer_code, kind, event_date, document_ref, detail, created_by)
         values ('CB2C', 'C00127', 'promise', $1, $2, $3, 'import') returning event_id::int8 as id`,
        [day, documentRef, detail],
      );
      return inserted.rows[0]?.id;
    };
    const kept = await line('2026-06-01', 'F2026-001023', 'Promet de régler la facture pour le 20/06/2026');
    const broken = await line('2026-06-02', null, 'Réglera F2026-001600 et f2026-001023 le 25/06/2026');
    const pending = await line('2026-06-20', null, 'Virement de la facture F2026-001775 le 10/07/2026');
    const page = await get(collector, '/api/dunning/promises/imported?customerCode=C00127');
    const of = (id: number | undefined) => page.items.find((p: { eventId: number }) => p.eventId === id);
    expect(of(kept)).toMatchObject({
      promisedOn: '2026-06-20',
      amountMinor: null,
      status: 'kept',
      unverifiableReason: null,
      paidMinor: null,
      invoiceCheck: {
        refs: ['F2026-001023'],
        on: '2026-06-20',
        openMinor: 0,
        currency: 'EUR',
        settledOn: '2026-06-15',
      },
    });
    expect(of(broken)).toMatchObject({
      status: 'broken',
      invoiceCheck: {
        refs: ['F2026-001023', 'F2026-001600'],
        on: '2026-06-25',
        openMinor: 444_238,
        settledOn: null,
      },
    });
    expect(of(pending)).toMatchObject({
      status: 'pending',
      invoiceCheck: { refs: ['F2026-001775'], on: '2026-06-30', openMinor: 106_832, settledOn: null },
    });

    const french = (await cli('promise', 'list', '--imported', '--customer', 'C00127')).stdout;
    expect(french).toContain('Tenue : Vérifiée sur la facture F2026-001023, soldée le 15/06/2026');
    expect(french).toContain(
      'Non tenue : Vérifiée sur les factures F2026-001023 et F2026-001600 : solde de 4 442,38 € au 25/06/2026',
    );
    expect(french).toContain(
      'En cours : Suivie sur la facture F2026-001775 : solde de 1 068,32 € au 30/06/2026',
    );
    const english = (await cli('promise', 'list', '--imported', '--customer', 'C00127', '--lang', 'en'))
      .stdout;
    expect(english).toContain('Kept: Checked against invoice F2026-001023, settled on 15/06/2026');
  });
});
