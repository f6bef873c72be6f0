/**
 * The bank's side of the payments the demo ledger already records over the month: each payment
 * document dated in it is a receipt of the statement too, booked on the day the ledger dates it,
 * for its amount, worded as a bank words the way it was paid (the payment's own label says how: a
 * transfer with the invoices it settled, a cheque deposit, a bill of exchange collected, a public
 * body's payment through the Treasury, an international transfer, a transfer without reference).
 * Without them the month's statement would hold only the receipts the ledger does not have yet, and
 * the bank reconciliation would list every recorded payment as missing from the bank.
 * Deterministic: its own random stream, so the other receipts of the month stay as they were.
 */
import { endOfMonth } from '../core/calendar.ts';
import type { Allocation, Customer, IsoDate, LedgerDocument } from '../core/types.ts';
import { type BankMonthOptions, bankName, type DemoReceipt, demoIban, typedRef } from './bank-month.ts';
import { createRng, type Rng } from './random.ts';

export interface RecordedLedgerView {
  customers: readonly Customer[];
  documents: readonly LedgerDocument[];
  allocations: readonly Pick<Allocation, 'debitRef' | 'creditRef'>[];
}

/** How the payment came, read from the label the demo's booking gives it (booking.ts). */
function methodOf(
  label: string,
): 'cheque' | 'lcr' | 'public' | 'swift' | 'unreferenced' | 'regularisation' | 'transfer' {
  if (label.startsWith('Chèque')) return 'cheque';
  if (label.startsWith('LCR')) return 'lcr';
  if (label.startsWith('Mandat administratif')) return 'public';
  if (label.startsWith('International transfer')) return 'swift';
  if (label.includes('sans référence')) return 'unreferenced';
  if (label.includes('régularisation')) return 'regularisation';
  return 'transfer';
}

/** 01/06/26, as a bank prints a due date. */
const frenchDate = (date: IsoDate) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(2, 4)}`;

interface Payer {
  code: string;
  /** As the bank writes it (sometimes misspelt). */
  name: string;
  iban: string | null;
}

function bankLine(
  rng: Rng,
  payment: LedgerDocument,
  payer: Payer,
  refs: readonly string[],
  treasuryIban: string,
): Omit<DemoReceipt, 'bookingDate' | 'amountMinor' | 'truth'> {
  const typed = refs.map((ref) => typedRef(rng, ref)).join(' ');
  const transfer = (label: string, remittance: string | null) => ({
    label: `${label} ${payer.name}`,
    counterpartyName: payer.name,
    counterpartyIban: payer.iban,
    remittance: remittance || null,
    endToEndId: null,
    kind: 'transfer' as const,
  });
  switch (methodOf(payment.label ?? '')) {
    case 'cheque':
      // One cheque deposited on its own: the slip names the drawer and, often, the invoices.
      return {
        label: `REMISE CHQ ${rng.int(1_000_000, 9_999_999)}`,
        counterpartyName: null,
        counterpartyIban: null,
        remittance: `${payer.name} ${rng.chance(0.6) ? typed : ''}`.trim(),
        endToEndId: null,
        chequeNumber: /\d{7}/.exec(payment.label ?? '')?.[0] ?? String(rng.int(1_000_000, 9_999_999)),
        kind: 'cheque',
        ...(payment.valueDate ? { valueDate: payment.valueDate } : {}),
      };
    case 'lcr':
      return { ...transfer('REMISE LCR', `LCR ECH ${frenchDate(payment.issueDate)} ${typed}`), kind: 'bill' };
    case 'public':
      // A public body pays through the Treasury: the payer is the DGFiP, the body named in the text.
      return {
        label: 'VIR SEPA DRFIP',
        counterpartyName: 'DRFIP',
        counterpartyIban: treasuryIban,
        remittance: `MANDAT ${rng.int(10_000, 99_999)} ${payer.name} ${typed}`.slice(0, 140),
        endToEndId: null,
        kind: 'transfer',
      };
    case 'swift':
      return transfer('VIR INTERNATIONAL', typed);
    case 'unreferenced':
      return transfer('VIR SEPA', rng.pick(['REGLEMENT', 'PAIEMENT FACTURES', '']));
    case 'regularisation':
      return transfer('VIR SEPA', `REGUL CHQ IMPAYE ${typed}`);
    default:
      return transfer('VIR SEPA', typed);
  }
}

/**
 * The receipts of the payments the ledger records in the month `options.from` starts, booked on
 * their own dates. `known`: the month's other receipts, whose payers keep the IBAN they have there.
 */
export function recordedPaymentReceipts(
  ledger: RecordedLedgerView,
  options: BankMonthOptions,
  known: readonly DemoReceipt[] = [],
): DemoReceipt[] {
  const rng = createRng(options.seed, 'bank-month-recorded', options.from);
  const last: IsoDate = endOfMonth(options.from);
  const names = new Map(ledger.customers.map((customer) => [customer.code, customer.name]));
  const ibans = new Map<string, string>();
  for (const receipt of known)
    if (receipt.truth && receipt.counterpartyIban)
      ibans.set(receipt.truth.customerCode, receipt.counterpartyIban);
  const ibanOf = (code: string) => ibans.get(code) ?? ibans.set(code, demoIban(rng)).get(code) ?? null;
  const treasuryIban = demoIban(rng);
  const paid = new Map<string, string[]>();
  for (const allocation of ledger.allocations)
    paid.set(allocation.creditRef, [...(paid.get(allocation.creditRef) ?? []), allocation.debitRef]);
  const payments = ledger.documents
    .filter(
      (document) =>
        document.kind === 'payment' && document.issueDate >= options.from && document.issueDate <= last,
    )
    .sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.externalRef.localeCompare(b.externalRef));
  return payments.map((payment): DemoReceipt => {
    const code = payment.customerCode;
    const refs = (paid.get(payment.externalRef) ?? []).filter((ref) => ref.startsWith('F'));
    const payer = {
      code,
      name: bankName(rng, names.get(code) ?? code, rng.chance(0.12)),
      iban: ibanOf(code),
    };
    return {
      bookingDate: payment.issueDate,
      amountMinor: -payment.amountMinor,
      ...bankLine(rng, payment, payer, refs, treasuryIban),
      truth: { customerCode: code, invoiceRefs: refs, recordedRef: payment.externalRef },
    };
  });
}
