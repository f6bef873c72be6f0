/**
 * What a dunning run refuses, over HTTP and from the CLI (walk-a items 1 to 3): a field its body
 * does not know (a misspelt selection used to run for every customer), a run while the company
 * reviews before sending (it becomes the pending proposal, whoever asks: only the approval sends),
 * and a date before the last run or after today (a preview still reads any date). K03's F1
 * (2,500.00 €, due 31 March) is the fixture's one overdue invoice; the clock says 30 June 2026.
 */
import { describe, expect, it } from 'vitest';
import { httpFixtureOfFile } from './http-file.fixture.ts';
import { emailOf, encoursOn } from './http-fixture.ts';

const web = httpFixtureOfFile({ collector: emailOf('collector'), manager: emailOf('credit_manager') });
const { collector, manager } = web.sessions;
const { call } = web;
const encours = (...args: string[]) => encoursOn(web.database, ...args);

const loggedActions = async () => (await call(collector, 'GET', '/api/dunning/actions')).json().total;

/** The same request read in English. */
const inEnglish = (url: string, payload: object) =>
  web.app.inject({
    method: 'POST',
    url,
    headers: { ...manager.headers, 'accept-language': 'en' },
    payload,
  });

describe('a plan for some customers', () => {
  it('keeps only the customers named, as `dunning run --dry-run --customer` does', async () => {
    const plan = async (...args: string[]) => {
      const out = await encours('--json', 'dunning', 'plan', '--as-of', '2026-04-30', ...args);
      expect(out.status).toBe(0);
      return JSON.parse(out.stdout);
    };
    const all = await plan();
    expect(all.actions.map((a: { customerCode: string }) => a.customerCode)).toEqual(['K03']);
    expect((await plan('--customer', 'K03')).actions).toEqual(all.actions);
    const other = await plan('--customer', 'K01', 'K02');
    expect([other.actions, other.skipped]).toEqual([[], []]);
    const dryRun = await encours(
      '--json',
      'dunning',
      'run',
      '--dry-run',
      '--as-of',
      '2026-04-30',
      '--customer',
      'K01',
    );
    expect(JSON.parse(dryRun.stdout).actions).toEqual(other.actions);
    expect(await loggedActions()).toBe(0);
  });
});

describe('a run’s body', () => {
  it('refuses a field it does not know, in the reader’s words, and sends nothing', async () => {
    // The walk sent `customers` for `customerCodes`: 200, and a run for every customer.
    const misspelt = await call(collector, 'POST', '/api/dunning/runs', {
      asOf: '2026-04-30',
      customers: ['K01'],
    });
    expect(misspelt.statusCode).toBe(400);
    // Worded by src/http/validation-words.ts (« Le champ customers … n’est pas un champ attendu »).
    expect(misspelt.json().code).toBe('invalid_input');
    expect(misspelt.json().detail).toMatch(/^Le champ .*customers.* n’est pas (un champ )?attendu/);
    const preview = await inEnglish('/api/dunning/runs/preview', { customers: ['K01'] });
    expect(preview.statusCode).toBe(400);
    expect(preview.json().detail).toMatch(/^Field .*customers.* is not (an )?expected/);
    expect(await loggedActions()).toBe(0);
  });
});

describe('a run while the company reviews before sending', () => {
  it('becomes the pending proposal, for a collector, a manager and the CLI; only the approval sends', async () => {
    const on = await call(manager, 'PATCH', '/api/dunning/settings', { reviewBeforeSending: true });
    expect(on.statusCode).toBe(200);
    const asked = await call(collector, 'POST', '/api/dunning/runs', { asOf: '2026-04-30' });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({
      asOf: '2026-04-30',
      runId: null,
      actions: [],
      proposal: { asOf: '2026-04-30', status: 'pending', customers: 1, actions: 1 },
    });
    expect(await loggedActions()).toBe(0);
    const byManager = (await call(manager, 'POST', '/api/dunning/runs', { customerCodes: ['K03'] })).json();
    expect(byManager.proposal.proposalId).toBeGreaterThan(asked.json().proposal.proposalId);
    const cli = await encours('dunning', 'run', '--as-of', '30/04/2026');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(
      /^Validation avant envoi\u00a0: rien n’est envoyé\. Les relances du 30\/04\/2026 \(1 client, 1 relance\) attendent la décision d’un responsable crédit \(proposition n°\u00a0\d+\)\.\n$/,
    );
    expect(await loggedActions()).toBe(0);
    const pending = (await call(collector, 'GET', '/api/dunning/proposals?status=pending')).json();
    expect(pending).toHaveLength(1);
    const id = pending[0].proposalId;
    expect((await call(collector, 'POST', `/api/dunning/proposals/${id}/approve`, {})).statusCode).toBe(403);
    const approved = await call(manager, 'POST', `/api/dunning/proposals/${id}/approve`, {});
    expect([approved.statusCode, approved.json().run.sentActions]).toEqual([200, 1]);
    expect(await loggedActions()).toBe(1);
    await call(manager, 'PATCH', '/api/dunning/settings', { reviewBeforeSending: false });
  });
});

describe('a run’s date', () => {
  it('is refused before the last run and after today, from the API and the CLI; a preview reads any date', async () => {
    const run = await call(collector, 'POST', '/api/dunning/runs', { asOf: '2026-05-20' });
    expect([run.statusCode, run.json().actions.length]).toEqual([200, 1]);
    const sent = await loggedActions();
    // The walk's run of 20 June after those of 30 June to 2 July: letters dated in the past.
    const behind = await call(collector, 'POST', '/api/dunning/runs', { asOf: '2026-05-01' });
    expect([behind.statusCode, behind.json().detail]).toEqual([
      400,
      'Une campagne de relance ne peut pas être datée du 01/05/2026, avant la dernière campagne (du 20/05/2026)\u00a0: ses lettres seraient antidatées. Choisissez le 20/05/2026 ou une date postérieure.',
    ]);
    expect((await inEnglish('/api/dunning/runs', { asOf: '2026-05-01' })).json().detail).toBe(
      'A dunning run cannot be dated 01/05/2026, before the last run (of 20/05/2026): its letters would be backdated. Choose 20/05/2026 or a later date.',
    );
    const cli = await encours('--json', 'dunning', 'run', '--as-of', '01/05/2026');
    expect([cli.status, JSON.parse(cli.stdout).error.code]).toEqual([2, 'invalid_input']);
    const preview = await call(collector, 'POST', '/api/dunning/runs/preview', { asOf: '2026-05-01' });
    expect(preview.statusCode).toBe(200);
    const ahead = await call(collector, 'POST', '/api/dunning/runs', { asOf: '2026-07-01' });
    expect([ahead.statusCode, ahead.json().detail]).toEqual([
      400,
      'Une campagne de relance ne peut pas être datée du 01/07/2026, après aujourd’hui (30/06/2026).',
    ]);
    // The day of the last run again: allowed, and nothing new to send.
    const again = await call(collector, 'POST', '/api/dunning/runs', { asOf: '2026-05-20' });
    expect([again.statusCode, again.json().actions]).toEqual([200, []]);
    expect(await loggedActions()).toBe(sent);
  });

  it('refuses to approve a proposal dated before a run made since', async () => {
    await call(manager, 'PATCH', '/api/dunning/settings', { reviewBeforeSending: true });
    // F1 had its first reminder on 30 April and its letter on 20 May: the call is due 15 days
    // later (D+15 → D+30 in the policy), on 4 June.
    const proposed = (await call(manager, 'POST', '/api/dunning/runs', { asOf: '2026-06-05' })).json();
    expect(proposed.proposal).toMatchObject({ status: 'pending', actions: 1 });
    await call(manager, 'PATCH', '/api/dunning/settings', { reviewBeforeSending: false });
    expect((await call(collector, 'POST', '/api/dunning/runs', { asOf: '2026-06-10' })).statusCode).toBe(200);
    const sent = await loggedActions();
    const late = await call(
      manager,
      'POST',
      `/api/dunning/proposals/${proposed.proposal.proposalId}/approve`,
      {},
    );
    expect([late.statusCode, late.json().detail]).toEqual([
      400,
      'Une campagne de relance ne peut pas être datée du 05/06/2026, avant la dernière campagne (du 10/06/2026)\u00a0: ses lettres seraient antidatées. Choisissez le 10/06/2026 ou une date postérieure.',
    ]);
    expect(await loggedActions()).toBe(sent);
  });
});
