/**
 * A salesperson user's scope, picked among the salesperson names of the customers file (a name no
 * customer carries would show that user nothing); typed freely only while no customer names one.
 */
import { Select, TextInput } from '@mantine/core';
import { useState } from 'react';

interface Props {
  known: readonly string[];
  value: string;
  label?: string;
  ariaLabel?: string;
  required?: boolean;
  size?: 'xs' | 'sm';
  w?: number;
  /** When a typed name is handed over: at each key (a form sent later), or when left (a row saved at once). */
  commit?: 'typing' | 'leaving';
  onChange(name: string): void;
}

export function SalespersonPicker(props: Props) {
  const { known, value, label, ariaLabel, required, size, w, commit = 'leaving', onChange } = props;
  const [typed, setTyped] = useState(value);
  const common = { label, 'aria-label': ariaLabel ?? label, required, size, w };
  if (known.length === 0)
    return (
      <TextInput
        {...common}
        value={commit === 'typing' ? value : typed}
        onChange={(event) => {
          setTyped(event.currentTarget.value);
          if (commit === 'typing') onChange(event.currentTarget.value);
        }}
        onBlur={() => typed.trim() !== value && onChange(typed.trim())}
        onKeyDown={(event) => event.key === 'Enter' && typed.trim() !== value && onChange(typed.trim())}
      />
    );
  return (
    <Select
      {...common}
      searchable
      allowDeselect={false}
      value={value || null}
      data={known.includes(value) || value === '' ? [...known] : [value, ...known]}
      onChange={(name) => name && name !== value && onChange(name)}
    />
  );
}
