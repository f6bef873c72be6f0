/** Dunning over HTTP: the agenda narrowed for a salesperson, run preview and roles, disputes, policies. */
import { describe, expect, it } from 'vitest';
import { COLLECTOR_AND_SALESPEOPLE, httpFixtureOfFile } from './http-file.fixture.ts';
import { emailOf, signIn } from './http-fixture.ts';

const web = httpFixtureOfFile(COLLECTOR_AND_SALESPEOPLE);
const { collector, alice, bob } = web.sessions;
const { call } = web;

describe('dunning API', () => {
  it('gives the collector the agenda with reasons, and a salesperson only their own customers', async () => {
    const all = (await call(collector, 'GET', '/api/dunning/agenda?lang=en')).json();
    expect(all.asOf).toBe('2026-04-30');
    expect(all.entries.map((e: { customerCode: string }) => e.customerCode)).toEqual(['K03']);
    expect(all.entries[0].reasons[0]).toMatch(/^Amount overdue: €2,500.00$/);
    // F1 (due 31 March), never reminded and 30 days late, catches up to the last amicable letter
    // (D+15; D+30's call writes nothing): not the first e-mail, never the notice.
    expect(all.entries[0].plannedActions).toEqual([
      { step: 'reminder_2', stepKind: 'reminder', channel: 'letter' },
    ]);
    expect((await call(alice, 'GET', '/api/dunning/agenda')).json().entries).toHaveLength(1);
    expect((await call(bob, 'GET', '/api/dunning/agenda')).json().entries).toEqual([]);
  });

  it('previews a run for staff and refuses a salesperson the sending', async () => {
    const preview = await call(collector, 'POST', '/api/dunning/runs/preview', {});
    expect(preview.statusCode).toBe(200);
    expect(
      preview
        .json()
        .actions.map((a: { customerCode: string; channel: string }) => [a.customerCode, a.channel]),
    ).toEqual([['K03', 'letter']]);
    // The invoice says why it is past its first reminder.
    expect(preview.json().actions[0].items.map((i: { raisedBy?: unknown }) => i.raisedBy)).toEqual([
      { kind: 'catch_up' },
    ]);
    expect((await call(alice, 'POST', '/api/dunning/runs', {})).statusCode).toBe(403);
  });

  it('routes a dispute to its department and stops dunning the invoice', async () => {
    const opened = await call(alice, 'POST', '/api/dunning/disputes', {
      documentRef: 'F1',
      reason: 'price',
      note: 'Tarif 2025 appliqué',
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      documentRef: 'F1',
      department: 'sales',
      status: 'open',
      amountMinor: 250_000,
    });
    expect(
      (await call(bob, 'POST', '/api/dunning/disputes', { documentRef: 'F1', reason: 'price' })).statusCode,
    ).toBe(404);
    const preview = (await call(collector, 'POST', '/api/dunning/runs/preview', {})).json();
    expect([preview.actions, preview.skipped.map((s: { reason: string }) => s.reason)]).toEqual([
      [],
      ['disputed'],
    ]);
    const id = opened.json().disputeId;
    const resolved = await call(collector, 'POST', `/api/dunning/disputes/${id}/resolve`, {
      resolution: 'rejected',
    });
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolution: 'rejected' });
  });

  it('pages the tasks in due order with the total, a salesperson seeing only theirs', async () => {
    for (const outcome of ['no_answer', 'message_left', 'will_pay'])
      expect(
        (await call(collector, 'POST', '/api/dunning/calls', { customerCode: 'K03', outcome })).statusCode,
      ).toBe(200);
    const all = (await call(collector, 'GET', '/api/dunning/tasks?limit=1000')).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const ids = all.items.map((t: { taskId: number }) => t.taskId);
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 2) {
      const page = (await call(collector, 'GET', `/api/dunning/tasks?limit=2&offset=${offset}`)).json();
      expect(page.total).toBe(all.total);
      pages.push(...page.items.map((t: { taskId: number }) => t.taskId));
    }
    expect(pages).toEqual(ids);
    const done = (await call(collector, 'GET', '/api/dunning/tasks?status=done&limit=1')).json();
    expect([done.items.length, done.total]).toEqual([1, 3]);
    const past = (await call(collector, 'GET', `/api/dunning/tasks?offset=${all.total}`)).json();
    expect(past).toEqual({ total: all.total, items: [] });
    expect((await call(alice, 'GET', '/api/dunning/tasks')).json().total).toBe(all.total);
    expect((await call(bob, 'GET', '/api/dunning/tasks')).json()).toEqual({ total: 0, items: [] });
    for (const bad of ['limit=0', 'limit=1001', 'offset=-1'])
      expect((await call(collector, 'GET', `/api/dunning/tasks?${bad}`)).statusCode).toBe(400);
  });

  it('shows the built-in policy and checks a draft', async () => {
    const policies = (await call(collector, 'GET', '/api/dunning/policies')).json();
    expect([policies.builtIn, policies.inForce[0].steps.length]).toEqual([true, 6]);
    const { version: _version, ...draft } = policies.inForce[0];
    const backwards = { ...draft, steps: [...draft.steps].reverse() };
    const manager = await signIn(web.app, emailOf('credit_manager'));
    const checked = (await call(manager, 'POST', '/api/dunning/policies/validate', backwards)).json();
    expect(checked.problems.map((p: { code: string }) => p.code)).toContain('offsets_not_increasing');
    expect((await call(manager, 'POST', '/api/dunning/policies', backwards)).statusCode).toBe(400);
  });
});

describe('dunning cases and templates over HTTP', () => {
  it('pauses one invoice: the preview says why, lifting it brings it back', async () => {
    const before = (await call(collector, 'POST', '/api/dunning/runs/preview', {})).json();
    const ref: string = before.actions[0].items[0].documentRef;
    const paused = await call(collector, 'POST', '/api/dunning/pauses', {
      documentRef: ref,
      reason: 'Client en attente d’un avoir',
      pausedUntil: '2026-05-31',
    });
    expect(paused.statusCode).toBe(200);
    const during = (await call(collector, 'POST', '/api/dunning/runs/preview', {})).json();
    expect(during.skipped.filter((s: { documentRef: string }) => s.documentRef === ref)).toEqual([
      expect.objectContaining({
        reason: 'paused',
        pauseReason: 'Client en attente d’un avoir',
        pausedUntil: '2026-05-31',
      }),
    ]);
    expect((await call(bob, 'POST', `/api/dunning/pauses/${paused.json().pauseId}/lift`)).statusCode).toBe(
      404,
    );
    expect(
      (await call(collector, 'POST', `/api/dunning/pauses/${paused.json().pauseId}/lift`)).statusCode,
    ).toBe(200);
    const after = (await call(collector, 'POST', '/api/dunning/runs/preview', {})).json();
    expect(after.actions).toEqual(before.actions);
  });

  it('lists the templates, refuses a broken one, versions an edit and previews it', async () => {
    const manager = await signIn(web.app, emailOf('credit_manager'));
    const list = (await call(collector, 'GET', '/api/dunning/templates')).json();
    expect(list).toContainEqual(
      expect.objectContaining({
        templateCode: 'dunning.reminder_2',
        channel: 'letter',
        lang: 'fr',
        version: null,
      }),
    );
    const url = '/api/dunning/templates/dunning.reminder_1/email/fr';
    const shipped = (await call(collector, 'GET', `${url}?stepKind=reminder`)).json();
    expect(shipped.edited).toBe(false);
    const broken = await call(manager, 'PUT', url, { source: '{% if %}', stepKind: 'reminder' });
    expect(broken.statusCode).toBe(400);
    const unknownFilter = await call(manager, 'PUT', url, {
      source: '{{ total | system }}',
      stepKind: 'reminder',
    });
    expect(unknownFilter.statusCode).toBe(400);
    expect((await call(collector, 'PUT', url, { source: shipped.source })).statusCode).toBe(403);
    const source = shipped.source.replace('Relance — factures impayées', 'Rappel amical');
    const saved = await call(manager, 'PUT', url, { source, stepKind: 'reminder' });
    expect([saved.statusCode, saved.json().version]).toEqual([200, 1]);
    expect((await call(manager, 'PUT', url, { source, stepKind: 'reminder' })).json().version).toBe(2);
    const preview = (await call(collector, 'POST', `${url}/preview`, { stepKind: 'reminder' })).json();
    expect(preview.subject).toBe('Rappel amical (CLI001)');
    expect(preview.html).toContain('FA-2025-0042');
    // The sample's disputed invoice is left out of the reminder, and the text says so.
    expect(preview.text).toContain(
      'Une autre facture échue, FA-2025-0057, d’un montant restant dû de 350,00\u00a0€, ne figure pas sur ce relevé',
    );
    const letter = await call(
      collector,
      'POST',
      '/api/dunning/templates/dunning.reminder_2/letter/fr/preview',
      {},
    );
    expect([letter.headers['content-type'], letter.rawPayload.subarray(0, 4).toString()]).toEqual([
      'application/pdf',
      '%PDF',
    ]);
  });
});
