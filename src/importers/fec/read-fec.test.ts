import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { reasonOf } from '../../../test/support/import-test-files.ts';
import { JournalTypes, stagedLineOf } from './fec-reconstruct.ts';
import { chooseSingleByteEncoding } from './fec-text.ts';
import { parseFecAmount, parseFecDate } from './fec-values.ts';
import { readFecFile } from './read-fec.ts';

const dir = mkdtempSync(join(tmpdir(), 'encours-fec-unit-'));
const HEADER =
  'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise';
const ROWS = [
  'VE|Ventes|1|20240105|411000|Clients|C1|Café Müller|F1|20240105|Facture F1| 000000000001200,00|0,00|A|20240210|20240131||',
  'VE|Ventes|1|20240105|706000|Prestations|||F1|20240105|Facture F1|0,00|1200,00|||20240131||',
  'BQ|Banque|2|20240210|512000|Banque|||R1|20240210|Règlement|1200,00|0,00|||20240228||',
  'BQ|Banque|2|20240210|411000|Clients|C1|Café Müller|R1|20240210|Règlement|0,00|1200,00|A|20240210|20240228||',
];

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const read = (path: string) => readFecFile(path, { customerAccountPrefixes: ['411'] });

describe('FEC values', () => {
  it('reads padded, signed amounts with a decimal comma, exactly', () => {
    expect(parseFecAmount(' 000000000001437,12')).toBe(143_712);
    expect(parseFecAmount('-000000000001437,12')).toBe(-143_712);
    expect(parseFecAmount('0000000074,70')).toBe(7_470);
    expect(parseFecAmount('1 234,5')).toBe(123_450);
    expect(parseFecAmount('12.30')).toBe(1_230);
    expect(parseFecAmount('')).toBe(0);
    expect(parseFecAmount('12,345')).toBeNull();
    expect(parseFecAmount('douze')).toBeNull();
  });

  it('reads YYYYMMDD dates and refuses impossible ones', () => {
    expect(parseFecDate('20240229')).toBe('2024-02-29');
    expect(parseFecDate('20230229')).toBeNull();
    expect(parseFecDate('2024013')).toBeNull();
  });

  it('tells CP850 from Windows-1252 and ISO-8859-15 on French letters', () => {
    const histogram = (bytes: Buffer) => {
      const counts = new Array<number>(128).fill(0);
      for (const byte of bytes) if (byte >= 0x80) counts[byte - 0x80] = (counts[byte - 0x80] ?? 0) + 1;
      return counts;
    };
    const text = 'Société Générale, N° 12, crème brûlée, façade';
    expect(chooseSingleByteEncoding(histogram(iconv.encode(text, 'cp850')))).toBe('cp850');
    expect(chooseSingleByteEncoding(histogram(iconv.encode(text, 'win1252')))).toBe('windows-1252');
    expect(chooseSingleByteEncoding(histogram(iconv.encode(`${text} 12 €`, 'iso-8859-15')))).toBe(
      'iso-8859-15',
    );
  });
});

describe('readFecFile', () => {
  it('reads a pipe file with a trailing separator, CRLF and a BOM', async () => {
    const text = `\ufeff${[HEADER, ...ROWS].map((row) => `${row}|`).join('\r\n')}\r\n`;
    const result = await read(write('pipe.txt', text));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result).toMatchObject({ lines: 4, entries: 2, firstDate: '2024-01-05', lastDate: '2024-02-10' });
    expect(result.customerLines.map((line) => [line.line, line.amountMinor, line.compAuxLib])).toEqual([
      [2, 120_000, 'Café Müller'],
      [5, -120_000, 'Café Müller'],
    ]);
  });

  it('warns with a code, not a sentence, about a column the FEC does not define', async () => {
    const text = [`${HEADER}|Analytique`, ...ROWS.map((row) => `${row}|A1`)].join('\n');
    const result = await read(write('extra-column.txt', text));
    expect(result.ok && result.warnings).toEqual([
      { code: 'fec_unknown_column', params: { column: 'Analytique' } },
    ]);
  });

  it('refuses a header it cannot split with one problem, and a renamed column by its name', async () => {
    // A semicolon is neither separator of a FEC: the header is one cell, not 18 missing columns.
    const semicolons = [HEADER, ...ROWS].map((row) => row.replace(/\|/g, ';')).join('\n');
    const unreadable = await read(write('semicolons.txt', semicolons));
    expect(unreadable.ok || unreadable.errors).toEqual([
      expect.objectContaining({ line: 1, column: null, code: 'fec_header_unreadable' }),
    ]);
    const renamed = await read(
      write('renamed.txt', [HEADER.replace('CompteNum', 'NumCompte'), ...ROWS].join('\n')),
    );
    expect(renamed.ok || renamed.errors).toEqual([
      expect.objectContaining({ line: 1, column: 'CompteNum', code: 'fec_missing_column' }),
    ]);
  });

  it('reads tabs, lower-case headers, \\r\\r\\n, the 22-column variant and CP850', async () => {
    const header = `${HEADER.toLowerCase().replace(/\|/g, '\t')}\tDateRglt\tModeRglt\tNatOp\tIdClient`;
    const rows = ROWS.map(
      (row) => `${row.replace(/\|/g, '\t')}\t${row.startsWith('VE') ? '20240315' : ''}\t\t\t`,
    );
    const bytes = iconv.encode(`${[header, ...rows].join('\r\r\n')}\r\r\n`, 'cp850');
    const result = await read(write('tab.txt', bytes));
    expect(result.ok && result.encoding).toBe('cp850');
    if (!result.ok) return;
    expect(result.customerLines[0]).toMatchObject({ compAuxLib: 'Café Müller', dateRglt: '2024-03-15' });
    const journals = new JournalTypes();
    const staged = result.customerLines.map((line) =>
      stagedLineOf(line, journals.typeOf(line.journalCode, result.journals.get(line.journalCode) ?? '')),
    );
    expect(staged.map((line) => [line.kind, line.amountMinor, line.dateRglt, line.letter])).toEqual([
      ['invoice', 120_000, '2024-03-15', 'A'],
      ['payment', -120_000, null, 'A'],
    ]);
    expect(staged[0]).toMatchObject({
      customerCode: 'C1',
      customerName: 'Café Müller',
      label: 'F1 — Facture F1',
    });
  });

  it('hands the customer lines over in batches instead of keeping them', async () => {
    const handed: number[] = [];
    const result = await readFecFile(write('sink.txt', `${[HEADER, ...ROWS].join('\n')}\n`), {
      customerAccountPrefixes: ['411'],
      onCustomerLines: (lines) => void handed.push(...lines.map((line) => line.line)),
    });
    expect(result.ok && result.customerLines).toEqual([]);
    expect(handed).toEqual([2, 5]);
  });

  it.each([
    [
      'an unbalanced entry',
      1,
      ROWS[1]?.replace('0,00|1200,00', '0,00|1100,00'),
      2,
      'Debit/Credit',
      'fec_entry_unbalanced',
      /does not balance/,
    ],
    [
      'a bad date',
      0,
      ROWS[0]?.replace('20240105|411000', '20240230|411000'),
      2,
      'EcritureDate',
      'fec_invalid_date',
      /not a valid date/,
    ],
    ['a truncated line', 0, ROWS[0]?.slice(0, 60), 2, 'EcritureLib', 'fec_column_count', /columns/],
    [
      'a bad amount',
      0,
      ROWS[0]?.replace(' 000000000001200,00', '12O0'),
      2,
      'Debit',
      'fec_invalid_amount',
      /not an amount/,
    ],
  ])(
    'rejects %s naming the line, the column and the rule',
    async (_name, index, row, line, column, code, reason) => {
      const rows = [...ROWS];
      rows[index] = row ?? '';
      const result = await readFecFile(
        write(`bad-${line}-${column.replace('/', '-')}.txt`, [HEADER, ...rows].join('\n')),
        { customerAccountPrefixes: ['411'] },
      );
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors[0]).toMatchObject({ line, column, code });
      expect(result.errors[0] && reasonOf(result.errors[0], 'en')).toMatch(reason);
    },
  );

  it('words its problems in French through the catalogue', async () => {
    const rows = [...ROWS];
    rows[0] = ROWS[0]?.replace('20240105|411000', '20240230|411000') ?? '';
    const result = await read(write('bad-fr.txt', [HEADER, ...rows].join('\n')));
    expect(result.ok ? [] : result.errors.map((error) => reasonOf(error))).toEqual([
      'date invalide (AAAAMMJJ)',
    ]);
  });

  it('rejects a header that misses a column of the decree', async () => {
    const result = await read(write('header.txt', [HEADER.replace('|EcritureLet', ''), ...ROWS].join('\n')));
    expect(result.ok ? [] : result.errors.map((error) => [error.line, error.column])).toEqual([
      [1, 'EcritureLet'],
    ]);
  });
});
