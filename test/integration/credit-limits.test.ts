/**
 * Credit limits on the demo company as of its reference date: the limit history written by the
 * customer file and the customers import, and the reminders of late limit requests.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AppContext, fixedClock } from '#app/context';
import { remindLateLimitRequests } from '#app/credit/limit-reminders';
import { getLimitHistory } from '#app/credit/limits';
import { importFile } from '#app/imports/import-file';
import { demoCompanyOfFile } from './demo-file.fixture.ts';
import { signIn } from './http-fixture.ts';

const demo = demoCompanyOfFile();

describe('limit history, whatever the path', () => {
  it('records a limit changed in the customer file, with who, before, after and why', async () => {
    const { ctx, app } = demo;
    const manager = await signIn(app, 'claire.moreau@cb2c.example');
    const before = (await getLimitHistory(ctx, 'C00002')).length;
    const customer = await ctx.db
      .selectFrom('customers')
      .select('credit_limit_minor')
      .where('company_id', '=', 'CB2C')
      .where('code', '=', 'C00002')
      .executeTakeFirstOrThrow();
    const response = await app.inject({
      method: 'PATCH',
      url: '/api/customers/C00002',
      headers: manager.headers,
      payload: { creditLimitMinor: 4_250_000, limitReason: 'Revue annuelle du dossier' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const history = await getLimitHistory(ctx, 'C00002');
    expect(history).toHaveLength(before + 1);
    expect(history[0]).toMatchObject({
      kind: 'permanent',
      amountMinor: 4_250_000,
      previousMinor: customer.credit_limit_minor,
      validFrom: '2026-06-30',
      reason: 'Revue annuelle du dossier',
      createdBy: 'claire.moreau@cb2c.example',
    });
  });

  it('records the limits a customers import changes, and nothing when the file is imported again', async () => {
    const { ctx, dir } = demo;
    const file = join(dir, 'clients.csv');
    const name = (
      await ctx.db
        .selectFrom('customers')
        .select('name')
        .where('company_id', '=', 'CB2C')
        .where('code', '=', 'C00003')
        .executeTakeFirstOrThrow()
    ).name;
    await writeFile(file, `Code client;Raison sociale;Plafond\nC00003;${name};12 345,00\n`);
    await importFile(ctx, { entity: 'customers', filePath: file });
    const [entry] = await getLimitHistory(ctx, 'C00003');
    expect(entry).toMatchObject({ amountMinor: 1_234_500, reason: 'Import du fichier clients.csv' });
    await importFile(ctx, { entity: 'customers', filePath: file });
    expect((await getLimitHistory(ctx, 'C00003'))[0]?.entryId).toBe(entry?.entryId);
  });
});

describe('reminders of late limit requests', () => {
  it('reminds the approvers once a day while the request waits, each in their language', async () => {
    const { ctx, app } = demo;
    const later = (instant: string): AppContext => ({
      ...ctx,
      clock: { ...fixedClock('2026-07-10'), now: () => new Date(instant) },
    });
    // One approver of a late request reads English (set by an admin through the API).
    const late = await ctx.db
      .selectFrom('credit_limit_requests')
      .select('required_role')
      .where('company_id', '=', 'CB2C')
      .where('status', '=', 'pending')
      .where('due_at', '<', new Date('2026-07-10T09:00:00Z'))
      .execute();
    const approver = await ctx.db
      .selectFrom('users')
      .select('email')
      .where('company_id', '=', 'CB2C')
      .where(
        'role',
        'in',
        late.map((r) => r.required_role),
      )
      .orderBy('email')
      .executeTakeFirstOrThrow();
    const admin = await signIn(app, 'admin@cb2c.example');
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/users/${encodeURIComponent(approver.email)}`,
      headers: admin.headers,
      payload: { language: 'en' },
    });
    expect([patched.statusCode, patched.json().language]).toEqual([200, 'en']);
    // A second approver of that role, created without a language: French, the default.
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        email: 'second.approver@cb2c.example',
        name: 'Second approbateur',
        role: (
          await ctx.db
            .selectFrom('users')
            .select('role')
            .where('company_id', '=', 'CB2C')
            .where('email', '=', approver.email)
            .executeTakeFirstOrThrow()
        ).role,
        password: 'Vingt-trois lanternes bleues au port',
      },
    });
    expect([created.statusCode, created.json().language]).toEqual([201, 'fr']);

    const first = await remindLateLimitRequests(later('2026-07-10T09:00:00Z'));
    expect(first.reminded.length).toBeGreaterThan(0);
    const again = await remindLateLimitRequests(later('2026-07-10T15:00:00Z'));
    expect(again.reminded).toEqual([]);
    const nextDay = await remindLateLimitRequests(later('2026-07-11T09:30:00Z'));
    expect(nextDay.reminded).toEqual(first.reminded);
    const mails = await ctx.db
      .selectFrom('mail_outbox')
      .select(['idempotency_key', 'subject'])
      .where('company_id', '=', 'CB2C')
      .where('idempotency_key', 'like', `limit_request_reminder:${first.reminded[0]}:%`)
      .orderBy('outbox_id')
      .execute();
    expect(new Set(mails.map((m) => m.idempotency_key.split(':')[2]))).toEqual(new Set(['1', '2']));
    const firstRound = await ctx.db
      .selectFrom('mail_outbox')
      .select(['idempotency_key', 'subject', 'text_body'])
      .where('company_id', '=', 'CB2C')
      .where('idempotency_key', 'like', 'limit_request_reminder:%:1:%')
      .execute();
    const toApprover = firstRound.filter((m) => m.idempotency_key.endsWith(`:${approver.email}`));
    const toOthers = firstRound.filter((m) => !m.idempotency_key.endsWith(`:${approver.email}`));
    expect(toApprover.length).toBeGreaterThan(0);
    for (const mail of toApprover) {
      expect(mail.subject).toMatch(/^Reminder: limit request no\. \d+ for .+ awaits your decision$/);
      // Amounts and dates in English too: « €12,000.00 », never « 12 000,00 € » or minor units.
      expect(mail.text_body).toMatch(/for €[\d,]+\.\d{2}, still awaits a decision/);
    }
    expect(toOthers.length).toBeGreaterThan(0);
    for (const mail of toOthers)
      expect(mail.subject).toMatch(
        /^Rappel\u00a0: demande de limite n° \d+ pour .+ en attente de votre décision$/,
      );
  });
});
