import { describe, expect, it } from 'vitest';
import { OpenQuoteScanner } from './csv-open-quote.ts';

function scan(text: string, separator: ';' | ',' = ';', chunkBytes = 3): number | null {
  const scanner = new OpenQuoteScanner(separator);
  const bytes = Buffer.from(text, 'utf8');
  // Small chunks: a CRLF or a doubled quote cut between two reads must count the same.
  for (let at = 0; at < bytes.length; at += chunkBytes) scanner.push(bytes.subarray(at, at + chunkBytes));
  return scanner.end();
}

describe('OpenQuoteScanner', () => {
  it('finds the line where the unclosed quote opens', () => {
    expect(scan('a;b\n1;"unclosed\n2;3\n')).toBe(2);
    expect(scan('a;b\n1;2\n3;4\n5;6\n7;"unclosed\n8;9\n')).toBe(5);
    expect(scan('a;b\r\n1;2\r\n3;4\r\n5;6\r\n7;"unclosed\r\n8;9\r\n')).toBe(5);
    expect(scan('a;b\r1;2\r3;"unclosed\r')).toBe(3);
  });

  it('counts the lines of quoted fields, CRLF as one line, before the bad quote', () => {
    expect(scan('a;b\r\n1;"two\r\nlines"\r\n\r\n2;"three\nmixed\r\nlines"\r\n3;"open\r\n4;5\r\n')).toBe(8);
    expect(scan('a;b\n1;"x";"y\nz";"open\n')).toBe(3);
  });

  it('reads doubled quotes, literal quotes inside a value and closed files as csv-parse does', () => {
    expect(scan('a;b\n1;"say ""hi"""\n2;3\n')).toBeNull();
    expect(scan('a;b\n1;12" screen\n2;"open\n')).toBe(3);
    expect(scan('a;b\n1;"a"b\n2;3\n')).toBeNull();
    expect(scan('a;b\n1;"a"b;"c\n')).toBe(2);
    expect(scan('a,b\n1;"x\n', ',')).toBe(null);
    expect(scan('a,b\n1,"x\n', ',')).toBe(2);
    expect(scan('a;b\n1;""\n')).toBeNull();
    expect(scan('a;b\n1;"closed at the end"')).toBeNull();
  });

  it('skips a UTF-8 BOM, as the reader does, so a first quote still opens', () => {
    expect(scan('\ufeff"a;b\n1;2\n', ';', 64)).toBe(1);
  });
});

describe('OpenQuoteScanner with a record size limit', () => {
  function overlong(text: string, maxRecordBytes: number, chunkBytes = 3) {
    const scanner = new OpenQuoteScanner(';', maxRecordBytes);
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; at += chunkBytes) scanner.push(bytes.subarray(at, at + chunkBytes));
    return scanner.overlong;
  }

  it('tells the line of the quote open when a record outgrows the limit', () => {
    // The rest of the file after the quote is one record, its line breaks included.
    expect(overlong(`a;b\n1;2\n3;"open\n${'4;5\n'.repeat(10)}`, 20)).toEqual({ quoteLine: 3 });
    expect(overlong(`a;b\r\n1;2\r\n3;"open\r\n${'4;5\r\n'.repeat(10)}`, 20, 64)).toEqual({ quoteLine: 3 });
  });

  it('tells a record too large with its quotes closed, and none while every record fits', () => {
    expect(overlong(`a;b\n1;"closed";"say ""hi"""${'x'.repeat(30)}\n`, 30)).toEqual({ quoteLine: null });
    expect(overlong(`a;b\n${'1;"two\nlines"\n'.repeat(10)}`, 20)).toBeNull();
  });
});
