/** The global audit log: every write with who, when, what, before and after; filters and pages. */
import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import {
  auditActionLabel,
  auditActorLabel,
  auditEntityLabel,
  describeAuditChanges,
} from '../../../src/text/audit.ts';
import { type AuditEntry, query } from '../api.ts';
import { LoadState } from '../components/LoadState.tsx';
import { PageNumbers } from '../components/PageNumbers.tsx';
import { dateTime } from '../format.ts';
import { type Lang, useI18n } from '../i18n.tsx';
import { useApi } from '../use-api.ts';

const PAGE_SIZE = 50;
const FILTERS = { entity: '', entityKey: '', actor: '' };

/** The changed fields in words: labels and formatted values, never codes or minor units. */
function changes(entry: AuditEntry, lang: Lang): string {
  return describeAuditChanges(lang, entry.before, entry.after, { entity: entry.entity });
}

function EntityKey({ entry }: { entry: AuditEntry }) {
  if (entry.entity !== 'customer') return <>{entry.entityKey}</>;
  return (
    <Anchor component={Link} to={`/customers/${encodeURIComponent(entry.entityKey)}`} fz="sm">
      {entry.entityKey}
    </Anchor>
  );
}

export function AuditPage() {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState(FILTERS);
  const [filters, setFilters] = useState(FILTERS);
  const [page, setPage] = useState(1);
  const audit = useApi<{ total: number; items: AuditEntry[] }>(
    `/api/audit${query({ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft });
    setPage(1);
  };
  const input = (name: keyof typeof FILTERS, label: string) => (
    <TextInput
      label={label}
      value={draft[name]}
      onChange={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })}
      w={200}
    />
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
      <form onSubmit={submit}>
        <Group align="flex-end">
          {input('entity', t('entity'))}
          {input('entityKey', t('entityKey'))}
          {input('actor', t('actor'))}
          <Button type="submit" variant="light">
            {t('filter')}
          </Button>
        </Group>
      </form>
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
                  <Table.Td>{auditActorLabel(lang, entry.actor)}</Table.Td>
                  <Table.Td>{auditActionLabel(lang, entry.action)}</Table.Td>
                  <Table.Td>{auditEntityLabel(lang, entry.entity)}</Table.Td>
                  <Table.Td>
                    <EntityKey entry={entry} />
                  </Table.Td>
                  <Table.Td>
                    <Text fz="xs" style={{ whiteSpace: 'pre-wrap' }}>
                      {changes(entry, lang)}
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
