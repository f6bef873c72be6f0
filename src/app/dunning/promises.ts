/**
 * Promises to pay: recorded with their instalments and the invoices they cover (none named: all
 * the customer's open invoices), they pause the dunning of those invoices until the last
 * instalment plus the policy's grace; their status as of a date comes from the payments received
 * since (dated after the promise, or recorded after it: `countsTowards` in the core says why). A broken promise raises a call task (once) and goes into the customer's story.
 */
import type { Kysely } from 'kysely';
import { isValidIsoDate, maxDate } from '#core/calendar';
import { selectPolicy } from '#core/dunning/policy';
import { assessPromise, type PromiseAssessment } from '#core/dunning/promises';
import { currencyExponent, parseAmountToMinor } from '#core/money';
import type { CustomerType, IsoDate } from '#core/types';
import { insertCustomerEvent } from '#db/customers/customer-records';
import { selectCustomerNames } from '#db/dunning/agenda-queries';
import {
  insertPromise,
  type PromiseRow,
  selectCustomerPayments,
  selectInvoiceByRef,
  selectOpenDebitsMinor,
  selectPromises,
} from '#db/dunning/case-queries';
import { insertTask } from '#db/dunning/task-queries';
import type { Database } from '#db/infra/schema';
import { wordedDate, wordedMoney } from '#text/error-words';
import { storyLine } from '#text/story';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { requireVisibleCustomer } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { DEFAULT_POLICY, loadPolicies } from './plan-data.ts';
import { resolveRunDate } from './plan-run.ts';
import { portfolioOf } from './queries.ts';

export interface PromiseView extends PromiseRow {
  /** The customer's name, for a list of every customer's promises. */
  customerName: string;
  assessment: PromiseAssessment;
}

export interface PromiseInput {
  customerCode: string;
  madeOn?: string | undefined;
  instalments: { dueDate: string; amountMinor: number }[];
  documentRefs?: string[] | undefined;
  note?: string | undefined;
}

/** Each customer's name and the grace of the policy it falls under (days after a promised date). */
async function customersOfPromises(
  db: Kysely<Database>,
  companyId: string,
  asOf: IsoDate,
  codes: readonly string[],
): Promise<Map<string, { name: string; graceDays: number }>> {
  const policies = await loadPolicies(db, companyId);
  const rows = await selectCustomerNames(db, companyId, codes);
  return new Map(
    rows.map((row) => {
      const policy = selectPolicy(
        policies,
        { customerCode: row.code, customerType: row.customerType as CustomerType, riskClass: null },
        asOf,
      );
      return [row.code, { name: row.name, graceDays: (policy ?? DEFAULT_POLICY).promiseGraceDays }];
    }),
  );
}

/** Every promise made on or before the date, assessed as of the date. */
export async function assessPromises(
  db: Kysely<Database>,
  companyId: string,
  asOf: IsoDate,
  customerCodes?: readonly string[],
): Promise<PromiseView[]> {
  const promises = await selectPromises(db, companyId, { asOf, customerCodes });
  const codes = [...new Set(promises.map((p) => p.customerCode))];
  const payments = await selectCustomerPayments(db, companyId, codes, asOf);
  const customers = await customersOfPromises(db, companyId, asOf, codes);
  return promises.map((promise) => ({
    ...promise,
    customerName: customers.get(promise.customerCode)?.name ?? promise.customerCode,
    assessment: assessPromise(
      { madeOn: promise.madeOn, recordedAt: promise.recordedAt, instalments: promise.instalments },
      payments.filter((p) => p.customerCode === promise.customerCode),
      asOf,
      customers.get(promise.customerCode)?.graceDays ?? DEFAULT_POLICY.promiseGraceDays,
    ),
  }));
}

/** Raises a task and a story line for each promise broken by the date that has none yet. */
export async function raiseBrokenPromiseTasks(
  ctx: AppContext,
  db: Kysely<Database>,
  asOf: IsoDate,
): Promise<number> {
  let created = 0;
  for (const promise of await assessPromises(db, ctx.companyId, asOf)) {
    const { status, shortfallMinor } = promise.assessment;
    if (status !== 'broken' && status !== 'partially_kept') continue;
    const taskId = await insertTask(db, ctx.companyId, ctx.actor, {
      customerCode: promise.customerCode,
      kind: 'broken_promise',
      actionId: null,
      promiseId: promise.promiseId,
      dueDate: asOf,
      assignedTo: null,
      note: '',
    });
    if (taskId === null) continue;
    created += 1;
    await insertCustomerEvent(db, ctx.companyId, ctx.actor, {
      customerCode: promise.customerCode,
      kind: 'promise',
      eventDate: asOf,
      documentRef: null,
      ...storyLine('dunning.event.brokenPromise', {
        shortfall: { minor: shortfallMinor, currency: promise.currency },
        date: { date: asOf },
      }),
    });
  }
  return created;
}

export async function listPromises(
  ctx: AppContext,
  input: { asOf?: string; customerCode?: string } = {},
): Promise<PromiseView[]> {
  const asOf = await resolveRunDate(ctx, input.asOf);
  if (input.customerCode) await requireVisibleCustomer(ctx, input.customerCode);
  const all = await assessPromises(
    ctx.db,
    ctx.companyId,
    asOf,
    input.customerCode ? [input.customerCode] : undefined,
  );
  const scope = portfolioOf(ctx);
  if (scope === undefined) return all;
  const names = await selectCustomerNames(ctx.db, ctx.companyId, [
    ...new Set(all.map((p) => p.customerCode)),
  ]);
  const own = new Set(names.filter((n) => n.salesperson === scope).map((n) => n.code));
  return all.filter((p) => own.has(p.customerCode));
}

/** "1 500,00" or "1500.00" → minor units, for the shells. */
export function amountFromText(text: string, currency = 'EUR'): number {
  const parsed = parseAmountToMinor(text, { exponent: currencyExponent(currency) });
  if (parsed === null)
    throw new DomainError('invalid_input', { key: 'errors.dunning.amountUnreadable', params: { text } });
  if (parsed <= 0)
    throw new DomainError('invalid_input', { key: 'errors.dunning.amountNotPositive', params: { text } });
  return parsed;
}

export async function recordPromise(ctx: AppContext, input: PromiseInput): Promise<PromiseView> {
  const customer = await requireVisibleCustomer(ctx, input.customerCode);
  const madeOn = await resolveRunDate(ctx, input.madeOn);
  if (input.instalments.length === 0)
    throw new DomainError('invalid_input', { key: 'errors.dunning.promiseNoInstalment' });
  for (const instalment of input.instalments) {
    // A date that does not exist (30 February, a day-first date) is not a date too early.
    if (!isValidIsoDate(instalment.dueDate))
      throw new DomainError('invalid_input', {
        key: 'errors.dunning.instalmentNotADate',
        params: { value: String(instalment.dueDate) },
      });
    if (instalment.dueDate < madeOn)
      throw new DomainError('invalid_input', {
        key: 'errors.dunning.instalmentDate',
        params: { value: wordedDate(instalment.dueDate), date: wordedDate(madeOn) },
      });
    if (!Number.isSafeInteger(instalment.amountMinor) || instalment.amountMinor <= 0)
      throw new DomainError('invalid_input', { key: 'errors.dunning.instalmentAmount' });
  }
  const documentIds: number[] = [];
  for (const ref of input.documentRefs ?? []) {
    const invoice = await selectInvoiceByRef(ctx.db, ctx.companyId, ref);
    if (!invoice || invoice.customerCode !== input.customerCode)
      throw new DomainError('not_found', {
        key: 'errors.dunning.noInvoiceOfCustomer',
        params: { ref, customer: input.customerCode },
      });
    documentIds.push(invoice.documentId);
  }
  const currency = customer.currency;
  // A promise above what is owed is a typing mistake (a misplaced comma), not a plan to pay.
  const promisedMinor = input.instalments.reduce((sum, i) => sum + i.amountMinor, 0);
  const owedMinor = await selectOpenDebitsMinor(ctx.db, ctx.companyId, input.customerCode, documentIds);
  if (promisedMinor > owedMinor)
    throw new DomainError(
      'invalid_input',
      {
        key: 'errors.dunning.promiseAboveOwed',
        params: { promised: wordedMoney(promisedMinor, currency), owed: wordedMoney(owedMinor, currency) },
      },
      { promisedMinor, owedMinor },
    );
  const promiseId = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertPromise(trx, ctx.companyId, ctx.actor, {
      customerCode: input.customerCode,
      madeOn,
      currency,
      note: input.note?.trim() ?? '',
      instalments: input.instalments,
      documentIds,
    });
    const total = input.instalments.reduce((sum, i) => sum + i.amountMinor, 0);
    const last = input.instalments.reduce((latest, i) => maxDate(latest, i.dueDate), madeOn);
    await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
      customerCode: input.customerCode,
      kind: 'promise',
      eventDate: madeOn,
      documentRef: input.documentRefs?.[0] ?? null,
      ...storyLine('dunning.event.promise', {
        amount: { minor: total, currency },
        date: { date: last },
        note: input.note?.trim() ?? '',
      }),
    });
    await recordAudit(ctx, trx, {
      action: 'dunning.promise_add',
      entity: 'dunning_promise',
      entityKey: String(id),
      before: null,
      after: {
        customerCode: input.customerCode,
        madeOn,
        instalments: input.instalments,
        documentRefs: input.documentRefs ?? [],
      },
    });
    return id;
  });
  const [view] = (await assessPromises(ctx.db, ctx.companyId, madeOn, [input.customerCode])).filter(
    (p) => p.promiseId === promiseId,
  );
  if (!view) throw new Error(`promise ${promiseId} not found after insert`);
  return view;
}
