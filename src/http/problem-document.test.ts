import Fastify from 'fastify';
import { Type } from 'typebox';
import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '#app/errors';
import { LANGS, translator } from '#text/catalogue';
import { replyProblem, SHELL_CODES } from './problem-document.ts';
import { Nullable, StringEnum } from './schemas/common.ts';

/** A server with the API's problem documents and a few schemas of each kind. */
const app = Fastify({ frameworkErrors: replyProblem });
app.setErrorHandler(replyProblem);
const Body = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 5 }),
  amountMinor: Type.Optional(Type.Integer()),
  creditLimitMinor: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  limitMinor: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
  kind: Type.Optional(StringEnum(['cheque', 'transfer'])),
  side: Type.Optional(Type.Union([Type.Literal('debit'), Type.Literal('credit'), Type.Null()])),
  on: Type.Optional(Type.String({ format: 'date' })),
  expiresOn: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  at: Type.Optional(Type.String({ format: 'date-time' })),
  code: Type.Optional(Type.String({ pattern: '^[A-Z]+$' })),
  lines: Type.Optional(Type.Array(Type.Object({ label: Type.String() }), { maxItems: 2 })),
  currency: Type.Optional(Type.String()),
  feeMinor: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  rateBps: Type.Optional(Type.Integer({ maximum: 10_000 })),
  instalments: Type.Optional(Type.Array(Type.Object({ amountMinor: Type.Integer({ minimum: 1 }) }))),
  customerTypes: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
});
app.post('/x', { schema: { body: Body } }, async () => 'ok');
app.get(
  '/q',
  { schema: { querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500 }) }) } },
  () => 'ok',
);
app.get(
  '/d',
  { schema: { querystring: Type.Object({ asOf: Type.Optional(Type.String({ format: 'date' })) }) } },
  () => 'ok',
);
afterAll(() => app.close());

const EN = { 'accept-language': 'en' };
const post = async (payload: unknown, headers: Record<string, string> = {}) => {
  const reply = await app.inject({ method: 'POST', url: '/x', payload: payload as object, headers });
  return { status: reply.statusCode, ...reply.json() };
};
const detail = async (payload: unknown, headers: Record<string, string> = {}) =>
  (await post(payload, headers)).detail;

describe('schema problems in words', () => {
  it('names the field, the part of the request and what it expects', async () => {
    const wrong = await post({ name: 'ab', amountMinor: 1.5 });
    expect(wrong).toMatchObject({
      status: 400,
      code: 'invalid_input',
      title: 'Saisie invalide',
      detail: 'Le champ «\u00a0montant\u00a0» doit être un nombre entier',
    });
    expect(wrong.errors).toEqual([
      {
        in: 'body',
        field: 'amountMinor',
        keyword: 'type',
        params: { type: 'integer' },
        instancePath: '/amountMinor',
        schemaPath: '#/properties/amountMinor/type',
      },
    ]);
    const english = await post({ name: 'ab', amountMinor: 1.5 }, EN);
    expect(english).toMatchObject({
      title: 'Invalid input',
      detail: 'Field “amount” must be an integer',
    });
  });

  it('says a nullable field may be empty, once, whatever the schema says of the union', async () => {
    expect(await detail({ name: 'ab', creditLimitMinor: 'abc' })).toBe(
      'Le champ «\u00a0limite de crédit\u00a0» doit être un nombre entier ou vide',
    );
    const union = await post({ name: 'ab', limitMinor: 'abc' });
    expect(union.detail).toBe('Le champ limitMinor (corps de la requête) doit être un nombre entier ou vide');
    // The raw list keeps every error of Ajv, the union's own included.
    expect(union.errors.map((error: { keyword: string }) => error.keyword)).toEqual([
      'type',
      'type',
      'anyOf',
    ]);
    expect(await detail({ name: 'ab', limitMinor: 'abc' }, EN)).toBe(
      'Field limitMinor (request body) must be an integer or null',
    );
    // A branch's own rule when the type was right: the first meaningful one.
    // A field the catalogue does not name keeps its name and the part of the request.
    expect(await detail({ name: 'ab', limitMinor: -5 })).toBe(
      'Le champ limitMinor (corps de la requête) ne peut pas être négatif',
    );
    expect(await detail({ name: 'ab', creditLimitMinor: -5 }, EN)).toBe(
      'Field “credit limit” cannot be negative',
    );
  });

  it('words bounds on money and rates in their unit, and names the item of a list', async () => {
    expect(await detail({ name: 'ab', feeMinor: 0 })).toBe(
      'Le champ «\u00a0frais\u00a0» doit valoir au moins 0,01\u00a0€',
    );
    expect(await detail({ name: 'ab', feeMinor: 100_001 }, EN)).toBe('Field “fee” must be at most €1,000.00');
    // The body's own currency, when it names one.
    expect(await detail({ name: 'ab', currency: 'USD', feeMinor: 0 }, EN)).toBe(
      'Field “fee” must be at least US$0.01',
    );
    expect(await detail({ name: 'ab', rateBps: 12_000 })).toBe(
      'Le champ «\u00a0taux\u00a0» doit valoir au plus 100\u00a0%',
    );
    const instalment = await post({ name: 'ab', instalments: [{ amountMinor: 5 }, { amountMinor: 0 }] });
    expect(instalment.detail).toBe(
      'Le champ «\u00a0montant (échéance 2)\u00a0» doit valoir au moins 0,01\u00a0€',
    );
    expect(instalment.errors[0]).toMatchObject({ field: 'instalments[1].amountMinor', keyword: 'minimum' });
    expect(await detail({ name: 'ab', customerTypes: ['sme', ''] }, EN)).toBe(
      'Field “customer types no. 2” must have at least 1 character',
    );
  });

  it('lists the allowed values of an enumeration or a union of constants', async () => {
    expect(await detail({ name: 'ab', kind: 'cash' })).toBe(
      'Le champ «\u00a0type\u00a0» doit valoir l’une des valeurs\u00a0: cheque, transfer',
    );
    expect(await detail({ name: 'ab', side: 'both' }, EN)).toBe(
      'Field side (request body) must be one of: debit, credit, null',
    );
  });

  it('words a missing field, lengths, formats, patterns and list sizes', async () => {
    expect(await detail({})).toBe('Le champ «\u00a0nom\u00a0» est obligatoire');
    expect(await detail({}, EN)).toBe('Field “name” is required');
    expect(await detail({ name: 'a' })).toBe('Le champ «\u00a0nom\u00a0» doit compter au moins 2 caractères');
    expect(await detail({ name: 'abcdef' }, EN)).toBe('Field “name” must have at most 5 characters');
    expect(await detail({ name: 'ab', on: '2026-13-01' })).toBe(
      'Le champ on (corps de la requête) doit être une date AAAA-MM-JJ',
    );
    expect(await detail({ name: 'ab', on: '31/01/2026' }, EN)).toBe(
      'Field on (request body) must be a date YYYY-MM-DD',
    );
    expect(await detail({ name: 'ab', at: 'hier' }, EN)).toBe(
      'Field at (request body) must be an ISO 8601 instant with its time zone (YYYY-MM-DDTHH:MM:SSZ)',
    );
    expect(await detail({ name: 'ab', code: 'abc' })).toBe(
      'Le champ «\u00a0code\u00a0» n’a pas la forme attendue',
    );
    expect(await detail({ name: 'ab', lines: [{}, {}, {}] }, EN)).toBe(
      'Field lines (request body) must have at most 2 items',
    );
    const nested = await post({ name: 'ab', lines: [{ label: 'a' }, {}] });
    expect(nested.detail).toBe('Le champ lines[1].label (corps de la requête) est obligatoire');
    expect(nested.errors[0]).toMatchObject({ field: 'lines[1].label', keyword: 'required' });
    expect(await detail([1])).toBe('Le corps de la requête doit être un objet');
  });

  it('says a well-formed date of a day the calendar lacks does not exist, with its value', async () => {
    expect(await detail({ name: 'ab', on: '2026-02-30' })).toBe(
      'Le champ on (corps de la requête) n’est pas un jour du calendrier\u00a0: le 2026-02-30 n’existe pas',
    );
    expect(await detail({ name: 'ab', on: '2025-02-29' }, EN)).toBe(
      'Field on (request body) is not a day of the calendar: 2025-02-29 does not exist',
    );
    // In a nullable field too (a union of the date and null), named in the catalogue's words.
    expect(await detail({ name: 'ab', expiresOn: '2026-04-31' })).toBe(
      'Le champ «\u00a0date d’expiration\u00a0» n’est pas un jour du calendrier\u00a0: le 2026-04-31 n’existe pas',
    );
    expect((await app.inject('/d?asOf=2026-02-30&lang=en')).json().detail).toBe(
      'Parameter asOf (query string) is not a day of the calendar: 2026-02-30 does not exist',
    );
    // Another form, or no day at all, is shown the format.
    for (const on of ['30/02/2026', '2026-2-3', '2026-02-32', '2026-00-10'])
      expect(await detail({ name: 'ab', on })).toBe(
        'Le champ on (corps de la requête) doit être une date AAAA-MM-JJ',
      );
    expect((await app.inject('/d?asOf=2026-2-30')).json().detail).toBe(
      'Le paramètre asOf (adresse de la requête) doit être une date AAAA-MM-JJ',
    );
  });

  it('names a query parameter as such', async () => {
    const low = await app.inject('/q?limit=0');
    expect(low.json()).toMatchObject({
      detail: 'Le paramètre limit (adresse de la requête) doit valoir au moins 1',
      errors: [
        { in: 'querystring', field: 'limit', keyword: 'minimum', params: { comparison: '>=', limit: 1 } },
      ],
    });
    expect((await app.inject('/q?limit=abc&lang=en')).json().detail).toBe(
      'Parameter limit (query string) must be an integer',
    );
    expect((await app.inject('/q')).json().detail).toBe(
      'Le paramètre limit (adresse de la requête) est obligatoire',
    );
  });
});

describe('Fastify’s own refusals in words', () => {
  const raw = (payload: string, contentType: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/x', payload, headers: { 'content-type': contentType, ...headers } });

  it('says a body is not JSON, is empty, or of a type no route reads', async () => {
    expect((await raw('{bad', 'application/json')).json()).toMatchObject({
      status: 400,
      code: 'invalid_input',
      title: 'Saisie invalide',
      detail: 'Le corps de la requête n’est pas un JSON valide',
    });
    expect((await raw('{bad', 'application/json', EN)).json().detail).toBe(
      'The request body is not valid JSON',
    );
    expect((await raw('', 'application/json')).json().detail).toBe(
      'Le corps de la requête est vide alors qu’il est annoncé en application/json',
    );
    const xml = await raw('<a/>', 'text/xml; charset=utf-8');
    expect(xml.statusCode).toBe(415);
    expect(xml.json()).toMatchObject({
      code: 'unsupported_media_type',
      title: 'Type de contenu non pris en charge',
      detail: 'Type de contenu non pris en charge\u00a0: text/xml',
    });
    expect((await raw('<a/>', 'text/xml', EN)).json()).toMatchObject({
      title: 'Unsupported media type',
      detail: 'Unsupported content type: text/xml',
    });
  });

  it('says an address is malformed', async () => {
    const bad = await app.inject('/q/%E0%A4%A');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'invalid_input',
      detail: 'Adresse invalide\u00a0: /q/%E0%A4%A',
    });
  });
});

describe('titles', () => {
  it('gives every code a title of its own in every language', () => {
    const codes = [...Object.keys(ERROR_CODES), ...SHELL_CODES];
    const missing = LANGS.flatMap((lang) => {
      const titleOf = (code: string) => translator(lang)('errors.http.title', { code });
      const fallback = titleOf('no_such_code');
      return codes.filter((code) => titleOf(code) === fallback).map((code) => `${lang} ${code}`);
    });
    expect(missing).toEqual([]);
    expect(codes).toEqual(expect.arrayContaining(['not_found', 'conflict', 'unauthenticated', 'internal']));
  });
});
