/**
 * Factoring contracts and the assignment of invoices in batches (bordereaux de cession). A contract
 * is a versioned row (a change is a new version from a date); a batch takes the version in force on
 * its date, selects invoices by reference or by rule (the others left out with their reason),
 * computes the figures exactly (core/legal/factoring) and writes the batch, its invoices and the
 * current-account movements in one transaction, audited. A preview computes without writing.
 */
import type { Kysely } from 'kysely';
import { isValidIsoDate } from '#core/calendar';
import { type BatchFigures, computeBatch, type FactoringTerms, invalidTerms } from '#core/legal/factoring';
import { batchMovements } from '#core/legal/factoring-account';
import {
  type AssignmentRule,
  type ExcludedInvoice,
  type FactoringCandidate,
  type Selection,
  selectForAssignment,
} from '#core/legal/factoring-selection';
import { selectDunningInvoices } from '#db/dunning/dunning-state';
import type { Database } from '#db/infra/schema';
import {
  type ContractRow,
  insertBatch,
  insertContractVersion,
  lockFactoring,
  selectContracts,
  selectFactoringCandidates,
} from '#db/legal/factoring';
import { insertMovements } from '#db/legal/factoring-items';
import { wordedDate, wordedList } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf, findCompany } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { requireDate } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';

export type { ContractRow } from '#db/legal/factoring';

export interface ContractInput extends Partial<FactoringTerms> {
  code: string;
  factorName: string;
  factorIban?: string | null | undefined;
  factorBic?: string | null | undefined;
  currency?: string | undefined;
  withRecourse: boolean;
  advanceRateBps: number;
  commissionBps: number;
  financingRateBps: number;
  reserveRateBps: number;
  factorCollects?: boolean | undefined;
  rule?: AssignmentRule | undefined;
  effectiveFrom?: string | undefined;
}

const compactIban = (iban: string | null | undefined) => iban?.replace(/\s/g, '').toUpperCase() || null;

function termsOf(input: ContractInput): FactoringTerms {
  return {
    withRecourse: input.withRecourse,
    recourseDays: input.recourseDays ?? 0,
    advanceRateBps: input.advanceRateBps,
    commissionBps: input.commissionBps,
    minCommissionMinor: input.minCommissionMinor ?? 0,
    financingRateBps: input.financingRateBps,
    dayCountBasis: input.dayCountBasis ?? 360,
    collectionDelayDays: input.collectionDelayDays ?? 0,
    reserveRateBps: input.reserveRateBps,
    feePerInvoiceMinor: input.feePerInvoiceMinor ?? 0,
    feePerBatchMinor: input.feePerBatchMinor ?? 0,
    feesVatRateBps: input.feesVatRateBps ?? 0,
  };
}

function checkContract(input: ContractInput, terms: FactoringTerms): void {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(input.code ?? ''))
    throw new DomainError('invalid_input', { key: 'errors.legal.contractCode' });
  if (!input.factorName?.trim()) throw new DomainError('invalid_input', { key: 'errors.legal.factorName' });
  const bad = invalidTerms(terms);
  if (bad.length > 0)
    throw new DomainError(
      'invalid_input',
      {
        key: 'errors.legal.termsOutOfRange',
        params: {
          fields: wordedList(
            'errors.legal.factoringTerm',
            bad.map((field) => ({ field })),
          ),
        },
      },
      { fields: bad },
    );
  const iban = compactIban(input.factorIban);
  if (iban !== null && !/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban))
    throw new DomainError('invalid_input', {
      key: 'errors.legal.notIban',
      params: { iban: input.factorIban ?? '' },
    });
  if (terms.withRecourse && terms.recourseDays === 0)
    throw new DomainError('invalid_input', { key: 'errors.legal.recourseDays' });
}

/** Saves a contract, or a new version of it in force from `effectiveFrom` (default: the reference date). */
export async function saveFactoringContract(ctx: AppContext, input: ContractInput): Promise<ContractRow> {
  const terms = termsOf(input);
  checkContract(input, terms);
  const effectiveFrom = requireDate(input.effectiveFrom, 'effectiveFrom') ?? (await defaultAsOf(ctx));
  const company = await findCompany(ctx, ctx.companyId);
  const currency = (input.currency ?? company?.currency ?? 'EUR').toUpperCase();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertContractVersion(trx, ctx.companyId, {
      ...terms,
      code: input.code,
      effectiveFrom,
      factorName: input.factorName.trim(),
      factorIban: compactIban(input.factorIban),
      factorBic: input.factorBic?.trim().toUpperCase() || null,
      currency,
      factorCollects: input.factorCollects ?? false,
      rule: input.rule ?? {},
      createdBy: ctx.actor,
    });
    await recordAudit(ctx, trx, {
      action: 'factoring.contract',
      entity: 'factoring_contract',
      entityKey: `${row.code}@${row.version}`,
      before: null,
      after: { ...terms, factorName: row.factorName, effectiveFrom, factorCollects: row.factorCollects },
    });
    return row;
  });
}

export async function listFactoringContracts(ctx: AppContext): Promise<ContractRow[]> {
  return selectContracts(ctx.db, ctx.companyId);
}

/** The version of a contract in force on a date. */
export async function contractInForce(
  ctx: AppContext,
  db: Kysely<Database>,
  code: string,
  date: string,
): Promise<ContractRow> {
  const [row] = await selectContracts(db, ctx.companyId, { code, inForceOn: date });
  if (!row)
    throw new DomainError('not_found', {
      key: 'errors.legal.noContractInForce',
      params: { code, date: wordedDate(date) },
    });
  return row;
}

export interface AssignInput {
  contractCode: string;
  /** Invoices by reference; without them, `rule` (or the contract's rule) picks them. */
  refs?: readonly string[] | undefined;
  rule?: AssignmentRule | undefined;
  batchDate?: string | undefined;
  /** When the factor pays the funds (interest runs from it); default: the batch date. */
  financingDate?: string | undefined;
  preview?: boolean | undefined;
}

export interface BatchView extends BatchFigures {
  batchId: number | null;
  contractCode: string;
  contractVersion: number;
  factorName: string;
  batchDate: string;
  currency: string;
  excluded: ExcludedInvoice[];
}

async function candidatesOf(
  ctx: AppContext,
  trx: Kysely<Database>,
  batchDate: string,
  refs: readonly string[] | undefined,
): Promise<FactoringCandidate[]> {
  const open = await selectFactoringCandidates(trx, ctx.companyId, batchDate, refs);
  const codes = [...new Set(open.map((invoice) => invoice.customerCode))];
  const dunning = codes.length === 0 ? [] : await selectDunningInvoices(trx, ctx.companyId, batchDate, codes);
  const disputed = new Set(dunning.filter((row) => row.disputed).map((row) => row.documentId));
  return open.map((invoice) => ({ ...invoice, disputed: disputed.has(invoice.documentId) }));
}

function datesOf(input: AssignInput, fallback: string): { batchDate: string; financingDate: string } {
  const batchDate = requireDate(input.batchDate, 'batchDate') ?? fallback;
  const financingDate = requireDate(input.financingDate, 'financingDate') ?? batchDate;
  if (!isValidIsoDate(batchDate) || financingDate < batchDate)
    throw new DomainError('invalid_input', { key: 'errors.legal.financingBeforeBatch' });
  return { batchDate, financingDate };
}

/** Assigns a batch of invoices to the factor of a contract (or previews it). */
export async function assignInvoices(ctx: AppContext, input: AssignInput): Promise<BatchView> {
  const { batchDate, financingDate } = datesOf(input, await defaultAsOf(ctx));
  return ctx.db.transaction().execute(async (trx) => {
    if (!input.preview) await lockFactoring(trx, ctx.companyId);
    const contract = await contractInForce(ctx, trx, input.contractCode, batchDate);
    const selection: Selection =
      input.refs && input.refs.length > 0 ? { refs: input.refs } : { rule: input.rule ?? contract.rule };
    const candidates = await candidatesOf(
      ctx,
      trx,
      batchDate,
      'refs' in selection ? selection.refs : undefined,
    );
    const { selected, excluded } = selectForAssignment(candidates, selection, contract.currency, batchDate);
    const figures = computeBatch(
      contract,
      selected.map(({ documentId, ref, customerCode, dueDate, openMinor }) => ({
        documentId,
        ref,
        customerCode,
        dueDate,
        amountMinor: openMinor,
      })),
      financingDate,
    );
    const view: BatchView = {
      ...figures,
      batchId: null,
      contractCode: contract.code,
      contractVersion: contract.version,
      factorName: contract.factorName,
      batchDate,
      currency: contract.currency,
      excluded,
    };
    if (input.preview) return view;
    if (figures.invoiceCount === 0)
      throw new DomainError('invalid_input', { key: 'errors.legal.nothingToAssign' }, { excluded });
    view.batchId = await writeBatch(ctx, trx, contract, view);
    return view;
  });
}

async function writeBatch(ctx: AppContext, trx: Kysely<Database>, contract: ContractRow, view: BatchView) {
  const batchId = await insertBatch(
    trx,
    ctx.companyId,
    {
      contractId: contract.contractId,
      contractCode: contract.code,
      batchDate: view.batchDate,
      financingDate: view.financingDate,
      currency: view.currency,
      invoiceCount: view.invoiceCount,
      grossMinor: view.grossMinor,
      reserveMinor: view.reserveMinor,
      advanceMinor: view.advanceMinor,
      commissionMinor: view.commissionMinor,
      feesMinor: view.feesMinor,
      feesVatMinor: view.feesVatMinor,
      interestMinor: view.interestMinor,
      netFundsMinor: view.netFundsMinor,
      exclusions: view.excluded,
      createdBy: ctx.actor,
    },
    view.lines,
  );
  const movements = batchMovements(view, batchReference(batchId)).map((movement) => ({
    ...movement,
    contractCode: contract.code,
    batchId,
    documentId: null,
    currency: view.currency,
  }));
  await insertMovements(trx, ctx.companyId, ctx.actor, movements);
  await recordAudit(ctx, trx, {
    action: 'factoring.assign',
    entity: 'factoring_batch',
    entityKey: String(batchId),
    before: null,
    after: {
      contract: `${contract.code}@${contract.version}`,
      invoices: view.lines.map((line) => line.ref),
      grossMinor: view.grossMinor,
      netFundsMinor: view.netFundsMinor,
      excluded: view.excluded.length,
    },
  });
  return batchId;
}

/** How the batch is named on the account and the factor's statement: BC-<n> (bordereau de cession). */
export const batchReference = (batchId: number) => `BC-${batchId}`;
