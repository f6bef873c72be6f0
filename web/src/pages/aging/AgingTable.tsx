/** The aged balance as a table: one row per group, a column per bucket, credits, total; totals and the proof below. */
import { Table, Text, UnstyledButton } from '@mantine/core';
import { money, number } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import type { AgingFigures, AgingGroup, AgingReport } from '../../reports.ts';

export interface DrillTarget {
  group: AgingGroup;
  bucketKey: string | null;
}

function DrillCell({
  amountMinor,
  label,
  onClick,
  currency,
}: {
  amountMinor: number;
  label: string;
  onClick(): void;
  currency: string;
}) {
  const { lang } = useI18n();
  if (amountMinor === 0)
    return (
      <Table.Td ta="right" c="dimmed">
        —
      </Table.Td>
    );
  return (
    <Table.Td ta="right">
      <UnstyledButton onClick={onClick} aria-label={label} className="drill-link">
        {money(amountMinor, currency, lang)}
      </UnstyledButton>
    </Table.Td>
  );
}

function FigureCells({
  figures,
  currency,
  withAssigned,
}: {
  figures: AgingFigures;
  currency: string;
  withAssigned: boolean;
}) {
  const { lang } = useI18n();
  return (
    <>
      {figures.bucketsMinor.map((amount, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: buckets are positional
        <Table.Td key={index} ta="right">
          {money(amount, currency, lang)}
        </Table.Td>
      ))}
      <Table.Td ta="right">{money(figures.creditsMinor, currency, lang)}</Table.Td>
      <Table.Td ta="right">{money(figures.totalMinor, currency, lang)}</Table.Td>
      <Table.Td ta="right">{number(figures.documentCount, lang, 0)}</Table.Td>
      {withAssigned && <Table.Td ta="right">{money(figures.assignedMinor ?? 0, currency, lang)}</Table.Td>}
    </>
  );
}

export function AgingTable({
  report,
  groupLabel,
  onDrill,
}: {
  report: AgingReport;
  groupLabel(group: AgingGroup): string;
  onDrill(target: DrillTarget): void;
}) {
  const { t, lang } = useI18n();
  const { currency } = report;
  const proofOk = Object.values(report.proof).every((value) => value !== false);
  // Invoices assigned to a factor stay in the aged balance, flagged: the customer owes the factor.
  const withAssigned = (report.totals.assignedMinor ?? 0) > 0;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover stickyHeader data-testid="aging-table" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('group')}</Table.Th>
            {report.buckets.map((bucket) => (
              <Table.Th key={bucket.key} ta="right">
                {bucket.label}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('credits')}</Table.Th>
            <Table.Th ta="right">{t('total')}</Table.Th>
            <Table.Th ta="right">{t('documents')}</Table.Th>
            {withAssigned && <Table.Th ta="right">{t('factoring.aging.assigned')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.groups.map((group) => {
            const name = groupLabel(group);
            return (
              <Table.Tr key={group.key}>
                <Table.Td>
                  <UnstyledButton
                    className="drill-link"
                    onClick={() => onDrill({ group, bucketKey: null })}
                    aria-label={t('drillGroup', { group: name })}
                  >
                    {name}
                  </UnstyledButton>
                </Table.Td>
                {report.buckets.map((bucket, index) => (
                  <DrillCell
                    key={bucket.key}
                    currency={currency}
                    amountMinor={group.bucketsMinor[index] ?? 0}
                    label={t('drillCell', { group: name, bucket: bucket.label })}
                    onClick={() => onDrill({ group, bucketKey: bucket.key })}
                  />
                ))}
                <DrillCell
                  currency={currency}
                  amountMinor={group.creditsMinor}
                  label={t('drillCell', { group: name, bucket: t('credits') })}
                  onClick={() => onDrill({ group, bucketKey: 'credits' })}
                />
                <Table.Td ta="right" fw={600}>
                  {money(group.totalMinor, currency, lang)}
                </Table.Td>
                <Table.Td ta="right">{number(group.documentCount, lang, 0)}</Table.Td>
                {withAssigned && (
                  <Table.Td ta="right" c={group.assignedMinor ? undefined : 'dimmed'}>
                    {group.assignedMinor ? money(group.assignedMinor, currency, lang) : '—'}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700} data-testid="aging-totals">
            <Table.Td>{t('totals')}</Table.Td>
            <FigureCells figures={report.totals} currency={currency} withAssigned={withAssigned} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Text size="sm" mt="sm" c={proofOk ? 'teal' : 'red'} data-testid="aging-proof">
        {t('proof')} —{' '}
        {t(proofOk ? 'proofOk' : 'proofBroken', {
          amount: money(Number(report.proof.ledgerBalanceMinor ?? report.totals.totalMinor), currency, lang),
        })}
      </Text>
    </Table.ScrollContainer>
  );
}
