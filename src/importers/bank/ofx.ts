/**
 * OFX statements: 1.x is SGML (leaf elements are not closed, a header of KEY:VALUE lines comes
 * first), 2.x is XML. The SGML is closed into XML and both go through the same reader. OFX states
 * only the ledger balance at the end (LEDGERBAL): the opening balance is not in the file, so such
 * a statement cannot be checked for continuity the way camt and CFONB statements are.
 */

import { validIban } from '#core/iban';
import {
  BankFileError,
  type BankProblem,
  bankProblem,
  emptyDetail,
  type ParsedBankFile,
  type ParsedEntry,
  type ParsedStatement,
} from './bank-types.ts';
import { cleanText, currencyOf, decimalToMinor, ibanFromFrenchRib, isoDatePart } from './bank-values.ts';
import { kid, kids, parseXml, txt, type XmlNode } from './xml.ts';

/** Closes the leaf elements of OFX 1.x SGML (`<NAME>ACME` → `<NAME>ACME</NAME>`), drops the header. */
export function sgmlToXml(text: string): string {
  const start = text.search(/<OFX>/i);
  const body = start < 0 ? text : text.slice(start);
  const tokens = [...body.matchAll(/<(\/?)([A-Za-z0-9._]+)>|([^<]+)/g)];
  let xml = '';
  for (let index = 0; index < tokens.length; index++) {
    const [, closing, tag, textPart] = tokens[index] ?? [];
    if (tag === undefined) {
      xml += escapeAmpersands(textPart ?? '');
      continue;
    }
    xml += `<${closing}${tag}>`;
    if (closing) continue;
    const value = tokens[index + 1]?.[3];
    if (value === undefined || value.trim() === '') continue;
    const after = tokens[index + 2];
    xml += escapeAmpersands(value.trim());
    index++;
    if (!(after?.[1] === '/' && after[2] === tag)) xml += `</${tag}>`;
  }
  return xml;
}

function escapeAmpersands(text: string): string {
  return text.replace(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/gi, '&amp;');
}

/** YYYYMMDD[HHMMSS[.XXX][[gmt offset:tz name]]] → 'YYYY-MM-DD' (the date as written). */
function ofxDate(text: string | null): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(text ?? '');
  return match ? isoDatePart(`${match[1]}-${match[2]}-${match[3]}`) : null;
}

export function parseOfx(text: string, version: 1 | 2): ParsedBankFile {
  const document = parseXml(version === 1 ? sgmlToXml(text) : text);
  const ofx = kid(document, 'OFX');
  if (!ofx) throw new BankFileError([bankProblem('ofx_no_root')]);
  const problems: BankProblem[] = [];
  const responses = [
    ...kids(kid(ofx, 'BANKMSGSRSV1'), 'STMTTRNRS').flatMap((response) => kids(response, 'STMTRS')),
    ...kids(kid(ofx, 'CREDITCARDMSGSRSV1'), 'CCSTMTTRNRS').flatMap((response) => kids(response, 'CCSTMTRS')),
  ];
  const statements = responses.map((response) => readStatement(response, problems));
  if (statements.length === 0) problems.push(bankProblem('bank_no_statement'));
  if (problems.length > 0) throw new BankFileError(problems);
  return { format: version === 1 ? 'ofx1' : 'ofx2', statements };
}

function accountOf(response: XmlNode): { iban: string | null; otherId: string } {
  const account = kid(response, 'BANKACCTFROM') ?? kid(response, 'CCACCTFROM');
  const bank = txt(account, 'BANKID') ?? '';
  const branch = txt(account, 'BRANCHID') ?? '';
  const number = txt(account, 'ACCTID') ?? '';
  // French banks write the RIB: 11-character account, sometimes followed by its 2-digit key.
  const rib =
    number.length === 13
      ? ibanFromFrenchRib(bank, branch, number.slice(0, 11), number.slice(11))
      : ibanFromFrenchRib(bank, branch, number);
  return { iban: rib ?? validIban(number), otherId: [bank, branch, number].filter(Boolean).join(' ') };
}

function readStatement(response: XmlNode, problems: BankProblem[]): ParsedStatement {
  const currency = currencyOf(txt(response, 'CURDEF'));
  const account = accountOf(response);
  const list = kid(response, 'BANKTRANLIST');
  const fromDate = ofxDate(txt(list, 'DTSTART'));
  const toDate = ofxDate(txt(list, 'DTEND'));
  if (currency === null)
    problems.push(
      bankProblem('bank_invalid_currency', { value: txt(response, 'CURDEF') ?? '', where: 'CURDEF' }),
    );
  const entries = kids(list, 'STMTTRN').map((transaction, index) =>
    readTransaction(transaction, index, currency ?? 'EUR', problems),
  );
  const balanceText = txt(response, 'LEDGERBAL', 'BALAMT');
  const closingMinor = balanceText === null ? null : decimalToMinor(balanceText, currency ?? 'EUR');
  if (balanceText !== null && closingMinor === null)
    problems.push(
      bankProblem('bank_invalid_amount', {
        value: balanceText,
        currency: currency ?? '',
        where: 'LEDGERBAL',
      }),
    );
  return {
    id: `${account.otherId}-${fromDate ?? ''}-${toDate ?? ''}`,
    messageId: null,
    account: { iban: account.iban, otherId: account.otherId, currency, ownerName: null },
    fromDate,
    toDate,
    opening: null,
    closing:
      closingMinor === null
        ? null
        : {
            amountMinor: closingMinor,
            currency: currency ?? 'EUR',
            date: ofxDate(txt(response, 'LEDGERBAL', 'DTASOF')),
          },
    entries,
  };
}

function readTransaction(
  node: XmlNode,
  index: number,
  currency: string,
  problems: BankProblem[],
): ParsedEntry {
  const amountText = txt(node, 'TRNAMT') ?? '';
  const amountMinor = decimalToMinor(amountText, currency);
  const fitId = txt(node, 'FITID');
  if (amountMinor === null)
    problems.push(
      bankProblem('bank_invalid_amount', {
        value: amountText,
        currency,
        where: `FITID ${fitId ?? index + 1}`,
      }),
    );
  const name = cleanText(txt(node, 'NAME') ?? txt(node, 'PAYEE', 'NAME'));
  const memo = cleanText(txt(node, 'MEMO'));
  const detail = emptyDetail();
  detail.chequeNumber = txt(node, 'CHECKNUM');
  detail.transactionId = txt(node, 'REFNUM');
  if (memo) detail.unstructured.push(memo);
  const party = { name, iban: null, otherAccount: null };
  if ((amountMinor ?? 0) >= 0) detail.debtor = party;
  else detail.creditor = party;
  return {
    index,
    amountMinor: amountMinor ?? 0,
    currency,
    creditDebit: (amountMinor ?? 0) < 0 ? 'DBIT' : 'CRDT',
    reversal: false,
    status: 'BOOK',
    bookingDate: ofxDate(txt(node, 'DTPOSTED')),
    valueDate: ofxDate(txt(node, 'DTAVAIL')) ?? ofxDate(txt(node, 'DTUSER')),
    bankRef: fitId,
    entryRef: null,
    batchId: null,
    bankTxCode: txt(node, 'TRNTYPE'),
    label: name,
    additionalInfo: memo,
    details: [detail],
    line: 0,
    extra: [],
  };
}
