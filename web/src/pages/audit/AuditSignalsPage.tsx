/**
 * Internal-audit signals (fraud and embezzlement) over a period, each with its evidence; beside the
 * audit log (/audit), for the auditor, the director and the administrator.
 */
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { AuditSignalsReport } from '../../../../src/http/schemas/audit-signals.ts';
import { query } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

const MONEY_THRESHOLDS = new Set(['creditNoteMinor', 'writeOffMinor']);

export function AuditSignalsPage() {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState({ from: '', to: '' });
  const [period, setPeriod] = useState({ from: '', to: '' });
  const report = useApi<AuditSignalsReport>(
    `/api/audit/signals${query({ from: period.from || undefined, to: period.to || undefined, lang })}`,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ ...draft });
  };
  const data = report.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('auditSignals.title')}</Title>
        <Anchor component={Link} to="/audit">
          {t('auditLog')}
        </Anchor>
      </Group>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <DayDateInput
            label={t('auditSignals.from')}
            value={draft.from}
            onChange={(from) => setDraft((current) => ({ ...current, from }))}
            w={130}
          />
          <DayDateInput
            label={t('auditSignals.to')}
            value={draft.to}
            onChange={(to) => setDraft((current) => ({ ...current, to }))}
            w={130}
          />
          <Button type="submit" variant="light">
            {t('filter')}
          </Button>
        </Group>
      </form>
      <LoadState loading={report.loading && !data} error={report.error} />
      {data && (
        <>
          <Text c="dimmed" data-testid="signal-count">
            {t('auditSignals.period', { from: date(data.from, lang), to: date(data.to, lang) })} —{' '}
            {t('auditSignals.count', { n: data.signals.length })}
          </Text>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('auditSignals.thresholds')}
            </Text>
            {Object.entries(data.thresholds).map(([key, value]) => (
              <Badge key={key} variant="light" color="gray">
                {t(`auditSignals.threshold.${key}`)}{' '}
                {MONEY_THRESHOLDS.has(key) ? money(value, 'EUR', lang) : value}
              </Badge>
            ))}
          </Group>
          {data.signals.length === 0 ? (
            <Text>{t('auditSignals.none')}</Text>
          ) : (
            <Table striped fz="sm" data-testid="signals-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('auditSignals.column.date')}</Table.Th>
                  <Table.Th>{t('auditSignals.column.kind')}</Table.Th>
                  <Table.Th>{t('auditSignals.column.users')}</Table.Th>
                  <Table.Th>{t('auditSignals.column.customers')}</Table.Th>
                  <Table.Th ta="right">{t('auditSignals.column.amount')}</Table.Th>
                  <Table.Th>{t('auditSignals.column.evidence')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.signals.map((signal) => (
                  <Table.Tr key={`${signal.kind}-${signal.documents.join('-')}`}>
                    <Table.Td>{date(signal.date, lang)}</Table.Td>
                    <Table.Td>{signal.title}</Table.Td>
                    <Table.Td>{signal.users.join(', ')}</Table.Td>
                    <Table.Td>
                      {signal.customerCodes.map((code) => (
                        <Anchor
                          key={code}
                          component={Link}
                          to={`/customers/${encodeURIComponent(code)}`}
                          mr={6}
                        >
                          {code}
                        </Anchor>
                      ))}
                    </Table.Td>
                    <Table.Td ta="right">{money(signal.amountMinor, signal.currency, lang)}</Table.Td>
                    <Table.Td>{signal.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
