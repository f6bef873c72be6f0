import { describe, expect, it } from 'vitest';
import { auditActorFilter, auditCodesOf, auditPersonChoices, foldWords } from './audit-words.ts';

describe('the audit filters read as the log shows them', () => {
  it('reads an entity by its label, in either language, whatever the case and accents', () => {
    expect(auditCodesOf('auditEntity', 'Client')).toEqual(['customer']);
    expect(auditCodesOf('auditEntity', 'client ')).toEqual(['customer']);
    expect(auditCodesOf('auditEntity', 'Customer')).toEqual(['customer']);
    expect(auditCodesOf('auditEntity', 'customer')).toEqual(['customer']);
    expect(auditCodesOf('auditEntity', 'litige')).toEqual(['dunning_dispute']);
  });

  it('reads an author by its label, and a schedule by its number', () => {
    expect(auditCodesOf('auditActor', 'Données de démonstration')).toEqual(['demo']);
    expect(auditCodesOf('auditActor', 'donnees de demonstration')).toEqual(['demo']);
    expect(auditCodesOf('auditActor', 'ligne de commande')).toEqual(['cli']);
    expect(auditCodesOf('auditActor', 'demo')).toEqual(['demo']);
    expect(auditCodesOf('auditActor', 'Planification n° 3')).toEqual(['schedule 3']);
    expect(auditCodesOf('auditActor', 'Schedule no. 12')).toEqual(['schedule 12']);
  });

  it('reads an operation by its label, or every one whose label holds the words', () => {
    expect(auditCodesOf('auditAction', 'Fiche client modifiée')).toEqual(['customer.update']);
    expect(auditCodesOf('auditAction', 'jeton')).toEqual(
      expect.arrayContaining(['api_token.create', 'api_token.revoke']),
    );
  });

  it('leaves what stands for nothing to be compared as it is', () => {
    expect(auditCodesOf('auditActor', 'claire.moreau@cb2c.example')).toBeNull();
    expect(auditCodesOf('auditEntity', 'zzz')).toBeNull();
    expect(auditCodesOf('auditEntity', '  ')).toBeNull();
    expect(foldWords('  Données  de\u00a0Démo ')).toBe('donnees de demo');
  });
});

describe('the author filter offers people by name', () => {
  const people = [
    { email: 'julien.petit@cb2c.example', name: 'Julien Petit' },
    { email: 'claire.moreau@cb2c.example', name: 'Claire Moreau' },
    { email: 'j.petit@cb2c.example', name: 'julien petit' },
  ];

  it('lists them by name in the reader’s order, telling apart two of one name', () => {
    expect(auditPersonChoices(people, 'fr').map((choice) => choice.label)).toEqual([
      'Claire Moreau',
      'julien petit (j.petit@cb2c.example)',
      'Julien Petit (julien.petit@cb2c.example)',
    ]);
  });

  it('sends the e-mail of the person picked, and what was typed otherwise', () => {
    const choices = auditPersonChoices(people, 'fr');
    expect(auditActorFilter('Claire Moreau', choices)).toBe('claire.moreau@cb2c.example');
    expect(auditActorFilter(' claire  moreau', choices)).toBe('claire.moreau@cb2c.example');
    expect(auditActorFilter('Julien Petit (julien.petit@cb2c.example)', choices)).toBe(
      'julien.petit@cb2c.example',
    );
    expect(auditActorFilter('Données de démonstration', choices)).toBe('Données de démonstration');
    expect(auditActorFilter('nobody@cb2c.example', choices)).toBe('nobody@cb2c.example');
  });
});
