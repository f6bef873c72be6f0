import { describe, expect, it } from 'vitest';
import { BankFileError } from './bank-types.ts';
import { parseBankText } from './parse-bank-file.ts';
import { balanceCheckOf, transactionsOf } from './transactions.ts';

const party = (version: number, name: string) =>
  version >= 5 ? `<Pty><Nm>${name}</Nm></Pty>` : `<Nm>${name}</Nm>`;

/** A small camt.053 of our own: one booked batch entry of two transfers, one return. */
function camt053(version: number, closing = '1350.00', extraAmount = '100.00'): string {
  const status = version >= 8 ? '<Sts><Cd>BOOK</Cd></Sts>' : '<Sts>BOOK</Sts>';
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.0${version}">
<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>
<Stmt><Id>S-2026-06</Id>
 <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
 <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-06-01</Dt></Dt></Bal>
 <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${closing}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-06-02</Dt></Dt></Bal>
 <Ntry><Amt Ccy="EUR">450.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>${status}
  <BookgDt><Dt>2026-06-02</Dt></BookgDt><ValDt><DtTm>2026-06-02T10:00:00+02:00</DtTm></ValDt>
  <AcctSvcrRef>BANKREF-1</AcctSvcrRef>
  <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
  <NtryDtls>
   <TxDtls><Refs><EndToEndId>E2E-A</EndToEndId></Refs><Amt Ccy="EUR">${extraAmount === '100.00' ? '300.00' : '300.00'}</Amt>
    <RltdPties><Dbtr>${party(version, 'SARL Dupont &amp; Fils')}</Dbtr><DbtrAcct><Id><IBAN>FR76 3000 4000 0312 3456 7890 143</IBAN></Id></DbtrAcct></RltdPties>
    <RmtInf><Ustrd>FACT F2026-001</Ustrd></RmtInf></TxDtls>
   <TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">150.00</Amt></TxAmt></AmtDtls>
    <RltdPties><Dbtr>${party(version, 'MARTIN SAS')}</Dbtr></RltdPties>
    <RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
  </NtryDtls></Ntry>
 <Ntry><Amt Ccy="EUR">${extraAmount}</Amt><CdtDbtInd>DBIT</CdtDbtInd>${status}
  <BookgDt><Dt>2026-06-02</Dt></BookgDt>
  <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly></Domn></BkTxCd>
  <NtryDtls><TxDtls><RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf></TxDtls></NtryDtls></Ntry>
 <Ntry><Amt Ccy="EUR">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts><BookgDt><Dt>2026-06-03</Dt></BookgDt></Ntry>
</Stmt></BkToCstmrStmt></Document>`;
}

describe('camt.053', () => {
  it.each([2, 4, 5, 8])('reads version %i: balances, entries, parties, remittance, returns', (version) => {
    const { format, statements } = parseBankText(camt053(version));
    expect(format).toBe('camt.053');
    const [statement] = statements;
    expect(statement?.account).toMatchObject({ iban: 'FR7630006000011234567890189', currency: 'EUR' });
    expect([statement?.opening?.amountMinor, statement?.closing?.amountMinor]).toEqual([100_000, 135_000]);
    const [batch, returned] = statement?.entries ?? [];
    expect(batch).toMatchObject({
      amountMinor: 45_000,
      bookingDate: '2026-06-02',
      valueDate: '2026-06-02',
      bankRef: 'BANKREF-1',
      bankTxCode: 'PMNT/RCDT/ESCT',
    });
    expect(batch?.details[0]).toMatchObject({
      amountMinor: 30_000,
      endToEndId: 'E2E-A',
      debtor: { name: 'SARL Dupont & Fils', iban: 'FR7630004000031234567890143' },
      unstructured: ['FACT F2026-001'],
    });
    expect(batch?.details[1]).toMatchObject({
      amountMinor: 15_000,
      endToEndId: null,
      creditorRefs: ['RF18539007547034'],
    });
    expect(returned).toMatchObject({ amountMinor: -10_000, details: [{ returnReason: 'AC04' }] });
    expect(statement && balanceCheckOf(statement)).toEqual({ ok: true, totalEntriesMinor: 35_000 });
  });

  it('splits a batch entry into its transfers, each with its own stable key; skips pending entries', () => {
    const [statement] = parseBankText(camt053(8)).statements;
    const transactions = statement ? transactionsOf(statement) : [];
    expect(transactions.map((t) => [t.amountMinor, t.counterpartyName, t.isReturn])).toEqual([
      [30_000, 'SARL Dupont & Fils', false],
      [15_000, 'MARTIN SAS', false],
      [-10_000, null, true],
    ]);
    expect(transactions.map((t) => t.key)).toEqual([
      'ref:BANKREF-1/1|30000',
      'ref:BANKREF-1/2|15000',
      'seq:2026-06-02|-10000|0',
    ]);
  });

  it('dates a statement without FrToDt from its balances, so a period finds it', () => {
    const [statement] = parseBankText(camt053(8)).statements;
    expect([statement?.fromDate, statement?.toDate]).toEqual(['2026-06-01', '2026-06-02']);
    const previousClosing = camt053(8).replace(
      '<Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-06-01</Dt>',
      '<Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-05-31</Dt>',
    );
    const [afterClosing] = parseBankText(previousClosing).statements;
    expect([afterClosing?.fromDate, afterClosing?.toDate]).toEqual(['2026-06-01', '2026-06-02']);
    const stated = camt053(8).replace(
      '<Acct>',
      '<FrToDt><FrDtTm>2026-05-30T00:00:00</FrDtTm><ToDtTm>2026-06-05T23:59:59</ToDtTm></FrToDt><Acct>',
    );
    const [withPeriod] = parseBankText(stated).statements;
    expect([withPeriod?.fromDate, withPeriod?.toDate]).toEqual(['2026-05-30', '2026-06-05']);
  });

  it('finds a statement that does not add up', () => {
    const [statement] = parseBankText(camt053(2, '1349.99')).statements;
    expect(statement && balanceCheckOf(statement)).toMatchObject({
      ok: false,
      reason: 'difference',
      differenceMinor: -1,
    });
  });

  it('refuses an amount with a significant digit below the cent rather than rounding it', () => {
    expect(() => parseBankText(camt053(2, '1350.00', '100.005'))).toThrow(BankFileError);
    expect(parseBankText(camt053(2, '1350.00', '100.000')).statements[0]?.entries[1]?.amountMinor).toBe(
      -10_000,
    );
  });

  it('refuses a document type declaration: billion laughs and external entities are never expanded', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>&lol2;</Id></Stmt></BkToCstmrStmt></Document>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>&xxe;</Id></Stmt></BkToCstmrStmt></Document>`;
    for (const text of [laughs, xxe]) {
      const error = (() => {
        try {
          parseBankText(text);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(BankFileError);
      expect((error as BankFileError).problems.map((p) => p.code)).toEqual(['xml_doctype_refused']);
    }
  });

  it('reports malformed XML and unknown messages with their codes', () => {
    const codes = (text: string) => {
      try {
        parseBankText(text);
        return [];
      } catch (error) {
        return (error as BankFileError).problems.map((p) => p.code);
      }
    };
    expect(codes('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>')).toEqual(
      ['xml_malformed'],
    );
    expect(codes('<Document xmlns="x"><BkToCstmrAcctRpt/></Document>')).toEqual(['bank_unknown_format']);
    expect(codes('hello')).toEqual(['bank_unknown_format']);
  });
});
