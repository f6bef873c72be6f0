import { describe, expect, it } from 'vitest';
import { copyText } from '../imports/copy-stage.ts';
import type { ColumnSpec } from '../infra/bulk.ts';
import { CopyChunks, copyLine } from './run-copy.ts';

interface Row {
  code: string | null;
  amountMinor: number | null;
  late: boolean | null;
  dueDate: string | null;
  job: unknown;
}

const COLUMNS: ColumnSpec<Row>[] = [
  { name: 'code', type: 'text', value: (r) => r.code },
  { name: 'amount_minor', type: 'int8', value: (r) => r.amountMinor },
  { name: 'late', type: 'bool', value: (r) => r.late },
  { name: 'due_date', type: 'date', value: (r) => r.dueDate },
  { name: 'job', type: 'jsonb', value: (r) => r.job },
];

const ROWS: Row[] = [
  { code: 'C001', amountMinor: 123456, late: true, dueDate: '2026-06-30', job: { kind: 'letters', n: 1 } },
  { code: null, amountMinor: null, late: null, dueDate: null, job: null },
  { code: 'tab\there\nnew\rline\\back', amountMinor: -5, late: false, dueDate: '2026-01-02', job: 7 },
  {
    code: 'Pénalités « 40 € » l’article',
    amountMinor: 0,
    late: false,
    dueDate: '2025-12-31',
    job: { text: ['a\tb', 'c\nd', 'back\\slash "quoted"', 'é’€'], nested: { n: [1, 2.5, null] } },
  },
  { code: '', amountMinor: Number.MAX_SAFE_INTEGER, late: true, dueDate: '2026-06-30', job: 'string \\ job' },
];

describe('copyLine', () => {
  it('writes the bytes copy-stage writes, row by row', () => {
    expect(ROWS.map((row) => copyLine(row, COLUMNS)).join('')).toBe(copyText(ROWS, COLUMNS));
    for (const row of ROWS) expect(copyLine(row, COLUMNS)).toBe(copyText([row], COLUMNS));
  });

  it('escapes the separators and writes null as \\N', () => {
    expect(copyLine(ROWS[1] as Row, COLUMNS)).toBe('\\N\t\\N\t\\N\t\\N\t\\N\n');
    expect(copyLine(ROWS[2] as Row, COLUMNS)).toBe('tab\\there\\nnew\\rline\\\\back\t-5\tf\t2026-01-02\t7\n');
  });
});

/** Every byte `CopyChunks` wrote for `rows`, its buffers put end to end. */
function chunked<R>(rows: readonly R[], columns: readonly ColumnSpec<R>[], size?: number): Buffer {
  const chunks = new CopyChunks(size);
  const buffers: Buffer[] = [];
  for (const row of rows) {
    chunks.row(row, columns);
    if (chunks.ready) buffers.push(...chunks.takeFull());
  }
  buffers.push(...chunks.finish());
  return Buffer.concat(buffers);
}

describe('CopyChunks', () => {
  it('writes the bytes of copy-stage’s text, in buffers large or small', () => {
    const expected = Buffer.from(copyText(ROWS, COLUMNS));
    expect(chunked(ROWS, COLUMNS).equals(expected)).toBe(true);
    // Buffers smaller than a row: a row spread over several, a long value in one of its own.
    for (const size of [16, 64, 300]) expect(chunked(ROWS, COLUMNS, size).equals(expected)).toBe(true);
  });

  it('copies a jsonb value given as JSON bytes as it copies the value itself', () => {
    const asBytes: ColumnSpec<Row>[] = COLUMNS.map((column) =>
      column.type === 'jsonb'
        ? { ...column, value: (r) => (r.job === null ? null : Buffer.from(JSON.stringify(r.job))) }
        : column,
    );
    const expected = Buffer.from(copyText(ROWS, COLUMNS));
    for (const size of [8, 64, 1 << 20]) expect(chunked(ROWS, asBytes, size).equals(expected)).toBe(true);
    // Backslashes (JSON's own escapes) are doubled; nothing else is touched.
    const one = chunked([ROWS[3] as Row], asBytes).toString();
    expect(one).toContain('"a\\\\tb"');
    expect(one).toContain('back\\\\\\\\slash \\\\"quoted\\\\"');
  });
});
