import { describe, expect, it } from 'vitest';
import { legalFormFromName } from './legal-form.ts';

describe('legal form read from a company name', () => {
  it.each([
    ['SARL Dupont Frères', 'SARL', '5499'],
    ['Dupont Frères SARL', 'SARL', '5499'],
    ['S.A.R.L. Dupont', 'SARL', '5499'],
    ['Dupont (S.A.S.)', 'SAS', '5710'],
    ['Garage Martin SAS', 'SAS', '5710'],
    ['Conseil Martin SASU', 'SASU', '5720'],
    ['SA CB2C', 'SA', '5599'],
    ['Transports Leroy EURL', 'EURL', '5498'],
    ['SNC Leroy et Fils', 'SNC', '5202'],
    ['SCI Les Tilleuls', 'SCI', '6540'],
    ['SCOP Menuiserie du Rhône', 'SCOP', '5458'],
    ['SELARL Pharmacie du Centre', 'SELARL', '5485'],
    ['Jean Martin EI', 'EI', '1000'],
    ['GIE Achats Régionaux', 'GIE', '6220'],
    ['Association Les Amis du Rail', 'Association', '9220'],
    ['ASSOCIATION sportive', 'Association', '9220'],
    ['Société Générale SA', 'SA', '5599'],
  ])('%s → %s', (name, form, categoryCode) => {
    expect(legalFormFromName(name)).toEqual({ form, categoryCode });
  });

  it.each([
    ['Boulangerie Martin'],
    // A form in the middle of the name is a word of the name.
    ['Transports SA Nord'],
    // A word that starts like a form is not one.
    ['Sarlat Bois'],
    ['Saspeed Logistique'],
    // One word is a brand, not a form followed by a name.
    ['SAS'],
    [''],
  ])('%s → nothing', (name) => {
    expect(legalFormFromName(name)).toBeNull();
  });
});
