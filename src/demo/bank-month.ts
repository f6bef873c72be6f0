/**
 * A month of bank receipts for the demo company, as its bank would report them — deterministic
 * from the demo ledger: the invoices open at the reference date are paid over the month by
 * transfers ("VIR SEPA …", references typed every which way, names cut or misspelt, several
 * invoices at once, partial payments), direct debits collected ("PRLV SEPA …"), cheque deposits
 * ("REMISE CHQ …", some with the invoice written on the slip, some not) and a few receipts
 * nobody can place. Each receipt carries the truth (customer and invoices) so that a test can
 * measure how much cash application gets right without a person. The payments the ledger already
 * records over the month reach the same statement too (bank-month-recorded.ts).
 */
import { addDays, isoWeekday } from '../core/calendar.ts';
import { PROCEDURES } from '../core/legal/bodacc.ts';
import type { Customer, IsoDate, LedgerDocument } from '../core/types.ts';
import type { AllocationReversal } from './demo-types.ts';
import { createRng, type Rng } from './random.ts';

export interface DemoReceipt {
  bookingDate: IsoDate;
  /** When the bank says the money is available; the booking date when not said. */
  valueDate?: IsoDate;
  amountMinor: number;
  label: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  remittance: string | null;
  endToEndId: string | null;
  /** The number of the one cheque a deposit holds, when the bank gives it. */
  chequeNumber?: string;
  kind: 'transfer' | 'direct_debit' | 'cheque' | 'bill' | 'unknown';
  /**
   * What it pays: null for a receipt no ledger can explain. `recordedRef`: the ledger's own payment
   * the receipt is (a payment recorded before the statement came), whose invoices `invoiceRefs` are.
   */
  truth: { customerCode: string; invoiceRefs: string[]; recordedRef?: string } | null;
}

interface LedgerView {
  customers: readonly Customer[];
  documents: readonly LedgerDocument[];
  allocations: readonly { debitRef: string; amountMinor: number }[];
  reversals: readonly AllocationReversal[];
}

interface OpenInvoice {
  ref: string;
  customerCode: string;
  issueDate: IsoDate;
  openMinor: number;
}

function openInvoices(ledger: LedgerView, before: IsoDate): OpenInvoice[] {
  const settled = new Map<string, number>();
  for (const row of ledger.allocations)
    settled.set(row.debitRef, (settled.get(row.debitRef) ?? 0) + row.amountMinor);
  for (const row of ledger.reversals)
    settled.set(row.debitRef, (settled.get(row.debitRef) ?? 0) - row.amountMinor);
  return ledger.documents
    .filter((document) => document.kind === 'invoice' && document.issueDate < before)
    .map((document) => ({
      ref: document.externalRef,
      customerCode: document.customerCode,
      issueDate: document.issueDate,
      openMinor: document.amountMinor - (settled.get(document.externalRef) ?? 0),
    }))
    .filter((invoice) => invoice.openMinor > 0);
}

/** A French IBAN with valid RIB key and check digits (invented bank, branch and account). */
export function demoIban(rng: Rng): string {
  const digits = (count: number) => Array.from({ length: count }, () => rng.int(0, 9)).join('');
  const bank = `3${digits(4)}`;
  const branch = digits(5);
  const account = digits(11);
  const ribKey = 97 - Number((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n);
  const bban = `${bank}${branch}${account}${String(ribKey).padStart(2, '0')}`;
  // FR = 15 27; the check digits make the whole number ≡ 1 (mod 97).
  const check = 98 - Number(BigInt(`${bban}152700`) % 97n);
  return `FR${String(check).padStart(2, '0')}${bban}`;
}

/** Upper case, no accents, as a bank's 35-character name field; sometimes cut or misspelt. */
export function bankName(rng: Rng, name: string, typo: boolean): string {
  let text = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, ' ')
    .toUpperCase();
  if (typo) {
    const words = text.split(' ');
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    const at = rng.int(1, Math.max(1, longest.length - 2));
    const misspelt = rng.chance(0.5)
      ? longest.slice(0, at) + longest.slice(at + 1)
      : longest.slice(0, at) + (longest[at + 1] ?? '') + (longest[at] ?? '') + longest.slice(at + 2);
    text = words.map((word) => (word === longest ? misspelt : word)).join(' ');
  }
  return text.slice(0, 35).trim();
}

/** An invoice reference as payers type it: as printed, without the dash, spaced, or the digits only. */
export function typedRef(rng: Rng, ref: string): string {
  const [year, number] = ref.slice(1).split('-');
  return rng.weighted<string>([
    [ref, 4],
    [`FACT ${ref}`, 3],
    [`FACTURE ${year}${number}`, 1],
    [`FA ${year} ${number}`, 1],
    [`${number?.replace(/^0+/, '')} DU ${year}`, 1],
  ]);
}

/** The working days of the month that starts on `from`. */
export function workingDays(from: IsoDate): IsoDate[] {
  return Array.from({ length: 31 }, (_, day) => addDays(from, day)).filter(
    (date) => date.slice(0, 7) === from.slice(0, 7) && isoWeekday(date) <= 5,
  );
}

export interface BankMonthOptions {
  seed: number;
  /** The month's first day; receipts are booked on its working days. */
  from: IsoDate;
  receipts: number;
}

export function generateBankMonth(ledger: LedgerView, options: BankMonthOptions): DemoReceipt[] {
  const rng = createRng(options.seed, 'bank-month', options.from);
  const names = new Map(ledger.customers.map((customer) => [customer.code, customer.name]));
  const ibans = new Map<string, string>();
  const ibanOf = (code: string) => ibans.get(code) ?? ibans.set(code, demoIban(rng)).get(code) ?? null;
  const open = openInvoices(ledger, options.from);
  const byCustomer = new Map<string, OpenInvoice[]>();
  for (const invoice of open)
    byCustomer.set(invoice.customerCode, [...(byCustomer.get(invoice.customerCode) ?? []), invoice]);
  // A customer under a collective procedure may not pay what it owed before the judgment
  // (Code de commerce, L. 622-7): its debts are declared to the mandataire, not paid to the bank.
  const procedures: ReadonlySet<string> = new Set(PROCEDURES);
  const inProcedure = new Set(
    ledger.customers.filter((customer) => procedures.has(customer.status)).map((c) => c.code),
  );
  const payers = rng.shuffle([...byCustomer.keys()].filter((code) => !inProcedure.has(code)).sort());
  const days = workingDays(options.from);
  const receipts: DemoReceipt[] = [];
  for (const [index, code] of payers.entries()) {
    if (receipts.length >= options.receipts) break;
    const invoices = (byCustomer.get(code) ?? []).sort((a, b) => a.issueDate.localeCompare(b.issueDate));
    const name = names.get(code) ?? code;
    const kind = rng.weighted<DemoReceipt['kind']>([
      ['transfer', 80],
      ['direct_debit', 8],
      ['cheque', 8],
    ]);
    const paid = invoices.slice(0, kind === 'transfer' && invoices.length > 1 && rng.chance(0.25) ? 2 : 1);
    const partial = kind === 'transfer' && paid.length === 1 && rng.chance(0.06);
    const amountMinor = partial
      ? Math.round((paid[0]?.openMinor ?? 0) / 2)
      : paid.reduce((sum, invoice) => sum + invoice.openMinor, 0);
    const refs = paid.map((invoice) => invoice.ref);
    const bookingDate = days[index % days.length] ?? options.from;
    const payerName = bankName(rng, name, rng.chance(0.12));
    const truth = { customerCode: code, invoiceRefs: refs };
    if (kind === 'cheque') {
      const slip = String(rng.int(1_000_000, 9_999_999));
      const written = rng.chance(0.6);
      receipts.push({
        bookingDate,
        amountMinor,
        label: `REMISE CHQ ${slip}`,
        counterpartyName: null,
        counterpartyIban: null,
        remittance: written ? `${payerName} ${refs.map((ref) => typedRef(rng, ref)).join(' ')}` : null,
        endToEndId: null,
        kind,
        truth,
      });
      continue;
    }
    const reference = refs.map((ref) => typedRef(rng, ref)).join(' ');
    receipts.push({
      bookingDate,
      amountMinor,
      label: kind === 'direct_debit' ? `PRLV SEPA ${payerName}` : `VIR SEPA ${payerName}`,
      counterpartyName: payerName,
      counterpartyIban: ibanOf(code),
      remittance:
        kind === 'direct_debit' ? `ECH ${refs[0] ?? ''}` : partial ? `ACOMPTE ${reference}` : reference,
      endToEndId: kind === 'direct_debit' ? `${refs[0] ?? ''}-${bookingDate.replaceAll('-', '')}` : null,
      kind,
      truth,
    });
  }
  // A few receipts no ledger explains: a refund from a supplier, an unknown payer.
  for (let n = 0; n < Math.max(1, Math.round(options.receipts / 40)); n++)
    receipts.push({
      bookingDate: days[(n * 7) % days.length] ?? options.from,
      amountMinor: rng.int(2_000, 90_000),
      label: `VIR SEPA ${rng.pick(['REMB TROP PERCU FOURNISSEUR', 'M OU MME LEGRAND', 'CPAM REMBT'])}`,
      counterpartyName: null,
      counterpartyIban: demoIban(rng),
      remittance: rng.pick(['REGUL', 'AVOIR', null]),
      endToEndId: null,
      kind: 'unknown',
      truth: null,
    });
  return receipts.sort((a, b) => a.bookingDate.localeCompare(b.bookingDate));
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const decimal = (minor: number) =>
  `${Math.trunc(minor / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;

const refsOf = (receipt: DemoReceipt) => {
  const refs = [
    ...(receipt.endToEndId ? [`<EndToEndId>${xml(receipt.endToEndId)}</EndToEndId>`] : []),
    ...(receipt.chequeNumber ? [`<ChqNb>${xml(receipt.chequeNumber)}</ChqNb>`] : []),
  ];
  return refs.length > 0 ? `<Refs>${refs.join('')}</Refs>` : '';
};

/** The month as one camt.053 statement of the company's account (opening balance 0). */
export function bankMonthCamt(
  receipts: readonly DemoReceipt[],
  account: { iban: string; id: string },
): string {
  const total = receipts.reduce((sum, receipt) => sum + receipt.amountMinor, 0);
  const first = receipts[0]?.bookingDate ?? '';
  const last = receipts.at(-1)?.bookingDate ?? first;
  const entries = receipts.map((receipt, index) => {
    const party = receipt.counterpartyName
      ? `<RltdPties><Dbtr><Nm>${xml(receipt.counterpartyName)}</Nm></Dbtr>${receipt.counterpartyIban ? `<DbtrAcct><Id><IBAN>${receipt.counterpartyIban}</IBAN></Id></DbtrAcct>` : ''}</RltdPties>`
      : '';
    return `<Ntry><Amt Ccy="EUR">${decimal(receipt.amountMinor)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${receipt.bookingDate}</Dt></BookgDt><ValDt><Dt>${receipt.valueDate ?? receipt.bookingDate}</Dt></ValDt><AcctSvcrRef>${account.id}-${String(index + 1).padStart(5, '0')}</AcctSvcrRef><AddtlNtryInf>${xml(receipt.label)}</AddtlNtryInf><NtryDtls><TxDtls>${refsOf(receipt)}${party}${receipt.remittance ? `<RmtInf><Ustrd>${xml(receipt.remittance)}</Ustrd></RmtInf>` : ''}</TxDtls></NtryDtls></Ntry>`;
  });
  const balance = (code: string, minor: number, date: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${decimal(minor)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>${account.id}</MsgId></GrpHdr>
<Stmt><Id>${account.id}</Id><Acct><Id><IBAN>${account.iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
${balance('OPBD', 0, first)}${balance('CLBD', total, last)}
${entries.join('\n')}
</Stmt></BkToCstmrStmt></Document>
`;
}
