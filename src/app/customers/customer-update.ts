/**
 * Changes to a customer file made by the credit department: credit line, payment terms,
 * contacts, salesperson, customer type, status, billing e-mail. Validated, audited with the
 * values before and after; a new credit limit is also told in the customer's story.
 */

import { formatPaymentTermsSpec, parsePaymentTerms } from '#core/ledger/payment-terms';
import {
  type Contact,
  CUSTOMER_STATUSES,
  CUSTOMER_TYPES,
  type CustomerStatus,
  type CustomerType,
  type StoryParam,
} from '#core/types';
import { insertLimitHistory } from '#db/credit/limit-queries';
import { insertCustomerEvent, updateCustomerColumns } from '#db/customers/customer-records';
import { storyLine } from '#text/story';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { releaseHeldOrdersWithinRules } from '../credit/held-orders.ts';
import { LIMIT_REASON, storedLimitReason } from '../credit/limit-history-view.ts';
import { DomainError } from '../errors.ts';
import { requireVisibleCustomer } from './customers.ts';

export interface CustomerPatch {
  creditLimitMinor?: number | null | undefined;
  paymentTerms?: string | undefined;
  contacts?: Partial<Contact>[] | undefined;
  salesperson?: string | null | undefined;
  customerType?: CustomerType | undefined;
  status?: CustomerStatus | undefined;
  billingEmail?: string | null | undefined;
  /** Why the credit limit changes, kept in the limit history (default: « fiche client »). */
  limitReason?: string | undefined;
}

type Column =
  | 'credit_limit_minor'
  | 'payment_terms'
  | 'contacts'
  | 'salesperson'
  | 'customer_type'
  | 'status'
  | 'billing_email';

/** Checked and normalised values, keyed by column. */
function normalise(patch: CustomerPatch): Partial<Record<Column, unknown>> {
  const out: Partial<Record<Column, unknown>> = {};
  const invalid = (key: string, params?: Record<string, string>) =>
    new DomainError('invalid_input', { key: `errors.customers.${key}`, ...(params ? { params } : {}) });
  if (patch.creditLimitMinor !== undefined) {
    const limit = patch.creditLimitMinor;
    if (limit !== null && (!Number.isSafeInteger(limit) || limit < 0)) throw invalid('creditLimit');
    out.credit_limit_minor = limit;
  }
  if (patch.paymentTerms !== undefined) {
    const terms = parsePaymentTerms(patch.paymentTerms);
    if (!terms) throw invalid('paymentTerms', { terms: patch.paymentTerms });
    out.payment_terms = formatPaymentTermsSpec(terms);
  }
  if (patch.contacts !== undefined) {
    for (const contact of patch.contacts) if (!contact.name?.trim()) throw invalid('contactName');
    out.contacts = patch.contacts.map((c) => ({
      name: c.name?.trim(),
      role: c.role ?? null,
      email: c.email ?? null,
      phone: c.phone ?? null,
    }));
  }
  if (patch.salesperson !== undefined) out.salesperson = patch.salesperson?.trim() || null;
  if (patch.customerType !== undefined) {
    if (!(CUSTOMER_TYPES as readonly string[]).includes(patch.customerType))
      throw invalid('type', { type: patch.customerType });
    out.customer_type = patch.customerType;
  }
  if (patch.status !== undefined) {
    if (!(CUSTOMER_STATUSES as readonly string[]).includes(patch.status))
      throw invalid('status', { status: patch.status });
    out.status = patch.status;
  }
  if (patch.billingEmail !== undefined) {
    const email = patch.billingEmail?.trim() || null;
    if (email && !/^[^\s@]+@[^\s@]+$/.test(email))
      throw new DomainError('invalid_input', { key: 'errors.common.email', params: { email } });
    out.billing_email = email;
  }
  return out;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase());

export async function updateCustomer(
  ctx: AppContext,
  code: string,
  patch: CustomerPatch,
): Promise<{ code: string; changed: string[] }> {
  const values = normalise(patch);
  const existing = await requireVisibleCustomer(ctx, code);
  const changed = (Object.keys(values) as Column[]).filter(
    (column) => JSON.stringify(existing[column]) !== JSON.stringify(values[column]),
  );
  if (changed.length === 0) return { code, changed: [] };
  const before = Object.fromEntries(changed.map((column) => [camel(column), existing[column]]));
  const after = Object.fromEntries(changed.map((column) => [camel(column), values[column]]));
  const eventDate = await defaultAsOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const set: Record<string, unknown> = { updated_at: ctx.clock.now() };
    for (const column of changed)
      set[column] = column === 'contacts' ? JSON.stringify(values.contacts) : values[column];
    await updateCustomerColumns(trx, ctx.companyId, code, set);
    await recordAudit(ctx, trx, {
      action: 'customer.update',
      entity: 'customer',
      entityKey: code,
      before,
      after,
    });
    if (changed.includes('credit_limit_minor')) {
      const limit = (minor: unknown): StoryParam =>
        typeof minor === 'number'
          ? { minor, currency: existing.currency as string }
          : { key: 'common.noLimit', params: {} };
      await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
        customerCode: code,
        kind: 'limit_change',
        eventDate,
        documentRef: null,
        ...storyLine('common.change', {
          field: { domain: 'auditField', code: 'creditLimitMinor' },
          before: limit(existing.credit_limit_minor),
          after: limit(values.credit_limit_minor),
        }),
      });
      // The limit history is complete whatever the path: the credit use cases write it too.
      await insertLimitHistory(trx, ctx.companyId, ctx.actor, {
        customerCode: code,
        kind: 'permanent',
        amountMinor: values.credit_limit_minor as number | null,
        previousMinor: existing.credit_limit_minor as number | null,
        currency: existing.currency as string,
        validFrom: eventDate,
        expiresOn: null,
        reason: storedLimitReason(patch.limitReason, LIMIT_REASON.customerFile),
        requestId: null,
      });
    }
  });
  // A new limit may bring the customer back within the credit rules: its held orders are re-judged.
  if (changed.includes('credit_limit_minor') || changed.includes('status'))
    await releaseHeldOrdersWithinRules(ctx, [code]);
  return { code, changed: changed.map(camel) };
}
