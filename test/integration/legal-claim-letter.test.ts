/**
 * The claim-declaration letter of the demo's Traiteur Durand (receivership, judgment of 12 May
 * 2026) says what it carries (issue 15): the statement of the debtor's account on the judgment's
 * day is annexed — the invoices declared, with the balance they make, the declared principal — and
 * the letter says so, the copies of the invoices going on request, where it used to call them
 * « joints ». The indemnity cites L441-10 and D441-5. The mandataire its story names comes without
 * a postal address: the letter of a registered mail cannot be posted so, and the CLI says it (text
 * and JSON), as the list does under the prepared claim; given the address, nothing is said.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { prepareClaim } from '#app/legal/claim-declaration';
import { buildClaimLetter, renderClaimLetter } from '#app/legal/claim-letter';
import type { Block } from '#render/document';
import { cliOutput } from '../support/cli-output.ts';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

const DURAND = 'C00105';
const NBSP = '\u00a0';
let database: TestDatabase;
let ctx: AppContext;
let claimId = 0;

const claim = (...args: string[]) => cliOutput(database.runtime, 'CB2C', ['claim', ...args]);

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', '2026-06-30');
  // Prepared from its story: the judgment, the publication and the mandataire's name, no address.
  const prepared = await prepareClaim(ctx, { customerCode: DURAND, secured: false });
  claimId = prepared.claimId ?? 0;
}, 600_000);
afterAll(async () => database?.close());

describe('the claim declaration letter', () => {
  it('annexes the statement of the account on the judgment’s day, and says only that', async () => {
    const letter = await buildClaimLetter(ctx, { claimId });
    const [heading, intro, table] = letter.annexes ?? [];
    expect(heading).toEqual({
      type: 'heading',
      text: `Annexe — Relevé du compte de Traiteur Durand au 12${NBSP}mai${NBSP}2026, jour du jugement d’ouverture`,
    });
    expect(intro?.type).toBe('paragraph');
    const rows = (table as Extract<Block, { type: 'table' }>).table;
    // The invoices declared, each with what was still owed on the judgment's day; their balance is the principal.
    expect(rows.rows.map((row) => [row[0], row[5]])).toEqual(
      letter.items.map((item) => [item.documentRef, item.openMinor]),
    );
    expect(rows.totals?.[5]).toBe(letter.totals.openMinor);
    expect(letter.text.demand).toContain(
      `Cette créance n’a fait l’objet d’aucune décision de justice et n’est, à notre connaissance, pas contestée. Le relevé du compte du débiteur au jour du jugement d’ouverture est joint en annexe${NBSP}; les copies des factures sont tenues à votre disposition et vous seront adressées sur simple demande.`,
    );
    expect(letter.text.demand.join(' ')).not.toContain('sont joints à la présente');
    expect(letter.text.demand[0]).toContain(
      'd’indemnités forfaitaires pour frais de recouvrement (articles L441-10 et D441-5 du Code de commerce).',
    );
    expect(letter.text.legal).toEqual([
      'Déclaration faite par le créancier ou son préposé (article L622-24 du Code de commerce) — relevé de compte en annexe, factures sur demande (article R622-23).',
    ]);
    const english = await buildClaimLetter(ctx, { claimId, lang: 'en' });
    expect(english.text.demand[0]).toContain('fixed recovery indemnities (articles L441-10 and D441-5).');
  });

  it('says when the mandataire’s postal address is unknown, in the CLI’s text and JSON too', async () => {
    const letter = await renderClaimLetter(ctx, { claimId });
    expect([letter.model.recipient.name, letter.missing]).toEqual(['Me François', 'address']);
    const addressed = await renderClaimLetter(ctx, {
      claimId,
      mandataire: { name: 'Me François', addressLines: ['12 rue Michelet', '42000 Saint-Étienne'] },
    });
    expect(addressed.missing).toBeNull();

    const out = join(await mkdtemp(join(tmpdir(), 'claim-letter-')), 'dc.pdf');
    const warning = `Attention${NBSP}: Adresse du mandataire inconnue${NBSP}: indiquez-la pour que la lettre recommandée puisse être postée.`;
    const text = await claim('letter', String(claimId), '--out', out);
    // The terminal's text has plain spaces; the JSON keeps the catalogue's.
    const plain = warning.replaceAll(NBSP, ' ');
    expect(text).toEqual({ status: 0, stdout: `${out}\n${plain}\n` });
    const json = await claim('letter', String(claimId), '--out', out, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ mandataireMissing: 'address', warnings: [warning] });
    const listed = await claim('list', '--customer', DURAND);
    expect(listed.stdout).toContain(`  ${plain}\n`);
    const given = await claim(
      'letter',
      String(claimId),
      '--out',
      out,
      '--mandataire',
      'Me François',
      '--address',
      '12 rue Michelet|42000 Saint-Étienne',
    );
    expect(given.stdout).toBe(`${out}\n`);
  });
});
