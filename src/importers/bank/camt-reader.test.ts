import { describe, expect, it } from 'vitest';
import type { BankItem } from './bank-types.ts';
import { CamtReader, parseCamt } from './camt-reader.ts';

/** Two statements, a namespace prefix, and comments and CDATA that look like entries. */
const TEXT = `<?xml version="1.0" encoding="UTF-8"?>
<c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04">
<c:BkToCstmrStmt><c:GrpHdr><c:MsgId>M-9</c:MsgId></c:GrpHdr>
<!-- <c:Ntry> a comment is not an entry </c:Ntry> -->
<c:Stmt><c:Id>S-1</c:Id>
 <c:Acct><c:Id><c:IBAN>FR7630006000011234567890189</c:IBAN></c:Id><c:Ccy>EUR</c:Ccy></c:Acct>
 <c:Bal><c:Tp><c:CdOrPrtry><c:Cd>OPBD</c:Cd></c:CdOrPrtry></c:Tp><c:Amt Ccy="EUR">10.00</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd></c:Bal>
 <c:Bal><c:Tp><c:CdOrPrtry><c:Cd>CLBD</c:Cd></c:CdOrPrtry></c:Tp><c:Amt Ccy="EUR">40.00</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd></c:Bal>
 <c:Ntry><c:Amt Ccy="EUR">20.00</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:BookgDt><c:Dt>2026-06-02</c:Dt></c:BookgDt>
  <c:NtryDtls><c:TxDtls><c:RmtInf><c:Ustrd><![CDATA[FACT </c:Ntry> F-1 & co]]></c:Ustrd></c:RmtInf></c:TxDtls></c:NtryDtls></c:Ntry>
 <c:Ntry><c:Amt Ccy="EUR">10.00</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:AddtlNtryInf a="x>y">VIR &amp; CO</c:AddtlNtryInf><c:BookgDt><c:Dt>2026-06-03</c:Dt></c:BookgDt></c:Ntry>
 <c:AddtlStmtInf>after the entries</c:AddtlStmtInf>
</c:Stmt>
<c:Stmt><c:Id>S-2</c:Id><c:Acct><c:Id><c:IBAN>FR7630006000011234567890189</c:IBAN></c:Id></c:Acct></c:Stmt>
</c:BkToCstmrStmt></c:Document>`;

function itemsInChunks(size: number): BankItem[] {
  const reader = new CamtReader();
  const items: BankItem[] = [];
  for (let at = 0; at < TEXT.length; at += size) items.push(...reader.push(TEXT.slice(at, at + size)));
  reader.finish();
  return items;
}

describe('camt read piece by piece', () => {
  it('reads the statements and entries alike whatever the chunks', () => {
    const whole = itemsInChunks(TEXT.length);
    expect(whole.map((item) => item.kind)).toEqual([
      'statement',
      'entry',
      'entry',
      'statementEnd',
      'statement',
      'statementEnd',
    ]);
    for (const size of [1, 2, 7, 64, 500]) expect(itemsInChunks(size)).toEqual(whole);
    const [first, second] = parseCamt(TEXT).statements;
    expect(first?.messageId).toBe('M-9');
    expect(first?.closing?.amountMinor).toBe(4000);
    expect(first?.entries.map((entry) => entry.details[0]?.unstructured ?? entry.additionalInfo)).toEqual([
      ['FACT </c:Ntry> F-1 & co'],
      'VIR & CO',
    ]);
    expect(second?.entries).toEqual([]);
  });

  it('gives the line of a malformed entry in the file', () => {
    const broken = TEXT.replace(
      '<c:CdtDbtInd>CRDT</c:CdtDbtInd><c:AddtlNtryInf',
      '<c:CdtDbtInd>CRDT<c:AddtlNtryInf',
    );
    try {
      parseCamt(broken);
      expect.unreachable();
    } catch (error) {
      expect((error as { problems: { code: string; line: number }[] }).problems).toEqual([
        expect.objectContaining({ code: 'xml_malformed', line: 11 }),
      ]);
    }
  });

  it('refuses a statement whose header comes after its entries', () => {
    const closing = /<c:Bal><c:Tp><c:CdOrPrtry><c:Cd>CLBD.*?<\/c:Bal>/.exec(TEXT)?.[0] ?? '';
    const late = TEXT.replace(closing, '').replace(
      '<c:AddtlStmtInf>after the entries</c:AddtlStmtInf>',
      closing,
    );
    expect(() => parseCamt(late)).toThrow(/xml_malformed/);
  });
});
