/** The rows of the risk tracking table, with sortable column headers. */
import { Anchor, Badge, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { compactMoney, percent } from '../../format.ts';
import { type Key, useI18n } from '../../i18n.tsx';
import { type AgingBucket, RISK_COLORS, type RiskRow } from '../../reports.ts';
import { limitCellText } from './limit-cell.ts';

/** Pixels: the widest signal badge (« PROCÉDURE », « PROCEEDINGS ») with its padding. */
const SIGNALS_WIDTH = 100;

export type SortKey = 'name' | 'balanceMinor' | 'overdueMinor' | 'limitUsage' | 'oldestOverdueDays' | 'risk';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  numeric = false,
  width,
}: {
  label: string;
  sortKey: SortKey;
  sort: Sort;
  onSort(key: SortKey): void;
  numeric?: boolean;
  width?: number;
}) {
  const { t } = useI18n();
  const active = sort.key === sortKey;
  return (
    <Table.Th
      miw={width}
      ta={numeric ? 'right' : undefined}
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <UnstyledButton
        onClick={() => onSort(sortKey)}
        title={t('sortedBy', { column: label })}
        fz="xs"
        fw={700}
      >
        {label} {active ? (sort.descending ? '▼' : '▲') : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

function Row({ row, currency }: { row: RiskRow; currency: string }) {
  const { t, lang } = useI18n();
  const amount = (minor: number) => (minor === 0 ? '—' : compactMoney(minor, currency, lang));
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/customers/${encodeURIComponent(row.code)}`} fz="xs" fw={600}>
          {row.name}
        </Anchor>
        <Text fz="xs" c="dimmed">
          {row.code}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{amount(row.balanceMinor)}</Table.Td>
      <Table.Td ta="right" fw={600}>
        {amount(row.overdueMinor)}
      </Table.Td>
      {row.bucketsMinor.slice(1).map((minor, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: buckets are positional
        <Table.Td key={index} ta="right">
          {amount(minor)}
        </Table.Td>
      ))}
      <Table.Td ta="right" title={row.creditLimitMinor === 0 ? t('credit.web.limitBlocked') : undefined}>
        {limitCellText(row.creditLimitMinor, currency, lang, t('noLimit'))}
      </Table.Td>
      <Table.Td ta="right">{row.limitUsage === null ? '—' : percent(row.limitUsage, lang)}</Table.Td>
      <Table.Td ta="right">{row.oldestOverdueDays || '—'}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {row.dispute && (
            <Badge size="xs" color="grape" variant="light" title={t('disputeTitle')}>
              {t('dispute')}
            </Badge>
          )}
          {row.proceedings && (
            <Badge size="xs" color="dark" variant="filled" title={t('proceedingsTitle')}>
              {t('proceedings')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge color={RISK_COLORS[row.riskLevel]} data-testid="risk-level">
          {row.riskLevelLabel}
        </Badge>
        <Text fz="xs" c="dimmed" mt={2}>
          {row.ruleLabel}
        </Text>
      </Table.Td>
      <Table.Td fz="xs">{row.actionLabel}</Table.Td>
    </Table.Tr>
  );
}

export function RiskRows({
  rows,
  buckets,
  currency,
  sort,
  onSort,
}: {
  rows: RiskRow[];
  buckets: AgingBucket[];
  currency: string;
  sort: Sort;
  onSort(key: SortKey): void;
}) {
  const { t } = useI18n();
  const header = (label: Key, key: SortKey, numeric = true, width?: number) => (
    <SortHeader label={t(label)} sortKey={key} sort={sort} onSort={onSort} numeric={numeric} width={width} />
  );
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table
        striped
        highlightOnHover
        fz="xs"
        data-testid="risk-table"
        verticalSpacing={4}
        horizontalSpacing={6}
      >
        <Table.Thead>
          <Table.Tr>
            {header('customer', 'name', false, 170)}
            {header('balance', 'balanceMinor')}
            {header('overdue', 'overdueMinor')}
            {buckets.slice(1).map((bucket) => (
              <Table.Th key={bucket.key} ta="right">
                {bucket.label}
              </Table.Th>
            ))}
            {/* The customer's own limit and its balance over it, as they show: the over-limit rule
                reads the exposure against the limit in force (the file's « Disponible »). */}
            <Table.Th ta="right">{t('customerLimit')}</Table.Th>
            {header('balanceOverLimit', 'limitUsage')}
            {header('oldestOverdue', 'oldestOverdueDays')}
            {/* Wide enough for its badges' whole words, which the table would otherwise cut. */}
            <Table.Th miw={SIGNALS_WIDTH}>{t('signals')}</Table.Th>
            {header('riskLevel', 'risk', false, 130)}
            <Table.Th miw={170}>{t('action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Row key={row.code} row={row} currency={currency} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
