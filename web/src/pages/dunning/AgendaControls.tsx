/**
 * The agenda's collector controls: whose agenda to show (a manager picks a collector, all, or the
 * unassigned customers) and what became of an entry today (done, snoozed until a date, handed to
 * another collector).
 */
import { Button, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { ApiError, api, query } from '../../api.ts';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { date } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import type { TargetProgress } from './AgendaTargets.tsx';
import type { Agenda, AgendaEntry } from './types.ts';

export interface CollectorOption {
  email: string;
  name: string;
  customers: number;
}

export type CollectorAgendaEntry = AgendaEntry & { collector: string | null };

export interface CollectorAgenda extends Agenda {
  scope: { kind: 'all' | 'unassigned' | 'collector'; collector: string | null };
  collectors: CollectorOption[];
  hiddenCount: number;
  targets: TargetProgress[];
  entries: CollectorAgendaEntry[];
}

/** Roles that pick another collector's agenda (as AGENDA_MANAGER_ROLES on the server). */
export const AGENDA_MANAGERS = ['admin', 'credit_manager', 'director', 'auditor'];

/** '' is the reader's default: their own portfolio for a collector, every customer for a manager. */
export function CollectorPicker({
  value,
  collectors,
  onChange,
}: {
  value: string;
  collectors: readonly CollectorOption[];
  onChange(value: string): void;
}) {
  const { t } = useI18n();
  return (
    <Select
      data-testid="agenda-collector"
      label={t('agenda.page.collector')}
      w={320}
      allowDeselect={false}
      value={value === '' ? 'all' : value}
      onChange={(next) => onChange(next === 'all' || next === null ? '' : next)}
      data={[
        { value: 'all', label: t('agenda.scope.all') },
        { value: 'unassigned', label: t('agenda.scope.unassigned') },
        ...collectors.map((c) => ({ value: c.email, label: `${c.name} (${c.customers})` })),
      ]}
    />
  );
}

type Open = 'snooze' | 'reassign' | null;

export function EntryDecisions({
  entry,
  asOf,
  collectors,
  onDone,
}: {
  entry: CollectorAgendaEntry;
  asOf: string;
  collectors: readonly CollectorOption[];
  onDone(message: string): void;
}) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const [until, setUntil] = useState('');
  const [collector, setCollector] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (body: object, message: (outcome: { reassignedTaskIds: number[] }) => string) => {
    setBusy(true);
    try {
      const outcome = await api<{ reassignedTaskIds: number[] }>(
        `/api/dunning/agenda/entries/${encodeURIComponent(entry.customerCode)}/decision${query({ lang })}`,
        { method: 'POST', body: { asOf, ...body } },
      );
      setOpen(null);
      onDone(message(outcome));
    } catch (error) {
      onDone(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const customer = entry.customerName;
  return (
    <Group gap={4} mt={4}>
      <Button
        size="compact-xs"
        variant="default"
        loading={busy && open === null}
        onClick={() => decide({ decision: 'done' }, () => t('agenda.decision.done', { customer }))}
      >
        {t('agenda.page.done')}
      </Button>
      <Button
        size="compact-xs"
        variant="default"
        onClick={() => setOpen(open === 'snooze' ? null : 'snooze')}
      >
        {t('agenda.page.snooze')}
      </Button>
      <Button
        size="compact-xs"
        variant="default"
        onClick={() => setOpen(open === 'reassign' ? null : 'reassign')}
      >
        {t('agenda.page.reassign')}
      </Button>
      {open === 'snooze' && (
        <Group gap={4} align="flex-end">
          <DayDateInput
            size="xs"
            w={120}
            label={t('agenda.page.snoozeUntil')}
            value={until}
            onChange={setUntil}
          />
          <Button
            size="compact-xs"
            loading={busy}
            disabled={until === ''}
            onClick={() =>
              decide({ decision: 'snoozed', until }, () =>
                t('agenda.decision.snoozed', { customer, date: date(until, lang) }),
              )
            }
          >
            {t('agenda.page.confirm')}
          </Button>
        </Group>
      )}
      {open === 'reassign' && (
        <Group gap={4} align="flex-end">
          <Select
            size="xs"
            label={t('agenda.page.reassignTo')}
            value={collector}
            onChange={setCollector}
            data={collectors
              .filter((c) => c.email !== entry.collector)
              .map((c) => ({ value: c.email, label: c.name }))}
          />
          <Button
            size="compact-xs"
            loading={busy}
            disabled={collector === null}
            onClick={() =>
              decide({ decision: 'reassigned', collector }, (outcome) =>
                t('agenda.decision.reassigned', {
                  customer,
                  collector: collectors.find((c) => c.email === collector)?.name ?? collector ?? '',
                  count: outcome.reassignedTaskIds.length,
                }),
              )
            }
          >
            {t('agenda.page.confirm')}
          </Button>
        </Group>
      )}
    </Group>
  );
}
