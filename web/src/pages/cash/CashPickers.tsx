/**
 * The pickers of the correction and split dialogs: a customer found by name or code (the customer
 * list's search), then that customer's open items to settle (its file's open items). Both still
 * take what is typed: a code typed whole, a reference typed and confirmed with Enter — a person may
 * know a reference the list does not show yet.
 */
import { Autocomplete, Group, TagsInput, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, type CustomerFile, type CustomerPage } from '../../api.ts';
import { date, money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

/** A pause after the last key before the list is asked, so a name typed is one request, not ten. */
const SEARCH_DELAY_MS = 250;
const SEARCH_LIMIT = 15;

interface Found {
  code: string;
  name: string;
}

/** The customers whose name or code holds the text typed (two characters at least). */
function useCustomerSearch(text: string): Found[] {
  const [found, setFound] = useState<Found[]>([]);
  useEffect(() => {
    const search = text.trim();
    if (search.length < 2) {
      setFound([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api<CustomerPage>(`/api/customers?search=${encodeURIComponent(search)}&sort=name&limit=${SEARCH_LIMIT}`)
        .then((page) => current && setFound(page.items.map(({ code, name }) => ({ code, name }))))
        .catch(() => current && setFound([]));
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  return found;
}

/** A customer code, typed or chosen among the customers whose name or code matches. */
export function CustomerPicker({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange(code: string): void;
  testId?: string;
}) {
  const { t } = useI18n();
  const found = useCustomerSearch(value);
  const names = new Map(found.map((customer) => [customer.code, customer.name]));
  // Once a code is chosen (or typed whole), the customer it names is said under the label.
  const chosen = names.get(value.trim());
  return (
    <Autocomplete
      label={t('cash.page.customerSearch')}
      description={chosen ?? t('cash.page.customerSearchHint')}
      value={value}
      onChange={onChange}
      data={found.map((customer) => customer.code)}
      // The server already matched the name or the code: its answer is shown as it is.
      filter={({ options }) => options}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm">{names.get(option.value) ?? option.value}</Text>
          <Text size="xs" c="dimmed">
            {option.value}
          </Text>
        </Group>
      )}
      data-testid={testId}
    />
  );
}

export interface OpenItemChoice {
  ref: string;
  openMinor: number;
  dueDate: string;
  currency: string;
}

/** The open items of a customer in the receipt's currency (none while the code names nobody). */
export function useOpenItems(customerCode: string, currency: string): OpenItemChoice[] {
  const [items, setItems] = useState<OpenItemChoice[]>([]);
  useEffect(() => {
    const code = customerCode.trim();
    setItems([]);
    if (code === '') return;
    let current = true;
    const timer = setTimeout(() => {
      api<CustomerFile>(`/api/customers/${encodeURIComponent(code)}`)
        .then(
          (file) =>
            current &&
            setItems(
              file.openItems
                .filter((item) => item.currency === currency && item.openMinor !== 0)
                .map(({ externalRef, openMinor, dueDate }) => ({
                  ref: externalRef,
                  openMinor,
                  dueDate,
                  currency,
                })),
            ),
        )
        // A code still being typed names nobody yet (404): no list, the text typed stays.
        .catch(() => undefined);
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [customerCode, currency]);
  return items;
}

/** References chosen among the customer's open items, or typed (Enter, a comma or a space ends one). */
export function OpenItemsPicker({
  items,
  value,
  onChange,
  customerChosen,
  testId,
}: {
  items: readonly OpenItemChoice[];
  value: string[];
  onChange(refs: string[]): void;
  customerChosen: boolean;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const byRef = new Map(items.map((item) => [item.ref, item]));
  return (
    <TagsInput
      label={t('cash.page.itemsPick')}
      description={
        customerChosen && items.length === 0 ? t('cash.page.noOpenItem') : t('cash.page.itemsPickHint')
      }
      value={value}
      onChange={onChange}
      data={items.map((item) => item.ref)}
      splitChars={[',', ' ']}
      acceptValueOnBlur
      maxDropdownHeight={260}
      renderOption={({ option }) => {
        const item = byRef.get(option.value);
        return item
          ? t('cash.page.itemOption', {
              ref: item.ref,
              amount: money(item.openMinor, item.currency, lang),
              due: date(item.dueDate, lang),
            })
          : option.value;
      }}
      data-testid={testId}
    />
  );
}

/** What the references chosen leave open in all, for the line under the picker (unknown ones count nothing). */
export function chosenTotalMinor(items: readonly OpenItemChoice[], refs: readonly string[]): number {
  const byRef = new Map(items.map((item) => [item.ref, item.openMinor]));
  return refs.reduce((sum, ref) => sum + (byRef.get(ref) ?? 0), 0);
}
