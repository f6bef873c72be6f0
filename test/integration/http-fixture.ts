/** A small company with one user per role, served by the API, and helpers to sign in. */

import { vi } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import { runCli } from '#cli/run';
import type { Role } from '#core/types';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { customer as testCustomer } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

export const PASSWORD = 'encours-demo';

export const USERS: { email: string; role: Role; salesperson: string | null }[] = [
  { email: 'admin@web.test', role: 'admin', salesperson: null },
  { email: 'claire@web.test', role: 'credit_manager', salesperson: null },
  { email: 'julien@web.test', role: 'collector', salesperson: null },
  { email: 'alice@web.test', role: 'salesperson', salesperson: 'Alice' },
  { email: 'bob@web.test', role: 'salesperson', salesperson: 'Bob' },
  { email: 'philippe@web.test', role: 'director', salesperson: null },
  { email: 'ines@web.test', role: 'auditor', salesperson: null },
];

export const emailOf = (role: Role) => USERS.find((user) => user.role === role)!.email;

const customer = (code: string, name: string, salesperson: string) =>
  testCustomer(code, { name, salesperson, creditLimitMinor: 100_000 });

/** K01–K10 belong to Alice, K11–K12 to Bob; K03 has one overdue invoice F1 of 2,500.00 €. */
export async function openHttpFixture(): Promise<{ database: TestDatabase; app: ApiServer }> {
  const database = await openTestDatabase();
  await loadDataset(
    { ...database.context('WEB'), actor: 'test' },
    {
      company: { code: 'WEB', name: 'Web SA', currency: 'EUR', asOf: '2026-04-30' },
      customers: Array.from({ length: 12 }, (_, index) =>
        customer(
          `K${String(index + 1).padStart(2, '0')}`,
          `Client ${index + 1}`,
          index < 10 ? 'Alice' : 'Bob',
        ),
      ),
      documents: [
        {
          kind: 'invoice',
          source: 't',
          externalRef: 'F1',
          customerCode: 'K03',
          issueDate: '2026-03-01',
          dueDate: '2026-03-31',
          valueDate: null,
          amountMinor: 250_000,
          currency: 'EUR',
          label: null,
        },
      ],
      allocations: [],
      orders: [],
      events: [],
      users: USERS.map((user) => ({ ...user, name: user.email.split('@')[0] ?? user.email })),
    },
  );
  const app = await buildServer(database.runtime, { webRoot: null });
  return { database, app };
}

export interface Session {
  headers: { cookie: string; 'x-csrf-token': string };
}

export async function signIn(app: ApiServer, email: string, password = PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { headers: { cookie, 'x-csrf-token': response.json().csrfToken } };
}

/**
 * The headers of a program calling the API: a token an admin creates for `email` (a program, not
 * the web page's session, which the import routes tell apart).
 */
export async function programHeaders(
  app: ApiServer,
  admin: Session,
  input: { name: string; email: string },
): Promise<{ authorization: string }> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: admin.headers,
    payload: input,
  });
  if (created.statusCode !== 201) throw new Error(`token ${input.name} not created: ${created.body}`);
  return { authorization: `Bearer ${created.json().token}` };
}

/**
 * `encours --company WEB …` run in this process on the fixture's database: what it wrote on
 * stdout and its exit code (stderr swallowed).
 */
export async function encoursOn(
  database: TestDatabase,
  ...args: string[]
): Promise<{ status: number; stdout: string }> {
  let stdout = '';
  const spies = (['stdout', 'stderr'] as const).map((stream) =>
    vi.spyOn(process[stream], 'write').mockImplementation(((chunk: string | Uint8Array) => {
      if (stream === 'stdout') stdout += String(chunk);
      return true;
    }) as typeof process.stdout.write),
  );
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    const status = (await runCli(['--company', 'WEB', ...args], { runtime: database.runtime })) ?? 0;
    return { status: Number(process.exitCode ?? status), stdout };
  } finally {
    process.exitCode = before;
    for (const spy of spies) spy.mockRestore();
  }
}
