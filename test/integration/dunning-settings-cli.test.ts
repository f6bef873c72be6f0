/**
 * What the letters print beside the company's identity, set from the command line — `encours
 * dunning settings --phone … --email … --iban … --bic … --signatory-name … --signatory-title …` —
 * through the API's use case, so with its checks (an IBAN or a BIC ibantools rejects is refused in
 * the catalogue's words, nothing saved) and its audit; the print batch and an import's problems
 * named in the reader's language on the command line and over HTTP.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import { runCli } from '#cli/run';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { emailOf, encoursOn, openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let manager: Session;
let folder = '';
const NBSP = '\u00a0';

const encours = (...args: string[]) => encoursOn(database, ...args);
const settingsOf = async () => JSON.parse((await encours('--json', 'dunning', 'settings')).stdout);

/** `encours …` on the test database with what it wrote on stderr (`encoursOn` keeps stdout only). */
async function withStderr(...args: string[]): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation((() => true) as typeof process.stdout.write),
    vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    }) as typeof process.stderr.write),
  ];
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    const status = (await runCli(['--company', 'WEB', ...args], { runtime: database.runtime })) ?? 0;
    return { status: Number(process.exitCode ?? status), stderr };
  } finally {
    process.exitCode = before;
    for (const spy of spies) spy.mockRestore();
  }
}

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  manager = await signIn(app, emailOf('credit_manager'));
  folder = mkdtempSync(join(tmpdir(), 'encours-letters-'));
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('encours dunning settings', () => {
  it('sets the letters’ details, an IBAN in groups of four and a BIC in capitals, and says what changed', async () => {
    const set = await encours(
      'dunning',
      'settings',
      '--phone',
      '04 72 00 00 00',
      '--email',
      'recouvrement@web.test',
      '--iban',
      'fr7630006000011234567890189',
      '--bic',
      'bnpa fr pp xxx',
      '--signatory-name',
      'Claire Moreau',
      '--signatory-title',
      'Directrice financière',
    );
    expect(set.status).toBe(0);
    expect(set.stdout.trimEnd().split('\n')).toEqual([
      `Téléphone${NBSP}: 04 72 00 00 00`,
      `E-mail${NBSP}: recouvrement@web.test`,
      `IBAN${NBSP}: FR76 3000 6000 0112 3456 7890 189`,
      `BIC${NBSP}: BNPAFRPPXXX`,
      `Signataire${NBSP}: Claire Moreau`,
      `Fonction du signataire${NBSP}: Directrice financière`,
    ]);
    expect(await settingsOf()).toMatchObject({
      phone: '04 72 00 00 00',
      email: 'recouvrement@web.test',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      bic: 'BNPAFRPPXXX',
      signatoryName: 'Claire Moreau',
      signatoryTitle: 'Directrice financière',
      reviewBeforeSending: false,
    });
    const audit = await app.inject({
      method: 'GET',
      url: '/api/audit?entity=dunning_settings',
      headers: manager.headers,
    });
    expect(JSON.stringify(audit.json())).toContain('FR76 3000 6000 0112 3456 7890 189');
  });

  it('refuses an IBAN or a BIC that is none, in the catalogue’s words, and saves nothing', async () => {
    const iban = await withStderr('dunning', 'settings', '--iban', 'FR77 3000 6000 0112 3456 7890 189');
    expect(iban.status).toBe(2);
    expect(iban.stderr).toContain(`IBAN «${NBSP}FR77 3000 6000 0112 3456 7890 189${NBSP}» invalide`);
    const bic = await withStderr('--lang', 'en', 'dunning', 'settings', '--bic', 'BNP', '--phone', '01');
    expect(bic.status).toBe(2);
    expect(bic.stderr).toContain('Invalid BIC "BNP": 8 or 11 letters and digits');
    expect(await settingsOf()).toMatchObject({ bic: 'BNPAFRPPXXX', phone: '04 72 00 00 00' });
    // The API refuses it alike, in the reader's language.
    const api = await app.inject({
      method: 'PATCH',
      url: '/api/dunning/settings',
      headers: { ...manager.headers, 'accept-language': 'en' },
      payload: { email: 'recouvrement at web' },
    });
    expect(api.statusCode).toBe(400);
    expect(api.json().detail ?? api.json().title).toContain('Invalid e-mail address "recouvrement at web"');
  });

  it('clears a title given empty: the letters then carry the catalogue’s, in their language', async () => {
    const cleared = await encours(
      '--lang',
      'en',
      'dunning',
      'settings',
      '--signatory-title',
      '',
      '--lang',
      'en',
    );
    expect(cleared.stdout).toBe(
      'Signatory’s title: — ("Credit Manager" in English, the catalogue’s title in each letter’s language)\n',
    );
    expect((await settingsOf()).signatoryTitle).toBeNull();
    const listed = await encours('dunning', 'settings');
    expect(listed.stdout).toContain(`Signataire${NBSP}: Claire Moreau\n`);
    expect(listed.stdout).toContain(`Validation avant envoi${NBSP}: désactivée.\n`);
  });
});

describe('a run’s print batch in the reader’s language', () => {
  it('is named reminder-batch-… in English and lot-relances-… in French, from the command line and the API', async () => {
    // K03's F1 (due 31 March) was called about on 5 May: on 20 May its formal notice is a letter.
    await recordManualReminder(database.context('WEB', '2026-05-05'), {
      customerCode: 'K03',
      channel: 'call_task',
      stepCode: 'call',
      doneOn: '2026-05-05',
    });
    const run = await encours('--json', 'dunning', 'run', '--as-of', '2026-05-20');
    const runId = String(JSON.parse(run.stdout).runId);
    const english = join(folder, 'en');
    expect((await encours('dunning', 'send', runId, '--out', english, '--lang', 'en')).status).toBe(0);
    expect(readdirSync(english)).toContain('reminder-batch-2026-05-20.pdf');
    const french = join(folder, 'fr');
    await encours('dunning', 'send', runId, '--out', french);
    expect(readdirSync(french)).toContain('lot-relances-2026-05-20.pdf');
    const delivery = await app.inject({
      method: 'GET',
      url: `/api/dunning/runs/${runId}/delivery`,
      headers: manager.headers,
    });
    const path = delivery.json().batchFiles[0].path;
    const pdf = await app.inject({ method: 'GET', url: `${path}?lang=en`, headers: manager.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toContain('reminder-batch-2026-05-20.pdf');
  });
});

describe('an import refused in English', () => {
  it('tags a missing column by its English header, as the sentence after it names it', async () => {
    const file = join(folder, 'invoices.csv');
    writeFileSync(file, 'customer_code;issue_date;due_date;amount\nK03;2026-04-01;2026-05-01;12,5\n');
    const refused = await withStderr('import', 'invoices', file, '--lang', 'en');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(
      /^invoices\.csv:1 \[Invoice number\]: missing required column “Invoice number”/m,
    );
    const french = await withStderr('import', 'invoices', file);
    expect(french.stderr).toMatch(/^invoices\.csv:1 \[N° facture\]/m);
  });
});
