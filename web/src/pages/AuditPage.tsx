/** The global audit log: every write with who, when, what, before and after; filters (AuditFilters.tsx) and pages. */
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { actorEmail, actorName, importOriginName, namesByEmail } from '../../../src/text/actor-name.ts';
import {
  auditActionLabel,
  auditActorLabel,
  auditEntityLabel,
  auditKeyWords,
  describeAuditChanges,
  KEYED_BY_CUSTOMER,
} from '../../../src/text/audit.ts';
import { type AuditEntry, type Colleague, query } from '../api.ts';
import { ActorName } from '../components/ActorName.tsx';
import { LoadState } from '../components/LoadState.tsx';
import { PageNumbers } from '../components/PageNumbers.tsx';
import { dateTime } from '../format.ts';
import { type Lang, useI18n } from '../i18n.tsx';
import { useApi } from '../use-api.ts';
import { AuditFilters, NO_AUDIT_FILTER } from './AuditFilters.tsx';

const PAGE_SIZE = 50;
/** The days typed are the reader's: their bounds are taken in the browser's zone. */
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

const NO_PEOPLE: readonly Colleague[] = [];

/** The changed fields in words: labels and formatted values, colleagues by name, never codes or minor units. */
function changes(entry: AuditEntry, lang: Lang, nameOf: (email: string) => string): string {
  return describeAuditChanges(lang, entry.before, entry.after, { entity: entry.entity, nameOf });
}

/**
 * The record's key: a customer (its record, its limit, score or cover) as a link to its file, with
 * its name while it exists, a user (keyed by e-mail) by name, a half-year of rates in words.
 */
function EntityKey({
  entry,
  nameOf,
  lang,
}: {
  entry: AuditEntry;
  nameOf(actor: string): string;
  lang: Lang;
}) {
  if (entry.entity === 'user') return <ActorName actor={entry.entityKey} nameOf={nameOf} />;
  if (!KEYED_BY_CUSTOMER.has(entry.entity)) return <>{auditKeyWords(lang, entry.entity, entry.entityKey)}</>;
  return (
    <Anchor component={Link} to={`/customers/${encodeURIComponent(entry.entityKey)}`} fz="sm">
      {entry.customerName ? `${entry.entityKey} · ${entry.customerName}` : entry.entityKey}
    </Anchor>
  );
}

export function AuditPage() {
  const { t, lang } = useI18n();
  // One read of the directory names the authors, the people in the changes and the filter's choices.
  const directory = useApi<Colleague[]>('/api/users/directory');
  const people = directory.data ?? NO_PEOPLE;
  const nameOf = useMemo(() => {
    const names = namesByEmail(people);
    return (actor: string) => actorName(lang, actor, names);
  }, [people, lang]);
  const [filters, setFilters] = useState(NO_AUDIT_FILTER);
  const [page, setPage] = useState(1);
  const days = filters.from || filters.to ? { timeZone: TIME_ZONE } : {};
  const audit = useApi<{ total: number; items: AuditEntry[] }>(
    `/api/audit${query({ ...filters, ...days, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
  );
  const data = audit.data;
  return (
    <Stack>
      <div>
        <Title order={2}>{t('auditLog')}</Title>
        <Text c="dimmed" size="sm">
          {t('auditIntro')}
        </Text>
      </div>
      <AuditFilters
        people={people}
        onFilter={(values) => {
          setFilters(values);
          setPage(1);
        }}
      />
      <LoadState loading={audit.loading && !data} error={audit.error} />
      {data && (
        <>
          <Text c="dimmed" data-testid="audit-count">
            {t('entries', { n: data.total })}
          </Text>
          {data.items.length === 0 && <Text>{t('noEntries')}</Text>}
          <Table striped fz="sm" data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('when')}</Table.Th>
                <Table.Th>{t('actor')}</Table.Th>
                <Table.Th>{t('auditAction')}</Table.Th>
                <Table.Th>{t('entity')}</Table.Th>
                <Table.Th>{t('entityKey')}</Table.Th>
                <Table.Th>{t('changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(entry.at, lang)}</Table.Td>
                  <Table.Td>
                    {/* What an import wrote is the import's (its file, who ran it); a colleague by name
                        (their e-mail in a tooltip); the machine actors by the log's words. */}
                    {entry.importOrigin ? (
                      importOriginName(lang, entry.importOrigin, nameOf)
                    ) : actorEmail(entry.actor) ? (
                      <ActorName actor={entry.actor} nameOf={nameOf} />
                    ) : (
                      auditActorLabel(lang, entry.actor)
                    )}
                  </Table.Td>
                  <Table.Td>{auditActionLabel(lang, entry.action)}</Table.Td>
                  <Table.Td>{auditEntityLabel(lang, entry.entity)}</Table.Td>
                  <Table.Td>
                    <EntityKey entry={entry} nameOf={nameOf} lang={lang} />
                  </Table.Td>
                  <Table.Td>
                    <Text fz="xs" style={{ whiteSpace: 'pre-wrap' }}>
                      {changes(entry, lang, nameOf)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <PageNumbers total={data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
