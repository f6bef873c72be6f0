/**
 * Credit decisions reach the customer's story and its audit trail: a held order released or
 * refused by a person (with the comment), released automatically once a new limit lets it through,
 * a limit given by hand or by an approved request — each a story line worded in the reader's
 * language, and each entry listed by /api/customers/:code/audit beside the customer's own. The
 * limit history words its reasons at read time (an older row stored in French included) and shows
 * the approver's comment.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { checkOrder } from '#app/credit/order-check';
import { getCustomerFileDocument } from '#app/customers/customer-file-document';
import { getCustomerFile } from '#app/customers/customers';
import type { ApiServer } from '#http/api-types';
import { HAS_POPPLER, pdfText } from '../support/poppler.ts';
import type { TestDatabase } from '../support/test-db.ts';
import { openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let manager: Session;
const ctx = (): AppContext => database.context('WEB', '2026-04-30');

// Intl separates thousands and currency signs with no-break spaces; compare with plain spaces.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  manager = await signIn(app, 'claire@web.test');
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function api(method: 'GET' | 'POST', url: string, payload?: object, headers: object = {}) {
  const response = await app.inject({ method, url, payload, headers: { ...manager.headers, ...headers } });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

/** An order over the customer's 1,000.00 € limit, held for the credit manager. */
async function heldOrder(customerCode: string, orderRef: string, amountMinor = 150_000) {
  const answer = await checkOrder(ctx(), { customerCode, amountMinor, orderRef });
  expect(answer).toMatchObject({ decision: 'hold', status: 'held' });
}

async function story(code: string, lang: 'fr' | 'en' = 'fr') {
  const file = await getCustomerFile(ctx(), code, '2026-04-30', lang);
  return file.events.map((event) => [event.kind, spaced(event.detail)]);
}

describe('a held order released or refused by a person', () => {
  it('is told in the customer’s story with the comment, in each language', async () => {
    await heldOrder('K04', 'CMD-R1');
    await api('POST', '/api/credit/orders/CMD-R1/release', { comment: 'Client historique' });
    expect((await story('K04'))[0]).toEqual([
      'order_decision',
      'Commande CMD-R1 de 1 500,00 € libérée. Commentaire : « Client historique »',
    ]);
    expect((await story('K04', 'en'))[0]).toEqual([
      'order_decision',
      'Order CMD-R1 of €1,500.00 released. Comment: “Client historique”',
    ]);
    // The check's line stays: what was decided then, and what became of it since.
    expect((await story('K04')).map(([kind]) => kind)).toEqual(['order_decision', 'order_decision']);
  });

  it('a refusal without a comment ends at its sentence', async () => {
    await heldOrder('K05', 'CMD-R2');
    await api('POST', '/api/credit/orders/CMD-R2/refuse', {});
    expect((await story('K05'))[0]).toEqual(['order_decision', 'Commande CMD-R2 de 1 500,00 € refusée.']);
  });
});

describe('a limit change', () => {
  it('by hand is told, and the held order it lets through is released automatically and told', async () => {
    await heldOrder('K06', 'CMD-R3');
    const { released } = await api('POST', '/api/credit/customers/K06/limit', { amountMinor: 500_000 });
    expect(released).toEqual(['CMD-R3']);
    expect((await story('K06')).slice(0, 2)).toEqual([
      [
        'order_decision',
        'Commande CMD-R3 de 1 500,00 € libérée automatiquement : exposition 1 500,00 € pour une limite de 5 000,00 €.',
      ],
      ['limit_change', 'Limite de crédit : 1 000,00 € → 5 000,00 € (Modification manuelle).'],
    ]);
    expect((await story('K06', 'en'))[1]).toEqual([
      'limit_change',
      'Credit limit: €1,000.00 → €5,000.00 (Manual change).',
    ]);
  });

  it('from an approved request is told with the approver’s comment, and its history reads in each language', async () => {
    await heldOrder('K07', 'CMD-R4');
    const alice = await signIn(app, 'alice@web.test');
    const request = await api(
      'POST',
      '/api/credit/limit-requests',
      { customerCode: 'K07', requestedMinor: 400_000, justification: 'Volumes', orderRef: 'CMD-R4' },
      alice.headers,
    );
    await api('POST', `/api/credit/limit-requests/${request.requestId}/decision`, {
      approve: true,
      comment: 'OK pour 4 k€ vu les volumes',
    });
    const lines = await story('K07');
    expect(lines[1]).toEqual([
      'limit_change',
      `Limite de crédit : 1 000,00 € → 4 000,00 € (Demande n° ${request.requestId} approuvée). ` +
        'Commentaire : « OK pour 4 k€ vu les volumes »',
    ]);
    expect(lines[0]?.[1]).toMatch(/^Commande CMD-R4 de 1 500,00 € libérée automatiquement/);

    // The reason is stored as its key and worded when read: English on an English request.
    const stored = await sql<{ reason: string }>`
      select reason from credit_limit_history where company_id = 'WEB' and customer_code = 'K07'`.execute(
      ctx().db,
    );
    expect(stored.rows).toEqual([{ reason: 'credit.limit.reason.request' }]);
    const english = await api('GET', '/api/credit/customers/K07/limit-history', undefined, {
      'accept-language': 'en',
    });
    expect(english.items[0]).toMatchObject({
      reason: `Request no. ${request.requestId} approved`,
      reasonMessage: { key: 'credit.limit.reason.request', params: { requestId: request.requestId } },
      comment: 'OK pour 4 k€ vu les volumes',
      previousMinor: 100_000,
      amountMinor: 400_000,
    });
    const french = await api('GET', '/api/credit/customers/K07/limit-history');
    expect(french.items[0].reason).toBe(`Demande n° ${request.requestId} approuvée`);
  });

  it('an entry an older version stored in French reads in English; a person’s own reason stays', async () => {
    await sql`
      insert into credit_limit_history
        (company_id, customer_code, kind, amount_minor, previous_minor, currency, valid_from, reason, created_by)
      values ('WEB', 'K08', 'permanent', 200000, 100000, 'EUR', '2026-04-01', 'Modification manuelle', 'x'),
             ('WEB', 'K08', 'permanent', 300000, 200000, 'EUR', '2026-04-02', 'Import du fichier clients.csv', 'x'),
             ('WEB', 'K08', 'permanent', 250000, 300000, 'EUR', '2026-04-03', 'Baisse négociée', 'x')`.execute(
      ctx().db,
    );
    const english = await api('GET', '/api/credit/customers/K08/limit-history', undefined, {
      'accept-language': 'en',
    });
    expect(english.items.map((item: { reason: string }) => item.reason)).toEqual([
      'Baisse négociée',
      'Import of file clients.csv',
      'Manual change',
    ]);
  });

  it('an imported story line gives its before and after from its words, else the limit the line before set', async () => {
    await sql`
      insert into customer_events (company_id, customer_code, kind, event_date, detail, created_by)
      values ('WEB', 'K09', 'limit_change', '2025-09-01',
              'Révision annuelle du plafond de crédit : 70 000,00 € → 100 000,00 €', 'import'),
             ('WEB', 'K09', 'limit_change', '2025-10-01',
              'Plafond ramené à 0 € : ouverture d’une procédure collective', 'import'),
             ('WEB', 'K09', 'limit_change', '2025-11-01', 'Plafond revu avec le commercial', 'import')`.execute(
      ctx().db,
    );
    const history = await api('GET', '/api/credit/customers/K09/limit-history');
    expect(
      history.items.map(
        (item: { source: string; previousMinor: number | null; amountMinor: number | null }) => [
          item.source,
          item.previousMinor,
          item.amountMinor,
        ],
      ),
    ).toEqual([
      ['imported', 0, null],
      ['imported', 10_000_000, 0],
      ['imported', 7_000_000, 10_000_000],
    ]);
  });
});

describe.skipIf(!HAS_POPPLER)('the printed customer file', () => {
  it('lists the release among its latest events', async () => {
    const { pdf } = await getCustomerFileDocument(ctx(), 'K04', { asOf: '2026-04-30', lang: 'en' });
    expect(spaced(pdfText(pdf, { layout: true }))).toContain('Order CMD-R1 of €1,500.00 released.');
  });
});

describe('the customer’s audit trail', () => {
  it('lists its limit requests, limit changes and order decisions, not another customer’s', async () => {
    const page = await api('GET', '/api/customers/K07/audit');
    expect(page.items.map((entry: { action: string }) => entry.action)).toEqual([
      'credit.order_auto_release',
      'credit.limit_change',
      'credit.limit_decision',
      'credit.limit_request',
      'credit.order_check',
    ]);
    expect(page.total).toBe(5);
    const k04 = await api('GET', '/api/customers/K04/audit');
    expect(k04.items.map((entry: { entityKey: string }) => entry.entityKey)).toEqual(['CMD-R1', 'CMD-R1']);
  });
});
