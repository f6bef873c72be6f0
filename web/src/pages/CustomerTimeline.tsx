/**
 * The customer's story (events and notes, mentions highlighted) merged with the audit trail, newest
 * first; each story line worded in the language on screen from its catalogue message. A reminder a
 * run sent links to its letter or its e-mail (customer/dunning-documents.ts).
 */
import { Text, Timeline } from '@mantine/core';
import type { StoryEvent } from '../../../src/http/schemas/story.ts';
import { importOriginName } from '../../../src/text/actor-name.ts';
import { auditActionLabel, describeAuditChanges } from '../../../src/text/audit.ts';
import { eventText } from '../../../src/text/story.ts';
import type { AuditEntry } from '../api.ts';
import { useActorName } from '../components/ActorName.tsx';
import { date, dateTime } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { MentionText } from './customer/NoteForm.tsx';
import { ActionDocumentLink } from './dunning/ActionDocumentLink.tsx';
import type { ActionDocument } from './dunning/run-record-types.ts';

const EVENT_COLORS: Record<string, string> = {
  dispute: 'red',
  insolvency: 'red',
  promise: 'teal',
  reminder: 'orange',
  limit_change: 'indigo',
  note: 'gray',
};

/** Events as the API sends them; `message` is absent from the older file type (schemas/customers.ts). */
type TimelineEvent = Omit<StoryEvent, 'message'> & { message?: StoryEvent['message'] | undefined };

export function CustomerTimeline({
  events,
  audit,
  documentOf = () => null,
}: {
  events: TimelineEvent[];
  audit: AuditEntry[];
  /** The document a story line's reminder sent, when there is one to open. */
  documentOf?(event: TimelineEvent): ActionDocument | null;
}) {
  const { lang, label } = useI18n();
  // A colleague by name (the directory), a machine actor as the audit trail words it; what an import
  // wrote (a file, the demo load) is told as the import's, not as a decision of whoever ran it.
  const nameOf = useActorName();
  const entries = [
    ...events.map((event, index) => ({
      key: `e${index}`,
      sortKey: event.eventDate,
      title: `${label('eventKind', event.kind)}${event.documentRef ? ` · ${event.documentRef}` : ''}`,
      when: date(event.eventDate, lang),
      who: event.importOrigin
        ? importOriginName(lang, event.importOrigin, nameOf)
        : event.createdBy
          ? nameOf(event.createdBy)
          : event.createdBy,
      // Worded here, in the language on screen: the page keeps the file it read when the language changes.
      detail: eventText(lang, event),
      color: EVENT_COLORS[event.kind] ?? 'blue',
      document: documentOf(event),
    })),
    ...audit.map((entry) => ({
      key: `a${entry.id}`,
      sortKey: entry.at.slice(0, 10),
      title: auditActionLabel(lang, entry.action),
      when: dateTime(entry.at, lang),
      who: entry.importOrigin ? importOriginName(lang, entry.importOrigin, nameOf) : nameOf(entry.actor),
      detail: describeAuditChanges(lang, entry.before ?? {}, entry.after, { entity: entry.entity, nameOf }),
      color: 'violet',
      document: null,
    })),
  ]
    .sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0))
    .slice(0, 60);
  return (
    <Timeline bulletSize={14} lineWidth={2} mt="md" data-testid="timeline">
      {entries.map((entry) => (
        <Timeline.Item key={entry.key} color={entry.color} title={entry.title}>
          <Text size="xs" c="dimmed">
            {entry.when}
            {entry.who ? ` — ${entry.who}` : ''}
          </Text>
          {entry.detail && (
            <Text size="sm">
              <MentionText text={entry.detail} />
            </Text>
          )}
          {entry.document && <ActionDocumentLink document={entry.document} wording="timeline" />}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
