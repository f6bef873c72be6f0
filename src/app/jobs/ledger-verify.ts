/**
 * `ledger.verify`: checks, slice by slice of customers in code order, that the open-item state
 * equals the ledger recomputed from documents and allocations. The checkpoint is the last
 * customer code done and the differences found so far, so a run killed mid-way resumes after
 * that customer; it also counts the customers each attempt checked, which shows (and lets a
 * test prove) that no slice before the checkpoint was checked twice.
 */
import { countCustomers, customerCodesAfter, ledgerDifferencesOf } from '#db/jobs/ledger-verify';
import { DomainError } from '../errors.ts';
import { defineJob } from './define-job.ts';
import { jobKindWords } from './error-words.ts';

export interface LedgerVerifyPayload {
  /** Customers per slice (one short statement each). */
  sliceSize: number;
}

export interface LedgerVerifyDifference {
  customerCode: string;
  documents: { documentId: number; expectedOpenMinor: number; storedOpenMinor: number | null }[];
}

export interface LedgerVerifyCheckpoint {
  lastCustomerCode: string | null;
  customersChecked: number;
  customersDiffering: number;
  differences: LedgerVerifyDifference[];
  /** Customers checked by each attempt ('1', '2'…): they add up to the customers, once each. */
  checkedByAttempt: Record<string, number>;
}

export interface LedgerVerifyResult {
  customersChecked: number;
  customersDiffering: number;
  differences: LedgerVerifyDifference[];
  checkedByAttempt: Record<string, number>;
}

const DEFAULT_SLICE = 200;
const MAX_SLICE = 5000;
/** The list is for people to act on; past this many customers the count says the rest. */
const MAX_LISTED = 500;

function parsePayload(payload: unknown): LedgerVerifyPayload {
  const input = (payload ?? {}) as { sliceSize?: unknown };
  if (typeof input !== 'object' || Array.isArray(input))
    throw new DomainError('invalid_input', {
      key: 'errors.jobs.payloadObject',
      params: { kind: jobKindWords('ledger.verify') },
    });
  const sliceSize = input.sliceSize ?? DEFAULT_SLICE;
  if (typeof sliceSize !== 'number' || !Number.isInteger(sliceSize) || sliceSize < 1 || sliceSize > MAX_SLICE)
    throw new DomainError('invalid_input', { key: 'errors.jobs.sliceSize', params: { max: MAX_SLICE } });
  return { sliceSize };
}

function group(rows: Awaited<ReturnType<typeof ledgerDifferencesOf>>): LedgerVerifyDifference[] {
  const byCustomer = new Map<string, LedgerVerifyDifference>();
  for (const { customerCode, ...document } of rows) {
    const entry = byCustomer.get(customerCode) ?? { customerCode, documents: [] };
    entry.documents.push(document);
    byCustomer.set(customerCode, entry);
  }
  return [...byCustomer.values()];
}

export const ledgerVerifyJob = defineJob<LedgerVerifyPayload, LedgerVerifyCheckpoint>(
  'ledger.verify',
  async (run) => {
    const { ctx, payload } = run;
    const total = await countCustomers(ctx.db, ctx.companyId);
    const state: LedgerVerifyCheckpoint = run.checkpoint ?? {
      lastCustomerCode: null,
      customersChecked: 0,
      customersDiffering: 0,
      differences: [],
      checkedByAttempt: {},
    };
    await run.reportProgress(state.customersChecked, total, 'jobs.progress.ledgerVerify', {
      customers: state.customersChecked,
    });
    while (!run.isCancelled()) {
      const codes = await customerCodesAfter(
        ctx.db,
        ctx.companyId,
        state.lastCustomerCode,
        payload.sliceSize,
      );
      if (codes.length === 0) break;
      const found = group(await ledgerDifferencesOf(ctx.db, ctx.companyId, codes));
      state.customersDiffering += found.length;
      state.differences.push(...found.slice(0, Math.max(0, MAX_LISTED - state.differences.length)));
      state.lastCustomerCode = codes[codes.length - 1] ?? state.lastCustomerCode;
      state.customersChecked += codes.length;
      const attempt = String(run.job.attempt);
      state.checkedByAttempt[attempt] = (state.checkedByAttempt[attempt] ?? 0) + codes.length;
      await run.saveCheckpoint(state, { done: state.customersChecked, total });
    }
    return {
      customersChecked: state.customersChecked,
      customersDiffering: state.customersDiffering,
      differences: state.differences,
      checkedByAttempt: state.checkedByAttempt,
    } satisfies LedgerVerifyResult;
  },
  { startableBy: ['admin', 'credit_manager'], parsePayload },
);
