/**
 * The HTTP shell's own refusals (not signed in, CSRF, another company, a role, an import role,
 * sign-in failures and throttling, the request rate, NUL characters), the schema problems of a
 * request and Fastify's own refusals (bad JSON, media type, malformed address) say so in the
 * request's language, under a title in it: French by default, English with `Accept-Language: en`
 * or `?lang=en`; their status, code and what they reveal stay as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import type { TestDatabase } from '../support/test-db.ts';
import { openHttpFixture, PASSWORD, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let manager: Session;
let collector: Session;
let salesperson: Session;

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  manager = await signIn(app, 'claire@web.test');
  collector = await signIn(app, 'julien@web.test');
  salesperson = await signIn(app, 'alice@web.test');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

type Reply = Awaited<ReturnType<ApiServer['inject']>>;
const problem = (reply: Reply) => {
  const body = reply.json();
  return { status: reply.statusCode, code: body.code, detail: body.detail };
};
const EN = { 'accept-language': 'en-GB,en;q=0.9' };

describe('refusals of the authorisation hook', () => {
  it('asks to sign in', async () => {
    expect(problem(await app.inject({ url: '/api/jobs' }))).toEqual({
      status: 401,
      code: 'unauthenticated',
      detail: 'Connectez-vous ou fournissez un jeton d’API',
    });
    expect(problem(await app.inject({ url: '/api/jobs?lang=en' }))).toEqual({
      status: 401,
      code: 'unauthenticated',
      detail: 'Sign in or give an API token',
    });
  });

  it('names the missing CSRF header and the company of the account', async () => {
    const { cookie } = manager.headers;
    const post = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/jobs', headers, payload: { kind: 'ledger.verify' } });
    expect(problem(await post({ cookie }))).toEqual({
      status: 403,
      code: 'csrf_failed',
      detail: 'En-tête x-csrf-token absent ou incorrect',
    });
    expect(problem(await post({ cookie, ...EN })).detail).toBe('Missing or wrong x-csrf-token header');
    const other = { ...manager.headers, 'x-encours-company': 'ELSEWHERE' };
    expect(problem(await app.inject({ url: '/api/jobs', headers: other }))).toEqual({
      status: 403,
      code: 'forbidden',
      detail: 'Votre compte appartient à la société WEB',
    });
    expect(problem(await app.inject({ url: '/api/jobs', headers: { ...other, ...EN } })).detail).toBe(
      'Your account belongs to company WEB',
    );
  });

  it('names the roles a route is for, in words only (walk B item 8)', async () => {
    expect(problem(await app.inject({ url: '/api/jobs', headers: salesperson.headers }))).toEqual({
      status: 403,
      code: 'forbidden',
      detail:
        'Cette action est réservée aux rôles\u00a0: Administrateur, Responsable crédit, Chargé de recouvrement, Direction, Auditeur interne',
    });
    const english = await app.inject({ url: '/api/jobs', headers: { ...salesperson.headers, ...EN } });
    expect(problem(english).detail).toBe(
      'This requires one of the roles: Administrator, Credit manager, Collector, Director, Internal auditor',
    );
  });

  it('names the roles an import is for', async () => {
    const upload = (url: string, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url,
        headers: { ...collector.headers, ...headers, 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x--\r\n',
      });
    expect(problem(await upload('/api/imports/credit-notes'))).toEqual({
      status: 403,
      code: 'forbidden',
      detail: 'L’import des avoirs est réservé aux rôles\u00a0: Administrateur, Responsable crédit',
    });
    expect(problem(await upload('/api/imports/invoices?lang=en')).detail).toBe(
      'Importing invoices requires one of the roles: Administrator, Credit manager',
    );
  });
});

describe('sign-in and request rate', () => {
  const login = (email: string, password: string, remoteAddress: string, headers = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress,
      headers,
    });

  it('says the e-mail or the password is wrong, then how long to wait', async () => {
    expect(problem(await login('philippe@web.test', 'wrong', '10.5.0.1'))).toEqual({
      status: 401,
      code: 'invalid_credentials',
      detail: 'Adresse e-mail ou mot de passe incorrect',
    });
    expect(problem(await login('philippe@web.test', 'wrong', '10.5.0.1', EN)).detail).toBe(
      'Wrong e-mail or password',
    );
    for (let i = 0; i < 5; i++) await login('philippe@web.test', 'wrong', '10.5.0.1');
    const locked = await login('philippe@web.test', PASSWORD, '10.5.0.1');
    const wait = locked.headers['retry-after'];
    expect(problem(locked)).toEqual({
      status: 429,
      code: 'too_many_attempts',
      detail: `Trop d’échecs de connexion\u00a0: réessayez dans ${wait} secondes`,
    });
    const english = await login('philippe@web.test', PASSWORD, '10.5.0.1', EN);
    expect(problem(english).detail).toBe(
      `Too many failed sign-ins: try again in ${english.headers['retry-after']} seconds`,
    );
  });

  it('says how long to wait when an address sends too many requests', async () => {
    const limited = await buildServer(database.runtime, { webRoot: null, requestsPerMinute: 1 });
    try {
      await limited.inject({ url: '/api/health', remoteAddress: '10.6.0.1' });
      const french = await limited.inject({ url: '/api/health', remoteAddress: '10.6.0.1' });
      expect(problem(french)).toEqual({
        status: 429,
        code: 'too_many_requests',
        detail: `Trop de requêtes\u00a0: réessayez dans ${french.headers['retry-after']} secondes`,
      });
      const english = await limited.inject({ url: '/api/health?lang=en', remoteAddress: '10.6.0.1' });
      expect(problem(english).detail).toBe(
        `Too many requests: try again in ${english.headers['retry-after']} seconds`,
      );
    } finally {
      await limited.close();
    }
  });
});

describe('NUL characters', () => {
  it('says which part of the request holds one', async () => {
    const note = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/customers/K01/notes',
        headers: { ...manager.headers, ...headers },
        payload: { text: 'note\u0000cachée' },
      });
    expect(problem(await note({}))).toEqual({
      status: 400,
      code: 'invalid_input',
      detail: 'Le corps de la requête contient un caractère NUL',
    });
    expect(problem(await note(EN)).detail).toBe('The body contains a NUL character');
    const search = await app.inject({ url: '/api/customers?search=a%00b', headers: manager.headers });
    expect(problem(search).detail).toBe('Les paramètres de la requête contiennent un caractère NUL');
  });
});

describe('titles, schema problems and Fastify’s own refusals', () => {
  const patch = (payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'PATCH',
      url: '/api/customers/K01',
      headers: { ...manager.headers, ...headers },
      payload: payload as object,
    });

  it('titles every problem in the reader’s language', async () => {
    const titleOf = async (reply: Promise<Reply>) => (await reply).json().title;
    expect(await titleOf(app.inject({ url: '/api/jobs' }))).toBe('Connexion requise');
    expect(await titleOf(app.inject({ url: '/api/jobs', headers: EN }))).toBe('Sign-in required');
    const missing = app.inject({ url: '/api/customers/NOPE', headers: manager.headers });
    expect(await titleOf(missing)).toBe('Introuvable');
    const forbidden = app.inject({ url: '/api/jobs', headers: { ...salesperson.headers, ...EN } });
    expect(await titleOf(forbidden)).toBe('Forbidden');
  });

  it('words a field of the body that fails its schema, and keeps Ajv’s list for programs', async () => {
    const wrong = await patch({ creditLimitMinor: 'abc' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'invalid_input',
      title: 'Saisie invalide',
      // The field in the catalogue's words; its name stays in `errors` for programs.
      detail: 'Le champ «\u00a0limite de crédit\u00a0» doit être un nombre entier ou vide',
    });
    // Every error of Ajv: one per branch of the nullable field's union, and the union's own.
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({
        in: 'body',
        field: 'creditLimitMinor',
        keyword: 'type',
        params: { type: 'integer' },
      }),
      expect.objectContaining({ field: 'creditLimitMinor', keyword: 'type', params: { type: 'null' } }),
      expect.objectContaining({ field: 'creditLimitMinor', keyword: 'anyOf' }),
    ]);
    expect((await patch({ creditLimitMinor: 'abc' }, EN)).json()).toMatchObject({
      title: 'Invalid input',
      detail: 'Field “credit limit” must be an integer or null',
    });
    expect(problem(await patch({ contacts: [{ role: 'DAF' }] })).detail).toBe(
      'Le champ «\u00a0nom (contact 1)\u00a0» est obligatoire',
    );
    expect(problem(await patch({ customerType: 'martian' }, EN)).detail).toMatch(
      /^Field “customer type” must be one of: \w+, \w+/,
    );
  });

  it('names the field in words and a bound on money as an amount (walk A item 8)', async () => {
    const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url, headers: { ...manager.headers, ...headers }, payload });
    const partner = { name: 'Cabinet', kind: 'lawyer', amicableCommissionBps: 0, judicialCommissionBps: 0 };
    expect(problem(await post('/api/legal/partners', { ...partner, judicialFeeMinor: -1 })).detail).toBe(
      'Le champ «\u00a0frais de justice\u00a0» ne peut pas être négatif',
    );
    const promise = { customerCode: 'K01', instalments: [{ dueDate: '2026-07-15', amountMinor: 0 }] };
    const refused = await post('/api/dunning/promises', promise);
    expect(problem(refused).detail).toBe(
      'Le champ «\u00a0montant (échéance 1)\u00a0» doit valoir au moins 0,01\u00a0€',
    );
    // Programs still read Ajv's own list.
    expect(refused.json().errors[0]).toMatchObject({
      field: 'instalments[0].amountMinor',
      keyword: 'minimum',
      params: { limit: 1 },
    });
    expect(problem(await post('/api/dunning/promises', promise, EN)).detail).toBe(
      'Field “amount (instalment 1)” must be at least €0.01',
    );
  });

  it('words a query parameter that fails its schema', async () => {
    const list = (query: string, headers: Record<string, string> = {}) =>
      app.inject({ url: `/api/customers?${query}`, headers: { ...manager.headers, ...headers } });
    expect(problem(await list('limit=0')).detail).toBe(
      'Le paramètre limit (adresse de la requête) doit valoir au moins 1',
    );
    // A day the calendar lacks, written as expected, is said not to exist, with its value.
    expect(problem(await list('asOf=2026-02-30', EN)).detail).toBe(
      'Parameter asOf (query string) is not a day of the calendar: 2026-02-30 does not exist',
    );
    expect(problem(await list('asOf=2026-02-30')).detail).toBe(
      'Le paramètre asOf (adresse de la requête) n’est pas un jour du calendrier\u00a0: le 2026-02-30 n’existe pas',
    );
    // Another form keeps the format.
    expect(problem(await list('asOf=30/02/2026', EN)).detail).toBe(
      'Parameter asOf (query string) must be a date YYYY-MM-DD',
    );
  });

  it('says a date of the body that the calendar lacks does not exist', async () => {
    const ask = (expiresOn: string, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/credit/limit-requests',
        headers: { ...manager.headers, ...headers },
        payload: { customerCode: 'K01', requestedMinor: 100, expiresOn, justification: 'salon' },
      });
    expect(problem(await ask('2026-02-30'))).toEqual({
      status: 400,
      code: 'invalid_input',
      detail:
        'Le champ «\u00a0date d’expiration\u00a0» n’est pas un jour du calendrier\u00a0: le 2026-02-30 n’existe pas',
    });
    expect(problem(await ask('2026-04-31', EN)).detail).toBe(
      'Field “expiry date” is not a day of the calendar: 2026-04-31 does not exist',
    );
    expect(problem(await ask('2026-2-3')).detail).toBe(
      'Le champ «\u00a0date d’expiration\u00a0» doit être une date AAAA-MM-JJ',
    );
  });

  it('words a body that is not JSON and a content type no route reads', async () => {
    const note = (payload: string, contentType: string, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/customers/K01/notes',
        headers: { ...manager.headers, ...headers, 'content-type': contentType },
        payload,
      });
    expect(problem(await note('{"text": ', 'application/json'))).toEqual({
      status: 400,
      code: 'invalid_input',
      detail: 'Le corps de la requête n’est pas un JSON valide',
    });
    expect(problem(await note('{"text": ', 'application/json', EN)).detail).toBe(
      'The request body is not valid JSON',
    );
    const xml = await note('<note/>', 'application/xml');
    expect(problem(xml)).toEqual({
      status: 415,
      code: 'unsupported_media_type',
      detail: 'Type de contenu non pris en charge\u00a0: application/xml',
    });
    expect(xml.json().title).toBe('Type de contenu non pris en charge');
  });

  it('words a malformed address, with the request id like any answer', async () => {
    const bad = await app.inject({ url: '/api/customers/%E0%A4%A', headers: EN });
    expect(problem(bad)).toEqual({
      status: 400,
      code: 'invalid_input',
      detail: 'Not a valid address: /api/customers/%E0%A4%A',
    });
    expect(bad.headers['x-request-id']).toEqual(expect.any(String));
  });
});
