/**
 * The API contract (src/http/schemas): every operation Fastify serves under /api is in
 * /api/openapi.json with a schema for its success answer and the problem schema for its errors;
 * and serialising with those schemas (which keeps only the properties they name and coerces to
 * their types) changes nothing of what the use cases return — compared, on the demo company
 * SA CB2C, for every read route and the writes, answer by answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '#app/demo/demo';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { type Session, signIn } from './http-fixture.ts';

type Schema = Record<string, unknown>;
interface Response {
  content?: Record<string, { schema?: Schema }>;
}
interface Spec {
  paths: Record<string, Record<string, { responses?: Record<string, Response>; parameters?: Parameter[] }>>;
}
interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: { enum?: unknown[]; anyOf?: { const?: unknown; enum?: unknown[] }[] };
}

/** Routes that are not operations of the API: the OpenAPI document itself and its browser. */
const UNDOCUMENTED = (url: string) => url === '/api/openapi.json' || url.startsWith('/api/docs');
/**
 * /api/health is registered by server.ts before the route modules, so the problem responses that
 * routes/index.ts adds to every route do not reach it; it is public and takes no input.
 */
const ERRORS_NOT_DECLARED = new Set(['GET /api/health']);
const PROBLEM_FIELDS = ['type', 'title', 'status', 'code', 'detail'];

const isProblem = (response: Response | undefined) => {
  const schema = response?.content?.['application/problem+json']?.schema;
  const required = (schema?.['required'] as string[] | undefined) ?? [];
  return PROBLEM_FIELDS.every((field) => required.includes(field));
};

/** What each route lacks of the contract (empty when every route has it). */
function contractGaps(spec: Spec, routes: readonly { method: string; url: string }[]): string[] {
  const gaps: string[] = [];
  for (const { method, url } of routes) {
    if (UNDOCUMENTED(url)) continue;
    const name = `${method} ${url}`;
    const operation = spec.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    if (!operation) {
      gaps.push(`${name}: not in the OpenAPI document`);
      continue;
    }
    const responses = operation.responses ?? {};
    const success = Object.keys(responses).filter((status) => /^2\d\d$/.test(status));
    if (success.length === 0) gaps.push(`${name}: no success response`);
    for (const status of success.filter((s) => s !== '204')) {
      const schemas = Object.values(responses[status]?.content ?? {}).map((media) => media.schema ?? {});
      if (schemas.length === 0 || schemas.some((schema) => Object.keys(schema).length === 0))
        gaps.push(`${name}: no schema for ${status}`);
    }
    if (!ERRORS_NOT_DECLARED.has(name)) {
      for (const range of ['4XX', '5XX'])
        if (!(range in responses)) gaps.push(`${name}: no ${range} problem response`);
    }
    for (const [status, response] of Object.entries(responses))
      if (/^[45]/.test(status) && !isProblem(response))
        gaps.push(`${name}: ${status} is not a problem document`);
  }
  return gaps;
}

let database: TestDatabase;
let app: ApiServer;
let spec: Spec;
let admin: Session;
let manager: Session;
/** The JSON the use case returned, before the response schema serialised it, per request id. */
const rawAnswers = new Map<string, string>();

beforeAll(async () => {
  database = await openDemoTestDatabase();
  app = await buildServer(database.runtime, { webRoot: null });
  app.addHook('preSerialization', async (request, reply, payload) => {
    rawAnswers.set(request.id, JSON.stringify(payload));
    reply.header('x-test-request', request.id);
    return payload;
  });
  spec = (await app.inject({ url: '/api/openapi.json' })).json();
  admin = await signIn(app, 'admin@cb2c.example');
  manager = await signIn(app, 'claire.moreau@cb2c.example');
}, 300_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the OpenAPI document', () => {
  it('has every route Fastify serves, each with its success schema and problem documents for errors', () => {
    expect(app.routeAccess.length).toBeGreaterThan(20);
    expect(contractGaps(spec, app.routeAccess)).toEqual([]);
  });

  it('documents the report files next to the JSON', () => {
    const content = spec.paths['/api/reports/aging']?.['get']?.responses?.['200']?.content ?? {};
    expect(Object.keys(content).sort()).toEqual([
      'application/json',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/csv',
    ]);
  });

  it('finds a route without a response schema, or missing from the document', () => {
    const planted: Spec = structuredClone(spec);
    planted.paths['/api/planted'] = { get: { responses: { 200: { content: { 'application/json': {} } } } } };
    const routes = [
      ...app.routeAccess,
      { method: 'GET', url: '/api/planted' },
      { method: 'POST', url: '/api/hidden' },
    ];
    expect(contractGaps(planted, routes)).toEqual([
      'GET /api/planted: no schema for 200',
      'GET /api/planted: no 4XX problem response',
      'GET /api/planted: no 5XX problem response',
      'POST /api/hidden: not in the OpenAPI document',
    ]);
  });
});

/** Paths where two JSON values differ (the first few), for a readable failure. */
function differences(expected: unknown, actual: unknown, path = '$', found: string[] = []): string[] {
  if (found.length >= 5) return found;
  if (typeof expected !== 'object' || expected === null || typeof actual !== 'object' || actual === null) {
    if (!Object.is(expected, actual))
      found.push(`${path}: ${JSON.stringify(expected)} became ${JSON.stringify(actual)}`);
    return found;
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys)
    differences(
      (expected as Record<string, unknown>)[key],
      (actual as Record<string, unknown>)[key],
      `${path}.${key}`,
      found,
    );
  return found;
}

interface Call {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  session?: Session | null;
  payload?: unknown;
  headers?: Record<string, string>;
}

/** Calls the API and returns how the schema changed the answer (nothing, when the contract holds). */
async function changesByContract(call: Call): Promise<{ status: number; body: unknown; changes: string[] }> {
  const session = call.session === undefined ? admin : call.session;
  const response = await app.inject({
    method: call.method ?? 'GET',
    url: call.url,
    headers: { ...(session?.headers ?? {}), ...call.headers },
    ...(call.payload === undefined ? {} : { payload: call.payload as string }),
  });
  const name = `${call.method ?? 'GET'} ${call.url} → ${response.statusCode}`;
  if (response.statusCode >= 500)
    return { status: response.statusCode, body: null, changes: [`${name}: ${response.body}`] };
  // Files (a PDF, an export) are sent as they are: no schema serialises them.
  const isJson = /json/.test(String(response.headers['content-type']));
  if (response.statusCode === 204 || !isJson) return { status: response.statusCode, body: null, changes: [] };
  const raw = rawAnswers.get(String(response.headers['x-test-request']));
  if (raw === undefined) return { status: response.statusCode, body: null, changes: [`${name}: not seen`] };
  const body: unknown = response.json();
  return {
    status: response.statusCode,
    body,
    changes: differences(JSON.parse(raw), body).map((d) => `${name} ${d}`),
  };
}

/**
 * A GET URL for each documented read operation, once per customer code for the customer's routes,
 * with a value for each required query parameter. Routes keyed by another identifier (a
 * message, a job) are left to their own tests.
 */
function readUrls(customerCodes: readonly string[]): string[] {
  const urls: string[] = [];
  for (const [path, operations] of Object.entries(spec.paths)) {
    const operation = operations['get'];
    if (!operation || /\{(?!code\})\w+\}/.test(path)) continue;
    const query = new URLSearchParams();
    const required = (operation.parameters ?? []).filter((p) => p.in === 'query' && p.required);
    // The n-th required parameter takes the n-th value: a cross tabulation needs two dimensions.
    required.forEach((parameter, index) => {
      const values = parameter.schema?.enum ?? parameter.schema?.anyOf?.map((o) => o.const ?? o.enum?.[0]);
      const value = values?.[index % values.length];
      if (value !== undefined) query.set(parameter.name, String(value));
    });
    const suffix = query.size > 0 ? `?${query}` : '';
    if (path.includes('{code}'))
      for (const code of customerCodes) urls.push(path.replace('{code}', encodeURIComponent(code)) + suffix);
    else urls.push(path + suffix);
  }
  return urls;
}

describe('serialisation by the response schemas', () => {
  const demo = generateDemoDataset();
  // The customers of the planted situations have every kind of story: disputes, bounced payments, insolvency…
  const codes = [...new Set(['C00001', ...demo.manifest.situations.map((s) => s.customerCode)])].slice(0, 8);

  it('keeps every field of every read answer, on the demo company', async () => {
    const urls = readUrls(codes);
    const code = codes[1] ?? 'C00001';
    const variants = [
      '/api/customers?limit=1000&sort=overdue',
      '/api/reports/aging?by=customer_type&lang=en',
      '/api/reports/aging?by=salesperson&basis=issue&buckets=15,45',
      `/api/reports/aging?drill=${code}`,
      `/api/reports/aging?drill=${code}&bucket=credits`,
      '/api/reports/aging?by=customer_type&drill=public&bucket=d90_plus',
      '/api/reports/kpis?perCustomer=true&countback=thirty',
      '/api/reports/risk-table?lang=en',
      '/api/reports/crosstab?rows=risk_level&columns=bucket',
      '/api/reports/crosstab?rows=payment_terms&columns=country',
      '/api/reports/anomalies?lang=en',
      ...codes.flatMap((c) => [
        `/api/customers/${c}/documents?limit=500`,
        `/api/customers/${c}/allocations?limit=500`,
        `/api/customers/${c}/events?limit=500`,
        `/api/customers/${c}/payment-behaviour?months=36`,
      ]),
    ];
    const changes: string[] = [];
    const notCompared: string[] = []; // answers that were errors, so not the JSON the test is about
    for (const url of [...urls, ...variants]) {
      const outcome = await changesByContract({ url });
      changes.push(...outcome.changes);
      if (outcome.status !== 200) notCompared.push(`${url} → ${outcome.status}`);
    }
    expect(urls.length).toBeGreaterThan(50);
    expect(notCompared).toEqual([]);
    expect(changes).toEqual([]);
  }, 300_000);

  it('keeps every field of the writes, of their traces and of the problem documents', async () => {
    const changes: string[] = [];
    const check = async (call: Call) => {
      const outcome = await changesByContract(call);
      changes.push(...outcome.changes);
      return outcome;
    };
    await check({
      method: 'POST',
      url: '/api/auth/login',
      session: null,
      payload: { email: 'julien.petit@cb2c.example', password: 'encours-demo' },
    });
    await check({
      method: 'PATCH',
      url: '/api/customers/C00001',
      session: manager,
      payload: {
        creditLimitMinor: 1_234_500,
        contacts: [{ name: 'Ana Test', role: null, email: 'ana@example.com', phone: null }],
      },
    });
    await check({
      method: 'POST',
      url: '/api/customers/C00001/notes',
      session: manager,
      payload: { text: 'Promesse de règlement, voir avec @admin@cb2c.example' },
    });
    await check({ url: '/api/auth/mentions' });
    await check({ url: '/api/users/directory' });
    const token = await check({ method: 'POST', url: '/api/tokens', payload: { name: 'contrat' } });
    await check({ url: '/api/tokens' });
    await check({ method: 'DELETE', url: `/api/tokens/${(token.body as { id: number }).id}` });
    await check({ url: '/api/tokens' });
    const user = {
      email: 'nouveau@cb2c.example',
      name: 'Nouveau',
      role: 'collector',
      password: 'un mot de passe assez long',
    };
    await check({ method: 'POST', url: '/api/users', payload: user });
    await check({
      method: 'PATCH',
      url: `/api/users/${user.email}`,
      payload: { disabled: true, salesperson: null },
    });
    await check({ url: '/api/users' });
    await check({ url: '/api/audit?limit=500' });
    await check({ url: '/api/customers/C00001/audit' });
    await check({ url: '/api/customers/C00001' });
    // Problems: not found, invalid input, not signed in, wrong role.
    const notFound = await check({ url: '/api/customers/NOPE' });
    await check({ url: '/api/customers?limit=0' });
    await check({ url: '/api/customers', session: null });
    await check({ url: '/api/users', session: await signIn(app, 'sophie.bernard@cb2c.example') });
    expect(notFound.status).toBe(404);
    expect(notFound.body).toMatchObject({ code: 'not_found', status: 404 });
    expect(changes).toEqual([]);
  });

  it('keeps every field of the import answers and of a rejected file', async () => {
    const upload = (url: string, fileName: string, text: string) => {
      const boundary = 'encourscontractboundary';
      return changesByContract({
        method: 'POST',
        url,
        session: manager,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload:
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
          `Content-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`,
      });
    };
    const invoices = 'N° facture;Code client;Date facture;Montant TTC\nZ9;C00001;05/04/2026;100,00\n';
    const bad = 'N° facture;Code client;Date facture;Montant TTC\nZ10;NOPE;31/02/2026;dix\n';
    const fecHeader =
      'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise';
    // C00001 exists with its whole history, so the FEC's balance differs: the proof lists the difference.
    const fec = [
      fecHeader,
      'VE|Ventes|1|20260105|411000|Clients|C00001|Client|F1|20260105|F1|120,00|0,00|||||',
      'VE|Ventes|1|20260105|706000|Ventes|||F1|20260105|F1|0,00|120,00|||||',
    ].join('\r\n');
    const outcomes = [
      await upload('/api/imports/invoices?dryRun=true', 'factures.csv', invoices),
      await upload('/api/imports/invoices', 'mauvais.csv', bad),
      await upload('/api/imports/fec?dryRun=true', 'FEC.txt', fec),
    ];
    expect(outcomes.map((outcome) => outcome.status)).toEqual([200, 422, 200]);
    // The bad date, the bad amount and the unknown customer, in one pass.
    expect(outcomes[1]?.body).toMatchObject({ code: 'import_rejected', errors: [{}, {}, {}] });
    expect(outcomes.flatMap((outcome) => outcome.changes)).toEqual([]);
  });
});
