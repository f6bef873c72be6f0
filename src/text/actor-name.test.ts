import { describe, expect, it } from 'vitest';
import { actorEmail, actorName, importOriginName, namesByEmail } from './actor-name.ts';

const nameOf = namesByEmail([
  { email: 'claire.moreau@cb2c.example', name: 'Claire Moreau' },
  { email: 'julien.petit@cb2c.example', name: 'Julien Petit' },
]);

describe('actor names', () => {
  it('names a colleague from their e-mail, in any case', () => {
    expect(actorName('fr', 'claire.moreau@cb2c.example', nameOf)).toBe('Claire Moreau');
    expect(actorName('fr', 'Julien.Petit@CB2C.example', nameOf)).toBe('Julien Petit');
  });

  it('words the machine actors as the audit trail does', () => {
    expect(actorName('fr', 'demo', nameOf)).toBe('Données de démonstration');
    expect(actorName('fr', 'cli', nameOf)).toBe('Encours (ligne de commande)');
    expect(actorName('fr', 'system', nameOf)).toBe('Encours (automatique)');
    expect(actorName('en', 'system', nameOf)).toBe('Encours (automatic)');
    expect(actorName('fr', 'schedule 3', nameOf)).toBe('Planification n° 3');
    // The ERP's order webhook and the unsigned API act without a user: named, never their code.
    expect(actorName('fr', 'erp-webhook', nameOf)).toBe('ERP (envoi des commandes)');
    expect(actorName('en', 'erp-webhook', nameOf)).toBe('ERP (order feed)');
    expect(actorName('fr', 'api', nameOf)).toBe('Encours (API)');
  });

  it('names who started a background job', () => {
    expect(actorName('fr', 'system (job 12)', nameOf)).toBe('Encours (automatique)');
    expect(actorName('fr', 'claire.moreau@cb2c.example (job 3)', nameOf)).toBe('Claire Moreau');
    expect(actorEmail('claire.moreau@cb2c.example (job 3)')).toBe('claire.moreau@cb2c.example');
    expect(actorEmail('system (job 12)')).toBeNull();
  });

  it('keeps an e-mail of no known colleague', () => {
    expect(actorName('fr', 'ancien@cb2c.example', nameOf)).toBe('ancien@cb2c.example');
  });

  it('words what an import wrote as the import — its file and who ran it — or as the demo load', () => {
    const byName = (actor: string) => actorName('fr', actor, nameOf);
    const cli = { kind: 'import', fileName: 'clients.csv', actor: 'cli' } as const;
    expect(importOriginName('fr', cli, byName)).toBe(
      'Import (ligne de commande), fichier «\u00a0clients.csv\u00a0»',
    );
    expect(importOriginName('en', cli, (actor) => actorName('en', actor, nameOf))).toBe(
      'Import (command line), file “clients.csv”',
    );
    const upload = { kind: 'import', fileName: 'avoirs.xlsx', actor: 'claire.moreau@cb2c.example' } as const;
    expect(importOriginName('fr', upload, byName)).toBe(
      'Import par Claire Moreau, fichier «\u00a0avoirs.xlsx\u00a0»',
    );
    // The demo load under the one name the audit trail gives the demo data, not a second one.
    expect(importOriginName('fr', { kind: 'load' }, byName)).toBe('Données de démonstration');
    expect(importOriginName('en', { kind: 'load' }, byName)).toBe('Demo data');
    expect(importOriginName('fr', { kind: 'load' }, byName)).toBe(actorName('fr', 'demo', nameOf));
  });
});
