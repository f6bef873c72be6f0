/**
 * `encours claim list|prepare|declare` on the demo company, through the same use cases as the
 * collective-procedures page: Traiteur Durand (in receivership by its status, dated by its story)
 * is listed with its claim to declare and a deadline two months from the publication its story dates;
 * preparing it with the judgment and its publication, then declaring it, is said in one sentence
 * (or the result as one JSON document); what the use cases refuse exits with their code and words.
 * Acting for a named user (`--user EMAIL`), a command is judged on that user's role as the API
 * judges it: a collector may list but not prepare, a director may print but not declare, an
 * auditor may not print, a salesperson may not even list — exit 2 and the catalogue's words.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '#cli/output';
import { cliOutput } from '../support/cli-output.ts';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

const DURAND = 'C00105';
let database: TestDatabase;

const claim = (...args: string[]) => cliOutput(database.runtime, 'CB2C', ['claim', ...args]);
const json = async (...args: string[]) => {
  const { status, stdout } = await claim(...args, '--json');
  return { status, body: JSON.parse(stdout) };
};
const durandLine = (stdout: string) => stdout.split('\n').find((line) => line.startsWith(DURAND)) ?? '';

beforeAll(async () => {
  database = await openDemoTestDatabase();
}, 600_000);
afterAll(async () => database?.close());

describe('encours claim', () => {
  it('lists Traiteur Durand’s claim to declare with the deadline its story dates, as text and as JSON', async () => {
    const { status, body } = await json('list');
    expect(status).toBe(0);
    expect(body.asOf).toBe('2026-06-30');
    const durand = body.items.filter((item: { customerCode: string }) => item.customerCode === DURAND);
    expect(durand).toEqual([
      expect.objectContaining({
        claimId: null,
        customerName: 'Traiteur Durand',
        procedure: 'receivership',
        source: 'story',
        // The story's line dates the judgment (12/05) and its publication (14/05): the deadline runs
        // two months from the publication, as a recorded one would.
        judgmentDate: '2026-05-12',
        deadline: '2026-07-15',
        deadlineEstimated: false,
        status: 'to_declare',
      }),
    ]);
    const { principalMinor, interestMinor, indemnityMinor, totalMinor } = durand[0];
    expect(totalMinor).toBe(principalMinor + interestMinor + indemnityMinor);
    expect(principalMinor).toBeGreaterThan(0);

    const text = await claim('list');
    expect(text.status).toBe(0);
    expect(durandLine(text.stdout)).toBe(
      `${DURAND} Traiteur Durand — Redressement judiciaire, jugement du 12/05/2026, d’après l’historique — ` +
        'date limite 15/07/2026, 15 jours restants — à déclarer (déclaration non préparée) — ' +
        `${money(totalMinor, 'EUR')} (principal ${money(principalMinor, 'EUR')}, intérêts ${money(interestMinor, 'EUR')}, ` +
        `indemnités forfaitaires ${money(indemnityMinor, 'EUR')})`,
    );
    const english = durandLine((await claim('list', '--customer', DURAND, '--lang', 'en')).stdout);
    expect(english).toContain('Receivership');
    expect(english).toContain('15/07/2026, 15 days left — to declare (declaration not prepared)');

    // Before the story tells of the procedure, there is no claim to declare.
    const before = await json('list', '--customer', DURAND, '--as-of', '2026-05-01');
    expect(before.body).toEqual({ asOf: '2026-05-01', items: [] });
    expect((await claim('list', '--customer', DURAND, '--as-of', '01/05/2026')).stdout).toBe(
      'Aucune déclaration de créance au 01/05/2026.\n',
    );
  });

  it('prepares the claim once, then records it declared, in one sentence or one JSON document', async () => {
    const args = ['prepare', DURAND, '--judgment', '2026-05-12', '--publication', '2026-05-14'];
    const mandataire = ['--mandataire', 'Me François', '--address', '12 rue Michelet|42000 Saint-Étienne'];
    const prepared = await claim(...args, ...mandataire);
    expect(prepared.status).toBe(0);
    const [, claimId] = /^Déclaration n° (\d+) préparée/.exec(prepared.stdout) ?? [];
    expect(Number(claimId)).toBeGreaterThan(0);
    // 14 July is a public holiday: the two months from the publication run to the 15th.
    expect(prepared.stdout).toBe(
      `Déclaration n° ${claimId} préparée : à envoyer au plus tard le 15/07/2026.\n`,
    );

    const again = await json(...args);
    expect(again.status).toBe(0);
    expect(again.body).toMatchObject({
      claimId: Number(claimId),
      source: 'prepared',
      judgmentDate: '2026-05-12',
      publicationDate: '2026-05-14',
      deadline: '2026-07-15',
      deadlineEstimated: false,
      status: 'to_declare',
      secured: false,
      mandataire: 'Me François',
      mandataireAddress: '12 rue Michelet\n42000 Saint-Étienne',
    });

    const declared = await claim('declare', String(claimId), '--on', '21/05/2026');
    expect(declared).toEqual({ status: 0, stdout: `Créance n° ${claimId} enregistrée comme déclarée.\n` });
    const listed = await json('list', '--customer', DURAND);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        claimId: Number(claimId),
        status: 'declared',
        declaredOn: '2026-05-21',
        declaredBy: 'cli',
        mandataire: 'Me François',
      }),
    ]);
    expect(durandLine((await claim('list', '--customer', DURAND)).stdout)).toContain(
      `date limite 15/07/2026 — déclarée le 21/05/2026 (déclaration n° ${claimId})`,
    );

    // Declared once: declaring it again is a conflict, in the use case's words.
    const twice = await json('declare', String(claimId));
    expect(twice.status).toBe(5);
    expect(twice.body.error.code).toBe('conflict');
    expect(twice.body.error.message.replace(/[\u202f\u00a0]/g, ' ')).toBe(
      `La créance n° ${claimId} est déjà déclarée (le 21/05/2026)`,
    );
  });

  it('refuses a customer who is not in proceedings, and a claim number that is none', async () => {
    const refused = await json('prepare', 'C00001');
    expect(refused.status).toBe(2);
    expect(refused.body.error).toMatchObject({
      code: 'invalid_input',
      message:
        'Le client C00001 n’est pas en procédure collective au 30/06/2026\u00a0: aucune créance à déclarer',
    });
    expect((await json('declare', 'abc')).status).toBe(2);
    expect((await json('declare', '999999')).body.error.code).toBe('not_found');
  });

  it('judges the role of the user it acts for as the API does, refusing with exit 2 and the catalogue’s words', async () => {
    const as = (email: string) => ['--user', `${email}@cb2c.example`];
    const refusal = async (...args: string[]) => {
      const { status, body } = await json(...args);
      return { status, code: body.error?.code, message: String(body.error?.message).replace(/\u00a0/g, ' ') };
    };
    expect(await refusal('prepare', DURAND, ...as('julien.petit'))).toEqual({
      status: 2,
      code: 'forbidden',
      message:
        'Le rôle « Chargé de recouvrement » ne permet pas de préparer ni d’enregistrer une déclaration de créance (réservé aux rôles Administrateur, Responsable crédit)',
    });
    expect(await refusal('list', ...as('karim.haddad'), '--lang', 'en')).toMatchObject({
      status: 2,
      code: 'forbidden',
      message: expect.stringMatching(
        /^The role Salesperson may not read the claim declarations \(for the roles /,
      ),
    });
    expect(await refusal('list', '--user', 'nobody@cb2c.example')).toEqual({
      status: 2,
      code: 'forbidden',
      message:
        'Aucun utilisateur actif nobody@cb2c.example dans la société CB2C : --user nomme un utilisateur de la société',
    });

    // A director reads the list and prints a letter, but may not record a declaration.
    const listed = await json('list', '--customer', DURAND, ...as('philippe.lambert'));
    expect(listed.status).toBe(0);
    const claimId = String(listed.body.items[0].claimId);
    const out = join(await mkdtemp(join(tmpdir(), 'claim-letter-')), 'letter.pdf');
    expect((await json('letter', claimId, '--out', out, ...as('philippe.lambert'))).status).toBe(0);
    expect((await refusal('declare', claimId, ...as('philippe.lambert'))).code).toBe('forbidden');
    expect(await refusal('letter', claimId, '--out', out, ...as('ines.garnier'))).toMatchObject({
      status: 2,
      code: 'forbidden',
      message: expect.stringContaining('ne permet pas d’imprimer une lettre de déclaration de créance'),
    });
  });
});
