/**
 * Disputes over HTTP: a case on an invoice, documents attached (multipart; checked by their bytes,
 * stored once by SHA-256, downloadable by whoever sees the customer), an imported dispute resolved
 * by its event, the summary, and an open dispute edited and a document removed from it.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { insertCustomerEvent } from '#db/customers/customer-records';
import { COLLECTOR_AND_SALESPEOPLE, httpFixtureOfFile } from './http-file.fixture.ts';
import type { Session } from './http-fixture.ts';

const web = httpFixtureOfFile(COLLECTOR_AND_SALESPEOPLE);
const { collector, alice, bob } = web.sessions;
const { call } = web;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');

function upload(
  session: Session,
  disputeId: number,
  fileName: string,
  content: Buffer,
  kind = 'proof_of_delivery',
) {
  const boundary = 'encoursdisputeboundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return web.app.inject({
    method: 'POST',
    url: `/api/dunning/disputes/${disputeId}/attachments`,
    headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

const storedFiles = async () =>
  (
    await sql<{
      count: number;
    }>`select count(*)::int8 as count from dispute_files where company_id = 'WEB'`.execute(
      web.database.context('WEB').db,
    )
  ).rows[0]?.count;

describe('disputes API', () => {
  let first: number;

  it('opens a case, attaches a proof of delivery and serves it back', async () => {
    const opened = await call(alice, 'POST', '/api/dunning/dispute-cases', {
      documentRefs: ['F1'],
      reason: 'delivery',
      respondBy: '2026-05-15',
    });
    expect(opened.statusCode).toBe(200);
    const { caseId, disputes } = opened.json();
    first = disputes[0].disputeId;
    expect([caseId, disputes[0].source, disputes[0].respondBy, disputes[0].department]).toEqual([
      first,
      'record',
      '2026-05-15',
      'logistics',
    ]);
    const attached = await upload(alice, first, 'BL signé.pdf', PDF);
    expect(attached.statusCode).toBe(200);
    expect(attached.json()).toMatchObject({
      fileName: 'BL signé.pdf',
      kind: 'proof_of_delivery',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      documentRef: 'F1',
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const listed = (await call(collector, 'GET', `/api/dunning/disputes/${first}/attachments`)).json();
    expect(listed.map((a: { fileName: string }) => a.fileName)).toEqual(['BL signé.pdf']);
    const file = await call(collector, 'GET', `/api/dunning/dispute-attachments/${listed[0].attachmentId}`);
    expect([file.statusCode, file.headers['content-type'], file.rawPayload.equals(PDF)]).toEqual([
      200,
      'application/pdf',
      true,
    ]);
    expect(String(file.headers['content-disposition'])).toContain("filename*=UTF-8''BL%20sign%C3%A9.pdf");
    // Another salesperson's customer: as if it did not exist.
    expect(
      (await call(bob, 'GET', `/api/dunning/dispute-attachments/${listed[0].attachmentId}`)).statusCode,
    ).toBe(404);
    expect((await call(collector, 'GET', '/api/dunning/disputes')).json().items[0].attachmentCount).toBe(1);
  });

  it('refuses a file of another type, an empty one and the same bytes twice on one dispute', async () => {
    expect((await upload(alice, first, 'note.txt', Buffer.from('hello'))).statusCode).toBe(400);
    expect((await upload(alice, first, 'empty.pdf', Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload(alice, first, 'copie.pdf', PDF, 'other')).statusCode).toBe(409);
    expect((await upload(alice, first, 'x.pdf', PDF, 'invoice')).statusCode).toBe(400);
  });

  it('words a refusal in the reader’s language: French by default, English when asked', async () => {
    const resolveUnknown = (headers: Record<string, string>) =>
      web.app.inject({
        method: 'POST',
        url: '/api/dunning/disputes/999999/resolve',
        headers: { ...alice.headers, ...headers },
        payload: { resolution: 'rejected' },
      });
    const french = await resolveUnknown({});
    expect(french.statusCode).toBe(404);
    expect(french.json()).toMatchObject({ code: 'not_found', detail: 'Aucun litige n°\u00a0999999.' });
    expect((await resolveUnknown({ 'accept-language': 'en' })).json().detail).toBe('No dispute 999999.');
    const noInvoice = await call(alice, 'POST', '/api/dunning/dispute-cases', {
      documentRefs: ['F404'],
      reason: 'price',
    });
    expect(noInvoice.json()).toMatchObject({ status: 404, detail: 'Aucune facture F404.' });
    const tooHigh = await call(alice, 'POST', '/api/dunning/dispute-cases?lang=en', {
      documentRefs: ['F1'],
      reason: 'price',
      amountMinor: 300_000,
    });
    expect(tooHigh.json().detail).toBe(
      'The disputed amount must be positive and at most the invoice amount (€2,500.00).',
    );
  });

  it('stores the same document once when a second dispute reuses it', async () => {
    const resolved = await call(collector, 'POST', `/api/dunning/dispute-cases/${first}/resolve`, {
      resolution: 'rejected',
    });
    expect(resolved.json().disputes.map((d: { status: string }) => d.status)).toEqual(['resolved']);
    const again = (
      await call(collector, 'POST', '/api/dunning/disputes', { documentRef: 'F1', reason: 'price' })
    ).json();
    expect((await upload(collector, again.disputeId, 'BL.pdf', PDF)).statusCode).toBe(200);
    expect(await storedFiles()).toBe(1);
    const attachments = await sql<{ count: number }>`
      select count(*)::int8 as count from dunning_dispute_attachments where company_id = 'WEB'`.execute(
      web.database.context('WEB').db,
    );
    expect(attachments.rows[0]?.count).toBe(2);
    await call(collector, 'POST', `/api/dunning/disputes/${again.disputeId}/resolve`, {
      resolution: 'rejected',
    });
  });

  it('lists an imported dispute and resolves it by its event', async () => {
    const ctx = web.database.context('WEB');
    await insertCustomerEvent(ctx.db, 'WEB', 'import', {
      customerCode: 'K03',
      kind: 'dispute',
      eventDate: '2026-04-10',
      documentRef: 'F1',
      detail: 'Litige importé',
    });
    // A dispute record names F1 already: the imported event is superseded, as the run reads it.
    expect((await call(collector, 'GET', '/api/dunning/disputes?status=open')).json().items).toEqual([]);
    await sql`delete from dunning_dispute_attachments where company_id = 'WEB'`.execute(ctx.db);
    await sql`delete from dunning_disputes where company_id = 'WEB'`.execute(ctx.db);
    const open = (await call(alice, 'GET', '/api/dunning/disputes?status=open')).json().items;
    expect(open.map((d: { source: string; documentRef: string }) => [d.source, d.documentRef])).toEqual([
      ['imported', 'F1'],
    ]);
    expect((await call(bob, 'GET', '/api/dunning/disputes')).json()).toMatchObject({ total: 0, items: [] });
    // On the agenda, on its customer's entry, as the list shows it.
    const [entry] = (await call(collector, 'GET', '/api/dunning/agenda?lang=en')).json().entries;
    expect([entry.customerCode, entry.reasons]).toEqual([
      'K03',
      expect.arrayContaining(['Disputes waiting: 1']),
    ]);
    expect(entry.openDisputes).toEqual([
      {
        source: 'imported',
        disputeId: null,
        caseId: null,
        eventId: open[0].eventId,
        documentRef: 'F1',
        reason: 'other',
        department: 'customer_service',
        amountMinor: 250_000,
        currency: 'EUR',
        openedOn: '2026-04-10',
        respondBy: null,
      },
    ]);
    const summary = (await call(collector, 'GET', '/api/dunning/disputes/summary')).json();
    expect(summary).toMatchObject({ open: 1, openImported: 1, resolved: 0, medianCycleDays: null });
    const resolved = await call(
      collector,
      'POST',
      `/api/dunning/disputes/imported/${open[0].eventId}/resolve`,
      {
        resolution: 'credit_note',
        reason: 'quality',
      },
    );
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({
      source: 'record',
      openedOn: '2026-04-10',
      resolvedOn: '2026-04-30',
      reason: 'quality',
      department: 'quality',
      resolution: 'credit_note',
    });
    const after = (await call(collector, 'GET', '/api/dunning/disputes/summary')).json();
    expect(after).toMatchObject({ open: 0, openImported: 0, resolved: 1, medianCycleDays: 20 });
  });
});

describe('changing an open dispute over HTTP', () => {
  const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('encours png')]);
  const send = call;
  const detachAudit = async () =>
    (
      await sql<{ after: { fileRemoved: boolean } }>`
        select after from audit_log where company_id = 'WEB' and action = 'dunning.dispute_detach'
        order by audit_id`.execute(web.database.context('WEB').db)
    ).rows.map((row) => row.after.fileRemoved);
  let open: number;
  let resolved: number;

  it('edits its particulars for whoever sees the customer, never above what the invoice owes', async () => {
    [resolved] = (await call(collector, 'GET', '/api/dunning/disputes?status=resolved'))
      .json()
      .items.map((d: { disputeId: number }) => d.disputeId);
    open = (await call(alice, 'POST', '/api/dunning/disputes', { documentRef: 'F1', reason: 'price' })).json()
      .disputeId;
    const edited = await send(alice, 'PATCH', `/api/dunning/disputes/${open}`, {
      department: 'accounting',
      amountMinor: 100_000,
      respondBy: '2026-05-20',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      department: 'accounting',
      amountMinor: 100_000,
      respondBy: '2026-05-20',
      edited: true,
    });
    const above = await send(alice, 'PATCH', `/api/dunning/disputes/${open}?lang=en`, {
      amountMinor: 250_001,
    });
    expect([above.statusCode, above.json().detail]).toEqual([
      400,
      'The disputed amount cannot exceed what invoice F1 still owes (€2,500.00).',
    ]);
    expect((await send(bob, 'PATCH', `/api/dunning/disputes/${open}`, { note: 'x' })).statusCode).toBe(404);
    const late = await send(collector, 'PATCH', `/api/dunning/disputes/${resolved}`, { note: 'x' });
    expect([late.statusCode, late.json().detail]).toEqual([
      409,
      `Le litige n° ${resolved} est résolu\u00a0: il ne peut plus être modifié.`,
    ]);
  });

  it('removes a document, deleting the stored file only when nothing else links it', async () => {
    // The same PDF on the resolved dispute and the open one; a PNG on the open one only.
    expect((await upload(collector, resolved, 'BL.pdf', PDF)).statusCode).toBe(200);
    const pdf = (await upload(alice, open, 'BL.pdf', PDF)).json().attachmentId;
    const png = (await upload(alice, open, 'photo.png', PNG, 'photo')).json().attachmentId;
    expect(await storedFiles()).toBe(2);
    expect((await send(bob, 'DELETE', `/api/dunning/dispute-attachments/${pdf}`)).statusCode).toBe(404);
    const kept = await send(alice, 'DELETE', `/api/dunning/dispute-attachments/${pdf}`);
    expect([kept.statusCode, kept.json().fileRemoved, kept.json().attachment.fileName]).toEqual([
      200,
      false,
      'BL.pdf',
    ]);
    expect(await storedFiles()).toBe(2);
    const gone = await send(alice, 'DELETE', `/api/dunning/dispute-attachments/${png}`);
    expect([gone.statusCode, gone.json().fileRemoved]).toEqual([200, true]);
    expect(await storedFiles()).toBe(1);
    expect((await send(alice, 'DELETE', `/api/dunning/dispute-attachments/${png}`)).statusCode).toBe(404);
    expect(await detachAudit()).toEqual([false, true]);
    // A resolved dispute keeps its evidence.
    const [onResolved] = (
      await call(collector, 'GET', `/api/dunning/disputes/${resolved}/attachments`)
    ).json();
    expect(
      (await send(collector, 'DELETE', `/api/dunning/dispute-attachments/${onResolved.attachmentId}`))
        .statusCode,
    ).toBe(409);
    // The same bytes can be sent again after their file went.
    expect((await upload(alice, open, 'photo.png', PNG, 'photo')).statusCode).toBe(200);
    expect((await call(collector, 'GET', `/api/dunning/disputes/${open}/attachments`)).json()).toHaveLength(
      1,
    );
  });
});
