import { describe, expect, it } from 'vitest';
import { parseBankText } from './parse-bank-file.ts';
import { transactionsOf } from './transactions.ts';

const body = (close: (tag: string, value: string) => string) => `<OFX>
<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS></SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STMTRS><CURDEF>EUR
<BANKACCTFROM>${close('BANKID', '30004')}${close('BRANCHID', '00123')}${close('ACCTID', '00012345678')}${close('ACCTTYPE', 'CHECKING')}</BANKACCTFROM>
<BANKTRANLIST>${close('DTSTART', '20260601')}${close('DTEND', '20260630')}
<STMTTRN>${close('TRNTYPE', 'CREDIT')}${close('DTPOSTED', '20260602120000[+1:CET]')}${close('TRNAMT', '1234,56')}${close('FITID', 'F-1')}${close('NAME', 'VIR SEPA DUPONT & FILS')}${close('MEMO', 'FACT F2026-001')}</STMTTRN>
<STMTTRN>${close('TRNTYPE', 'DEBIT')}${close('DTPOSTED', '20260603')}${close('TRNAMT', '-10.00')}${close('FITID', 'F-2')}${close('NAME', 'FRAIS')}</STMTTRN>
</BANKTRANLIST><LEDGERBAL>${close('BALAMT', '5224.56')}${close('DTASOF', '20260630')}</LEDGERBAL>
</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;

const ofx1 = `OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\nCHARSET:1252\r\n\r\n${body((tag, value) => `<${tag}>${value}\n`)}`;
const ofx2 = `<?xml version="1.0" encoding="UTF-8"?>\n<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE"?>\n${body(
  (tag, value) => `<${tag}>${value.replace('&', '&amp;')}</${tag}>`,
)
  .replace('<CODE>0<SEVERITY>INFO', '<CODE>0</CODE><SEVERITY>INFO</SEVERITY>')
  .replace('<TRNUID>1<STMTRS><CURDEF>EUR', '<TRNUID>1</TRNUID><STMTRS><CURDEF>EUR</CURDEF>')}`;

describe('OFX', () => {
  it.each([
    ['ofx1', ofx1],
    ['ofx2', ofx2],
  ])('%s: account as IBAN from the RIB, transactions, ledger balance, no opening balance', (format, text) => {
    const parsed = parseBankText(text);
    expect(parsed.format).toBe(format);
    const [statement] = parsed.statements;
    expect(statement?.account.iban).toMatch(/^FR\d{2}300040012300012345678\d{2}$/);
    expect([
      statement?.opening,
      statement?.closing?.amountMinor,
      statement?.fromDate,
      statement?.toDate,
    ]).toEqual([null, 522_456, '2026-06-01', '2026-06-30']);
    const transactions = statement ? transactionsOf(statement) : [];
    expect(
      transactions.map((t) => [t.key, t.bookingDate, t.amountMinor, t.counterpartyName, t.remittance]),
    ).toEqual([
      ['ref:F-1|123456', '2026-06-02', 123_456, 'VIR SEPA DUPONT & FILS', 'FACT F2026-001'],
      ['ref:F-2|-1000', '2026-06-03', -1_000, 'FRAIS', null],
    ]);
  });
});
