import { describe, expect, it } from 'vitest';
import {
  claimCourt,
  courtName,
  frenchDateOf,
  procedureFactsOf,
  procedureFactsOfLine,
} from './procedure-story.ts';

const DEMO_LINE =
  "Jugement d'ouverture de redressement judiciaire du 12/05/2026, Tribunal de commerce de Saint-Étienne (publication BODACC du 14/05/2026). Mandataire judiciaire : Me François. Déclaration des créances dans les deux mois de la publication.";

describe('what a story line says of a collective procedure', () => {
  it('reads the judgment, its publication, the court and the mandataire apart', () => {
    expect(procedureFactsOfLine(DEMO_LINE)).toEqual({
      judgmentDate: '2026-05-12',
      publicationDate: '2026-05-14',
      court: 'Tribunal de commerce de Saint-Étienne',
      mandataire: 'Me François',
      mandataireAddress: null,
    });
  });

  it('reads dates in words, a liquidator with an address, and a court named in capitals', () => {
    expect(
      procedureFactsOfLine(
        'Liquidation judiciaire prononcée par jugement rendu le 1er mars 2026 par le TRIBUNAL DE COMMERCE DE LONS-LE-SAUNIER, publié au BODACC le 5 mars 2026 ; liquidateur judiciaire : SELARL MJ Jura, 3 rue des Salines, 39000 Lons-le-Saunier.',
      ),
    ).toEqual({
      judgmentDate: '2026-03-01',
      publicationDate: '2026-03-05',
      court: 'Tribunal de commerce de Lons-le-Saunier',
      mandataire: 'SELARL MJ Jura',
      mandataireAddress: '3 rue des Salines\n39000 Lons-le-Saunier',
    });
  });

  it('never takes the publication’s date for the judgment’s', () => {
    const facts = procedureFactsOfLine('Jugement d’ouverture publié au BODACC le 14/05/2026.');
    expect([facts.judgmentDate, facts.publicationDate]).toEqual([null, '2026-05-14']);
  });

  it('keeps « M. » inside a name and says nothing of what a line does not tell', () => {
    expect(procedureFactsOfLine('Mandataire : M. Dupont. Relances suspendues.').mandataire).toBe('M. Dupont');
    expect(procedureFactsOfLine('Client en difficulté, relances suspendues.')).toEqual({
      judgmentDate: null,
      publicationDate: null,
      court: null,
      mandataire: null,
      mandataireAddress: null,
    });
  });

  it('takes each fact from the newest line that gives it, never a judgment after its line', () => {
    const facts = procedureFactsOf([
      { date: '2026-05-20', text: 'Mandataire judiciaire : Me Roux, 5 place Bellecour, 69002 Lyon.' },
      { date: '2026-05-14', text: DEMO_LINE },
      { date: '2026-05-10', text: 'Jugement d’ouverture du 12/06/2026 (sic).' },
    ]);
    expect(facts).toEqual({
      judgmentDate: '2026-05-12',
      publicationDate: '2026-05-14',
      court: 'Tribunal de commerce de Saint-Étienne',
      mandataire: 'Me Roux',
      mandataireAddress: '5 place Bellecour\n69002 Lyon',
    });
  });
});

describe('dates and courts as written in French', () => {
  it('reads numeric, ISO and worded dates, and refuses impossible ones', () => {
    expect(
      ['12/05/2026', '2026-05-12', '12 mai 2026', '1er février 2026', '31/02/2026'].map(frenchDateOf),
    ).toEqual(['2026-05-12', '2026-05-12', '2026-05-12', '2026-02-01', null]);
  });

  it('names the court, not the registry that publishes for it', () => {
    expect(courtName('GREFFE DU TRIBUNAL DE COMMERCE DE PARIS')).toBe('Tribunal de commerce de Paris');
    expect(courtName('Greffe du Tribunal de Commerce de paris')).toBe('Tribunal de commerce de Paris');
    expect(courtName('TRIBUNAL JUDICIAIRE D’ANNECY')).toBe('Tribunal judiciaire d’Annecy');
    expect(courtName('Tribunal de commerce de Saint-Étienne')).toBe('Tribunal de commerce de Saint-Étienne');
  });

  it('names a claim’s court: the announcement’s as a sentence carries it, else the story’s', () => {
    const story = { court: 'Tribunal de commerce de Saint-Étienne' };
    expect(claimCourt('GREFFE DU TRIBUNAL DE COMMERCE DE LYON', story)).toBe('Tribunal de commerce de Lyon');
    expect(claimCourt(null, story)).toBe('Tribunal de commerce de Saint-Étienne');
    expect(claimCourt('  ', story)).toBe('Tribunal de commerce de Saint-Étienne');
    expect(claimCourt(null, undefined)).toBeNull();
    expect(claimCourt(undefined, { court: null })).toBeNull();
  });
});
