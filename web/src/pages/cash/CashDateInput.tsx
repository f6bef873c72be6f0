/**
 * A date of the cash panels, typed as the interface writes it (« 30/06/2026 », both languages
 * day first): the panel asks the API for that date once it reads as one, and shows the date its
 * report is as of until a person types another.
 */
import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { parseDayFirst } from '../../components/day-date.ts';
import { date } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

export function CashDateInput({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  /** The date shown: the one chosen, else the one the report is as of ('' while it loads). */
  value: string;
  onChange(iso: string): void;
  testId: string;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(value ? date(value, lang) : '');
  useEffect(() => setText(value ? date(value, lang) : ''), [value, lang]);
  const invalid = text.trim() !== '' && parseDayFirst(text) === null;
  return (
    <TextInput
      label={label}
      placeholder={t('cash.page.dateHelp')}
      value={text}
      error={invalid ? t('cash.page.dateInvalid') : undefined}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setText(typed);
        const iso = parseDayFirst(typed);
        if (iso !== null && iso !== value) onChange(iso);
      }}
      w={150}
      data-testid={testId}
    />
  );
}
