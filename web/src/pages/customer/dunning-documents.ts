/**
 * The documents behind the reminders of a customer's story: a run's story line (« Relance ·
 * REL-… ») names its day, channel and amount, and the dunning log holds the action that sent it,
 * with its letter or its e-mail. The line and the action are paired on those four: one written
 * reminder per customer, currency and day, and a courtesy e-mail or an SMS that day is another
 * channel. Lines imported with the customer's history have no document in Encours.
 */
import { useCallback, useMemo } from 'react';
import type { StoryMessage } from '../../../../src/core/types.ts';
import { useAuth } from '../../auth.tsx';
import { useApi } from '../../use-api.ts';
import {
  type ActionDocument,
  type ActionLog,
  actionDocument,
  type LoggedAction,
} from '../dunning/run-record-types.ts';
import { customerPaths } from './customer-requests.ts';

interface StoryLine {
  kind: string;
  eventDate: string;
  message?: StoryMessage | null | undefined;
}

const keyOf = (day: string, channel: string, currency: string, totalMinor: number) =>
  `${day}|${channel}|${currency}|${totalMinor}`;

/** The pairing key of a run's story line, or null for any other line. */
function lineKey(line: StoryLine): string | null {
  if (line.kind !== 'reminder' || line.message?.key !== 'dunning.event.reminder') return null;
  const { channel, total } = line.message.params as {
    channel?: { code?: unknown };
    total?: { minor?: unknown; currency?: unknown };
  };
  if (typeof channel?.code !== 'string' || typeof total?.minor !== 'number') return null;
  if (typeof total.currency !== 'string') return null;
  return keyOf(line.eventDate, channel.code, total.currency, total.minor);
}

const actionKey = (action: LoggedAction) =>
  keyOf(action.actionDate, action.channel, action.currency, action.totalDueMinor);

/** The document of each reminder line of the customer's story (null: none to open). */
export function useDunningDocuments(code: string): (line: StoryLine) => ActionDocument | null {
  const { me } = useAuth();
  const log = useApi<ActionLog>(code ? customerPaths.actions(code) : null);
  const byKey = useMemo(() => {
    const found = new Map<string, ActionDocument>();
    for (const action of log.data?.items ?? []) {
      const document = action.origin === 'run' ? actionDocument(action, me) : null;
      if (document && !found.has(actionKey(action))) found.set(actionKey(action), document);
    }
    return found;
  }, [log.data, me]);
  return useCallback(
    (line: StoryLine) => {
      const key = lineKey(line);
      return key === null ? null : (byKey.get(key) ?? null);
    },
    [byKey],
  );
}
