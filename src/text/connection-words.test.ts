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

  it('words an SMTP server’s usual refusals, as nodemailer reports them', () => {
    expect(connectionReason('fr', 'Invalid login: 535 5.7.8 Authentication credentials invalid')).toBe(
      'identifiant ou mot de passe refusé par le serveur',
    );
    expect(
      connectionReason(
        'fr',
        "Can't send mail - all recipients were rejected: 550 5.1.1 <compta@client.example>: User unknown",
      ),
    ).toBe(
      'le serveur de messagerie a refusé le destinataire compta@client.example (l’adresse est-elle la bonne\u00a0?)',
    );
    expect(connectionReason('en', 'Message failed: 552 5.3.4 Message size exceeds fixed limit')).toBe(
      'the mail server refused the message as too large (attachments)',
    );
  });

  it('leaves any other message to the caller', () => {
    expect(connectionReason('fr', '421 4.7.0 Try again later')).toBeNull();
    expect(connectionReason('fr', 'Unexpected socket close')).toBeNull();
  });
});
