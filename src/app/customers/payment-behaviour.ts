/** The customer file's payment behaviour: monthly average delay after due date over the last months. */
import { addMonths, monthKey, startOfMonth } from '#core/calendar';
import {
  type PaymentMonthRow,
  paymentMonthsOfCustomer,
  type UnpaidOverdueRow,
  unpaidOverdueOfCustomer,
} from '#db/customers/payment-behaviour-queries';
import type { AppContext } from '../context.ts';
import { requireVisibleCustomer, resolveAsOf } from './customers.ts';

export interface PaymentBehaviour {
  asOf: string;
  from: string;
  currency: string;
  /** One entry per calendar month from `from` to `asOf`, months without matching included (nulls). */
  months: PaymentMonthRow[];
  /**
   * The invoices past due and unpaid at `asOf`: the months measure payments received, so a
   * customer who stopped paying would otherwise look punctual.
   */
  unpaidOverdue: UnpaidOverdueRow;
}

export async function getPaymentBehaviour(
  ctx: AppContext,
  code: string,
  input: { asOf?: string | undefined; months?: number | undefined } = {},
): Promise<PaymentBehaviour> {
  const customer = await requireVisibleCustomer(ctx, code);
  const asOf = await resolveAsOf(ctx, input.asOf);
  const count = input.months ?? 24;
  const from = startOfMonth(addMonths(asOf, -(count - 1)));
  const rows = await paymentMonthsOfCustomer(ctx.db, ctx.companyId, code, from, asOf);
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  const months: PaymentMonthRow[] = [];
  for (let day = from; day <= asOf; day = addMonths(day, 1)) {
    const month = monthKey(day);
    months.push(
      byMonth.get(month) ?? {
        month,
        paidMinor: 0,
        invoices: 0,
        averageDelayDays: null,
        averageDaysToPay: null,
      },
    );
  }
  const unpaidOverdue = await unpaidOverdueOfCustomer(ctx.db, ctx.companyId, code, customer.currency, asOf);
  return { asOf, from, currency: customer.currency, months, unpaidOverdue };
}
