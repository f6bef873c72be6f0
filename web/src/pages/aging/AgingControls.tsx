/** The aged balance's settings: grouping, age basis, as-of date and bucket bounds. */
import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { DayDateInput } from '../../components/DayDateInput.tsx';
import { useI18n } from '../../i18n.tsx';

export interface AgingSettings {
  by: string;
  basis: string;
  asOf: string;
  buckets: string;
}

const GROUPINGS = [
  ['customer', 'byCustomer'],
  ['customer_type', 'byCustomerType'],
  ['salesperson', 'bySalesperson'],
  ['group', 'byGroup'],
  ['country', 'byCountry'],
] as const;

/** Increasing positive day counts, e.g. "30,60,90". */
export function validBounds(text: string): boolean {
  if (text === '') return true;
  if (!/^\d+(,\d+)*$/.test(text)) return false;
  const days = text.split(',').map(Number);
  return days.every((day, index) => day > 0 && (index === 0 || day > (days[index - 1] ?? 0)));
}

export function AgingControls({
  settings,
  onChange,
}: {
  settings: AgingSettings;
  onChange(next: Partial<AgingSettings>): void;
}) {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState(settings.asOf);
  const [buckets, setBuckets] = useState(settings.buckets);
  const bucketsValid = validBounds(buckets.replace(/\s/g, ''));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (bucketsValid) onChange({ asOf, buckets: buckets.replace(/\s/g, '') });
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-end" gap="md">
        <Select
          label={t('groupBy')}
          value={settings.by}
          allowDeselect={false}
          onChange={(value) => value && onChange({ by: value })}
          data={GROUPINGS.map(([value, key]) => ({ value, label: t(key) }))}
          w={190}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="aging-basis-label">
            {t('basis')}
          </Text>
          <SegmentedControl
            aria-labelledby="aging-basis-label"
            value={settings.basis}
            onChange={(value) => onChange({ basis: value })}
            data={[
              { value: 'due', label: t('basisDue') },
              { value: 'issue', label: t('basisIssue') },
            ]}
          />
        </Stack>
        <DayDateInput label={t('asOfDate')} value={asOf} onChange={setAsOf} w={170} />
        <TextInput
          label={t('bucketBounds')}
          value={buckets}
          placeholder="30,60,90"
          error={bucketsValid ? undefined : t('bucketBoundsError')}
          onChange={(event) => setBuckets(event.currentTarget.value)}
          w={230}
        />
        <Button type="submit" variant="light" disabled={!bucketsValid}>
          {t('apply')}
        </Button>
      </Group>
    </form>
  );
}
