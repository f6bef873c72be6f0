/**
 * The provision for doubtful debts on the dashboard: the closing provision at the end of the
 * indicators' period and its movement over the period (opening + allowance − reversal − used =
 * closing), from /api/provision with the period of the indicators report; each figure per currency
 * (as a dunning run's totals), never euros and dollars added up.
 */
import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { addDays } from '../../../../src/core/calendar.ts';
import type { ProvisionResponse } from '../../../../src/http/schemas/write-offs.ts';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';

export function ProvisionCard({ from, to, currency }: { from: string; to: string; currency: string }) {
  const { t, lang } = useI18n();
  // The movements run from the day after `from`: the opening is the provision on the eve of the period.
  const provision = useApi<ProvisionResponse>(`/api/provision?asOf=${to}&from=${addDays(from, -1)}`);
  const p = provision.data;
  // Per currency, in code order; without any line, the zero of the company's currency.
  const totals = p && p.totals.length > 0 ? p.totals : [{ currency: p?.currency ?? currency, totalMinor: 0 }];
  const m = p?.movements;
  const movements = !m ? [] : m.totals.length > 0 ? m.totals : [{ ...m, currency: p?.currency ?? currency }];
  const amounts = (pick: (movement: (typeof movements)[number]) => number) =>
    movements.map((movement) => money(pick(movement), movement.currency, lang)).join(' · ');
  const rows: [string, string][] = m
    ? [
        [t('provision.web.opening', { date: date(addDays(from, -1), lang) }), amounts((x) => x.openingMinor)],
        [t('provision.web.allowance'), amounts((x) => x.allowanceMinor)],
        [t('provision.web.reversal'), amounts((x) => -x.reversalMinor)],
        [t('provision.web.used'), amounts((x) => -x.usedMinor)],
      ]
    : [];
  return (
    <Card withBorder data-testid="dashboard-provision">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('provision.web.title')}
        </Title>
        <Anchor component={Link} to="/write-offs" size="sm">
          {t('writeoff.web.nav')}
        </Anchor>
      </Group>
      {p ? (
        <>
          {totals.map((total) => (
            <Text key={total.currency} fz="xl" fw={700} data-testid="provision-closing">
              {money(total.totalMinor, total.currency, lang)}
            </Text>
          ))}
          <Text c="dimmed" fz="sm" mb="xs">
            {t('provision.web.closing', { date: date(p.asOf, lang) })}
          </Text>
          <Table fz="sm">
            <Table.Tbody>
              {rows.map(([name, value]) => (
                <Table.Tr key={name}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td ta="right">{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : (
        <Text c="dimmed">{provision.error ? provision.error.message : t('loading')}</Text>
      )}
    </Card>
  );
}
