/**
 * What the collector's follow-up refuses before writing anything (walk-a items 7 and 10): a call
 * logged with an outcome Encours does not know leaves no task behind, and an instalment's date
 * that is no date is said to be none (not « too early »), over HTTP and from `encours promise add`,
 * which reads day-first dates as every date option does. K03's F1 (2,500.00 €) is overdue.
 */
import { describe, expect, it } from 'vitest';
import { httpFixtureOfFile } from './http-file.fixture.ts';
import { emailOf, encoursOn } from './http-fixture.ts';

const web = httpFixtureOfFile({ collector: emailOf('collector') });
const { collector } = web.sessions;
const { call } = web;
const encours = (...args: string[]) => encoursOn(web.database, ...args);

const tasks = async () => (await call(collector, 'GET', '/api/dunning/tasks')).json();

describe('a call logged without a task', () => {
  it('is refused with an unknown outcome and leaves no task; a known one is logged as done', async () => {
    const refused = await call(collector, 'POST', '/api/dunning/calls', {
      customerCode: 'K03',
      outcome: 'whatever',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toMatch(
      /^Résultat de l’appel\u00a0: «\u00a0whatever\u00a0» n’est pas une valeur acceptée/u,
    );
    // The walk found the task saved before the check: a second « APPEL DE RELANCE » in the agenda.
    expect((await tasks()).total).toBe(0);
    const logged = await call(collector, 'POST', '/api/dunning/calls', {
      customerCode: 'K03',
      outcome: 'no_answer',
    });
    expect([logged.statusCode, logged.json().status, logged.json().outcome]).toEqual([
      200,
      'done',
      'no_answer',
    ]);
    expect((await tasks()).items.map((t: { status: string }) => t.status)).toEqual(['done']);
  });
});

describe('a promise’s instalment date', () => {
  const promise = (dueDate: string) =>
    call(collector, 'POST', '/api/dunning/promises', {
      customerCode: 'K03',
      instalments: [{ dueDate, amountMinor: 10_000 }],
    });

  it('that is no date is said to be none over HTTP, not to come too early', async () => {
    for (const dueDate of ['2026-02-30', '15/07/2026']) {
      const refused = await promise(dueDate);
      expect([refused.statusCode, refused.json().detail]).toEqual([
        400,
        `Échéance\u00a0: «\u00a0${dueDate}\u00a0» n’est pas une date valide (AAAA-MM-JJ).`,
      ]);
    }
    // A real date before the promise is still refused as too early, both dates worded day first.
    expect((await promise('2026-04-01')).json().detail).toBe(
      'Échéance du 01/04/2026\u00a0: la date doit être le 30/04/2026 ou après.',
    );
    const english = { headers: { ...collector.headers, 'accept-language': 'en' } };
    const early = await call(english, 'POST', '/api/dunning/promises', {
      customerCode: 'K03',
      instalments: [{ dueDate: '2026-04-01', amountMinor: 10_000 }],
    });
    expect(early.json().detail).toBe('Instalment of 01/04/2026: the date must be on or after 30/04/2026.');
    // A misspelt field is refused, not dropped (`documentRef` would have covered every invoice).
    const misspelt = await call(collector, 'POST', '/api/dunning/promises', {
      customerCode: 'K03',
      instalments: [{ dueDate: '2026-07-15', amountMinor: 10_000 }],
      documentRef: 'F1',
    });
    expect(misspelt.statusCode).toBe(400);
    expect((await call(collector, 'GET', '/api/dunning/promises')).json()).toEqual([]);
  });

  it('is read day first from the CLI, as --as-of is, and refused in words when it is no date', async () => {
    const added = await encours('--json', 'promise', 'add', 'K03', '--instalment', '15/07/2026=100,00');
    expect(added.status).toBe(0);
    expect(JSON.parse(added.stdout).instalments).toEqual([{ dueDate: '2026-07-15', amountMinor: 10_000 }]);
    const refused = await encours('--json', 'promise', 'add', 'K03', '--instalment', '30/02/2026=100,00');
    expect(refused.status).toBe(2);
    expect(JSON.parse(refused.stdout).error.message).toBe('--instalment\u00a0: le 30/02/2026 n’existe pas');
  });
});
