/**
 * A date of the cash panels, typed as the interface writes it (« 30/06/2026 », both languages
 * day first): the panel asks the API for that date once it reads as one, and shows the date its
 * report is as of until a person types another.
 */
import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { isValidIsoDate } from '../../../../src/core/calendar.ts';
import { date } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

/** « 30/06/2026 » (or 30.06.2026, 30-06-2026) → '2026-06-30'; null when it is not a date. */
export function parseDayFirst(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

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
