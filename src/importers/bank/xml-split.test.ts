import { describe, expect, it } from 'vitest';
import { XmlSplitter } from './xml-split.ts';

const TEXT = `<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><!-- a comment with <Ntry> and > inside -->
<Stmt><Id a="x>y" b='<'>S1</Id>
<Ntry><Amt Ccy="EUR">1.00</Amt><![CDATA[ <Ntry> ]] > ]]><?pi <Ntry>?></Ntry>
<Ntry/><!----><Ntry><Note q='a"b>'>N</Note></Ntry></Stmt></Document>`;

/** Every token and the skeleton, the text pushed `size` characters at a time. */
function split(size: number) {
  const splitter = new XmlSplitter('Ntry', 3, 2);
  const tokens = [];
  for (let at = 0; at < TEXT.length; at += size) tokens.push(...splitter.push(TEXT.slice(at, at + size)));
  splitter.end();
  return { tokens, skeleton: splitter.skeleton };
}

describe('XmlSplitter', () => {
  it('cuts the same pieces and keeps the same skeleton however the text is chunked', () => {
    const whole = split(TEXT.length);
    expect(whole.tokens.filter((token) => token.type === 'piece').map((token) => token.text)).toEqual([
      '<Ntry><Amt Ccy="EUR">1.00</Amt><![CDATA[ <Ntry> ]] > ]]><?pi <Ntry>?></Ntry>',
      '<Ntry/>',
      `<Ntry><Note q='a"b>'>N</Note></Ntry>`,
    ]);
    expect(whole.skeleton).toContain('<!-- a comment with <Ntry> and > inside -->');
    expect(whole.skeleton).not.toContain('1.00');
    for (const size of [1, 2, 3, 5, 7, 11, 64]) expect(split(size)).toEqual(whole);
  });

  it('reads an unclosed comment to the end without cutting anything after it', () => {
    const splitter = new XmlSplitter('Ntry', 3, 2);
    const tokens = [];
    tokens.push(...splitter.push('<Document><Stmt><!-- never closed '));
    for (let chunk = 0; chunk < 200; chunk++) tokens.push(...splitter.push('<Ntry>x</Ntry> -- > '));
    splitter.end();
    expect(tokens.filter((token) => token.type === 'piece')).toEqual([]);
    expect(splitter.skeleton.endsWith('<Ntry>x</Ntry> -- > ')).toBe(true);
  });
});
