import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../infra/bulk.ts';
import { copyText } from './copy-stage.ts';

interface Row {
  text: string | null;
  flag?: boolean | null;
  body?: unknown;
}

const TEXT: ColumnSpec<Row> = { name: 'text', type: 'text', value: (row) => row.text };
const FLAG: ColumnSpec<Row> = { name: 'flag', type: 'bool', value: (row) => row.flag };
const BODY: ColumnSpec<Row> = { name: 'body', type: 'jsonb', value: (row) => row.body };

/** What COPY's text format reads back from one field (the inverse of its escapes). */
function readField(field: string): string | null {
  if (field === '\\N') return null;
  return field.replace(/\\(.)/g, (_, character: string) =>
    character === 't' ? '\t' : character === 'n' ? '\n' : character === 'r' ? '\r' : character,
  );
}

describe('COPY text rows', () => {
  it('escapes the separators so that every value reads back as written, null apart from empty', () => {
    const values = ['a\tb', 'line\nnext', 'cr\rlf', 'back\\slash', '\\N', '', 'Société Générale — €', null];
    const text = copyText(
      values.map((value) => ({ text: value })),
      [TEXT],
    );
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(values.length);
    expect(lines.map(readField)).toEqual(values);
  });

  it('writes booleans as t/f and JSON as its text, tabs inside escaped', () => {
    const text = copyText(
      [
        { text: 'x', flag: true, body: { note: 'a\tb', n: 1 } },
        { text: 'y', flag: false },
      ],
      [TEXT, FLAG, BODY],
    );
    const [first, second] = text.slice(0, -1).split('\n');
    expect(first?.split('\t')).toEqual(['x', 't', '{"note":"a\\\\tb","n":1}']);
    expect(readField(first?.split('\t')[2] ?? '')).toBe(JSON.stringify({ note: 'a\tb', n: 1 }));
    expect(second?.split('\t')).toEqual(['y', 'f', '\\N']);
  });

  it('reads back every text and every JSON value as written (any characters)', () => {
    const special = fc.constantFrom('\t', '\n', '\r', '\\', '\\N', '"', 'é', '€', 'a', ' ');
    const text = fc.oneof(
      fc.string(),
      fc.array(special).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, fc.jsonValue(), (value, body) => {
        const [field, json] = copyText([{ text: value, body }], [TEXT, BODY])
          .slice(0, -1)
          .split('\t');
        expect(field?.includes('\n')).toBe(false);
        expect(readField(field ?? '')).toBe(value);
        // A JSON null is stored as SQL null, as every null.
        expect(readField(json ?? '')).toBe(body === null ? null : JSON.stringify(body));
      }),
    );
  });
});
