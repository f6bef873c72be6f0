/**
 * Conformance of the BODACC mapper with ../shared/testdata/fr-apis/bodacc (when present): the
 * records API answer of the annuaire-entreprises site's end-to-end fixture (JSON inside strings:
 * `listepersonnes`, `depot`), checked against that site's own mapped snapshot of the same company.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapBodaccResponse } from '#core/legal/bodacc';

const DIR = resolve(import.meta.dirname, '../../../shared/testdata/fr-apis/bodacc');
const present = existsSync(DIR);
const readJson = (name: string): unknown => JSON.parse(readFileSync(join(DIR, name), 'utf8'));

interface OracleAnnouncement {
  titre: string;
  tribunal: string;
  numeroAnnonce: number;
  datePublication: string;
}
interface Oracle {
  result: { annonces: OracleAnnouncement[]; comptes: OracleAnnouncement[]; procedures: unknown[] };
}

describe.skipIf(!present)('BODACC records API (annuaire-entreprises fixture and snapshot)', () => {
  const announcements = present ? mapBodaccResponse(readJson('annuaire_e2e_bodacc.json')) : [];
  const oracle = present ? (readJson('annuaire_clientBodacc_snapshot_ganymede-bodacc.json') as Oracle) : null;

  it('maps every record, with the SIREN of `registre` once', () => {
    expect(announcements.map((a) => a.id)).toEqual(['B20220227446', 'C202200902528', 'C202101554392']);
    for (const announcement of announcements) expect(announcement.sirens).toEqual(['880878145']);
  });

  it('agrees with the snapshot on dates, families and courts', () => {
    const expected = oracle!.result.annonces;
    expect(announcements.map((a) => a.publicationDate)).toEqual(expected.map((a) => a.datePublication));
    expect(announcements.map((a) => a.family)).toEqual(
      expected.map((a) => (a.titre.startsWith('Radiations') ? 'deregistration' : 'accounts_filing')),
    );
    // The e2e fixture's first court reads "GAAAreffe…" (altered by that site so its tests can tell
    // the mock from the live API, where the snapshot comes from): the other two are compared exactly.
    expect(announcements[0]?.court).toBe('GAAAreffe du Tribunal de Commerce de Paris');
    expect(announcements.slice(1).map((a) => a.court)).toEqual(expected.slice(1).map((a) => a.tribunal));
  });

  it('reads the filed accounts from `depot` (JSON inside a string), as the snapshot titles them', () => {
    const filings = announcements.filter((a) => a.family === 'accounts_filing');
    expect(filings.map((a) => `Dépôts des comptes ${a.accountsClosingDate?.slice(0, 4)}`)).toEqual(
      oracle!.result.comptes.map((c) => c.titre),
    );
  });

  it('finds no collective procedure, as the snapshot', () => {
    expect(announcements.filter((a) => a.judgment !== null)).toHaveLength(oracle!.result.procedures.length);
  });
});
