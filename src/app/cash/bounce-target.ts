/**
 * Which payments a bounce sends back. A receipt applied to one customer is one payment; a group
 * receipt (core/cash/group.ts) became one payment per customer, and the bank returns the line,
 * not a part of it: named by its bank line or by any one of its payments, the whole line bounces.
 * A payment of the ledger that no bank line brought (a cheque from a spreadsheet) bounces alone.
 */
import type { Kysely } from 'kysely';
import { applicationsInForce, transactionOfPayment } from '#db/cash/applications';
import {
  type BankLineRow,
  bankLineById,
  type PaymentRow,
  paymentById,
  paymentsByRef,
} from '#db/cash/bounce-queries';
import type { Database } from '#db/infra/schema';
import { wordedMoney } from '#text/error-words';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

export interface BounceTargetInput {
  transactionId?: number;
  paymentRef?: string;
  returnTransactionId?: number;
}

export interface BounceTarget {
  /** The payments that come back: one, or every part of a group receipt (in the order written). */
  payments: PaymentRow[];
  /** The bank receipt marked bounced, when the payments are all of it. */
  receiptId: number | null;
  /** Who paid: the payment's customer, or the customer the group receipt was applied for. */
  payerCode: string;
}

/** The payments an applied bank line became (locked by the caller through the line). */
async function paymentsOfLine(trx: Kysely<Database>, ctx: AppContext, line: BankLineRow) {
  if (line.paymentDocumentId !== null) {
    const payment = await paymentById(trx, ctx.companyId, line.paymentDocumentId);
    return payment ? [payment] : [];
  }
  const parts = await applicationsInForce(trx, ctx.companyId, [line.transactionId]);
  const payments = await Promise.all(
    parts.map((part) => paymentById(trx, ctx.companyId, part.paymentDocumentId)),
  );
  return payments.filter((payment): payment is PaymentRow => payment !== null);
}

async function appliedLine(trx: Kysely<Database>, ctx: AppContext, transactionId: number) {
  const line = await bankLineById(trx, ctx.companyId, transactionId);
  if (line?.direction !== 'receipt')
    throw new DomainError('not_found', { key: 'errors.cash.noBankReceipt', params: { id: transactionId } });
  if (line.status !== 'applied')
    throw new DomainError('conflict', { key: 'errors.cash.nothingToBounce', params: { id: transactionId } });
  return line;
}

export async function resolveBounceTarget(
  trx: Kysely<Database>,
  ctx: AppContext,
  input: BounceTargetInput,
): Promise<BounceTarget> {
  if (input.transactionId !== undefined) {
    const line = await appliedLine(trx, ctx, input.transactionId);
    const payments = await paymentsOfLine(trx, ctx, line);
    const first = payments[0];
    if (!first)
      throw new DomainError('not_found', {
        key: 'errors.cash.noPaymentOfReceipt',
        params: { id: input.transactionId },
      });
    const payerCode = payments.length === 1 ? first.customerCode : (line.customerCode ?? first.customerCode);
    return { payments, receiptId: line.transactionId, payerCode };
  }
  if (!input.paymentRef) throw new DomainError('invalid_input', { key: 'errors.cash.nameBounce' });
  const found = await paymentsByRef(trx, ctx.companyId, input.paymentRef);
  const [payment, another] = found;
  if (!payment)
    throw new DomainError('not_found', { key: 'errors.cash.noPayment', params: { ref: input.paymentRef } });
  if (another)
    throw new DomainError('conflict', {
      key: 'errors.cash.severalPayments',
      params: { ref: input.paymentRef },
    });
  const origin = await transactionOfPayment(trx, ctx.companyId, payment.documentId);
  if (!origin) return { payments: [payment], receiptId: null, payerCode: payment.customerCode };
  if (origin.customers === 1)
    return { payments: [payment], receiptId: origin.transactionId, payerCode: payment.customerCode };
  // One part of a group receipt still in force: the line it came with bounces, every part of it.
  const line = await bankLineById(trx, ctx.companyId, origin.transactionId);
  const parts = line?.status === 'applied' ? await paymentsOfLine(trx, ctx, line) : [];
  if (!line || !parts.some((part) => part.documentId === payment.documentId))
    return { payments: [payment], receiptId: null, payerCode: payment.customerCode };
  return {
    payments: parts,
    receiptId: line.transactionId,
    payerCode: line.customerCode ?? payment.customerCode,
  };
}

/** The statement's return line, when named: open still, and of the amount the payments came to. */
export async function resolveReturnLine(
  trx: Kysely<Database>,
  ctx: AppContext,
  input: BounceTargetInput,
  payments: readonly PaymentRow[],
): Promise<BankLineRow | null> {
  if (input.returnTransactionId === undefined) return null;
  const line = await bankLineById(trx, ctx.companyId, input.returnTransactionId);
  if (line?.direction !== 'return')
    throw new DomainError('not_found', {
      key: 'errors.cash.noReturnLine',
      params: { id: input.returnTransactionId },
    });
  if (line.status === 'bounced')
    throw new DomainError('conflict', {
      key: 'errors.cash.returnRecorded',
      params: { id: input.returnTransactionId },
    });
  const totalMinor = payments.reduce((sum, payment) => sum + payment.amountMinor, 0);
  if (line.amountMinor !== totalMinor || payments.some((payment) => payment.currency !== line.currency))
    throw new DomainError('invalid_input', {
      key: 'errors.cash.returnAmount',
      params: {
        id: input.returnTransactionId,
        // Told as the amounts people see on the statement and the payment, whatever their sign here.
        returned: wordedMoney(Math.abs(line.amountMinor), line.currency),
        paid: wordedMoney(Math.abs(totalMinor), payments[0]?.currency ?? line.currency),
      },
    });
  return line;
}
