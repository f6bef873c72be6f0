/**
 * A failed connection (to the database server, to the SMTP server) as a person reads it, from the
 * library's raw message: « connect ECONNREFUSED 127.0.0.1:1 » becomes « connexion refusée par
 * 127.0.0.1:1 (le serveur est-il démarré ? l’adresse et le port sont-ils les bons ?) ». Node's
 * network errors, PostgreSQL's sign-in refusals and an SMTP server's usual refusals (sign-in,
 * recipient, size) are recognised; anything else is null, and the
 * caller keeps the raw message (which then at least says something to whoever maintains the server).
 */
import { type Lang, translator } from './catalogue.ts';

const NETWORK_KINDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'unknownHost',
  EAI_AGAIN: 'unknownHost',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'reset',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
};

/** The kind of failure and the address it names ('none' when it names none). */
function failureOf(raw: string): { kind: string; address: string } | null {
  const network = /\b(E[A-Z_]+)\b(?:\s+(\S+))?/.exec(raw);
  const kind = network ? NETWORK_KINDS[network[1] ?? ''] : undefined;
  if (network && kind) return { kind, address: network[2] ?? 'none' };
  if (/^Connection timeout/i.test(raw)) return { kind: 'timeout', address: 'none' };
  if (/password authentication failed|no pg_hba\.conf entry/i.test(raw))
    return { kind: 'password', address: 'none' };
  const database = /database "([^"]+)" does not exist/.exec(raw);
  if (database) return { kind: 'noDatabase', address: database[1] ?? 'none' };
  return smtpFailureOf(raw);
}

/**
 * An SMTP server's refusal, from nodemailer's message and the reply code it quotes: the sign-in
 * (535, « Invalid login »), a recipient (550/551/553, or an enhanced 5.1.x code) or the size (552).
 */
function smtpFailureOf(raw: string): { kind: string; address: string } | null {
  if (/Invalid login|\b535\b|\bEAUTH\b/.test(raw)) return { kind: 'password', address: 'none' };
  if (/\b552\b|5\.3\.4|too large|size limit/i.test(raw)) return { kind: 'smtpSize', address: 'none' };
  if (/recipients were rejected|\b55[013]\b|\b5\.1\.\d\b/i.test(raw)) {
    const address = /<([^<>\s@]+@[^<>\s]+)>/.exec(raw)?.[1];
    return { kind: 'smtpRecipient', address: address ?? 'none' };
  }
  return null;
}

/** The reason of a failed connection in the words of `lang`, or null when the message is not one. */
export function connectionReason(lang: Lang, raw: string): string | null {
  const failure = failureOf(raw);
  return failure ? translator(lang)('errors.connection.reason', failure) : null;
}
