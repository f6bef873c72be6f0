/** One anomaly: its title, its evidence and the customers concerned (first ten, then all on request). */
import { Anchor, Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n.tsx';
import type { Finding } from '../../reports.ts';
import { Evidence } from './Evidence.tsx';
import { customersHeading, evidenceLabel, formatEvidence, type ShareThresholds } from './evidence-text.ts';

const SEVERITY_COLORS: Record<string, string> = { critical: 'red', warning: 'orange', info: 'blue' };
const FIRST = 10;

interface FindingProps {
  finding: Finding;
  currency: string;
  thresholds?: ShareThresholds;
}

function CustomerTable({ finding, currency, thresholds }: FindingProps) {
  const { t, lang } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? finding.customers : finding.customers.slice(0, FIRST);
  // One column per evidence field, in the order the first customers give them.
  const keys = [...new Set(finding.customers.flatMap((customer) => Object.keys(customer.evidence)))];
  return (
    <>
      <Table fz="xs" verticalSpacing={4} striped mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{customersHeading(finding.kind, finding.customers.length, lang)}</Table.Th>
            {keys.map((key) => (
              <Table.Th key={key} ta="right">
                {evidenceLabel(key, lang)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((customer) => (
            <Table.Tr key={customer.code}>
              <Table.Td>
                <Anchor component={Link} to={`/customers/${encodeURIComponent(customer.code)}`} fz="sm">
                  {customer.name}
                </Anchor>{' '}
                <Text span c="dimmed" fz="xs">
                  {customer.code}
                </Text>
              </Table.Td>
              {keys.map((key) => (
                <Table.Td key={key} ta="right">
                  {formatEvidence(key, customer.evidence[key] ?? null, currency, lang, thresholds)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {finding.customers.length > FIRST && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t('showLess') : `${t('showAll')} (${finding.customers.length})`}
        </Button>
      )}
    </>
  );
}

export function FindingCard({ finding, currency, thresholds }: FindingProps) {
  const { t } = useI18n();
  return (
    <Card withBorder data-testid="finding" data-kind={finding.kind}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={4}>{finding.title}</Title>
        <Badge color={SEVERITY_COLORS[finding.severity]}>{t(`severity_${finding.severity}`)}</Badge>
      </Group>
      <Evidence values={finding.evidence} currency={currency} thresholds={thresholds} skip={['customers']} />
      {finding.customers.length > 0 && (
        <CustomerTable finding={finding} currency={currency} thresholds={thresholds} />
      )}
    </Card>
  );
}
