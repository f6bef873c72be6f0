/**
 * The customer's story in the reader's language (migration 0067): a line written by a use case
 * keeps its catalogue message and the French sentence made from it, and reads in English on an
 * English request (API query or Accept-Language, the CLI's --lang, the printed file) and in French
 * by default; an imported line of free text reads as it was written; the dunning run's COPY path
 * (on a server) stores the message as the shared `insertEvents` does. The printed file is read back
 * as text by poppler's pdftotext: skipped when it is absent (.ci/run installs poppler-utils).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { getCustomerFileDocument } from '#app/customers/customer-file-document';
import { updateCustomer } from '#app/customers/customer-update';
import { getCustomerFile } from '#app/customers/customers';
import { recordPromise } from '#app/dunning/promises';
import type { CustomerEvent } from '#core/types';
import { insertRunEvents } from '#db/dunning/run-events';
import { serverClientOf } from '#db/infra/connect';
import { insertEvents } from '#db/ledger/ledger-writes';
import type { ApiServer } from '#http/api-types';
import { storyLine } from '#text/story';
import { HAS_POPPLER, pdfText } from '../support/poppler.ts';
import { serverUrl, type TestDatabase } from '../support/test-db.ts';
import { encoursOn, openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let manager: Session;
const ctx = (): AppContext => database.context('WEB', '2026-04-30');

// Intl separates thousands and currency signs with no-break spaces; compare with plain spaces.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const PROMISE_FR = 'Promesse de paiement : 1 200,00 €, dernière échéance le 15/05/2026. Virement annoncé';
const PROMISE_EN = 'Promise to pay: €1,200.00, last instalment on 15/05/2026. Virement annoncé';
const LIMIT_FR = 'Limite de crédit : 1 000,00 € → aucune';
const LIMIT_EN = 'Credit limit: €1,000.00 → none';
const IMPORTED = 'Relance téléphonique — import ERP « 2 500,00 € »';

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  manager = await signIn(app, 'claire@web.test');
  // Written by a background job and by a colleague: the printed file names them as a reader would.
  await recordPromise(
    { ...ctx(), actor: 'system (job 7)' },
    {
      customerCode: 'K03',
      madeOn: '2026-04-20',
      instalments: [
        { dueDate: '2026-05-05', amountMinor: 50_000 },
        { dueDate: '2026-05-15', amountMinor: 70_000 },
      ],
      documentRefs: ['F1'],
      note: ' Virement annoncé ',
    },
  );
  // A limit removed: money before, a nested message after, a label as the field.
  await updateCustomer({ ...ctx(), actor: 'claire@web.test' }, 'K03', { creditLimitMinor: null });
  // A line of the company's own history, imported: free text only.
  await ctx()
    .db.transaction()
    .execute((trx) =>
      insertEvents(trx, 'WEB', 'import', [
        {
          customerCode: 'K03',
          kind: 'reminder',
          eventDate: '2026-04-10',
          documentRef: 'F1',
          detail: IMPORTED,
        },
      ]),
    );
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const lines = (events: readonly { kind: string; detail: string }[]) =>
  events.map((event) => [event.kind, spaced(event.detail)]);

describe('a story line written by a use case', () => {
  it('stores its message and the French sentence made from it', async () => {
    const rows = await sql<{
      kind: string;
      detail: string;
      message_key: string | null;
      message_params: unknown;
    }>`
      select kind, detail, message_key, message_params from customer_events
      where company_id = 'WEB' and customer_code = 'K03' order by event_id`.execute(ctx().db);
    expect(rows.rows.map((row) => [row.kind, spaced(row.detail), row.message_key])).toEqual([
      ['promise', PROMISE_FR, 'dunning.event.promise'],
      ['limit_change', LIMIT_FR, 'common.change'],
      ['reminder', IMPORTED, null],
    ]);
    expect(rows.rows[0]?.message_params).toEqual({
      amount: { minor: 120_000, currency: 'EUR' },
      date: { date: '2026-05-15' },
      note: 'Virement annoncé',
    });
    expect(rows.rows[1]?.message_params).toEqual({
      field: { domain: 'auditField', code: 'creditLimitMinor' },
      before: { minor: 100_000, currency: 'EUR' },
      after: { key: 'common.noLimit', params: {} },
    });
    expect(rows.rows[2]?.message_params).toBeNull();
  });

  it('reads in French by default and in English when asked, through the use case', async () => {
    const french = await getCustomerFile(ctx(), 'K03', '2026-04-30');
    expect(lines(french.events)).toEqual([
      ['limit_change', LIMIT_FR],
      ['promise', PROMISE_FR],
      ['reminder', IMPORTED],
    ]);
    const english = await getCustomerFile(ctx(), 'K03', '2026-04-30', 'en');
    expect(lines(english.events)).toEqual([
      ['limit_change', LIMIT_EN],
      ['promise', PROMISE_EN],
      ['reminder', IMPORTED],
    ]);
    // The message travels with the line, so a client can word it in a language of its own.
    expect(english.events.map((event) => event.message?.key ?? null)).toEqual([
      'common.change',
      'dunning.event.promise',
      null,
    ]);
  });

  it('reads in the request’s language through the API: lang first, then Accept-Language', async () => {
    const get = async (url: string, headers: Record<string, string> = {}) => {
      const response = await app.inject({ method: 'GET', url, headers: { ...manager.headers, ...headers } });
      expect(response.statusCode).toBe(200);
      return response.json();
    };
    const byDefault = await get('/api/customers/K03/events?asOf=2026-04-30');
    expect(lines(byDefault.items)).toEqual([
      ['limit_change', LIMIT_FR],
      ['promise', PROMISE_FR],
      ['reminder', IMPORTED],
    ]);
    const english = [
      ['limit_change', LIMIT_EN],
      ['promise', PROMISE_EN],
      ['reminder', IMPORTED],
    ];
    expect(lines((await get('/api/customers/K03/events?asOf=2026-04-30&lang=en')).items)).toEqual(english);
    expect(
      lines(
        (await get('/api/customers/K03/events?asOf=2026-04-30', { 'accept-language': 'en-GB,en;q=0.8' }))
          .items,
      ),
    ).toEqual(english);
    expect(
      lines((await get('/api/customers/K03/events?lang=fr', { 'accept-language': 'en' })).items).slice(0, 1),
    ).toEqual([['limit_change', LIMIT_FR]]);
    const file = await get('/api/customers/K03?asOf=2026-04-30&lang=en');
    expect(lines(file.events)).toEqual(english);
    expect(file.events[1].message).toEqual({
      key: 'dunning.event.promise',
      params: {
        amount: { minor: 120_000, currency: 'EUR' },
        date: { date: '2026-05-15' },
        note: 'Virement annoncé',
      },
    });
    expect(file.events[2].message).toBeNull();
  });

  it('reads in the language asked for on the command line, as text and as JSON', async () => {
    const text = await encoursOn(
      database,
      'customer',
      'show',
      'K03',
      '--as-of',
      '2026-04-30',
      '--lang',
      'en',
    );
    expect(text.status).toBe(0);
    expect(spaced(text.stdout)).toContain(LIMIT_EN);
    expect(spaced(text.stdout)).toContain(PROMISE_EN);
    expect(spaced(text.stdout)).toContain(IMPORTED);
    const json = await encoursOn(database, '--json', 'customer', 'show', 'K03', '--as-of', '2026-04-30');
    expect(json.status).toBe(0);
    expect(lines(JSON.parse(json.stdout).events).slice(0, 2)).toEqual([
      ['limit_change', LIMIT_FR],
      ['promise', PROMISE_FR],
    ]);
  });
});

describe.skipIf(!HAS_POPPLER)('the printed customer file', () => {
  it('prints the story in the language of the document', async () => {
    const printed = async (lang: 'fr' | 'en') => {
      const { pdf } = await getCustomerFileDocument(ctx(), 'K03', { asOf: '2026-04-30', lang });
      return spaced(pdfText(pdf, { layout: true }));
    };
    const english = await printed('en');
    expect(english).toContain('Credit limit: €1,000.00 → none');
    expect(english).toContain('Promise to pay: €1,200.00');
    expect(english).not.toContain('Promesse de paiement');
    const french = await printed('fr');
    expect(french).toContain('Limite de crédit : 1 000,00 € → aucune');
    expect(french).toContain('Promesse de paiement : 1 200,00 €');
    // « Par »: the colleague's name, the job worded as the timeline words it, never an e-mail.
    expect(french).toMatch(/Limite de crédit : 1 000,00 € → aucune\s+claire\b/);
    expect(french).toMatch(/Promesse de paiement[^\n]*Encours \(automatique\)/);
    expect(french).not.toContain('claire@web.test');
    expect(french).not.toContain('(job 7)');
  });
});

describe('the dunning run’s story lines', () => {
  it('store the message by COPY on a server as the shared statement does', async () => {
    const reminder = (actor: string): CustomerEvent => ({
      customerCode: 'K05',
      kind: 'reminder',
      eventDate: '2026-04-30',
      documentRef: `REL-${actor}`,
      ...storyLine('dunning.event.reminder', {
        step: { domain: 'dunningStepKind', code: 'reminder' },
        channel: { domain: 'dunningChannel', code: 'letter' },
        count: 2,
        total: { minor: 123_456, currency: 'EUR' },
      }),
    });
    const copied = await ctx()
      .db.transaction()
      .execute(async (trx) => {
        await insertRunEvents(trx, 'WEB', 'copy', [reminder('copy')]);
        return (await serverClientOf(trx)) !== undefined;
      });
    // The server takes the COPY path, the embedded engine the shared statement.
    expect(copied).toBe(serverUrl !== undefined);
    await ctx()
      .db.transaction()
      .execute((trx) => insertEvents(trx, 'WEB', 'unnest', [reminder('unnest')]));
    const stored = await sql<{ detail: string; message_key: string; message_params: unknown }>`
      select detail, message_key, message_params from customer_events
      where company_id = 'WEB' and created_by in ('copy', 'unnest') order by created_by`.execute(ctx().db);
    expect(stored.rows).toHaveLength(2);
    expect(stored.rows[0]).toEqual(stored.rows[1]);
    expect(stored.rows[0]?.message_params).toEqual(reminder('copy').message?.params);
    const english = await getCustomerFile(ctx(), 'K05', '2026-04-30', 'en');
    expect(lines(english.events)).toEqual([
      ['reminder', expect.stringMatching(/^.+ \(.+\): 2 invoices, €1,234\.56 due$/)],
      ['reminder', expect.stringMatching(/^.+ \(.+\): 2 invoices, €1,234\.56 due$/)],
    ]);
  });
});
