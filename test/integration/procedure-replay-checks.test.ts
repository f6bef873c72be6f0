/**
 * A replay's policy is checked before its job is queued (walk B item 18): a bad body names its
 * problems in words, an unknown version is not found (exit code 4), and neither leaves a job.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCompany } from '#app/companies/create-company';
import type { AppContext } from '#app/context';
import { DomainError, errorText } from '#app/errors';
import { listJobs } from '#app/jobs/jobs';
import { checkReplayInput } from '#app/procedure/replay';
import { runCli } from '#cli/run';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
beforeAll(async () => {
  database = await openTestDatabase();
  ctx = database.context('RPL', '2026-06-30');
  await createCompany(ctx, { companyId: 'RPL', name: 'Rejeu SAS' });
});
afterAll(() => database?.close());

const period = { from: '2026-01-01', to: '2026-06-30' };

async function refusal(input: Parameters<typeof checkReplayInput>[1]): Promise<DomainError> {
  const error = await checkReplayInput(ctx, input).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** `encours --company RPL …` in this process: its exit code and what it wrote on stderr. */
async function encours(...args: string[]): Promise<{ status: number | undefined; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string) => {
    stderr += chunk;
    return true;
  }) as typeof process.stderr.write);
  try {
    return { status: await runCli(['--company', 'RPL', ...args], { runtime: database.runtime }), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('the replay’s policy, checked before its job', () => {
  it('names each problem of a proposed body, in French and in English', async () => {
    const bad = await refusal({ proposal: { order_rules: { overdueMaxDays: 'quinze' } }, ...period });
    expect(bad.code).toBe('invalid_input');
    expect(errorText(bad, 'fr')).toBe(
      'La proposition pour les règles d’acceptation des commandes n’est pas valide\u00a0: retard maximal (jours)\u00a0: «\u00a0quinze\u00a0» n’est pas un nombre entier positif ou nul.',
    );
    expect(errorText(bad, 'en')).toBe(
      'The proposal for the order rules is invalid: maximum days overdue: "quinze" is not a whole number ≥ 0.',
    );
  });

  it('says an unknown version is not found', async () => {
    const unknown = await refusal({ version: 'no-such-version', ...period });
    expect(unknown.code).toBe('not_found');
  });

  it('gives the CLI its exit codes, reads day-first dates, and queues no job', async () => {
    const missing = await encours('procedure', 'replay', '--policy', 'no-such-version', '--to', '30/06/2026');
    expect(missing).toEqual({
      status: 4,
      stderr:
        'encours: Aucune version de configuration ni politique de relance enregistrée ne s’appelle «\u00a0no-such-version\u00a0».\n',
    });
    const file = join(tmpdir(), `replay-policy-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ order_rules: { overdueMaxDays: 'quinze' } }));
    const bad = await encours('procedure', 'replay', '--policy', file, '--lang', 'en');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('maximum days overdue: "quinze" is not a whole number ≥ 0');
    expect((await listJobs(ctx, { kind: 'procedure.replay' })).total).toBe(0);
  });
});
