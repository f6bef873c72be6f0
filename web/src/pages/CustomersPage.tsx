/** The portfolio: search, filters, sort and server-side pagination, all kept in the URL. */
import {
  Alert,
  Anchor,
  Badge,
  Checkbox,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type CustomerPage, query } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { HorizontalScroll } from '../components/HorizontalScroll.tsx';
import { date, money } from '../format.ts';
import { CUSTOMER_TYPE_KEYS, useI18n } from '../i18n.tsx';
import { useApi } from '../use-api.ts';

const PAGE_SIZE = 25;

export function CustomersPage() {
  const { t, lang, customerType, status } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('search') ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  const page = Number(params.get('page') ?? '1') || 1;
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text drives the URL
  useEffect(() => {
    if ((params.get('search') ?? '') !== debounced) update({ search: debounced || null });
  }, [debounced]);
  const path = `/api/customers${query({
    search: params.get('search'),
    customerType: params.get('customerType'),
    salesperson: params.get('salesperson'),
    overdue: params.get('overdue') === 'true' ? true : undefined,
    sort: params.get('sort') ?? 'code',
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  })}`;
  const { data, error } = useApi<CustomerPage>(path);
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('customers')}</Title>
        <Text c="dimmed" aria-live="polite" data-testid="customer-count">
          {data ? `${t('results', { n: data.total })} — ${t('asOf', { date: date(data.asOf, lang) })}` : ''}
        </Text>
      </Group>
      <Group align="end">
        <TextInput
          label={t('search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={260}
        />
        <Select
          label={t('customerType')}
          clearable
          placeholder={t('all')}
          value={params.get('customerType')}
          onChange={(value) => update({ customerType: value })}
          data={CUSTOMER_TYPE_KEYS.map((key) => ({ value: key, label: customerType(key) }))}
        />
        {me?.user.role !== 'salesperson' && (
          <TextInput
            label={t('salesperson')}
            defaultValue={params.get('salesperson') ?? ''}
            onBlur={(e) => update({ salesperson: e.currentTarget.value.trim() || null })}
            onKeyDown={(e) =>
              e.key === 'Enter' && update({ salesperson: e.currentTarget.value.trim() || null })
            }
          />
        )}
        <Select
          label={t('sortBy')}
          value={params.get('sort') ?? 'code'}
          allowDeselect={false}
          onChange={(value) => update({ sort: value })}
          data={[
            { value: 'code', label: t('sortCode') },
            { value: 'name', label: t('sortName') },
            { value: 'balance', label: t('sortBalance') },
            { value: 'overdue', label: t('sortOverdue') },
          ]}
        />
        <Checkbox
          label={t('overdueOnly')}
          checked={params.get('overdue') === 'true'}
          onChange={(e) => update({ overdue: e.currentTarget.checked ? 'true' : null })}
          mb={8}
        />
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      <HorizontalScroll minWidth={900}>
        <Table striped highlightOnHover data-testid="customer-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('code')}</Table.Th>
              <Table.Th scope="col">{t('name')}</Table.Th>
              <Table.Th scope="col">{t('customerType')}</Table.Th>
              <Table.Th scope="col">{t('salesperson')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('balance')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('overdue')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('limit')}
              </Table.Th>
              <Table.Th scope="col">{t('status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.items.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td>
                  <Anchor component={Link} to={`/customers/${encodeURIComponent(c.code)}`}>
                    {c.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{customerType(c.customerType)}</Table.Td>
                <Table.Td>{c.salesperson ?? '—'}</Table.Td>
                <Table.Td ta="right">{money(c.balanceMinor, c.currency, lang)}</Table.Td>
                <Table.Td ta="right" c={c.overdueMinor > 0 ? 'red.8' : undefined}>
                  {money(c.overdueMinor, c.currency, lang)}
                </Table.Td>
                <Table.Td ta="right">
                  {c.creditLimitMinor === null ? t('noLimit') : money(c.creditLimitMinor, c.currency, lang)}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={c.status === 'active' ? 'green' : 'red'}>
                    {status(c.status)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </HorizontalScroll>
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={(value) => update({ page: String(value) })}
        getControlProps={(control) => ({
          'aria-label': control === 'previous' ? t('previous') : control === 'next' ? t('next') : control,
        })}
        getItemProps={(value) => ({ 'aria-label': `${t('page')} ${value}` })}
      />
    </Stack>
  );
}
