/**
 * Who did something, as a reader knows them: a colleague by name, the machine actors worded as the
 * audit trail words them (« Encours (automatique) », « Encours (ligne de commande) »). A background job acts
 * as « <who started it> (job N) »: the reader is told who started it, the job number is no one.
 */
import type { ImportOrigin } from '../core/types.ts';
import { auditActorLabel, JOB_ACTOR } from './audit.ts';
import type { Lang } from './catalogue.ts';
import { formatMessage } from './icu.ts';

/** A colleague's name from their e-mail; undefined for an e-mail that names no one known. */
export type NameOf = (email: string) => string | undefined;

/** Names by e-mail, any case (an e-mail typed in capitals is the same colleague). */
export function namesByEmail(users: Iterable<{ email: string; name: string }>): NameOf {
  const names = new Map<string, string>();
  for (const user of users) names.set(user.email.trim().toLowerCase(), user.name);
  return (email) => names.get(email.trim().toLowerCase());
}

/** The actor as a person reads it; an e-mail of no known colleague stays as it is. */
export function actorName(lang: Lang, actor: string, nameOf: NameOf): string {
  const starter = JOB_ACTOR.exec(actor)?.[1] ?? actor;
  return nameOf(starter) ?? auditActorLabel(lang, starter);
}

/** Whether the actor is a person's e-mail (worth showing in a tooltip beside the name). */
export function actorEmail(actor: string): string | null {
  const starter = JOB_ACTOR.exec(actor)?.[1] ?? actor;
  return starter.includes('@') ? starter : null;
}

/**
 * Who wrote a row that came in with an import: the import itself — its file and who ran it
 * (« Import (ligne de commande), fichier « clients.csv » », « Import par Claire Moreau, … ») — or
 * the demo load, rather than the command line or a colleague as if they had decided it in Encours.
 * `wordActor` words who ran it (a colleague by name, a machine actor as the log words it).
 */
export function importOriginName(
  lang: Lang,
  origin: ImportOrigin,
  wordActor: (actor: string) => string,
): string {
  // The demo load is the demo data's own doing: one name wherever it shows (« Données de démonstration »).
  if (origin.kind === 'load') return auditActorLabel(lang, 'demo');
  const by = origin.actor === 'cli' ? 'cli' : wordActor(origin.actor);
  return formatMessage(lang, 'auditImport.file', { by, file: origin.fileName }) ?? origin.fileName;
}
