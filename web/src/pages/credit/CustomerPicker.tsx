/**
 * Choosing a customer by name or code: what is typed searches the customer list on the server
 * (a salesperson's search reaches only their portfolio), the first matches by name are offered.
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { type CustomerPage, query } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { useApi } from '../../use-api.ts';
import { customerText, type PickedCustomer } from './credit-requests.ts';

const SHOWN = 20;

export function CustomerPicker(props: {
  value: PickedCustomer | null;
  onChange(customer: PickedCustomer | null): void;
  error?: string | undefined;
  /** A filter (the disputes page) may be left empty; a check or a request needs its customer. */
  required?: boolean;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState(props.value ? customerText(props.value) : '');
  // Once a customer is chosen the field shows its name: that text is no search.
  const typed = props.value && search === customerText(props.value) ? '' : search.trim();
  const [debounced] = useDebouncedValue(typed, 250);
  const found = useApi<CustomerPage>(
    `/api/customers${query({ search: debounced, sort: 'name', limit: SHOWN })}`,
  );
  const customers = useMemo(() => {
    const list: PickedCustomer[] = (found.data?.items ?? []).map(({ code, name, currency }) => ({
      code,
      name,
      currency,
    }));
    // The chosen customer stays an option, or the field would forget its name.
    const chosen = props.value;
    return chosen && !list.some((c) => c.code === chosen.code) ? [chosen, ...list] : list;
  }, [found.data, props.value]);
  return (
    <Select
      label={t('creditRequests.check.customer')}
      placeholder={t('creditRequests.check.customerPlaceholder')}
      required={props.required ?? true}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched: every option it sent is a match.
      filter={({ options }) => options}
      nothingFoundMessage={found.loading ? undefined : t('creditRequests.check.noCustomer')}
      data={customers.map((c) => ({ value: c.code, label: customerText(c) }))}
      value={props.value?.code ?? null}
      onChange={(code) => props.onChange(customers.find((c) => c.code === code) ?? null)}
      error={props.error}
      data-testid="customer-picker"
    />
  );
}
