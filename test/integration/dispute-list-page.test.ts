/**
 * The disputes list over HTTP on the demo company (243 disputes, most of them imported ones settled
 * since): served a page at a time with the total the filter keeps, the pages end to end being the
 * whole list in its order, the status filter counted over every page, the summary's figures over
 * every dispute, and a case on a page counted whole (its other invoices may be on another page).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { listDisputes } from '#app/dunning/disputes';
import { demoCompanyOfFile } from './demo-file.fixture.ts';
import { type Session, signIn } from './http-fixture.ts';

const demo = demoCompanyOfFile();

interface Line {
  disputeId: number | null;
  eventId: number | null;
  caseId: number | null;
  status: string;
  documentRef: string;
}
interface Page {
  total: number;
  items: Line[];
  cases: { caseId: number; disputes: number; open: number }[];
}

const keyOf = (line: { disputeId: number | null; eventId: number | null }) =>
  line.disputeId === null ? `E${line.eventId}` : `D${line.disputeId}`;

async function page(session: Session, query: string): Promise<Page> {
  const response = await demo.app.inject({
    method: 'GET',
    url: `/api/dunning/disputes?${query}`,
    headers: session.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('the disputes list, a page at a time', () => {
  it('serves 50 lines by default with the total, and the pages end to end are the whole list', async () => {
    const manager = await signIn(demo.app, 'claire.moreau@cb2c.example');
    const all = await listDisputes(demo.ctx);
    expect(all.length).toBeGreaterThan(200);
    const first = await page(manager, '');
    expect(first.total).toBe(all.length);
    expect(first.items).toHaveLength(50);
    const lines: Line[] = [];
    for (let offset = 0; offset < all.length; offset += 100)
      lines.push(...(await page(manager, `limit=100&offset=${offset}`)).items);
    expect(lines.map(keyOf)).toEqual(all.map(keyOf));
    const beyond = await page(manager, `limit=100&offset=${all.length}`);
    expect([beyond.total, beyond.items]).toEqual([all.length, []]);
    expect(
      (
        await demo.app.inject({
          method: 'GET',
          url: '/api/dunning/disputes?limit=0',
          headers: manager.headers,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('counts a status over every page, and the summary counts every dispute, not the page', async () => {
    const manager = await signIn(demo.app, 'claire.moreau@cb2c.example');
    const all = await listDisputes(demo.ctx);
    const open = all.filter((d) => d.status === 'open').length;
    const openPage = await page(manager, 'status=open&limit=5');
    expect(openPage.total).toBe(open);
    expect(openPage.items.map((d) => d.status)).toEqual(Array(5).fill('open'));
    const resolvedPage = await page(manager, 'status=resolved&limit=5&offset=200');
    expect(resolvedPage.total).toBe(all.length - open);
    expect(resolvedPage.items.every((d) => d.status === 'resolved')).toBe(true);
    const summary = await demo.app.inject({
      method: 'GET',
      url: '/api/dunning/disputes/summary',
      headers: manager.headers,
    });
    expect(summary.json()).toMatchObject({ open, resolved: all.length - open });
    const refused = await demo.app.inject({
      method: 'GET',
      url: '/api/dunning/disputes?status=closed',
      headers: manager.headers,
    });
    expect(refused.statusCode).toBe(400);
  });

  it('counts a case whole when the page shows only one of its invoices', async () => {
    const manager = await signIn(demo.app, 'claire.moreau@cb2c.example');
    // Two open invoices of one customer that no dispute holds yet.
    const found = await sql<{ customerCode: string; refs: string[] }>`
      select d.customer_code as "customerCode", (array_agg(d.external_ref order by d.external_ref))[1:2] as refs
        from documents d join open_items o on o.company_id = d.company_id and o.document_id = d.document_id
       where d.company_id = 'CB2C' and d.kind = 'invoice' and o.open_minor > 0
         and not exists (select 1 from dunning_disputes x where x.company_id = d.company_id and x.document_id = d.document_id)
         and not exists (select 1 from customer_events e where e.company_id = d.company_id and e.kind = 'dispute'
                          and e.customer_code = d.customer_code)
       group by d.customer_code having count(*) >= 2
       order by d.customer_code limit 1`.execute(demo.ctx.db);
    const [pair] = found.rows;
    if (!pair) throw new Error('the demo company has a customer with two open invoices');
    const opened = await demo.app.inject({
      method: 'POST',
      url: '/api/dunning/dispute-cases',
      headers: manager.headers,
      payload: { documentRefs: pair.refs, reason: 'price' },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const { caseId } = opened.json();
    const one = await page(manager, `customerCode=${pair.customerCode}&limit=1`);
    expect(one.total).toBe(2);
    expect(one.items).toHaveLength(1);
    expect(one.cases).toEqual([{ caseId, disputes: 2, open: 2 }]);
    const second = await page(manager, `customerCode=${pair.customerCode}&limit=1&offset=1`);
    expect([...one.items, ...second.items].map((d) => d.documentRef).sort()).toEqual(pair.refs);
  });
});
