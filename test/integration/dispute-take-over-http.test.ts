/**
 * Taking over an imported dispute over HTTP: by its event, for whoever sees the customer; the list
 * then shows the open record in its place, which is edited and given a document like any dispute; a
 * second take-over is a conflict worded in the language asked; refusals of an upload too.
 */
import { describe, expect, it } from 'vitest';
import { insertCustomerEvent } from '#db/customers/customer-records';
import { COLLECTOR_AND_SALESPEOPLE, httpFixtureOfFile } from './http-file.fixture.ts';
import type { Session } from './http-fixture.ts';

const web = httpFixtureOfFile(COLLECTOR_AND_SALESPEOPLE);
const { collector, alice, bob } = web.sessions;
const { call } = web;

function upload(session: Session, disputeId: number, fileName: string, content: Buffer, query = '') {
  const boundary = 'encourstakeoverboundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphoto\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return web.app.inject({
    method: 'POST',
    url: `/api/dunning/disputes/${disputeId}/attachments${query}`,
    headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

describe('taking over an imported dispute over HTTP', () => {
  let eventId: number;
  let disputeId: number;

  it('makes it an open record in the list, opened on the imported date', async () => {
    await insertCustomerEvent(web.database.context('WEB').db, 'WEB', 'import', {
      customerCode: 'K03',
      kind: 'dispute',
      eventDate: '2026-04-10',
      documentRef: 'F1',
      detail: 'Litige importé',
    });
    const [imported] = (await call(alice, 'GET', '/api/dunning/disputes')).json().items;
    eventId = imported.eventId;
    expect(imported.source).toBe('imported');
    const url = `/api/dunning/disputes/imported/${eventId}/take-over`;
    // Another salesperson's customer: as if it did not exist.
    expect((await call(bob, 'POST', url, {})).statusCode).toBe(404);
    const taken = await call(alice, 'POST', url, { reason: 'delivery', respondBy: '2026-05-15' });
    expect(taken.statusCode).toBe(200);
    disputeId = taken.json().disputeId;
    expect(taken.json()).toMatchObject({
      source: 'record',
      eventId: null,
      status: 'open',
      documentRef: 'F1',
      openedOn: '2026-04-10',
      reason: 'delivery',
      department: 'logistics',
      amountMinor: 250_000,
      respondBy: '2026-05-15',
      note: 'Litige importé',
    });
    const listed = (await call(collector, 'GET', '/api/dunning/disputes')).json().items;
    expect(listed.map((d: { source: string; disputeId: number }) => [d.source, d.disputeId])).toEqual([
      ['record', disputeId],
    ]);
    const summary = (await call(collector, 'GET', '/api/dunning/disputes/summary')).json();
    expect(summary).toMatchObject({ open: 1, openImported: 0 });
  });

  it('refuses a second take-over, in the language asked', async () => {
    const url = `/api/dunning/disputes/imported/${eventId}/take-over`;
    const twice = await call(collector, 'POST', `${url}?lang=en`, { note: 'x' });
    expect([twice.statusCode, twice.json().code, twice.json().detail]).toEqual([
      409,
      'conflict',
      `Imported dispute E${eventId} (invoice F1) is already followed in Encours: dispute ${disputeId}.`,
    ]);
    expect((await call(collector, 'POST', url, {})).json().detail).toBe(
      `Le litige importé n° E${eventId} (facture F1) est déjà suivi dans Encours\u00a0: litige n° ${disputeId}.`,
    );
  });

  it('edits it and takes a document as any open dispute; an upload refused says why in words', async () => {
    const edited = await call(alice, 'PATCH', `/api/dunning/disputes/${disputeId}`, { amountMinor: 100_000 });
    expect([edited.statusCode, edited.json().amountMinor, edited.json().edited]).toEqual([
      200,
      100_000,
      true,
    ]);
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('photo')]);
    const attached = await upload(alice, disputeId, 'photo.png', png);
    expect([attached.statusCode, attached.json().documentRef]).toEqual([200, 'F1']);
    const text = await upload(alice, disputeId, 'note.txt', Buffer.from('hello'), '?lang=en');
    expect([text.statusCode, text.json().detail]).toEqual([
      400,
      'note.txt: only PDF, PNG, JPEG or WebP files are accepted.',
    ]);
    const again = await upload(alice, disputeId, 'copie.png', png);
    expect([again.statusCode, again.json().detail]).toEqual([
      409,
      `copie.png\u00a0: déjà joint au litige n° ${disputeId}.`,
    ]);
  });
});
