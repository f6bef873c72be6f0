import { describe, expect, it } from 'vitest';
import { lettersJob, modelsOfJob } from './letter-job.ts';
import type { LetterItem, LetterModel } from './letter-model.ts';

const claimed: LetterItem = {
  documentRef: 'F2024-0001',
  issueDate: '2024-01-02',
  dueDate: '2024-02-01',
  amountMinor: 120_000,
  openMinor: 80_000,
  daysLate: 150,
  interestMinor: 3_912,
  indemnityMinor: 4_000,
  periods: [
    { from: '2024-02-02', to: '2024-03-14', days: 42, openMinor: 120_000, rateBps: 1_450 },
    { from: '2024-03-15', to: '2024-06-30', days: 108, openMinor: 80_000, rateBps: 1_450 },
  ],
};
const notClaimed: LetterItem = {
  documentRef: 'F2024-0002',
  issueDate: '2024-05-02',
  dueDate: '2024-07-10',
  amountMinor: 5_000,
  openMinor: 5_000,
  daysLate: -10,
  interestMinor: null,
  indemnityMinor: 0,
  periods: [],
};

const model: LetterModel = {
  lang: 'fr',
  sender: {
    name: 'Vendeur SA',
    addressLines: ['1 rue de la Paix', '75002 PARIS'],
    siren: '123456789',
    vatNumber: null,
    phone: null,
    email: 'compta@vendeur.fr',
    iban: 'FR76 3000 6000 0112 3456 7890 189',
    bic: null,
    signatoryName: null,
    signatoryTitle: null,
    city: 'Paris',
  },
  recipient: { name: 'Client SARL', addressLines: ['2 avenue Foch', '69006 LYON'], customerCode: 'C001' },
  date: '2024-06-30',
  reference: 'REL-20240630-C001',
  registered: true,
  currency: 'EUR',
  items: [claimed, notClaimed],
  totals: {
    openMinor: 85_000,
    interestMinor: 3_912,
    indemnityMinor: 4_000,
    creditsMinor: 0,
    totalDueMinor: 92_912,
  },
  text: {
    subject: 'Mise en demeure',
    salutation: 'Madame, Monsieur,',
    intro: ['Les factures suivantes restent impayées.'],
    demand: ['Veuillez régler 929,12 €.'],
    closing: ['Salutations.'],
    legal: ['Pénalités : taux BCE + 10 points.'],
  },
};

describe('a stored letter job', () => {
  it('reads back, through JSON, the model it was made from', () => {
    const stored = JSON.parse(JSON.stringify(lettersJob([model, { ...model, items: [notClaimed] }])));
    expect(modelsOfJob(stored)).toEqual([model, { ...model, items: [notClaimed] }]);
  });

  it('stores the lines as values, not objects repeating their key names', () => {
    const stored = lettersJob([model]).models[0] as Record<string, unknown>;
    expect(stored['items']).toBeUndefined();
    expect(stored['lines']).toEqual([
      [
        'F2024-0001',
        '2024-01-02',
        '2024-02-01',
        120_000,
        80_000,
        150,
        3_912,
        4_000,
        [
          ['2024-02-02', '2024-03-14', 42, 120_000, 1_450],
          ['2024-03-15', '2024-06-30', 108, 80_000, 1_450],
        ],
      ],
      ['F2024-0002', '2024-05-02', '2024-07-10', 5_000, 5_000, -10, null, 0, []],
    ]);
  });

  it('keeps only what the letter prints of a period (the computation’s own fields are left out)', () => {
    const computed = {
      ...claimed.periods[0],
      semester: '2024H1',
      rateBasis: 'legal',
    } as LetterItem['periods'][0];
    const stored = JSON.parse(
      JSON.stringify(lettersJob([{ ...model, items: [{ ...claimed, periods: [computed] }] }])),
    );
    expect(modelsOfJob(stored)[0]?.items[0]?.periods).toEqual([claimed.periods[0]]);
  });

  it('reads a job stored before, its lines as objects, as it was', () => {
    const before = JSON.parse(JSON.stringify({ kind: 'letters', models: [model] }));
    expect(modelsOfJob(before)).toEqual([model]);
  });

  it('refuses what is not a letters job', () => {
    expect(() => modelsOfJob({ kind: 'document', models: [] })).toThrow(/stored PDF job/);
    expect(() => modelsOfJob(null)).toThrow(/stored PDF job/);
  });
});
