/**
 * ISO 20022 camt.053 (statement) and camt.054 (debit/credit notification), versions 2 to 8.
 * The versions differ in a few places read here with fallbacks: the status (text, then Sts/Cd
 * from v8), the parties (Dbtr/Nm, then Dbtr/Pty/Nm from v5), the detail amount (AmtDtls in v2,
 * TxDtls/Amt from v3), the agent BIC (BIC, BICFI). Booked entries are read with every TxDtls.
 * The file is read piece by piece by camt-reader.ts; these read the pieces' fields.
 */

import { addDays } from '#core/calendar';
import { validIban } from '#core/iban';
import {
  type BankBalance,
  type BankFormat,
  type BankProblem,
  bankProblem,
  type Counterparty,
  emptyDetail,
  type ParsedDetail,
  type ParsedEntry,
  type ParsedStatement,
} from './bank-types.ts';
import { cleanText, currencyOf, decimalToMinor, isoDatePart } from './bank-values.ts';
import { attr, kid, kids, txt, type XmlNode } from './xml.ts';

export const CAMT_ROOTS: Readonly<Record<string, { format: BankFormat; record: string }>> = {
  BkToCstmrStmt: { format: 'camt.053', record: 'Stmt' },
  BkToCstmrDbtCdtNtfctn: { format: 'camt.054', record: 'Ntfctn' },
};

/** The camt version from the namespace ("…camt.053.001.08" → 8), or null. */
export function camtVersion(text: string): number | null {
  const match = /camt\.05[34]\.001\.(\d{2})/.exec(text.slice(0, 4000));
  return match ? Number(match[1]) : null;
}

/** A statement or notification without its entries (they are read one by one: readEntry). */
export function readRecord(
  record: XmlNode,
  index: number,
  messageId: string | null,
  problems: BankProblem[],
): ParsedStatement {
  const id = txt(record, 'Id') ?? `${messageId ?? 'camt'}-${index + 1}`;
  const account = kid(record, 'Acct');
  const iban = txt(account, 'Id', 'IBAN');
  const otherId = txt(account, 'Id', 'Othr', 'Id');
  if (iban !== null && validIban(iban) === null)
    problems.push(bankProblem('bank_invalid_iban', { iban, statement: id }));
  const balances = kids(record, 'Bal').map((balance) => readBalance(balance, id, problems));
  const byType = (...codes: string[]) =>
    balances.find((balance) => balance !== null && codes.includes(balance.type))?.balance ?? null;
  const opening = byType('OPBD', 'PRCD');
  const closing = byType('CLBD');
  return {
    id,
    messageId,
    account: {
      // Some banks put the IBAN under Othr/Id.
      iban: validIban(iban) ?? validIban(otherId),
      otherId,
      currency: currencyOf(txt(account, 'Ccy')),
      ownerName: txt(account, 'Ownr', 'Nm') ?? txt(account, 'Ownr', 'Pty', 'Nm'),
    },
    // FrToDt is optional: without it the period is read from the balances' dates, so that a
    // month's reconciliation finds the statement (a previous closing dates the day before).
    fromDate: isoDatePart(txt(record, 'FrToDt', 'FrDtTm')) ?? periodStart(balances),
    toDate: isoDatePart(txt(record, 'FrToDt', 'ToDtTm')) ?? closing?.date ?? null,
    // PRCD (previous closing) opens a statement that has no OPBD.
    opening,
    closing,
    entries: [],
  };
}

/** The first day a statement covers, from its opening balance's date; null when undated. */
function periodStart(balances: readonly ({ type: string; balance: BankBalance } | null)[]): string | null {
  const openingBalance = balances.find((balance) => balance?.type === 'OPBD');
  if (openingBalance?.balance.date) return openingBalance.balance.date;
  const previousClosing = balances.find((balance) => balance?.type === 'PRCD')?.balance.date;
  return previousClosing ? addDays(previousClosing, 1) : null;
}

function readAmount(
  node: XmlNode | undefined,
  where: string,
  problems: BankProblem[],
): { amountMinor: number; currency: string } | null {
  if (!node) return null;
  const value = txt(node) ?? '';
  const currency = currencyOf(attr(node, 'Ccy'));
  if (currency === null) {
    problems.push(bankProblem('bank_invalid_currency', { value: attr(node, 'Ccy') ?? '', where }));
    return null;
  }
  const amountMinor = decimalToMinor(value, currency);
  if (amountMinor === null || amountMinor < 0) {
    problems.push(bankProblem('bank_invalid_amount', { value, currency, where }));
    return null;
  }
  return { amountMinor, currency };
}

function sign(indicator: string | null): 1 | -1 | null {
  return indicator === 'CRDT' ? 1 : indicator === 'DBIT' ? -1 : null;
}

function readBalance(
  node: XmlNode,
  statementId: string,
  problems: BankProblem[],
): { type: string; balance: BankBalance } | null {
  const type = txt(node, 'Tp', 'CdOrPrtry', 'Cd') ?? txt(node, 'Tp', 'CdOrPrtry', 'Prtry') ?? '';
  const where = `${statementId} ${type}`;
  const amount = readAmount(kid(node, 'Amt'), where, problems);
  const direction = sign(txt(node, 'CdtDbtInd'));
  if (direction === null) problems.push(bankProblem('bank_invalid_indicator', { where }));
  if (!amount || direction === null) return null;
  const date = isoDatePart(txt(node, 'Dt', 'Dt') ?? txt(node, 'Dt', 'DtTm'));
  return { type, balance: { amountMinor: direction * amount.amountMinor, currency: amount.currency, date } };
}

function dateOf(node: XmlNode | undefined): string | null {
  return isoDatePart(txt(node, 'Dt') ?? txt(node, 'DtTm'));
}

function bankTxCodeOf(node: XmlNode | undefined): string | null {
  const domain = txt(node, 'Domn', 'Cd');
  if (domain) {
    const family = txt(node, 'Domn', 'Fmly', 'Cd') ?? '';
    const subFamily = txt(node, 'Domn', 'Fmly', 'SubFmlyCd') ?? '';
    return [domain, family, subFamily].join('/');
  }
  return txt(node, 'Prtry', 'Cd');
}

export function readEntry(
  node: XmlNode,
  index: number,
  statementId: string,
  problems: BankProblem[],
): ParsedEntry {
  const where = `${statementId} #${index + 1}`;
  const amount = readAmount(kid(node, 'Amt'), where, problems);
  const indicator = txt(node, 'CdtDbtInd');
  const direction = sign(indicator);
  if (direction === null) problems.push(bankProblem('bank_invalid_indicator', { where }));
  const details = kids(node, 'NtryDtls').flatMap((group) =>
    kids(group, 'TxDtls').map((detail) => readDetail(detail, where, problems)),
  );
  return {
    index,
    amountMinor: (direction ?? 1) * (amount?.amountMinor ?? 0),
    currency: amount?.currency ?? 'XXX',
    creditDebit: direction === -1 ? 'DBIT' : 'CRDT',
    reversal: txt(node, 'RvslInd') === 'true',
    status: txt(node, 'Sts') ?? txt(node, 'Sts', 'Cd'),
    bookingDate: dateOf(kid(node, 'BookgDt')),
    valueDate: dateOf(kid(node, 'ValDt')),
    bankRef: txt(node, 'AcctSvcrRef'),
    entryRef: txt(node, 'NtryRef'),
    batchId:
      kids(node, 'NtryDtls')
        .map((group) => txt(group, 'Btch', 'PmtInfId'))
        .find((id) => id !== null) ?? null,
    bankTxCode: bankTxCodeOf(kid(node, 'BkTxCd')),
    label: null,
    additionalInfo: cleanText(txt(node, 'AddtlNtryInf')),
    details,
    line: 0,
    extra: [],
  };
}

function partyOf(party: XmlNode | undefined, account: XmlNode | undefined): Counterparty | null {
  const name = cleanText(txt(party, 'Nm') ?? txt(party, 'Pty', 'Nm'));
  const iban = txt(account, 'Id', 'IBAN');
  const otherAccount = txt(account, 'Id', 'Othr', 'Id');
  if (name === null && iban === null && otherAccount === null) return null;
  return { name, iban: validIban(iban) ?? iban, otherAccount };
}

function readDetail(node: XmlNode, where: string, problems: BankProblem[]): ParsedDetail {
  const amountNode =
    kid(node, 'Amt') ?? kid(node, 'AmtDtls', 'TxAmt', 'Amt') ?? kid(node, 'AmtDtls', 'InstdAmt', 'Amt');
  const amount = readAmount(amountNode, `${where} TxDtls`, problems);
  const refs = kid(node, 'Refs');
  const parties = kid(node, 'RltdPties');
  const remittance = kid(node, 'RmtInf');
  const indicator = txt(node, 'CdtDbtInd');
  return {
    ...emptyDetail(),
    amountMinor: amount?.amountMinor ?? null,
    currency: amount?.currency ?? null,
    creditDebit: indicator === 'CRDT' || indicator === 'DBIT' ? indicator : null,
    endToEndId: nonPlaceholder(txt(refs, 'EndToEndId')),
    instructionId: txt(refs, 'InstrId'),
    transactionId: txt(refs, 'TxId'),
    accountServicerRef: txt(refs, 'AcctSvcrRef'),
    mandateId: txt(refs, 'MndtId'),
    chequeNumber: txt(refs, 'ChqNb'),
    debtor: partyOf(kid(parties, 'Dbtr'), kid(parties, 'DbtrAcct')),
    creditor: partyOf(kid(parties, 'Cdtr'), kid(parties, 'CdtrAcct')),
    unstructured: kids(remittance, 'Ustrd')
      .map((block) => cleanText(txt(block)))
      .filter((block): block is string => block !== null),
    creditorRefs: kids(remittance, 'Strd')
      .map((block) => txt(block, 'CdtrRefInf', 'Ref'))
      .filter((ref): ref is string => ref !== null),
    returnReason: txt(node, 'RtrInf', 'Rsn', 'Cd') ?? txt(node, 'RtrInf', 'Rsn', 'Prtry'),
    additionalInfo: cleanText(txt(node, 'AddtlTxInf')),
  };
}

/** SEPA writes "NOTPROVIDED" when the payer gave no end-to-end id: it identifies nothing. */
function nonPlaceholder(id: string | null): string | null {
  return id === null || /^NOT ?PROVIDED$/i.test(id) ? null : id;
}
