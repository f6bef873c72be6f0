/**
 * Who did something, by name: a colleague's name from the users directory (their e-mail in a
 * tooltip), deactivated colleagues included, a machine actor worded as the timeline words it
 * (« Encours (automatique) »).
 */
import { useCallback, useMemo } from 'react';
import { actorEmail, actorName, type NameOf, namesByEmail } from '../../../src/text/actor-name.ts';
import type { Colleague } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useApi } from '../use-api.ts';

/** People a page already lists by name (e.g. the agenda's collectors). */
type Named = { email: string; name: string };

const NONE: readonly Named[] = [];

/**
 * The actor's name, looked up in `known` first (names the page already has, e.g. the agenda's
 * collectors), then in the directory of colleagues.
 */
export function useActorName(known: readonly Named[] = NONE): (actor: string) => string {
  const { lang } = useI18n();
  const directory = useApi<Colleague[]>('/api/users/directory');
  const nameOf: NameOf = useMemo(
    () => namesByEmail([...(directory.data ?? []), ...known]),
    [directory.data, known],
  );
  return useCallback((actor: string) => actorName(lang, actor, nameOf), [lang, nameOf]);
}

/** The name as text, with the e-mail behind it in a tooltip when the actor is a person. */
export function ActorName({ actor, nameOf }: { actor: string; nameOf(actor: string): string }) {
  const email = actorEmail(actor);
  const name = nameOf(actor);
  return email && name !== email ? <span title={email}>{name}</span> : name;
}
