/**
 * A reminder template over HTTP is refused when it reads a variable reminders are not given (Liquid
 * would print it as nothing) or has no subject, with each problem and its line in the reader's
 * language; a syntax error is said in words; a version stored before these checks still previews,
 * with its warnings.
 */
import { describe, expect, it } from 'vitest';
import { insertTemplateVersion } from '#db/dunning/config-queries';
import { COLLECTOR_AND_SALESPEOPLE, httpFixtureOfFile } from './http-file.fixture.ts';
import { emailOf, signIn } from './http-fixture.ts';

const web = httpFixtureOfFile(COLLECTOR_AND_SALESPEOPLE);
const { collector } = web.sessions;
const { call } = web;
const url = '/api/dunning/templates/dunning.reminder_1/email/fr';

describe('checking a reminder template over HTTP', () => {
  it('shows a template asked without a step kind as the kind the list gives it', async () => {
    const list = await call(collector, 'GET', '/api/dunning/templates');
    const courtesy = list
      .json()
      .find((entry: { templateCode: string }) => entry.templateCode === 'dunning.courtesy');
    expect(courtesy?.stepKind).toBe('courtesy');
    const plain = await call(collector, 'GET', '/api/dunning/templates/dunning.courtesy/email/fr');
    const asked = await call(
      collector,
      'GET',
      '/api/dunning/templates/dunning.courtesy/email/fr?stepKind=courtesy',
    );
    expect(plain.json().source).toBe(asked.json().source);
    const reminder = await call(
      collector,
      'GET',
      '/api/dunning/templates/dunning.courtesy/email/fr?stepKind=reminder',
    );
    expect(plain.json().source).not.toBe(reminder.json().source);
  });

  it('refuses unknown variables and a missing subject, naming each with its line', async () => {
    const manager = await signIn(web.app, emailOf('credit_manager'));
    const source = '## subject\nRelance {{ customer.nmae }}\n## body\nTotal\u00a0: {{ totals.bogus }}';
    const refused = await call(manager, 'PUT', url, { source, stepKind: 'reminder' });
    expect([refused.statusCode, refused.json().code, refused.json().detail]).toEqual([
      400,
      'invalid_input',
      'Le modèle n’est pas enregistré\u00a0:\n' +
        'Variable inconnue customer.nmae (ligne 2), vouliez-vous dire customer.name\u00a0?\n' +
        'Variable inconnue totals.bogus (ligne 4)',
    ]);
    const english = await call(manager, 'PUT', `${url}?lang=en`, { source, stepKind: 'reminder' });
    expect(english.json().detail).toBe(
      'The template is not saved:\n' +
        'Unknown variable customer.nmae (line 2); did you mean customer.name?\n' +
        'Unknown variable totals.bogus (line 4)',
    );
    const noSubject = await call(manager, 'PUT', url, { source: '## body\nBonjour', stepKind: 'reminder' });
    expect([noSubject.statusCode, noSubject.json().detail]).toEqual([
      400,
      'Le modèle n’est pas enregistré\u00a0:\n' +
        'Un e-mail doit avoir un objet\u00a0: écrivez-le sur la ligne qui suit «\u00a0## subject\u00a0».',
    ]);
    // Nothing was saved: the shipped text is still the one in force.
    expect((await call(collector, 'GET', `${url}?stepKind=reminder`)).json().edited).toBe(false);
  });

  it('says a syntax error in words on preview and on save', async () => {
    const manager = await signIn(web.app, emailOf('credit_manager'));
    const source = '## subject\nRelance {{ customer.name\n## body\nx';
    const preview = await call(collector, 'POST', `${url}/preview`, { source, stepKind: 'reminder' });
    expect([preview.statusCode, preview.json().detail]).toEqual([
      400,
      'La variable ouverte par {{ ligne 2, colonne 9 n’est pas fermée\u00a0: il manque }}.',
    ]);
    const saved = await call(manager, 'PUT', `${url}?lang=en`, { source, stepKind: 'reminder' });
    expect([saved.statusCode, saved.json().detail]).toEqual([
      400,
      'The template is not saved:\nThe variable opened with {{ at line 2, column 9 is not closed: }} is missing.',
    ]);
  });

  it('previews a version stored with an unknown variable, with its warnings', async () => {
    const ctx = web.database.context('WEB');
    for (const channel of ['email', 'letter'])
      await insertTemplateVersion(ctx.db, 'WEB', 'test', {
        templateCode: 'dunning.reminder_1',
        channel,
        lang: 'fr',
        subject: 'Relance {{ customer.nmae }}',
        body: '## body\nBonjour {{ customer.name }}, {{ totals.bogus }}',
      });
    const preview = await call(collector, 'POST', `${url}/preview`, { stepKind: 'reminder' });
    expect(preview.statusCode).toBe(200);
    expect([preview.json().subject, preview.json().warnings]).toEqual([
      'Relance',
      [
        'Variable inconnue customer.nmae (ligne 2), vouliez-vous dire customer.name\u00a0?',
        'Variable inconnue totals.bogus (ligne 4)',
      ],
    ]);
    const letter = await call(
      collector,
      'POST',
      '/api/dunning/templates/dunning.reminder_1/letter/fr/preview',
      {
        stepKind: 'reminder',
      },
    );
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(JSON.parse(decodeURIComponent(String(letter.headers['x-template-warnings'])))).toEqual([
      'Variable inconnue customer.nmae (ligne 2), vouliez-vous dire customer.name\u00a0?',
      'Variable inconnue totals.bogus (ligne 4)',
    ]);
  });
});
