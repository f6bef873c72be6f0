import { describe, expect, it } from 'vitest';
import { mapBodaccRecord, mapBodaccResponse, sirensOf } from './bodacc.ts';

/** A hand-made record shaped like the records API's, with the judgment as JSON inside a string. */
function collectiveRecord(id: string, nature: string, famille = "Jugement d'ouverture") {
  return {
    recordid: `r-${id}`,
    fields: {
      id,
      registre: '123456789,123 456 789',
      dateparution: '2026-03-12',
      tribunal: 'Tribunal de commerce de Lyon',
      familleavis: 'collective',
      familleavis_lib: 'Procédures collectives',
      jugement: JSON.stringify({ date: '2026-03-03', type: 'initial', famille, nature }),
    },
  };
}

describe('mapBodaccRecord', () => {
  it.each([
    ["Jugement d'ouverture d'une procédure de sauvegarde", 'safeguard'],
    ["Jugement d'ouverture de redressement judiciaire", 'receivership'],
    ["Jugement d'ouverture de liquidation judiciaire", 'liquidation'],
  ] as const)('maps the opening judgment %s', (nature, procedure) => {
    const announcement = mapBodaccRecord(collectiveRecord('A1', nature));
    expect(announcement).toEqual({
      id: 'A1',
      sirens: ['123456789'],
      publicationDate: '2026-03-12',
      court: 'Tribunal de commerce de Lyon',
      family: 'collective_procedure',
      judgment: { kind: 'opening', procedure, date: '2026-03-03', nature },
      accountsClosingDate: null,
    });
  });

  it('tells plan, conversion and closing judgments apart', () => {
    const kindOf = (nature: string, famille: string) =>
      mapBodaccRecord(collectiveRecord('A', nature, famille))?.judgment;
    expect(kindOf('Jugement arrêtant le plan de redressement', 'Jugement arrêtant le plan')).toMatchObject({
      kind: 'plan',
      procedure: 'receivership',
    });
    expect(
      kindOf('Jugement de conversion en liquidation judiciaire', 'Jugement de conversion'),
    ).toMatchObject({
      kind: 'conversion',
      procedure: 'liquidation',
    });
    expect(kindOf("Jugement de clôture pour insuffisance d'actif", 'Jugement de clôture')).toMatchObject({
      kind: 'closing',
      procedure: null,
    });
  });

  it('maps a deregistration and ignores an undecodable embedded field', () => {
    const announcement = mapBodaccRecord({
      fields: {
        id: 'B1',
        registre: '987654321',
        dateparution: '2026-01-05',
        familleavis: 'radiation',
        depot: '{not json',
      },
    });
    expect(announcement).toMatchObject({
      family: 'deregistration',
      judgment: null,
      court: null,
      accountsClosingDate: null,
    });
  });

  it('drops a record without id or publication date', () => {
    expect(mapBodaccRecord({ fields: { registre: '123456789' } })).toBeNull();
    expect(
      mapBodaccResponse({ records: [{ fields: { id: 'X' } }, collectiveRecord('Y', 'x')] }),
    ).toHaveLength(1);
    expect(mapBodaccResponse({ nhits: 0 })).toEqual([]);
  });
});

describe('sirensOf', () => {
  it('keeps each nine-digit SIREN once', () => {
    expect(sirensOf('880878145,880 878 145')).toEqual(['880878145']);
    expect(sirensOf('12345,abc')).toEqual([]);
  });
});
