/**
 * The audit log's filters, typed in the words the log shows: an object (« Client »), an operation
 * (« Fiche client modifiée »), an author (a colleague picked by name, « Données de démonstration »),
 * a key, and the days from and to. The words are suggested from the catalogue; the server reads them
 * back as codes (src/text/audit-words.ts), so a word typed without picking it works too. A person is
 * sent as their e-mail, what the log stores; an e-mail typed still works.
 */
import { Autocomplete, Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { auditActionLabel, auditActorLabel, auditEntityLabel } from '../../../src/text/audit.ts';
import { type AuditPerson, auditActorFilter, auditPersonChoices } from '../../../src/text/audit-words.ts';
import { messageKeys } from '../../../src/text/catalogue.ts';
import { AUDIT_ACTORS } from '../../../src/text/domains.ts';
import { DayDateInput } from '../components/DayDateInput.tsx';
import { type Lang, useI18n } from '../i18n.tsx';

export const NO_AUDIT_FILTER = { entity: '', action: '', entityKey: '', actor: '', from: '', to: '' };
export type AuditFilterValues = typeof NO_AUDIT_FILTER;

/** The labels of every code of a catalogue domain, once each, in the reader's order. */
function labelsOf(prefix: string, wording: (lang: Lang, code: string) => string, lang: Lang): string[] {
  const codes = messageKeys()
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length));
  return [...new Set(codes.map((code) => wording(lang, code)))].sort((a, b) => a.localeCompare(b, lang));
}

export function AuditFilters({
  people,
  onFilter,
}: {
  /** The company's users, deactivated ones included: they wrote entries too. */
  people: readonly AuditPerson[];
  onFilter(values: AuditFilterValues): void;
}) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState(NO_AUDIT_FILTER);
  const persons = useMemo(() => auditPersonChoices(people, lang), [people, lang]);
  const suggestions = useMemo(
    () => ({
      entity: labelsOf('auditEntity.', auditEntityLabel, lang),
      action: labelsOf('auditAction.', auditActionLabel, lang),
      actor: [
        { group: t('audit.filter.people'), items: persons.map((person) => person.label) },
        {
          group: t('audit.filter.machines'),
          items: AUDIT_ACTORS.map((actor) => auditActorLabel(lang, actor)),
        },
      ],
    }),
    [lang, persons, t],
  );
  const set = (name: keyof AuditFilterValues) => (value: string) => setDraft({ ...draft, [name]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onFilter({ ...draft, actor: auditActorFilter(draft.actor, persons) });
  };
  const suggested = (name: 'entity' | 'action' | 'actor', label: string, placeholder: string) => (
    <Autocomplete
      label={label}
      placeholder={placeholder}
      value={draft[name]}
      onChange={set(name)}
      data={suggestions[name]}
      limit={30}
      clearable
      w={220}
      data-testid={`audit-filter-${name}`}
    />
  );
  return (
    <form onSubmit={submit}>
      <Group align="flex-end" gap="sm">
        {suggested('entity', t('entity'), t('auditEntityHint'))}
        {suggested('action', t('auditAction'), t('auditActionHint'))}
        {suggested('actor', t('actor'), t('audit.filter.actorHint'))}
        <TextInput
          label={t('entityKey')}
          value={draft.entityKey}
          onChange={(event) => set('entityKey')(event.currentTarget.value)}
          w={140}
        />
        <DayDateInput label={t('auditFrom')} value={draft.from} onChange={set('from')} w={130} />
        <DayDateInput label={t('auditTo')} value={draft.to} onChange={set('to')} w={130} />
        <Button type="submit" variant="light">
          {t('filter')}
        </Button>
      </Group>
    </form>
  );
}
