/**
 * The grand total under a run's review: how many customers and actions the selection holds and
 * what it claims (principal, late interest, recovery indemnities, credits deducted) as money, so
 * the person knows what they send before sending it; then, outside that total, the open amounts of
 * its call tasks and of its courtesy e-mails (not yet due), which claim nothing.
 */
import { Table } from '@mantine/core';
import { money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import type { ReviewAction } from './RunReviewModel.ts';
import { type CurrencyTotal, runTotals, type RunTotals as Totals } from './RunTotalsModel.ts';

interface Props {
  actions: readonly ReviewAction[];
  /** The keys chosen; null for a run already sent (all its actions count). */
  selected: ReadonlySet<string> | null;
}

export function RunTotals({ actions, selected }: Props) {
  return (
    <RunTotalsTable totals={runTotals(actions, selected)} scope={selected === null ? 'run' : 'selection'} />
  );
}

/** The table itself, from totals already added up: a sent run's come from the API, its log being paged. */
export function RunTotalsTable({ totals, scope }: { totals: Totals; scope: 'run' | 'selection' }) {
  const { t, lang } = useI18n();
  const amounts = (pick: (total: CurrencyTotal) => number) =>
    totals.byCurrency.map((total) => money(pick(total), total.currency, lang)).join(' · ');
  const rows: [key: string, label: string, value: string][] = [
    ['customers', t('dunningReview.grandTotal.customers'), String(totals.customers)],
    ['actions', t('dunningReview.grandTotal.actions'), String(totals.actions)],
    ['principal', t('dunningReview.grandTotal.principal'), amounts((x) => x.principalMinor)],
    ['interest', t('dunningReview.grandTotal.interest'), amounts((x) => x.interestMinor)],
    ['indemnity', t('dunningReview.grandTotal.indemnity'), amounts((x) => x.indemnityMinor)],
  ];
  // Credits are rare: their line shows only when some are deducted, so the sum still reads right.
  if (totals.byCurrency.some((x) => x.creditsMinor !== 0))
    rows.push(['credits', t('dunningReview.grandTotal.credits'), amounts((x) => -x.creditsMinor)]);
  // What the run does not claim, said only when there is some: call tasks, invoices not yet due.
  const apart: [key: string, label: string, value: string][] = [];
  if (totals.byCurrency.some((x) => x.callTaskOpenMinor !== 0))
    apart.push(['calls', t('dunningReview.grandTotal.callTasks'), amounts((x) => x.callTaskOpenMinor)]);
  if (totals.byCurrency.some((x) => x.courtesyOpenMinor !== 0))
    apart.push(['courtesy', t('dunningReview.grandTotal.courtesy'), amounts((x) => x.courtesyOpenMinor)]);
  return (
    <Table withTableBorder w="auto" data-testid="dunning-run-grand-total">
      <Table.Thead>
        <Table.Tr>
          <Table.Th colSpan={2}>{t('dunningReview.grandTotal.title', { scope })}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([key, label, value]) => (
          <Table.Tr key={key} data-testid={`dunning-run-total-${key}`}>
            <Table.Td>{label}</Table.Td>
            <Table.Td ta="right">{value}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr data-testid="dunning-run-total-due" fw={700}>
          <Table.Td>{t('dunningReview.grandTotal.totalDue')}</Table.Td>
          <Table.Td ta="right">{amounts((x) => x.totalDueMinor)}</Table.Td>
        </Table.Tr>
        {apart.map(([key, label, value]) => (
          <Table.Tr key={key} data-testid={`dunning-run-total-${key}`} c="dimmed">
            <Table.Td>{label}</Table.Td>
            <Table.Td ta="right">{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
