/**
 * A date typed as the interface writes it (« 30/06/2026 », day first in both languages) for a
 * value the API takes as '2026-06-30': the page gets the ISO date once the text reads as one, and
 * '' while it is empty or not a date (the error under the field says why).
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { date } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { parseDayFirst } from './day-date.ts';

export interface DayDateInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  /** 'YYYY-MM-DD', or '' for no date. */
  value: string;
  onChange(iso: string): void;
}

export function DayDateInput({ value, onChange, onBlur, ...props }: DayDateInputProps) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(value ? date(value, lang) : '');
  // A date set from outside (a reset, the date a report is as of) replaces what is typed; the
  // date the text already reads as does not: « 1/6/2026 » stays as typed until the field is left.
  useEffect(() => {
    setText((typed) => ((parseDayFirst(typed) ?? '') === value ? typed : value ? date(value, lang) : ''));
  }, [value, lang]);
  const invalid = text.trim() !== '' && parseDayFirst(text) === null;
  return (
    <TextInput
      placeholder={t('common.dateHelp')}
      {...props}
      value={text}
      error={invalid ? t('common.dateInvalid') : undefined}
      // Once the person leaves the field, a date typed « 1/7/2026 » reads as the app writes it.
      onBlur={(event) => {
        const iso = parseDayFirst(text);
        if (iso) setText(date(iso, lang));
        onBlur?.(event);
      }}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setText(typed);
        const iso = parseDayFirst(typed) ?? '';
        if (iso !== value) onChange(iso);
      }}
    />
  );
}
