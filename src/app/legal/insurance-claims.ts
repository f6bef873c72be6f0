/**
 * Credit-insurance claims on the covers of the credit department: the policy of each insurer (days
 * allowed to declare a threatened loss, waiting period), the overdue invoices of covered buyers
 * with their declaration deadline, the declaration (a claim file with the insured share of the
 * outstanding), and its outcome — the indemnity received, a refusal, or the buyer paying. The
 * indemnity is the insurer's money, not the buyer's: it is recorded on the claim and leaves the
 * customer's ledger as it is (the insurer takes over the claim).
 */
import { isValidIsoDate } from '#core/calendar';
import {
  INSURANCE_CLAIM_STATUSES,
  type InsuranceClaimStatus,
  lateDeclaredCount,
  threatenedLossDeadline,
} from '#core/legal/insurance-claims';
import { insertCustomerEvent } from '#db/customers/customer-records';
import {
  type InsuranceClaimRow,
  insertInsuranceClaim,
  selectInsuranceClaims,
  updateInsuranceClaim,
} from '#db/legal/insurance-queries';
import { type Lang, translator } from '#text/catalogue';
import { wordedChoices } from '#text/error-words';
import { storyLine } from '#text/story';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { type DeclareInput, declarationDate, planDeclaration } from './insurance-declaration.ts';

export interface InsuranceClaimView extends InsuranceClaimRow {
  uninsuredMinor: number;
  /** How many of its invoices were declared after their deadline (their guarantee is lost). */
  lateInvoices: number;
  /** Every invoice it declares was declared after its deadline: the insurer guarantees none. */
  late: boolean;
}

const viewOf = (row: InsuranceClaimRow): InsuranceClaimView => {
  const lateInvoices = lateDeclaredCount(row.items, row.declaredOn);
  return {
    ...row,
    uninsuredMinor: row.outstandingMinor - row.insuredMinor,
    lateInvoices,
    late: row.items.length > 0 && lateInvoices === row.items.length,
  };
};

/**
 * Declares the threatened loss on a covered buyer's overdue invoices (all not declared yet, or those
 * named): `previewDeclaration` shows the same before the person confirms.
 */
export async function declareThreatenedLoss(
  ctx: AppContext,
  input: DeclareInput,
): Promise<InsuranceClaimView> {
  const on = await declarationDate(ctx, input);
  const claimId = await ctx.db.transaction().execute(async (trx) => {
    const plan = await planDeclaration(ctx, trx, input, on, true);
    const { date, customer, cover, policy, invoices, outstandingMinor, share } = plan;
    const id = await insertInsuranceClaim(trx, ctx.companyId, ctx.actor, {
      customerCode: customer.code,
      insurer: cover.insurer,
      policyId: policy.policyId,
      coverId: cover.coverId,
      declaredOn: date,
      currency: cover.currency,
      items: invoices.map((i) => ({
        documentId: i.documentId,
        ref: i.ref,
        dueDate: i.dueDate,
        openMinor: i.openMinor,
        deadline: threatenedLossDeadline(i.dueDate, policy.threatenedLossDays),
      })),
      outstandingMinor,
      grantedMinor: share.grantedMinor,
      insuredShareBps: share.insuredShareBps,
      insuredMinor: share.insuredMinor,
      indemnityExpectedOn: plan.indemnityExpectedOn,
    });
    await recordAudit(ctx, trx, {
      action: 'insurance.declare',
      entity: 'insurance_claim',
      entityKey: String(id),
      before: null,
      after: {
        customerCode: customer.code,
        insurer: cover.insurer,
        invoices: invoices.map((i) => i.ref),
        outstandingMinor,
        insuredMinor: share.insuredMinor,
      },
    });
    const money = (minor: number) => ({ minor, currency: cover.currency });
    await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
      customerCode: customer.code,
      kind: 'note',
      eventDate: date,
      documentRef: null,
      ...storyLine('insurance.event.declared', {
        claimId: id,
        insurer: cover.insurer,
        outstanding: money(outstandingMinor),
        insured: money(share.insuredMinor),
      }),
    });
    return id;
  });
  return getInsuranceClaim(ctx, claimId);
}

export async function getInsuranceClaim(ctx: AppContext, claimId: number): Promise<InsuranceClaimView> {
  const [row] = await selectInsuranceClaims(ctx.db, ctx.companyId, { claimId });
  if (!row)
    throw new DomainError('not_found', { key: 'errors.legal.unknownInsuranceClaim', params: { claimId } });
  return viewOf(row);
}

export async function listInsuranceClaims(
  ctx: AppContext,
  filter: { customerCode?: string | undefined; status?: string | undefined } = {},
): Promise<InsuranceClaimView[]> {
  return (await selectInsuranceClaims(ctx.db, ctx.companyId, filter)).map(viewOf);
}

/** Where a claim may go next; a closed claim (indemnified, rejected, settled) goes nowhere. */
const NEXT: Readonly<Record<InsuranceClaimStatus, readonly InsuranceClaimStatus[]>> = {
  declared: ['claim_filed', 'indemnified', 'rejected', 'settled'],
  claim_filed: ['indemnified', 'rejected', 'settled'],
  indemnified: [],
  rejected: [],
  settled: [],
};

export interface ClaimUpdateInput {
  claimId: number;
  status: string;
  indemnityMinor?: number | null | undefined;
  receivedOn?: string | null | undefined;
  note?: string | null | undefined;
}

const claimStatusWords = (lang: Lang, status: string) => translator(lang)('insurance.status', { status });

function checkedStatus(input: ClaimUpdateInput): InsuranceClaimStatus {
  if (!(INSURANCE_CLAIM_STATUSES as readonly string[]).includes(input.status))
    throw new DomainError('invalid_input', {
      key: 'errors.legal.claimStatus',
      params: { status: input.status, allowed: wordedChoices(INSURANCE_CLAIM_STATUSES, claimStatusWords) },
    });
  if (input.status === 'indemnified') {
    const minor = input.indemnityMinor;
    if (minor === null || minor === undefined || !Number.isSafeInteger(minor) || minor <= 0)
      throw new DomainError('invalid_input', { key: 'errors.legal.indemnityAmount' });
    if (!input.receivedOn || !isValidIsoDate(input.receivedOn))
      throw new DomainError('invalid_input', { key: 'errors.legal.indemnityDate' });
  }
  return input.status as InsuranceClaimStatus;
}

export async function updateInsuranceClaimStatus(
  ctx: AppContext,
  input: ClaimUpdateInput,
): Promise<InsuranceClaimView> {
  const status = checkedStatus(input);
  const indemnified = status === 'indemnified';
  await ctx.db.transaction().execute(async (trx) => {
    const [claim] = await selectInsuranceClaims(trx, ctx.companyId, { claimId: input.claimId, lock: true });
    if (!claim)
      throw new DomainError('not_found', {
        key: 'errors.legal.unknownInsuranceClaim',
        params: { claimId: input.claimId },
      });
    if (!NEXT[claim.status as InsuranceClaimStatus]?.includes(status))
      throw new DomainError('conflict', {
        key: 'errors.legal.claimTransition',
        params: {
          claimId: claim.claimId,
          status: (lang) => claimStatusWords(lang, claim.status),
          next: (lang) => claimStatusWords(lang, status),
        },
      });
    const change = {
      status,
      indemnityMinor: indemnified ? (input.indemnityMinor ?? null) : null,
      indemnityReceivedOn: indemnified ? (input.receivedOn ?? null) : null,
      statusNote: input.note?.trim() || null,
    };
    await updateInsuranceClaim(trx, ctx.companyId, ctx.actor, claim.claimId, change);
    await recordAudit(ctx, trx, {
      action: 'insurance.claim_update',
      entity: 'insurance_claim',
      entityKey: String(claim.claimId),
      before: { status: claim.status, indemnityMinor: claim.indemnityMinor },
      after: change,
    });
    if (indemnified)
      await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
        customerCode: claim.customerCode,
        kind: 'note',
        eventDate: change.indemnityReceivedOn!,
        documentRef: null,
        ...storyLine('insurance.event.indemnified', {
          claimId: claim.claimId,
          insurer: claim.insurer,
          indemnity: { minor: change.indemnityMinor!, currency: claim.currency },
        }),
      });
  });
  return getInsuranceClaim(ctx, input.claimId);
}
