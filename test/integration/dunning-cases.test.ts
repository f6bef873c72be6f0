/**
 * Dunning cases handled one by one, on a small built ledger: an invoice's pause (left out of the
 * run with its reason, audit-logged, lifted), a reminder made outside Encours, which counts as
 * its step so the next automatic step follows from it, and a run's e-mail delivered to a loopback
 * SMTP server in French with its statement as PDF.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '#app/audit/audit';
import type { AppContext } from '#app/context';
import { listEventsOfCustomer } from '#app/customers/customer-ledger';
import { loadDataset } from '#app/demo/load-dataset';
import { executeDunningRun } from '#app/dunning/execute-run';
import { listInvoicePauses, pauseInvoice, unpauseInvoice } from '#app/dunning/invoice-pauses';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import { previewDunningRun } from '#app/dunning/plan-run';
import { dispatchOutbox } from '#app/mail/dispatch';
import { createSmtpTransport } from '#app/mail/smtp';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const ctx = (today: string): AppContext => database.context('DCS', today);

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('DCS')
    .addCustomer('C1', { name: 'Alpha SARL', billingEmail: 'compta@alpha.example' })
    .addCustomer('C2', { name: 'Beta SA', billingEmail: 'ap@beta.example' })
    .addCustomer('C3', { name: 'Gamma SAS', billingEmail: 'compta@gamma.example' });
  b.invoice('C1', '2025-05-11', '2025-06-10', eur(1_000), 'P1');
  b.invoice('C1', '2025-05-11', '2025-06-10', eur(500), 'P2');
  b.invoice('C2', '2025-05-02', '2025-06-01', eur(2_000), 'M1');
  b.invoice('C3', '2025-05-26', '2025-06-25', eur(750), 'R1');
  await loadDataset({ ...ctx('2025-06-20'), actor: 'test' }, b.dataset());
}, 120_000);
afterAll(async () => database?.close());

const itemsOf = (view: Awaited<ReturnType<typeof previewDunningRun>>, customer: string) =>
  view.actions
    .filter((a) => a.customerCode === customer)
    .map((a) => [a.step, a.items.map((i) => i.documentRef)]);

describe('pausing one invoice', () => {
  it('leaves it out of the run with the reason until the pause is lifted', async () => {
    const pause = await pauseInvoice(ctx('2025-06-20'), {
      documentRef: 'P1',
      reason: 'Avoir en cours de négociation',
      pausedUntil: '2025-07-15',
    });
    expect([pause.customerCode, pause.pausedOn, pause.pausedUntil, pause.liftedOn]).toEqual([
      'C1',
      '2025-06-20',
      '2025-07-15',
      null,
    ]);
    await expect(
      pauseInvoice(ctx('2025-06-20'), { documentRef: 'P1', reason: ' ', pausedUntil: '2025-07-15' }),
    ).rejects.toThrow(/reason/);

    // Never reminded and 20 days late, P2 catches up to the letter of D+15 (the last amicable step
    // its lateness reached: the call of D+30 has not come), not the first e-mail.
    const paused = await previewDunningRun(ctx('2025-06-30'), { asOf: '2025-06-30' });
    expect(itemsOf(paused, 'C1')).toEqual([['reminder_2', ['P2']]]);
    expect(paused.skipped.filter((s) => s.customerCode === 'C1')).toEqual([
      expect.objectContaining({
        documentRef: 'P1',
        reason: 'paused',
        pausedUntil: '2025-07-15',
        pauseReason: 'Avoir en cours de négociation',
      }),
    ]);
    expect((await listInvoicePauses(ctx('2025-06-30'), { activeOn: '2025-06-30' })).length).toBe(1);

    await unpauseInvoice(ctx('2025-07-01'), { pauseId: pause.pauseId });
    await expect(unpauseInvoice(ctx('2025-07-01'), { pauseId: pause.pauseId })).rejects.toThrow(/already/);
    const lifted = await previewDunningRun(ctx('2025-07-01'), { asOf: '2025-07-01' });
    expect(itemsOf(lifted, 'C1')).toEqual([['reminder_2', ['P1', 'P2']]]);
    // Replaying the day before the lift still sees the pause.
    const replay = await previewDunningRun(ctx('2025-07-01'), { asOf: '2025-06-30' });
    expect(itemsOf(replay, 'C1')).toEqual([['reminder_2', ['P2']]]);

    const events = await listEventsOfCustomer(ctx('2025-07-01'), 'C1');
    expect(events.items.map((e) => e.detail)).toEqual([
      'Relances de la facture P1 reprises',
      'Relances de la facture P1 suspendues jusqu’au 15/07/2025\u00a0: Avoir en cours de négociation',
    ]);
    const audit = await listAudit(ctx('2025-07-01'), { entity: 'dunning_invoice_pause' });
    expect(audit.items.map((a) => a.action).sort()).toEqual([
      'dunning.invoice_pause',
      'dunning.invoice_unpause',
    ]);
  });
});

describe('a reminder made outside Encours', () => {
  it('counts as its step: nothing more today, the next step follows from it', async () => {
    // M1 fell due on 1 June and was never reminded: on the 20th the run would send the letter of
    // D+15 its lateness reached (a catch-up; the call of D+30 has not come), so the call stands for it.
    const manual = await recordManualReminder(ctx('2025-06-20'), {
      customerCode: 'C2',
      channel: 'call_task',
      note: 'Appel au comptable, règlement annoncé',
    });
    expect([manual.stepCode, manual.level, manual.documentRefs]).toEqual(['reminder_2', 3, ['M1']]);
    // The letter step claims interest and the indemnity: 13.69 € and 40.00 € (the reference's
    // figures are checked in core/dunning/manual-claim.test.ts).
    expect(manual.actions.map((a) => [a.interestTotalMinor, a.indemnityTotalMinor, a.totalDueMinor])).toEqual(
      [[1_369, 4_000, 205_369]],
    );

    expect(itemsOf(await previewDunningRun(ctx('2025-06-20'), { asOf: '2025-06-20' }), 'C2')).toEqual([]);
    // The call (D+30) comes as long after the letter as the policy spaces them: 15 days, 5 July.
    expect(itemsOf(await previewDunningRun(ctx('2025-07-04'), { asOf: '2025-07-04' }), 'C2')).toEqual([]);
    const next = await previewDunningRun(ctx('2025-07-05'), { asOf: '2025-07-05' });
    expect(itemsOf(next, 'C2')).toEqual([['call', ['M1']]]);
    expect(next.actions.find((a) => a.customerCode === 'C2')?.items[0]?.fromLevel).toBe(3);

    const events = await listEventsOfCustomer(ctx('2025-06-20'), 'C2');
    expect(events.items.map((e) => [e.kind, e.detail])).toEqual([
      [
        'reminder',
        'Relance faite hors Encours (Appel téléphonique)\u00a0: 1 facture, 2\u202f053,69\u00a0€ à régler, dont intérêts de retard 13,69\u00a0€ et indemnité forfaitaire 40,00\u00a0€. Appel au comptable, règlement annoncé',
      ],
    ]);
    await expect(
      recordManualReminder(ctx('2025-06-20'), { customerCode: 'C2', channel: 'fax', stepCode: 'call' }),
    ).rejects.toThrow(/^Channel: "fax" is not accepted/);
  });
});

describe('a run’s e-mails on a loopback SMTP server', () => {
  it('delivers the reminder in French with the statement attached as PDF', async () => {
    const received: { to: string[]; mail: ParsedMail }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          received.push({ to, mail: await simpleParser(Buffer.concat(chunks)) });
          callback(null);
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.server.address() as AddressInfo).port;
    const transport = createSmtpTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      user: null,
      password: null,
    });
    try {
      const run = await executeDunningRun(ctx('2025-07-01'), { asOf: '2025-07-01' });
      // C1, never reminded and 21 days late, catches up to the letter of D+15; C2's call waits
      // until 5 July (15 days after the one made outside Encours); C3, 6 days late, gets its e-mail.
      expect(run.actions.map((a) => [a.customerCode, a.channel, a.step])).toEqual([
        ['C1', 'letter', 'reminder_2'],
        ['C3', 'email', 'reminder_1'],
      ]);
      const later = new Date('2025-07-02T08:00:00Z');
      const result = await dispatchOutbox({
        db: database.runtime.handle.db,
        clock: { now: () => later, today: () => '2025-07-02' },
        log: ctx('2025-07-01').log,
        transport,
      });
      expect(result.sent).toBe(1);
    } finally {
      transport.close?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(received.map((r) => r.to)).toEqual([['compta@gamma.example']]);
    const { mail } = received.find((r) => r.to[0] === 'compta@gamma.example') as { mail: ParsedMail };
    expect(mail.subject).toBe('Relance — factures impayées (C3)');
    expect(mail.text).toContain('Madame, Monsieur');
    expect(mail.text).toContain('R1');
    expect(mail.text).toContain('750,00\u00a0€');
    expect(mail.html).toContain('R1');
    expect(mail.attachments.map((a) => [a.contentType, a.content.subarray(0, 4).toString()])).toEqual([
      ['application/pdf', '%PDF'],
    ]);
  });
});
