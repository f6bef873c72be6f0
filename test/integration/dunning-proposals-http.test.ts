/**
 * Dunning runs reviewed before sending, over HTTP and from the CLI: the setting, the proposal the
 * daily job stores (started here by `encours jobs start dunning.run --wait`), its listing with the
 * preview, approval and rejection for the credit department only, and a decided proposal's 409.
 * K03's F1 (2,500.00 €, due 31 March), never reminded, is due its first reminder (e-mail) on
 * 30 April and, once that is sent, its letter on 20 May (one step per run).
 */
import { describe, expect, it } from 'vitest';
import { httpFixtureOfFile } from './http-file.fixture.ts';
import { emailOf, encoursOn } from './http-fixture.ts';

const web = httpFixtureOfFile({ collector: emailOf('collector'), manager: emailOf('credit_manager') });
const { collector, manager } = web.sessions;
const { call } = web;
const encours = (...args: string[]) => encoursOn(web.database, ...args);

async function dailyJob(asOf: string) {
  const started = await encours(
    '--json',
    'jobs',
    'start',
    'dunning.run',
    '--wait',
    '--payload',
    `{"asOf":"${asOf}"}`,
  );
  expect(started.status).toBe(0);
  return JSON.parse(started.stdout) as { status: string; result: { proposalId: number | null } };
}

describe('the review-before-sending setting', () => {
  it('is off by default, changed by the credit department only', async () => {
    const read = await call(collector, 'GET', '/api/dunning/settings');
    expect(read.json()).toMatchObject({ reviewBeforeSending: false, rateMode: 'split_by_semester' });
    expect(
      (await call(collector, 'PATCH', '/api/dunning/settings', { reviewBeforeSending: true })).statusCode,
    ).toBe(403);
    expect(
      (await call(manager, 'PATCH', '/api/dunning/settings', { reviewBeforeSending: 'maybe' })).statusCode,
    ).toBe(400);
    const changed = await call(manager, 'PATCH', '/api/dunning/settings', { reviewBeforeSending: true });
    expect([changed.statusCode, changed.json().reviewBeforeSending]).toEqual([200, true]);
    const cli = await encours('--json', 'dunning', 'settings');
    expect(JSON.parse(cli.stdout)).toMatchObject({ reviewBeforeSending: true });
  });
});

describe('dunning proposals', () => {
  let firstId = 0;

  it('lists the proposal the daily job stored instead of sending, with its preview', async () => {
    const job = await dailyJob('2026-04-30');
    expect(job.status).toBe('succeeded');
    firstId = job.result.proposalId ?? 0;
    const listed = await call(collector, 'GET', '/api/dunning/proposals?status=pending');
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual([
      expect.objectContaining({
        proposalId: firstId,
        asOf: '2026-04-30',
        status: 'pending',
        customers: 1,
        actions: 1,
        // K03's F1, never reminded and 30 days late, catches up to the letter of D+15, which claims
        // 30 d × 12.15 % on 2,500.00 = 24.97 and the 40.00 indemnity (it was a first e-mail, 2,500.00).
        byChannel: [{ channel: 'letter', actions: 1 }],
        totals: [{ currency: 'EUR', totalDueMinor: 256_497 }],
      }),
    ]);
    const shown = (await call(collector, 'GET', `/api/dunning/proposals/${firstId}`)).json();
    expect(shown.customerCodes).toEqual(['K03']);
    expect(shown.preview.actions.map((a: { customerCode: string }) => a.customerCode)).toEqual(['K03']);
    expect((await call(collector, 'GET', '/api/dunning/actions')).json().total).toBe(0);
    const cli = await encours('--json', 'dunning', 'proposals');
    expect(JSON.parse(cli.stdout).map((p: { proposalId: number }) => p.proposalId)).toEqual([firstId]);
  });

  it('lets the credit department approve, from the CLI too, and answers 409 to a second approval', async () => {
    const url = `/api/dunning/proposals/${firstId}/approve`;
    expect((await call(collector, 'POST', url, {})).statusCode).toBe(403);
    expect((await call(manager, 'POST', url, { customerCodes: ['K01'] })).statusCode).toBe(400);
    const approved = await encours('--json', 'dunning', 'approve', String(firstId), '--customers', 'K03');
    expect(approved.status).toBe(0);
    const result = JSON.parse(approved.stdout);
    expect(result.proposal).toMatchObject({ status: 'approved', runId: result.run.runId });
    expect(result.run).toMatchObject({ asOf: '2026-04-30', sentActions: 1 });
    const again = await web.app.inject({
      method: 'POST',
      url,
      headers: { ...manager.headers, 'accept-language': 'en' },
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'conflict',
      detail: `Reminders no. ${firstId} no longer await approval: they are approved.`,
    });
    const cliAgain = await encours('--json', 'dunning', 'approve', String(firstId));
    expect(cliAgain.status).toBe(5);
    expect(JSON.parse(cliAgain.stdout).error.code).toBe('conflict');
  });

  it('rejects a proposal with a note over HTTP; the CLI lists it and refuses to decide it again', async () => {
    const job = await dailyJob('2026-05-20');
    const id = job.result.proposalId ?? 0;
    expect(id).toBeGreaterThan(firstId);
    expect((await call(collector, 'POST', `/api/dunning/proposals/${id}/reject`, {})).statusCode).toBe(403);
    const rejected = await call(manager, 'POST', `/api/dunning/proposals/${id}/reject`, {
      note: 'Client en négociation',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      decidedBy: emailOf('credit_manager'),
      decisionNote: 'Client en négociation',
    });
    const listed = await encours('--json', 'dunning', 'proposals', '--status', 'rejected');
    expect(JSON.parse(listed.stdout).map((p: { proposalId: number }) => p.proposalId)).toEqual([id]);
    const shown = JSON.parse((await encours('--json', 'dunning', 'proposals', String(id))).stdout);
    expect([shown.status, shown.preview]).toEqual(['rejected', null]);
    const text = await encours('dunning', 'reject', String(id), '--note', 'encore');
    expect(text.status).toBe(5);
    expect((await call(collector, 'GET', `/api/dunning/proposals/${id + 1000}`)).statusCode).toBe(404);
    const off = await encours('dunning', 'settings', '--review-before-sending', 'off');
    expect(off.stdout).toBe('Validation avant envoi\u00a0: désactivée.\n');
  });
});
