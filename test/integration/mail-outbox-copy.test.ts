/**
 * A batch of messages stored by COPY on a server (a dunning run's slice, `outbox-copy.ts`) stores
 * the rows the multi-row insert stores (the embedded engine's path, and a batch of a few
 * messages): every column, the lists and the statements' jobs, the idempotency key's rule (a key
 * met twice in the batch or stored before keeps its first message) and the answers in order.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { COPY_FROM_MESSAGES } from '#db/mail/outbox-copy';
import { insertMails } from '#db/mail/outbox-inserts';
import type { NewMailRow } from '#db/mail/outbox-queries';
import { DEMO_AS_OF } from '#demo/index';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', DEMO_AS_OF);
}, 600_000);
afterAll(async () => database?.close());

const NOW = new Date('2026-06-30T08:00:00.000Z');

/** `count` messages keyed `prefix:i`, with the characters COPY's text format escapes. */
function messages(prefix: string, count: number): NewMailRow[] {
  return Array.from({ length: count }, (_, index) => ({
    idempotencyKey: `${prefix}:${index}`,
    category: index % 2 === 0 ? 'reminder' : 'formal_notice',
    from: 'Encours <no-reply@encours.invalid>',
    to: [`client${index}@example.fr`, ...(index % 3 === 0 ? ['"Compta, Sud" <compta@example.fr>'] : [])],
    cc: index % 5 === 0 ? ['cc@example.fr'] : [],
    bcc: [],
    replyTo: index % 4 === 0 ? null : 'relances@example.fr',
    subject: `Relance n° ${index} « 1 234,56 € »`,
    html: index % 7 === 0 ? null : `<p>Ligne\tun\nligne deux\r\\ fin ${index}</p>`,
    text: `Madame, Monsieur,\n\n\tvotre solde\\reste dû ${index}\n`,
    customerCode: index % 6 === 0 ? null : `C${index}`,
    documentRef: `REL-20260630-C${index}`,
    messageIdHeader: `<${index}@encours.invalid>`,
    attachments: [
      {
        filename: `releve-C${index}.pdf`,
        contentType: 'application/pdf',
        content: null,
        renderJob: { kind: 'letters', models: [{ text: `a\tb\\c "d" é ${index}`, n: index }] },
      },
    ],
  }));
}

/** What a batch stored, keyed by idempotency key under `prefix`, without ids. */
async function storedOf(prefix: string) {
  const rows = await sql<Record<string, unknown>>`
    select m.idempotency_key, m.category, m.from_address, m.to_addresses, m.cc_addresses,
      m.bcc_addresses, m.reply_to, m.subject, m.html_body, m.text_body, m.customer_code,
      m.document_ref, m.message_id_header, m.status, m.attempts, m.next_attempt_at, m.created_at,
      m.created_by,
      (select json_agg(json_build_object('position', a.position, 'filename', a.filename,
          'contentType', a.content_type, 'content', a.content, 'job', a.render_job) order by a.position)
        from mail_outbox_attachments a
        where a.company_id = m.company_id and a.outbox_id = m.outbox_id) as attachments
    from mail_outbox m
    where m.company_id = 'CB2C' and m.idempotency_key like ${`${prefix}:%`}
    order by m.outbox_id`.execute(ctx.db);
  return rows.rows.map(
    (row): Record<string, unknown> => ({
      ...row,
      idempotency_key: String(row['idempotency_key']).split(':')[1],
    }),
  );
}

describe('a batch of messages stored by COPY', () => {
  it('stores what the multi-row insert stores, keys already used left out, answers in order', async () => {
    const count = COPY_FROM_MESSAGES + 20;
    // The same batch twice: one message at a time (the insert), then all at once (COPY on a server).
    await ctx.db.transaction().execute(async (trx) => {
      for (const message of messages('one', count)) await insertMails(trx, 'CB2C', 'test', [message], NOW);
    });
    const batch = messages('all', count);
    // A key met twice in the batch, and one stored before it: each keeps the first message.
    const again = { ...(batch[3] as NewMailRow), subject: 'second of its key' };
    const before = messages('all', 1)[0] as NewMailRow;
    await ctx.db.transaction().execute((trx) => insertMails(trx, 'CB2C', 'test', [before], NOW));
    const answers = await ctx.db.transaction().execute(async (trx) => {
      const first = await insertMails(trx, 'CB2C', 'test', [...batch, again], NOW);
      // A second batch in the same transaction (a run's next slice): the staging table serves again.
      await insertMails(trx, 'CB2C', 'test', messages('two', COPY_FROM_MESSAGES), NOW);
      return first;
    });
    expect(answers).toHaveLength(count + 1);
    expect(answers.map((answer) => answer.created)).toEqual([
      false,
      ...Array.from({ length: count - 1 }, () => true),
      false,
    ]);
    expect(answers[count]?.id).toBe(answers[3]?.id);
    const ids = answers.slice(1, count).map((answer) => answer.id);
    expect(ids.every((id, index) => index === 0 || id > (ids[index - 1] as number))).toBe(true);
    const all = await storedOf('all');
    expect(all).toHaveLength(count);
    expect(all[3]?.['subject']).toBe(batch[3]?.subject);
    expect(all).toEqual(await storedOf('one'));
    expect(await storedOf('two')).toEqual((await storedOf('one')).slice(0, COPY_FROM_MESSAGES));
    expect(all[0]).toMatchObject({ to_addresses: before.to, reply_to: null, created_by: 'test' });
    expect(all[3]).toMatchObject({
      to_addresses: ['client3@example.fr', '"Compta, Sud" <compta@example.fr>'],
      html_body: '<p>Ligne\tun\nligne deux\r\\ fin 3</p>',
      created_at: NOW,
      next_attempt_at: NOW,
    });
  });
});
