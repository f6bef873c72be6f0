import { describe, expect, it } from 'vitest';
import { tempDirOfTestFile } from '../../test/support/import-test-files.ts';
import { openTable, type TableReader, type TableRow } from './tabular.ts';
import { detectSeparator, Utf8NormalisingDecoder } from './text-encoding.ts';
import { cellValueToText, numberToPlainString } from './xlsx.ts';

const dir = tempDirOfTestFile();

async function readAll(table: TableReader): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of table.rows()) rows.push(row);
  return rows;
}

describe('openTable on CSV', () => {
  it('reads a Windows-1252, semicolon-separated file', async () => {
    const file = await dir.writeCp1252(
      'cp1252.csv',
      "N° facture;Date d'échéance;Montant TTC\r\nF1;31/01/2024;1 234,50\r\nF2;29/02/2024;-12,00\r\n",
    );
    const table = await openTable(file);
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1252', separator: ';', headerLine: 1 });
    expect(table.headers).toEqual(['N° facture', "Date d'échéance", 'Montant TTC']);
    expect(await readAll(table)).toEqual([
      { line: 2, cells: ['F1', '31/01/2024', '1 234,50'] },
      { line: 3, cells: ['F2', '29/02/2024', '-12,00'] },
    ]);
    expect(table.bytesRead()).toBe(table.totalBytes);
  });

  it('strips a UTF-8 BOM and detects commas', async () => {
    const file = await dir.write('bom.csv', '\ufeffRéf,Montant\n"A,1",12.5\n');
    const table = await openTable(file);
    expect(table).toMatchObject({ encoding: 'utf-8', separator: ',', headers: ['Réf', 'Montant'] });
    expect(await readAll(table)).toEqual([{ line: 2, cells: ['A,1', '12.5'] }]);
  });

  it('detects tabs', async () => {
    const file = await dir.write('tabs.tsv', 'a\tb;c\td\n1\t2;3\t4\n');
    const table = await openTable(file);
    expect(table.separator).toBe('\t');
    expect(await readAll(table)).toEqual([{ line: 2, cells: ['1', '2;3', '4'] }]);
  });

  it('counts physical lines across multi-line quoted fields, CRLF and blank lines', async () => {
    const text =
      'a;b;c\r\n\r\n1;"two\r\nlines";x\r\n;;\r\n2;"three\nmixed\r\nlines";y\r\n3;short\r\n4;5;6;7\r\n\r\n\r\n';
    const table = await openTable(await dir.write('lines.csv', text));
    expect(await readAll(table)).toEqual([
      { line: 3, cells: ['1', 'two\r\nlines', 'x'] },
      { line: 6, cells: ['2', 'three\nmixed\r\nlines', 'y'] },
      { line: 9, cells: ['3', 'short', ''] },
      { line: 10, cells: ['4', '5', '6', '7'] },
    ]);
  });

  it('settles the encoding at the first non-ASCII byte, even far into the file', async () => {
    const filler = 'C0001;Client ordinaire\n'.repeat(5000); // > 64 KiB of ASCII
    const file = await dir.writeCp1252('late.csv', `code;nom\n${filler}C9999;Société Générale\n`);
    const table = await openTable(file);
    const rows = await readAll(table);
    expect(rows.at(-1)).toEqual({ line: 5002, cells: ['C9999', 'Société Générale'] });
    expect(table.encoding).toBe('windows-1252');
  });

  it('keeps UTF-8 characters split across read chunks intact', async () => {
    const filler = 'C0001;Client ordinaire\n'.repeat(48_000); // ≈ 1.1 MB: crosses the 1 MiB chunk edge
    const file = await dir.write('split.csv', `code;nom\n${filler}${'C2;Éé€\n'.repeat(200)}`);
    const table = await openTable(file);
    const rows = await readAll(table);
    expect(rows.at(-1)?.cells).toEqual(['C2', 'Éé€']);
    expect(table.encoding).toBe('utf-8');
  });

  it('refuses a file whose UTF-8 breaks down after a valid beginning', async () => {
    const filler = 'C0;ordinaire\n'.repeat(6000); // the bad byte lies beyond the detection sample
    const start = Buffer.from(`code;nom\nC1;Été\n${filler}`);
    const bytes = Buffer.concat([start, Buffer.from([0x43, 0x32, 0x3b, 0xe9, 0x0a])]);
    const file = await dir.write('mixed.csv', bytes);
    await expect(openTable(file).then(readAll)).rejects.toMatchObject({
      problem: { code: 'mixed_encoding', params: { line: 6003 } },
      line: 6003,
    });
  });

  it('reports unbalanced quotes with a line number', async () => {
    const table = await openTable(await dir.write('quote.csv', 'a;b\n1;2\n3;"unclosed\n'));
    await expect(readAll(table)).rejects.toMatchObject({ name: 'TableFormatError' });
  });

  describe('an unclosed quote is reported on the line where it opens', () => {
    const files: [string, string, number][] = [
      ['on line 2', 'a;b\n1;"unclosed\n2;3\n4;5\n', 2],
      ['on line 5', 'a;b\n1;2\n3;4\n5;6\n7;"unclosed\n8;9\n10;11\n', 5],
      [
        'after a multi-line quoted field, CRLF, a doubled quote and a blank line',
        'a;b\r\n1;"two\r\nlines"\r\n\r\n2;"say ""hi""\nthere"\r\n3;4\r\n5;"never\r\nclosed\r\n6;7\r\n',
        8,
      ],
    ];
    for (const [name, text, line] of files) {
      it(`${name}, whether the rows are read at once or later`, async () => {
        const atOnce = await openTable(await dir.write('quote-now.csv', text));
        await expect(readAll(atOnce)).rejects.toMatchObject({
          problem: { code: 'csv_quote_not_closed', params: { line } },
          line,
        });
        // An import reads the header, then the database, then the rows: by then the parser has
        // failed and dropped the rows it had parsed, so their lines cannot be counted.
        const later = await openTable(await dir.write('quote-later.csv', text));
        await new Promise((resolve) => setTimeout(resolve, 50));
        await expect(readAll(later)).rejects.toMatchObject({
          problem: { code: 'csv_quote_not_closed', params: { line } },
          line,
        });
      });
    }
  });

  describe('in a file larger than the parser’s record size limit (8 MiB)', () => {
    // Generated here, not committed: rows of 1 KiB, over 8 MiB of them after the row in question.
    const rows = (first: number, count: number) =>
      Array.from({ length: count }, (_, at) => `${first + at};${'x'.repeat(1020)}\n`).join('');

    it('an unclosed quote is reported on the line where it opens, not as an unreadable file', async () => {
      const text = `a;b\n${rows(1, 40)}41;"never closed\n${rows(42, 8300)}`;
      expect(text.length - text.indexOf('"never')).toBeGreaterThan(8 * 1024 * 1024);
      const table = await openTable(await dir.write('large-quote.csv', text));
      await expect(readAll(table)).rejects.toMatchObject({
        problem: { code: 'csv_quote_not_closed', params: { line: 42 } },
        line: 42,
      });
    });

    it('a record too large of itself, its quotes all closed, keeps its own message', async () => {
      const text = `a;b\n1;"closed"\n2;"say ""hi"""\n3;${'x'.repeat(8 * 1024 * 1024 + 1024)}\n4;5\n`;
      const table = await openTable(await dir.write('large-record.csv', text));
      await expect(readAll(table)).rejects.toMatchObject({
        problem: { code: 'csv_unreadable', params: { detail: expect.stringContaining('Max Record Size') } },
      });
    });
  });

  it('refuses UTF-16 text and old .xls files with a clear message', async () => {
    const utf16 = await dir.write(
      'unicode.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb\n', 'utf16le')]),
    );
    await expect(openTable(utf16)).rejects.toMatchObject({ problem: { code: 'utf16_not_supported' } });
    const xls = await dir.write('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expect(openTable(xls)).rejects.toMatchObject({ problem: { code: 'xls_not_supported' } });
  });

  it('refuses an empty file', async () => {
    await expect(openTable(await dir.write('empty.csv', '\n\n'))).rejects.toMatchObject({
      problem: { code: 'file_empty' },
    });
  });
});

describe('Utf8NormalisingDecoder', () => {
  async function decode(chunks: number[][]): Promise<{ text: string; encoding: string | null }> {
    const decoder = new Utf8NormalisingDecoder(null);
    const output: Buffer[] = [];
    decoder.on('data', (chunk: Buffer) => output.push(chunk));
    const finished = new Promise((resolve) => decoder.on('end', resolve));
    for (const chunk of chunks) decoder.write(Buffer.from(chunk));
    decoder.end();
    await finished;
    return { text: Buffer.concat(output).toString('utf8'), encoding: decoder.encoding };
  }

  it('decides at the first non-ASCII byte, even when a chunk cuts the character', async () => {
    expect(
      await decode([
        [0x61, 0x62, 0xc3],
        [0x89, 0x63],
      ]),
    ).toEqual({ text: 'abÉc', encoding: 'utf-8' });
    expect(
      await decode([
        [0x61, 0x62, 0xc9],
        [0x63, 0x64],
      ]),
    ).toEqual({ text: 'abÉcd', encoding: 'windows-1252' });
    expect(
      await decode([
        [0xef, 0xbb],
        [0xbf, 0x61],
      ]),
    ).toEqual({ text: 'a', encoding: 'utf-8' });
    expect(await decode([[0x61], [0x62, 0xe9]])).toEqual({ text: 'abé', encoding: 'windows-1252' });
    expect(await decode([[0x61, 0x62]])).toEqual({ text: 'ab', encoding: null });
  });
});

describe('detectSeparator', () => {
  it('counts outside quotes and prefers ; then tab then , on ties', () => {
    expect(detectSeparator('"a;b;c",d,e\n')).toBe(',');
    expect(detectSeparator('a;b,c\n')).toBe(';');
    expect(detectSeparator('a\tb,c\n')).toBe('\t');
    expect(detectSeparator('\n\nsingle\n')).toBe(';');
  });
});

describe('openTable on XLSX', () => {
  it('streams the first sheet and turns cells into text', async () => {
    const file = await dir.writeXlsx(
      'invoices.xlsx',
      [
        ['N° facture', 'Date facture', 'Montant', 'Libellé', 'Total'],
        [
          'F1',
          new Date(Date.UTC(2024, 0, 31)),
          1234.5,
          { richText: [{ text: 'Rich ' }, { text: 'text' }] },
          { formula: 'C2*2', result: 2469 },
        ],
        [],
        ['F2', new Date(Date.UTC(2024, 1, 29)), 0.1 + 0.2, 'plain', null],
      ],
      { numFmtByColumn: { 2: 'dd/mm/yyyy' } },
    );
    const table = await openTable(file);
    expect(table).toMatchObject({ format: 'xlsx', encoding: null, separator: null, headerLine: 1 });
    expect(table.headers).toEqual(['N° facture', 'Date facture', 'Montant', 'Libellé', 'Total']);
    expect(await readAll(table)).toEqual([
      { line: 2, cells: ['F1', '2024-01-31', '1234.5', 'Rich text', '2469'] },
      { line: 4, cells: ['F2', '2024-02-29', '0.3', 'plain', ''] },
    ]);
  });

  it('is recognised by content whatever the extension, and reads a named sheet', async () => {
    const file = await dir.writeXlsx('disguised.csv', [['Code'], ['C1']], {
      sheetsBefore: ['Notes'],
      sheetName: 'Clients',
    });
    const first = await openTable(file);
    expect(first.headers).toEqual(['other sheet']);
    await readAll(first);
    const named = await openTable(file, { sheet: 'clients' });
    expect(named.format).toBe('xlsx');
    expect(await readAll(named)).toEqual([{ line: 2, cells: ['C1'] }]);
    await expect(openTable(file, { sheet: 'Nope' })).rejects.toMatchObject({
      problem: { code: 'xlsx_sheet_not_found', params: { sheet: 'Nope', sheets: '"Notes", "Clients"' } },
    });
  });
});

describe('cell conversion', () => {
  it('writes numbers without exponent, rounded to 15 significant digits', () => {
    expect(numberToPlainString(1234.5)).toBe('1234.5');
    expect(numberToPlainString(1e21)).toBe('1000000000000000000000');
    expect(numberToPlainString(1.5e-7)).toBe('0.00000015');
    expect(numberToPlainString(-119.99999999999999)).toBe('-120');
  });

  it('reads formula results, errors and date-formatted serials', () => {
    expect(cellValueToText({ formula: 'A1+30', result: 45322 }, 'dd/mm/yyyy')).toBe('2024-01-31');
    expect(cellValueToText({ formula: 'A1', result: 'x' })).toBe('x');
    expect(cellValueToText({ error: '#N/A' })).toBe('#N/A');
    expect(cellValueToText({ text: 'site', hyperlink: 'https://example.com' })).toBe('site');
    expect(cellValueToText(true)).toBe('true');
    expect(cellValueToText(null)).toBe('');
  });
});
