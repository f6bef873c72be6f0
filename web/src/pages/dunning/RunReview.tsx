/**
 * The review of a run's preview before sending: totals per step and the selection's grand total
 * (RunTotals.tsx), filters (step, channel, customer), one page of actions at a time with a checkbox
 * each, select all/none and an exclusion per action (each action's row: RunActionRow.tsx), and
 * under them what the page adds (the invoices skipped) filtered by the same customer.
 * A real day plans hundreds of reminders: the page shows 50 at a time so a person can read them.
 */
import { Button, Checkbox, Group, Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { money } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { ActionRow } from './RunActionRow.tsx';
import {
  actionKey,
  creditsByCustomer,
  filterActions,
  type ReviewAction,
  type ReviewFilter,
  stepName,
  stepTotals,
} from './RunReviewModel.ts';
import { RunTotals } from './RunTotals.tsx';
import type { RunView } from './types.ts';

export const PAGE_ACTIONS = 50;

export interface Selection {
  selected: ReadonlySet<string>;
  excluded: ReadonlySet<string>;
}

interface Props {
  actions: readonly ReviewAction[];
  /** The credits the run deducts, per customer: each row lists its customer's (read with the run). */
  deductedCredits: RunView['deductedCredits'] | undefined;
  /** Null once sent: no selection, no pause. */
  selection: Selection | null;
  onSelection(next: Selection): void;
  onPauseChange(changed: boolean): void;
  /** Shown under the rows with the filter they follow, so that both name the same customers. */
  below?(filter: ReviewFilter): ReactNode;
}

function StepTotals({ actions }: { actions: readonly ReviewAction[] }) {
  const { t, lang, label } = useI18n();
  return (
    <Table withTableBorder data-testid="dunning-run-totals" w="auto">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('dunningReview.totals')}</Table.Th>
          <Table.Th ta="right">{t('dunning.page.totalDue')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {stepTotals(actions).map((total) => (
          <Table.Tr key={total.step}>
            <Table.Td>
              {stepName(t, label, total.action)} — {t('dunningReview.actions', { count: total.count })}
            </Table.Td>
            <Table.Td ta="right">
              {[...total.totalsByCurrency]
                .map(([currency, minor]) => money(minor, currency, lang))
                .join(' · ')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Filters({
  actions,
  filter,
  onFilter,
}: {
  actions: readonly ReviewAction[];
  filter: ReviewFilter;
  onFilter(next: ReviewFilter): void;
}) {
  const { t, label } = useI18n();
  const steps = stepTotals(actions).map((s) => ({ value: s.step, label: stepName(t, label, s.action) }));
  const channels = [...new Set(actions.map((a) => a.channel))]
    .sort()
    .map((value) => ({ value, label: label('dunningChannel', value) }));
  return (
    <Group align="end">
      <Select
        label={t('dunningReview.filterStep')}
        placeholder={t('dunningReview.filterAll')}
        data={steps}
        value={filter.step}
        clearable
        onChange={(step) => onFilter({ ...filter, step })}
      />
      <Select
        label={t('dunningReview.filterChannel')}
        placeholder={t('dunningReview.filterAll')}
        data={channels}
        value={filter.channel}
        clearable
        onChange={(channel) => onFilter({ ...filter, channel })}
      />
      <TextInput
        label={t('dunningReview.search')}
        value={filter.search}
        onChange={(e) => onFilter({ ...filter, search: e.currentTarget.value })}
      />
    </Group>
  );
}

export function RunReview({ actions, deductedCredits, selection, onSelection, onPauseChange, below }: Props) {
  const { t } = useI18n();
  const credits = useMemo(() => creditsByCustomer(deductedCredits), [deductedCredits]);
  const [filter, setFilter] = useState<ReviewFilter>({ step: null, channel: null, search: '' });
  const [page, setPage] = useState(1);
  const shown = useMemo(() => filterActions(actions, filter), [actions, filter]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_ACTIONS));
  const current = Math.min(page, pages);
  const onPage = shown.slice((current - 1) * PAGE_ACTIONS, current * PAGE_ACTIONS);
  const choosable = selection ? shown.filter((a) => !selection.excluded.has(actionKey(a))) : [];
  const allShownSelected = selection !== null && choosable.every((a) => selection.selected.has(actionKey(a)));
  const setSelected = (keys: Iterable<string>) =>
    selection && onSelection({ ...selection, selected: new Set(keys) });
  // The run's selection is by customer (the use case's customerCodes): ticking or excluding one
  // action does the same to the customer's other actions, so the page shows what will be sent.
  const keysOf = (customerCode: string) =>
    actions.filter((a) => a.customerCode === customerCode).map(actionKey);
  const toggle = (customerCode: string, on: boolean) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    for (const key of keysOf(customerCode))
      if (on && !selection.excluded.has(key)) next.add(key);
      else next.delete(key);
    setSelected(next);
  };
  const exclude = (customerCode: string, out: boolean) => {
    if (!selection) return;
    const excluded = new Set(selection.excluded);
    const selected = new Set(selection.selected);
    for (const key of keysOf(customerCode))
      if (out) {
        excluded.add(key);
        selected.delete(key);
      } else {
        excluded.delete(key);
        selected.add(key);
      }
    onSelection({ selected, excluded });
  };
  const allKeys = actions.map(actionKey).filter((k) => !selection?.excluded.has(k));
  return (
    <>
      <Group align="start">
        <StepTotals actions={actions} />
        <RunTotals actions={actions} selected={selection?.selected ?? null} />
      </Group>
      <Filters
        actions={actions}
        filter={filter}
        onFilter={(next) => {
          setFilter(next);
          setPage(1);
        }}
      />
      {selection && (
        <Group>
          <Button size="xs" variant="default" onClick={() => setSelected(allKeys)}>
            {t('dunningReview.selectAll')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setSelected([])}>
            {t('dunningReview.selectNone')}
          </Button>
          <Text size="sm" data-testid="dunning-run-selected">
            {t('dunningReview.selected', { selected: selection.selected.size, total: actions.length })}
            {selection.excluded.size > 0 &&
              ` · ${t('dunningReview.excludedCount', { count: selection.excluded.size })}`}
          </Text>
        </Group>
      )}
      {shown.length === 0 && <Text c="dimmed">{t('dunningReview.noMatch')}</Text>}
      <Table striped data-testid="dunning-run">
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th>
                <Checkbox
                  aria-label={t('dunningReview.selectShown')}
                  checked={choosable.length > 0 && allShownSelected}
                  onChange={(e) => {
                    const next = new Set(selection.selected);
                    for (const a of choosable)
                      for (const key of keysOf(a.customerCode))
                        if (e.currentTarget.checked && !selection.excluded.has(key)) next.add(key);
                        else next.delete(key);
                    setSelected(next);
                  }}
                />
              </Table.Th>
            )}
            <Table.Th>{t('dunning.page.customer')}</Table.Th>
            <Table.Th>{t('dunning.page.step')}</Table.Th>
            <Table.Th>{t('dunning.page.channel')}</Table.Th>
            <Table.Th>{t('dunning.page.items')}</Table.Th>
            <Table.Th ta="right">{t('dunning.page.interest')}</Table.Th>
            <Table.Th ta="right">{t('dunning.page.indemnity')}</Table.Th>
            <Table.Th ta="right">{t('dunning.page.totalDue')}</Table.Th>
            {selection && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {onPage.map((a) => {
            const key = actionKey(a);
            const choice = selection && {
              selected: selection.selected.has(key),
              excluded: selection.excluded.has(key),
              onToggle: (on: boolean) => toggle(a.customerCode, on),
              onExclude: (out: boolean) => exclude(a.customerCode, out),
            };
            return (
              <ActionRow
                key={key}
                action={a}
                customerCredits={credits.get(a.customerCode)}
                choice={choice}
                onPauseChange={onPauseChange}
              />
            );
          })}
        </Table.Tbody>
      </Table>
      {pages > 1 && (
        <Group>
          <Pagination total={pages} value={current} onChange={setPage} />
          <Text size="sm">{t('dunningReview.page', { page: current, pages })}</Text>
        </Group>
      )}
      {below?.(filter)}
    </>
  );
}
