import { describe, expect, it } from 'vitest';
import { connectionReason } from './connection-words.ts';

describe('a failed connection in words', () => {
  it('words Node’s network errors and PostgreSQL’s refusals in both languages', () => {
    expect(connectionReason('fr', 'connect ECONNREFUSED 127.0.0.1:1')).toBe(
      'connexion refusée par 127.0.0.1:1 (le serveur est-il démarré\u00a0? l’adresse et le port sont-ils les bons\u00a0?)',
    );
    expect(connectionReason('en', 'getaddrinfo ENOTFOUND db.example')).toBe(
      'host "db.example" not found (check the address)',
    );
    expect(connectionReason('fr', 'Connection timeout')).toBe('pas de réponse dans le délai');
    expect(connectionReason('en', 'read ECONNRESET')).toBe('connection reset');
    expect(connectionReason('fr', 'password authentication failed for user "encours"')).toBe(
      'identifiant ou mot de passe refusé par le serveur',
    );
    expect(connectionReason('en', 'database "encours" does not exist')).toBe(
      'database "encours" does not exist on this server',
    );
  });

  it('leaves any other message to the caller', () => {
    expect(connectionReason('fr', '550 mailbox unavailable')).toBeNull();
  });
});
