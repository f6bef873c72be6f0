/**
 * The `encours` command as a user runs it: exit codes, one JSON document, nothing written on a bad
 * file. A few commands run as a process of their own, as a user starts them; the others call the
 * same function in this process (src/cli/run.ts), as starting Node and loading the modules again
 * cost seconds for each command. Those share one open database (runCli's `runtime`) rather than
 * each opening the data directory again, a second of CPU each: opening it is what the processes
 * and the first run of a new directory test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openRuntime, type Runtime } from '#app/runtime';
import { runCli } from '#cli/run';
import { seedDataDir } from '../support/test-images.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'encours-cli-'));
const dataDir = join(dir, 'data');
const database = process.env['ENCOURS_TEST_DATABASE_URL'] ? [] : ['--data-dir', dataDir];

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The data directory the in-process commands share, open; undefined when none is. */
let shared: { dataDir: string; runtime: Promise<Runtime> } | undefined;

/** The open database of `dataDir`, for the in-process commands (the one open already if it is that). */
async function sharedRuntime(dataDir: string): Promise<Runtime> {
  if (shared?.dataDir !== dataDir) {
    await closeShared();
    // As `encours --data-dir` opens it (DATABASE_URL is empty in these tests).
    shared = { dataDir, runtime: openRuntime({ dataDir }) };
  }
  return shared.runtime;
}

/** A process of its own must find the data directory closed (an open one is locked). */
async function closeShared(): Promise<void> {
  const open = shared;
  shared = undefined;
  if (open) await (await open.runtime).close();
}

/** `encours --company CLI …` started as a process, as a user does. */
async function encoursProcess(...args: string[]): Promise<Outcome> {
  await closeShared();
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'src', 'cli', 'main.ts'), ...database, '--company', 'CLI', ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `encours --company CLI …` run in this process: what it writes, and the exit code main.ts would set. */
async function encours(...args: string[]): Promise<Outcome> {
  return inProcess([...database, '--company', 'CLI', ...args], await sharedRuntime(dataDir));
}

/** `runtime`: the open database the command works on; none: the command opens the one of its options. */
async function inProcess(args: string[], runtime?: Runtime): Promise<Outcome> {
  const written = { stdout: '', stderr: '' };
  const capture = (stream: 'stdout' | 'stderr') =>
    vi.spyOn(process[stream], 'write').mockImplementation(((chunk: string | Uint8Array) => {
      written[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    }) as typeof process.stdout.write);
  const spies = [capture('stdout'), capture('stderr')];
  const exitCodeBefore = process.exitCode;
  process.exitCode = undefined;
  try {
    const status = (await runCli(args, runtime ? { runtime } : {})) ?? Number(process.exitCode ?? 0);
    return { status, ...written };
  } finally {
    for (const spy of spies) spy.mockRestore();
    process.exitCode = exitCodeBefore;
  }
}

// As the processes above: the embedded database of --data-dir, not a server of the environment.
// That directory starts migrated (from the test image), as `encours` leaves a new one on its first
// run: each command here then pays only for itself. A new directory's own first run is the second test's.
beforeAll(async () => {
  vi.stubEnv('DATABASE_URL', '');
  if (!process.env['ENCOURS_TEST_DATABASE_URL']) await seedDataDir(dataDir);
});
afterAll(async () => {
  await closeShared();
  vi.unstubAllEnvs();
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe.skipIf(Boolean(process.env['ENCOURS_TEST_DATABASE_URL']))('encours CLI', () => {
  it('imports, lists in JSON, rejects a bad file with exit code 3 and changes nothing', async () => {
    const customers = write('c.csv', 'Code client,Raison sociale,Plafond\nA1,Alpha,1000\nB2,Beta,\n');
    expect((await encours('import', 'customers', customers)).status).toBe(0);
    const invoices = write(
      'i.csv',
      'Invoice number,Customer code,Invoice date,Due date,Amount\nX1,A1,2026-01-05,2026-02-04,120.50\n',
    );
    expect((await encours('import', 'invoices', invoices)).status).toBe(0);

    // As a process, where the process is what is looked at: exit code 0 with the whole document on
    // its stdout, then exit code 3 with the problems on stderr, and with its JSON document on stdout.
    const listed = await encoursProcess('--json', 'customers', 'list', '--as-of', '2026-03-01');
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      {
        code: 'A1',
        name: 'Alpha',
        customerType: 'other',
        salesperson: null,
        creditLimitMinor: 100_000,
        balanceMinor: 12_050,
        overdueMinor: 12_050,
        currency: 'EUR',
      },
      {
        code: 'B2',
        name: 'Beta',
        customerType: 'other',
        salesperson: null,
        creditLimitMinor: null,
        balanceMinor: 0,
        overdueMinor: 0,
        currency: 'EUR',
      },
    ]);

    const bad = write(
      'bad.csv',
      'Invoice number,Customer code,Invoice date,Amount\nX2,A1,2026-02-30,10\nX3,ZZ,2026-01-05,10\nX4,A1,2026-01-05,ten\n',
    );
    const rejected = await encoursProcess('import', 'invoices', bad);
    expect(rejected.status).toBe(3);
    expect(rejected.stderr).toContain('bad.csv:2 [Invoice date]');
    expect(rejected.stderr).toContain('bad.csv:4 [Amount]');
    // Problems are in French unless --lang en asks otherwise; the exit code is the same.
    expect(rejected.stderr).toContain('bad.csv:2 [Invoice date] "2026-02-30": le 2026-02-30 n’existe pas');
    const inEnglish = await encours('import', 'invoices', bad, '--lang', 'en');
    expect(inEnglish.status).toBe(3);
    expect(inEnglish.stderr).toContain(
      'bad.csv:2 [Invoice date] "2026-02-30": 2026-02-30 does not exist in the calendar',
    );
    // The unknown customer is in the same report as the cells that did not read.
    expect(inEnglish.stderr).toContain(
      'bad.csv:3 [Customer code] "ZZ": unknown customer: ZZ (import the customers first)',
    );
    expect(inEnglish.stderr).toContain('bad.csv: rejected, 3 problems on 3 lines; nothing was imported');

    // A FEC's problems come from the same catalogue, in French unless --lang en.
    const badFec = write(
      'bad-fec.txt',
      [
        'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise',
        'VE|Ventes|1|20260132|411000|Clients|Z1|Client Z|F1|20260105|F1|120,00|0,00|||||',
        'VE|Ventes|1|20260105|706000|Ventes|||F1|20260105|F1|0,00|120,00|||||',
      ].join('\n'),
    );
    const fecFrench = await encours('import', 'fec', badFec);
    expect(fecFrench.status).toBe(3);
    expect(fecFrench.stderr).toContain('bad-fec.txt:2 [EcritureDate] "20260132": date invalide (AAAAMMJJ)');
    const fecEnglish = await encours('import', 'fec', badFec, '--lang', 'en');
    expect(fecEnglish.stderr).toContain(
      'bad-fec.txt:2 [EcritureDate] "20260132": not a valid date (YYYYMMDD)',
    );
    expect((await encours('import', 'fec', badFec, '--lang', 'de')).status).toBe(2);

    const rejectedJson = await encoursProcess('--json', 'import', 'invoices', bad);
    expect(rejectedJson.status).toBe(3);
    expect(JSON.parse(rejectedJson.stdout).error.code).toBe('import_rejected');
    expect(
      JSON.parse((await encours('--json', 'customers', 'list', '--as-of', '2026-03-01')).stdout)[0]
        .balanceMinor,
    ).toBe(12_050);

    const show = await encours('--json', 'customer', 'show', 'A1', '--as-of', '2026-03-01');
    expect(JSON.parse(show.stdout).openItems).toHaveLength(1);
    // An error in French unless --lang en asks otherwise; the exit code is the same.
    const unknown = await encours('customer', 'show', 'NOPE');
    expect([unknown.status, unknown.stderr]).toEqual([4, 'encours: Client inconnu\u00a0: NOPE\n']);
    const unknownEnglish = await encours('customer', 'show', 'NOPE', '--lang', 'en');
    expect([unknownEnglish.status, unknownEnglish.stderr]).toEqual([4, 'encours: Unknown customer: NOPE\n']);
    expect(JSON.parse((await encours('--json', 'customer', 'show', 'NOPE')).stdout)).toEqual({
      error: { code: 'not_found', message: 'Client inconnu\u00a0: NOPE', details: null },
    });
    expect((await encours('customers', 'list', '--as-of', '2026-02-31')).status).toBe(2);
    expect((await encours('import', 'unicorns', bad)).status).toBe(2);
  }, 300_000);

  it('words commander’s refusals, reads --lang before the command, says a file was written', async () => {
    // Commander's own refusals in the catalogue's words, in the command's language (walk A item 11).
    const missing = await encours('promise', 'add', 'A1');
    expect([missing.status, missing.stderr]).toEqual([
      2,
      'encours: L’option --instalment <date=amount...> est obligatoire\n(--help après la commande affiche ses options)\n',
    ]);
    const unknownJson = await encours('--json', 'customers', 'list', '--bogus');
    expect(unknownJson.status).toBe(2);
    expect(JSON.parse(unknownJson.stdout)).toEqual({
      error: { code: 'invalid_input', message: 'Option --bogus inconnue', details: null },
    });
    expect((await encours('customers', 'list', '--bogus', '--lang', 'en')).stderr).toBe(
      'encours: Unknown option --bogus\n(--help after the command lists its options)\n',
    );
    // --lang is a global option: before the command as after it (walk B item 17).
    const before = await encours('--lang', 'en', 'customer', 'show', 'NOPE');
    expect([before.status, before.stderr]).toEqual([4, 'encours: Unknown customer: NOPE\n']);
    const listed = await encours('--lang', 'en', 'customers', 'list', '--as-of', '2026-03-01');
    expect(listed.stdout).toContain('Customers as of 01/03/2026');
    expect((await encours('--lang', 'de', 'customers', 'list')).stderr).toBe(
      'encours: --lang doit valoir fr ou en (et non «\u00a0de\u00a0»)\n',
    );
    // The line saying a report was written comes from the catalogue (it was « encours: wrote F »).
    const out = join(dir, 'aging.csv');
    const written = await encours(
      'report',
      'aging',
      '--as-of',
      '2026-03-01',
      '--format',
      'csv',
      '--out',
      out,
    );
    expect([written.status, written.stderr]).toEqual([0, `encours: Fichier écrit\u00a0: ${out}\n`]);
    const english = await encours('--lang', 'en', 'report', 'aging', '--format', 'csv', '--out', out);
    expect(english.stderr).toBe(`encours: Wrote ${out}\n`);
  }, 120_000);

  it('reads dates in the order of --date-order, or says how it read them', async () => {
    const ambiguous = write(
      'us.csv',
      'Invoice number,Customer code,Invoice date,Amount\nY1,A1,03/04/2026,10\n',
    );
    const guessed = await encours('import', 'invoices', ambiguous, '--dry-run', '--lang', 'en');
    expect(guessed.status).toBe(0);
    expect(guessed.stdout).toContain(
      'Note: column “Invoice date”: 1 date such as 03/04/2026 reads both ways; it was read day first (DD/MM/YYYY). If it is month first, import again with --date-order mdy',
    );
    const asked = await encours(
      '--json',
      'import',
      'invoices',
      ambiguous,
      '--date-order',
      'mdy',
      '--dry-run',
    );
    expect(JSON.parse(asked.stdout)).toMatchObject({ inserted: 1, notices: [] });
    expect((await encours('import', 'invoices', ambiguous, '--date-order', 'us')).status).toBe(2);
  });

  it('creates a company with its name before its first import, once', async () => {
    const created = await encours(
      'companies',
      'create',
      'NEWCO',
      '--name',
      'Nouvelle Société',
      '--siren',
      '732 829 320',
    );
    expect(created.status).toBe(0);
    expect(created.stdout).toBe('Société NEWCO créée : Nouvelle Société (EUR).\n');
    expect((await encours('companies', 'create', 'NEWCO', '--name', 'Autre')).status).toBe(5);
    expect((await encours('companies', 'create', 'BAD CODE', '--name', 'X')).status).toBe(2);
    expect(
      (await encours('companies', 'create', 'OTHER', '--name', 'X', '--siren', '732829321')).status,
    ).toBe(2);
    const listed = JSON.parse((await encours('--json', 'companies', 'list')).stdout) as {
      companyId: string;
    }[];
    expect(listed.find((company) => company.companyId === 'NEWCO')).toMatchObject({
      name: 'Nouvelle Société',
      currency: 'EUR',
      siren: '732829320',
    });
    expect(listed.some((company) => company.companyId === 'OTHER')).toBe(false);
  });

  it('creates the company of a FEC from the SIREN of its legal file name, and says so', async () => {
    const freshDir = join(dir, 'fresh');
    const fresh = ['--data-dir', freshDir];
    // The first command opens the new directory itself (its first run); the others share one runtime.
    const run = async (...args: string[]) => inProcess([...fresh, ...args], await sharedRuntime(freshDir));
    const fec = write(
      '552100554FEC20261231.txt',
      [
        'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise',
        'VE|Ventes|1|20260105|411000|Clients|Z1|Client Z|F1|20260105|F1|120,00|0,00|||||',
        'VE|Ventes|1|20260105|706000|Ventes|||F1|20260105|F1|0,00|120,00|||||',
      ].join('\n'),
    );
    const imported = await inProcess([...fresh, 'import', 'fec', fec]);
    expect(imported.status).toBe(0);
    expect(imported.stderr).toContain('Société 552100554 créée');
    const listed = await run(
      '--json',
      '--company',
      '552100554',
      'customers',
      'list',
      '--as-of',
      '2026-12-31',
    );
    expect(JSON.parse(listed.stdout).map((row: { code: string }) => row.code)).toEqual(['Z1']);
    // The same file again changes nothing and creates nothing.
    const again = await run('import', 'fec', fec);
    expect(again.status).toBe(0);
    expect(again.stderr).not.toContain('créée');
  }, 300_000);
});
