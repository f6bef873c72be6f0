/** The risk tracking table: each customer's level, the rule that set it, the recommended action. */
import {
  Card,
  Group,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { LoadState, refusedToRole } from '../components/LoadState.tsx';
import { ReportHeader } from '../components/ReportHeader.tsx';
import { date, money } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { RISK_HEX, type RiskRow, type RiskTable, reportPath } from '../reports.ts';
import { useApi } from '../use-api.ts';
import { RiskMap } from './credit/RiskMap.tsx';
import { RiskRows, type Sort, type SortKey } from './risk/RiskRows.tsx';

const PAGE_SIZE = 50;
const LEVEL_ORDER: Record<string, number> = { critical: 0, high: 1, moderate: 2, low: 3 };

function compare(sort: Sort): (a: RiskRow, b: RiskRow) => number {
  const value = (row: RiskRow): number | string => {
    if (sort.key === 'name') return row.name;
    if (sort.key === 'risk') return -(LEVEL_ORDER[row.riskLevel] ?? 9) * 1e15 + row.balanceMinor;
    return row[sort.key] ?? -1;
  };
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return sort.descending ? -order : order;
  };
}

export function RiskPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const level = params.get('level') ?? '';
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'risk', descending: true });
  const [page, setPage] = useState(1);
  const path = reportPath('risk-table', lang);
  const table = useApi<RiskTable>(path);
  const data = table.data;
  const refused = refusedToRole(table.error);
  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (data?.rows ?? [])
      .filter((row) => !level || row.riskLevel === level)
      .filter((row) => !needle || `${row.name} ${row.code}`.toLowerCase().includes(needle))
      .sort(compare(sort));
  }, [data, level, search, sort]);
  const setLevel = (value: string | null) => {
    setParams(value ? { level: value } : {}, { replace: true });
    setPage(1);
  };
  const onSort = (key: SortKey) =>
    setSort((current) => ({ key, descending: current.key === key ? !current.descending : key !== 'name' }));
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  return (
    <Stack>
      <ReportHeader title="risk" intro="riskIntro" asOf={data?.asOf} exportPath={refused ? null : path} />
      <LoadState loading={table.loading && !data} error={table.error} />
      {data && (
        <>
          <SimpleGrid cols={4}>
            {data.summary.map((item) => (
              <UnstyledButton
                key={item.level}
                onClick={() => setLevel(level === item.level ? null : item.level)}
                aria-pressed={level === item.level}
                data-testid={`risk-summary-${item.level}`}
              >
                <Card withBorder padding="sm" style={{ borderLeft: `6px solid ${RISK_HEX[item.level]}` }}>
                  <Text fw={700}>{item.label}</Text>
                  <Text size="sm">
                    {t('riskMapCustomers', { n: item.customers })} —{' '}
                    {money(item.balanceMinor, data.currency, lang)}
                  </Text>
                </Card>
              </UnstyledButton>
            ))}
          </SimpleGrid>
          <Text size="sm" c="dimmed" data-testid="risk-counted">
            {t('riskCounted', {
              n: data.summary.reduce((n, item) => n + item.customers, 0),
              date: date(data.asOf, lang),
            })}
          </Text>
          <Group align="flex-end">
            <Select
              label={t('riskLevel')}
              value={level || null}
              onChange={setLevel}
              placeholder={t('allLevels')}
              clearable
              data={data.summary.map((item) => ({ value: item.level, label: item.label }))}
              w={200}
            />
            <TextInput
              label={t('filterCustomers')}
              value={search}
              onChange={(event) => {
                setSearch(event.currentTarget.value);
                setPage(1);
              }}
              w={260}
            />
            <Text c="dimmed" data-testid="risk-count">
              {t('rowsShown', { n: rows.length })}
            </Text>
          </Group>
          <RiskRows
            rows={rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
            buckets={data.buckets}
            currency={data.currency}
            sort={sort}
            onSort={onSort}
          />
          {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} aria-label={t('page')} />}
          <RiskMap />
        </>
      )}
    </Stack>
  );
}
