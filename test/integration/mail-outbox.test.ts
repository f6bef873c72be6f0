/**
 * The mail port end to end: messages enqueued in a use case's transaction, sent after commit
 * through nodemailer to a real SMTP server on loopback (smtp-server), parsed back (mailparser).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext, Clock } from '#app/context';
import { type DispatchDeps, dispatchOutbox, type RetryPolicy } from '#app/mail/dispatch';
import { startMailDispatcher } from '#app/mail/dispatch-loop';
import { mailOf, type OutgoingMail } from '#app/mail/mail-port';
import { exportOutboxEml, getOutboxMessage, listOutbox, retryOutboxMessage } from '#app/mail/outbox';
import { createSmtpTransport, mailSettingsFromEnv } from '#app/mail/smtp';
import type { Runtime } from '#app/runtime';
import { openDatabase } from '#db/infra/connect';
import type { Database } from '#db/infra/schema';
import type { ApiServer } from '#http/api-types';
import { emailOf, openHttpFixture, type Session, signIn } from './http-fixture.ts';

interface Received {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

/** A loopback SMTP server that keeps every message it accepts. */
class Inbox {
  readonly messages: Received[] = [];
  #server: SMTPServer | null = null;
  #waiters: (() => void)[] = [];
  port = 0;

  async start(port = 0): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks);
          const mailFrom = session.envelope.mailFrom;
          this.messages.push({
            envelope: {
              from: mailFrom ? mailFrom.address : '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            },
            raw,
            parsed: await simpleParser(raw),
          });
          for (const wake of this.#waiters.splice(0)) wake();
          callback(null, `Ok: queued as Q${this.messages.length}`);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    this.port = (server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  bySubject(subject: string): Received[] {
    return this.messages.filter((message) => message.parsed.subject === subject);
  }

  /** Resolves once a message with this subject arrived (the test's timeout bounds the wait). */
  async waitFor(subject: string): Promise<Received> {
    for (;;) {
      const found = this.bySubject(subject)[0];
      if (found) return found;
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }
}

const COMPANY = 'WEB';
const inbox = new Inbox();
let app: ApiServer;
let close: () => Promise<void>;
let ctx: AppContext;
let databaseUrl: string;
let testRuntime: Runtime;

class TestClock implements Clock {
  instant = new Date('2026-06-30T12:00:00Z');
  now = () => new Date(this.instant);
  today = () => this.instant.toISOString().slice(0, 10);
  advance(ms: number) {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}

const RETRY: RetryPolicy = { firstDelayMs: 60_000, maxDelayMs: 3600_000, maxAttempts: 5 };

function deps(clock: Clock, db: Kysely<Database> = ctx.db, port = inbox.port): DispatchDeps {
  return {
    db,
    clock,
    log: ctx.log,
    transport: createSmtpTransport({ host: '127.0.0.1', port, secure: false, user: null, password: null }),
    retry: RETRY,
  };
}

async function dispatchOnce(d: DispatchDeps) {
  try {
    return await dispatchOutbox(d);
  } finally {
    d.transport?.close?.();
  }
}

const PDF_BYTES = randomBytes(5000);
const CSV_TEXT = 'Client;Montant dû\nC001;1 234,50 €\n';

function message(key: string, overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    idempotencyKey: key,
    category: 'order_refusal',
    to: ['Acheteur Alpha <achats@alpha.example>', 'compta@alpha.example'],
    cc: ['Claire Moreau <claire@web.test>'],
    bcc: ['archive@web.test'],
    replyTo: 'credit@web.test',
    subject: `Commande refusée — ${key} — échéance dépassée`,
    text: `Bonjour,\n\nVotre commande ${key} ne peut être acceptée : 2 500,00 € échus.\n`,
    html: `<p>Bonjour,</p><p>Votre commande <b>${key}</b> ne peut être acceptée&nbsp;: 2 500,00 € échus.</p>`,
    attachments: [
      { filename: 'relevé.pdf', contentType: 'application/pdf', content: PDF_BYTES },
      { filename: 'encours.csv', contentType: 'text/csv; charset=utf-8', content: Buffer.from(CSV_TEXT) },
    ],
    customerCode: 'K03',
    documentRef: 'F1',
    ...overrides,
  };
}

/** Enqueues in a transaction of its own, as a use case would. */
async function enqueue(mail: OutgoingMail) {
  return ctx.db.transaction().execute((trx) => mailOf(ctx).enqueue(trx, mail));
}

beforeAll(async () => {
  const fixture = await openHttpFixture();
  app = fixture.app;
  databaseUrl = fixture.database.url;
  testRuntime = fixture.database.runtime;
  ctx = await fixture.database.runtime.contextFor(COMPANY, 'claire@web.test');
  close = async () => {
    await app.close();
    await fixture.database.close();
  };
  await inbox.start();
});

afterAll(async () => {
  await inbox.stop();
  await close?.();
});

describe('the mail port', () => {
  it('sends after commit: recipients, subject, both bodies and attachment bytes arrive', async () => {
    const clock = new TestClock();
    const enqueued = await enqueue(message('CMD-1'));
    expect(enqueued).toMatchObject({ created: true, status: 'pending' });
    expect(await dispatchOnce(deps(clock))).toMatchObject({ sent: 1, failed: 0 });

    const [received, ...others] = inbox.bySubject('Commande refusée — CMD-1 — échéance dépassée');
    expect(others).toHaveLength(0);
    expect(received).toBeDefined();
    const { parsed, envelope } = received as Received;
    expect(envelope.from).toBe('no-reply@encours.invalid');
    expect(envelope.to.sort()).toEqual(
      ['achats@alpha.example', 'archive@web.test', 'claire@web.test', 'compta@alpha.example'].sort(),
    );
    const addresses = (field: ParsedMail['to']) =>
      (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address));
    expect(addresses(parsed.to)).toEqual(['achats@alpha.example', 'compta@alpha.example']);
    expect(addresses(parsed.cc)).toEqual(['claire@web.test']);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.get('bcc')).toBeUndefined();
    expect(addresses(parsed.replyTo)).toEqual(['credit@web.test']);
    expect(parsed.text).toBe('Bonjour,\n\nVotre commande CMD-1 ne peut être acceptée : 2 500,00 € échus.\n');
    expect(parsed.html).toContain('<b>CMD-1</b> ne peut être acceptée&nbsp;: 2 500,00 € échus.');
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['relevé.pdf', 'application/pdf'],
      ['encours.csv', 'text/csv'],
    ]);
    expect(parsed.attachments[0]?.content.equals(PDF_BYTES)).toBe(true);
    expect(parsed.attachments[1]?.content.toString('utf8')).toBe(CSV_TEXT);

    const stored = await getOutboxMessage(ctx, enqueued.id);
    expect(stored).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: null,
      createdBy: 'claire@web.test',
    });
    expect(stored.sentAt).not.toBeNull();
    expect(stored.providerMessageId).toContain('queued as');
    expect(parsed.messageId).toBe(stored.messageId);
    // The .eml export is the very bytes the server received.
    const eml = await exportOutboxEml(ctx, enqueued.id);
    expect(received?.raw.toString('utf8').replace(/\r\n$/, '')).toBe(
      eml.content.toString('utf8').replace(/\r\n$/, ''),
    );

    // Sent is final: the next pass finds nothing, and a retry is refused.
    expect(await dispatchOnce(deps(clock))).toMatchObject({ sent: 0 });
    await expect(retryOutboxMessage(ctx, enqueued.id)).rejects.toMatchObject({ code: 'conflict' });
    expect(inbox.bySubject('Commande refusée — CMD-1 — échéance dépassée')).toHaveLength(1);
  });

  it('sends nothing when the transaction that enqueued rolls back', async () => {
    const refused = ctx.db.transaction().execute(async (trx) => {
      await mailOf(ctx).enqueue(trx, message('ROLLBACK', { subject: 'rolled back' }));
      throw new Error('the decision failed after the mail was enqueued');
    });
    await expect(refused).rejects.toThrow('the decision failed');
    expect(await dispatchOnce(deps(new TestClock()))).toMatchObject({ sent: 0 });
    expect(inbox.bySubject('rolled back')).toHaveLength(0);
    expect((await listOutbox(ctx, { search: 'rolled back' })).total).toBe(0);
  });

  it('stores one message for one idempotency key', async () => {
    const first = await enqueue(message('IDEM', { subject: 'once only' }));
    const second = await enqueue(message('IDEM', { subject: 'once only (second run)' }));
    expect(second).toEqual({ id: first.id, created: false, status: 'pending' });
    await dispatchOnce(deps(new TestClock()));
    const again = await enqueue(message('IDEM', { subject: 'once only (after sending)' }));
    expect(again).toEqual({ id: first.id, created: false, status: 'sent' });
    await dispatchOnce(deps(new TestClock()));
    expect(inbox.messages.filter((m) => m.parsed.subject?.startsWith('once only'))).toHaveLength(1);
  });

  it('enqueues a batch as one by one would: known keys, a key twice, attachments of the first only', async () => {
    const known = await enqueue(message('BATCH-KNOWN', { subject: 'batch known' }));
    const answers = await ctx.db
      .transaction()
      .execute((trx) =>
        mailOf(ctx).enqueueMany(trx, [
          message('BATCH-1', { subject: 'batch one' }),
          message('BATCH-KNOWN', { subject: 'batch known again' }),
          message('BATCH-2', { subject: 'batch two', attachments: [] }),
          message('BATCH-1', { subject: 'batch one again' }),
        ]),
      );
    expect(answers.map((a) => a.created)).toEqual([true, false, true, false]);
    expect(answers[1]).toEqual({ id: known.id, created: false, status: 'pending' });
    expect(answers[3]?.id).toBe(answers[0]?.id);
    expect(answers[2]?.id).not.toBe(answers[0]?.id);
    const one = await getOutboxMessage(ctx, answers[0]?.id as number);
    expect(one.subject).toBe('batch one');
    expect(one.attachments.map((a) => a.filename)).toEqual(['relevé.pdf', 'encours.csv']);
    expect((await getOutboxMessage(ctx, answers[2]?.id as number)).attachments).toEqual([]);
    await expect(
      ctx.db
        .transaction()
        .execute((trx) =>
          mailOf(ctx).enqueueMany(trx, [message('BATCH-3'), message('BATCH-4', { to: ['not an address'] })]),
        ),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await listOutbox(ctx, { search: 'BATCH-3' })).total).toBe(0);
    // Leaves nothing pending for the tests that count what a pass sends.
    expect(await dispatchOnce(deps(new TestClock()))).toMatchObject({ sent: 3, failed: 0 });
  });

  it('records a failure while the SMTP server is down, and a later retry succeeds', async () => {
    const down = new Inbox();
    await down.start();
    const port = down.port;
    await down.stop();
    const clock = new TestClock();
    const { id } = await enqueue(message('DOWN', { subject: 'while down' }));
    await enqueue(message('DOWN-2', { subject: 'while down too' }));

    const result = await dispatchOnce(deps(clock, ctx.db, port));
    // The first failure stops the pass: the second message is given back untried.
    expect(result).toMatchObject({ sent: 0, failed: 1, released: 1 });
    const failed = await getOutboxMessage(ctx, id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.nextAttemptAt).toBe('2026-06-30T12:01:00.000Z');

    // Not due yet: nothing is tried before the back-off delay.
    await down.start(port);
    try {
      expect(await dispatchOnce(deps(clock, ctx.db, port))).toMatchObject({ sent: 0, failed: 0 });
      clock.advance(RETRY.firstDelayMs);
      expect(await dispatchOnce(deps(clock, ctx.db, port))).toMatchObject({ sent: 2, failed: 0 });
    } finally {
      await down.stop();
    }
    expect(down.bySubject('while down')).toHaveLength(1);
    expect(down.bySubject('while down too')).toHaveLength(1);
    expect(await getOutboxMessage(ctx, id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('gives up after a permanent refusal (5xx) until someone retries', async () => {
    const picky = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        const error = new Error('mailbox unknown') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      },
    });
    await new Promise<void>((resolve) => picky.listen(0, '127.0.0.1', () => resolve()));
    const port = (picky.server.address() as AddressInfo).port;
    try {
      const { id } = await enqueue(message('REFUSED', { subject: 'refused', cc: [], bcc: [] }));
      expect(await dispatchOnce(deps(new TestClock(), ctx.db, port))).toMatchObject({ failed: 1 });
      const refused = await getOutboxMessage(ctx, id);
      expect(refused).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
      expect(refused.lastError).toContain('mailbox unknown');
      // Retried by hand, it goes to the good server.
      await retryOutboxMessage(ctx, id);
      expect(await dispatchOnce(deps(new TestClock()))).toMatchObject({ sent: 1 });
      expect(inbox.bySubject('refused')).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => picky.close(() => resolve()));
    }
  });

  it('sends each message exactly once with two dispatchers working in parallel', async () => {
    const subjects = Array.from({ length: 24 }, (_, i) => `parallel ${i}`);
    for (const [i, subject] of subjects.entries())
      await enqueue(message(`PAR-${i}`, { subject, attachments: [], cc: [], bcc: [] }));
    // On a PostgreSQL server the second dispatcher has its own pool, as another process would.
    const second = databaseUrl.startsWith('postgres') ? await openDatabase({ url: databaseUrl }) : null;
    try {
      const run = async (db: Kysely<Database>) => {
        const d = { ...deps(new TestClock(), db), batchSize: 3 };
        let sent = 0;
        try {
          for (;;) {
            const result = await dispatchOutbox(d);
            if (result.sent + result.failed === 0) return sent;
            sent += result.sent;
          }
        } finally {
          d.transport?.close?.();
        }
      };
      const [a, b] = await Promise.all([run(ctx.db), run(second?.db ?? ctx.db)]);
      expect(a + b).toBe(subjects.length);
      if (second) expect(Math.min(a, b)).toBeGreaterThan(0);
    } finally {
      await second?.close();
    }
    for (const subject of subjects) expect(inbox.bySubject(subject)).toHaveLength(1);
    const ids = new Set(inbox.messages.map((m) => m.parsed.messageId));
    expect(ids.size).toBe(inbox.messages.length);
  });

  it('without SMTP holds the message; its .eml parses back to the same message', async () => {
    const { id } = await enqueue(message('HELD', { subject: 'kept in the outbox' }));
    const holder: DispatchDeps = { db: ctx.db, clock: new TestClock(), log: ctx.log, transport: null };
    expect(await dispatchOutbox(holder)).toMatchObject({ held: 1 });
    const held = await getOutboxMessage(ctx, id);
    expect(held).toMatchObject({ status: 'held', attempts: 0, nextAttemptAt: null });
    expect(held.attachments.map((a) => [a.filename, a.sizeBytes])).toEqual([
      ['relevé.pdf', PDF_BYTES.length],
      ['encours.csv', Buffer.byteLength(CSV_TEXT)],
    ]);

    const eml = await exportOutboxEml(ctx, id);
    const parsed = await simpleParser(eml.content);
    expect(parsed.subject).toBe('kept in the outbox');
    expect(parsed.messageId).toBe(held.messageId);
    expect(parsed.text).toBe(held.text);
    expect(parsed.html).toContain('<b>HELD</b>');
    expect(parsed.attachments[0]?.content.equals(PDF_BYTES)).toBe(true);
    expect(parsed.attachments[1]?.content.toString('utf8')).toBe(CSV_TEXT);
    // The export is stable: the same bytes each time (the same as will be sent).
    expect((await exportOutboxEml(ctx, id)).content.equals(eml.content)).toBe(true);

    // Nothing sends it on its own; sent on request once SMTP is there.
    expect(await dispatchOnce(deps(new TestClock()))).toMatchObject({ sent: 0 });
    await retryOutboxMessage(ctx, id);
    expect(await dispatchOnce(deps(new TestClock()))).toMatchObject({ sent: 1 });
    const [received] = inbox.bySubject('kept in the outbox');
    expect(received?.raw.toString('utf8').replace(/\r\n$/, '')).toBe(
      eml.content.toString('utf8').replace(/\r\n$/, ''),
    );
  });

  it('sends right after the commit when the server loop is nudged', async () => {
    const runtime = { db: ctx.db, clock: new TestClock(), log: ctx.log, mailSignal: testRuntime.mailSignal };
    const transport = createSmtpTransport({
      host: '127.0.0.1',
      port: inbox.port,
      secure: false,
      user: null,
      password: null,
    });
    // An hour between regular passes: only the nudge can send it within the test.
    const { mailSignal, ...base } = runtime;
    const dispatcher = startMailDispatcher({ ...base, transport }, mailSignal, {
      intervalMs: 3600_000,
    });
    try {
      await enqueue(message('NUDGE', { subject: 'nudged' }));
      const received = await inbox.waitFor('nudged');
      expect(received.parsed.subject).toBe('nudged');
    } finally {
      await dispatcher.stop();
    }
  });

  it('refuses invalid messages before storing anything', async () => {
    await expect(enqueue(message('BAD-1', { to: ['not an address'] }))).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(enqueue(message('BAD-2', { to: [], cc: [], bcc: [] }))).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect((await listOutbox(ctx, { search: 'BAD-' })).total).toBe(0);
  });

  it('reads its SMTP settings from the environment', () => {
    expect(mailSettingsFromEnv({})).toEqual({ smtp: null, from: undefined });
    expect(
      mailSettingsFromEnv({
        ENCOURS_SMTP_URL: 'smtps://u%40x:p%3Bw@mail.example',
        ENCOURS_MAIL_FROM: 'A <a@b.fr>',
      }),
    ).toEqual({
      smtp: { host: 'mail.example', port: 465, secure: true, user: 'u@x', password: 'p;w' },
      from: 'A <a@b.fr>',
    });
    expect(mailSettingsFromEnv({ ENCOURS_SMTP_HOST: 'relay', ENCOURS_SMTP_PORT: '2525' }).smtp).toEqual({
      host: 'relay',
      port: 2525,
      secure: false,
      user: null,
      password: null,
    });
  });
});

describe('the outbox over HTTP', () => {
  let manager: Session;
  let heldId: number;

  beforeAll(async () => {
    manager = await signIn(app, emailOf('credit_manager'));
    heldId = (
      await getOutboxMessage(ctx, (await listOutbox(ctx, { search: 'kept in the outbox' })).items[0]?.id ?? 0)
    ).id;
  });

  it('lists, filters and shows messages to the credit and collection staff only', async () => {
    const list = await app.inject({ url: '/api/outbox?status=sent&limit=5', headers: manager.headers });
    expect(list.statusCode).toBe(200);
    const page = list.json();
    expect(page.total).toBeGreaterThan(5);
    expect(page.items).toHaveLength(5);
    expect(page.items.every((m: { status: string }) => m.status === 'sent')).toBe(true);

    const byCustomer = await app.inject({ url: '/api/outbox?customerCode=NOPE', headers: manager.headers });
    expect(byCustomer.json()).toEqual({ total: 0, items: [] });

    const one = await app.inject({ url: `/api/outbox/${heldId}`, headers: manager.headers });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: heldId, subject: 'kept in the outbox', customerCode: 'K03' });

    for (const role of ['collector', 'admin'] as const) {
      const session = await signIn(app, emailOf(role));
      expect((await app.inject({ url: '/api/outbox', headers: session.headers })).statusCode).toBe(200);
    }
    for (const role of ['salesperson', 'director'] as const) {
      const session = await signIn(app, emailOf(role));
      expect((await app.inject({ url: '/api/outbox', headers: session.headers })).statusCode).toBe(403);
      expect(
        (await app.inject({ url: `/api/outbox/${heldId}/eml`, headers: session.headers })).statusCode,
      ).toBe(403);
    }
    expect((await app.inject({ url: '/api/outbox/999999', headers: manager.headers })).statusCode).toBe(404);
  });

  it('downloads the .eml and refuses to send a sent message again', async () => {
    const eml = await app.inject({ url: `/api/outbox/${heldId}/eml`, headers: manager.headers });
    expect(eml.statusCode).toBe(200);
    expect(eml.headers['content-type']).toContain('message/rfc822');
    expect(eml.headers['content-disposition']).toContain('.eml');
    expect((await simpleParser(eml.rawPayload)).subject).toBe('kept in the outbox');

    const retry = await app.inject({
      method: 'POST',
      url: `/api/outbox/${heldId}/retry`,
      headers: manager.headers,
    });
    expect(retry.statusCode).toBe(409);
    expect(retry.json().code).toBe('conflict');
  });

  it('puts a held message back in line, with an audit entry', async () => {
    const { id } = await enqueue(message('HTTP-RETRY', { subject: 'retried over HTTP' }));
    await dispatchOutbox({ db: ctx.db, clock: new TestClock(), log: ctx.log, transport: null });
    const retry = await app.inject({
      method: 'POST',
      url: `/api/outbox/${id}/retry`,
      headers: manager.headers,
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ id, status: 'pending' });
    const audit = await app.inject({
      url: `/api/audit?entity=mail&entityKey=${id}`,
      headers: manager.headers,
    });
    expect(audit.json().items[0]).toMatchObject({ action: 'mail.retry', actor: emailOf('credit_manager') });
  });
});
