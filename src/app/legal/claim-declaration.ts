/**
 * A claim declaration prepared by a person and recorded as declared. Preparing records the claim
 * of a customer in proceedings that the watch did not (the procedure known from its status or its
 * story): the judgment's date, the BODACC publication (the deadline is exact, else estimated from
 * the judgment) and the mandataire — each, when not given, as the claims list knows it
 * (`claim-facts.ts`: BODACC, the story's words; a judgment's date is required when only the status
 * says so) —, and the amounts open on the judgment's date as the watch computes them. From then on
 * the claim letter can be printed and the dunning run's « déclarer la créance » task is due on its
 * deadline. Recording it as declared (with the mandataire and the day) ends that task. Both are
 * audited and told in the customer's story.
 */
import { claimDeadlineFrom } from '#core/legal/claims';
import type { IsoDate } from '#core/types';
import { insertCustomerEvent } from '#db/customers/customer-records';
import {
  selectClaimStateForUpdate,
  selectPreparedClaimId,
  selectProceedingsCustomers,
  updateClaimDeclared,
} from '#db/legal/claim-queries';
import { insertClaimIfNew } from '#db/legal/legal-queries';
import { wordedDate } from '#text/error-words';
import { storyLine } from '#text/story';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { claimAmountsAt, claimRowAmounts, creditorOutsideMetropole } from './claim-amounts.ts';
import { derivedClaimFacts } from './claim-facts.ts';
import { checkClaimRole } from './claim-rights.ts';
import { type ClaimView, listClaims, proceedingsAtReference } from './claims.ts';

export interface PrepareClaimInput {
  customerCode: string;
  judgmentDate?: IsoDate | undefined;
  publicationDate?: IsoDate | null | undefined;
  secured?: boolean | undefined;
  mandataire?: string | null | undefined;
  mandataireAddress?: string | null | undefined;
}

const text = (value: string | null | undefined) => value?.trim() || null;

async function claimOf(ctx: AppContext, customerCode: string, claimId: number): Promise<ClaimView> {
  const found = (await listClaims(ctx, customerCode)).find((claim) => claim.claimId === claimId);
  if (!found)
    throw new DomainError('not_found', { key: 'errors.legal.unknownClaimTask', params: { claimId } });
  return found;
}

function checkDates(judgmentDate: IsoDate, publicationDate: IsoDate | null, asOf: IsoDate): void {
  if (judgmentDate > asOf)
    throw new DomainError('invalid_input', {
      key: 'errors.legal.claimJudgmentAfter',
      params: { judgment: wordedDate(judgmentDate), asOf: wordedDate(asOf) },
    });
  if (publicationDate !== null && publicationDate < judgmentDate)
    throw new DomainError('invalid_input', {
      key: 'errors.legal.claimPublicationBefore',
      params: { publication: wordedDate(publicationDate), judgment: wordedDate(judgmentDate) },
    });
}

/** Records the customer's claim (once per judgment: preparing it again returns the same claim). */
export async function prepareClaim(ctx: AppContext, input: PrepareClaimInput): Promise<ClaimView> {
  checkClaimRole(ctx, 'declare');
  const asOf = await defaultAsOf(ctx);
  const claimId = await ctx.db.transaction().execute(async (trx) => {
    const [customer] = await selectProceedingsCustomers(trx, ctx.companyId, [input.customerCode]);
    const proceedings = (await proceedingsAtReference({ ...ctx, db: trx }, asOf)).get(input.customerCode);
    if (!customer || !proceedings)
      throw new DomainError('invalid_input', {
        key: 'errors.legal.notInProceedings',
        params: { customer: input.customerCode, asOf: wordedDate(asOf) },
      });
    const known = (await derivedClaimFacts({ ...ctx, db: trx }, [proceedings], asOf)).get(customer.code);
    const judgmentDate = input.judgmentDate ?? known?.judgmentDate;
    if (!judgmentDate) throw new DomainError('invalid_input', { key: 'errors.legal.claimJudgmentDate' });
    // Not given: the publication known, when it follows the judgment given; null: none known.
    const knownPublication = known?.publicationDate ?? null;
    const publicationDate =
      input.publicationDate !== undefined
        ? input.publicationDate
        : knownPublication !== null && knownPublication >= judgmentDate
          ? knownPublication
          : null;
    checkDates(judgmentDate, publicationDate, asOf);
    const existing = await selectPreparedClaimId(trx, ctx.companyId, customer.code, judgmentDate);
    if (existing !== null) return existing;
    const secured = input.secured ?? false;
    const amounts = await claimAmountsAt(trx, ctx.companyId, customer, judgmentDate, secured);
    const outside = await creditorOutsideMetropole(trx, ctx.companyId);
    const { deadline } = claimDeadlineFrom({ judgmentDate, publicationDate }, outside);
    await insertClaimIfNew(trx, ctx.companyId, ctx.actor, {
      customerCode: customer.code,
      announcementId: null,
      procedure: proceedings.procedure,
      judgmentDate,
      publicationDate,
      deadline,
      ...claimRowAmounts(amounts, secured),
      mandataire: input.mandataire === undefined ? (known?.mandataire ?? null) : text(input.mandataire),
      mandataireAddress:
        input.mandataireAddress === undefined
          ? (known?.mandataireAddress ?? null)
          : text(input.mandataireAddress),
    });
    const id = await selectPreparedClaimId(trx, ctx.companyId, customer.code, judgmentDate);
    await recordAudit(ctx, trx, {
      action: 'legal.claim_prepare',
      entity: 'legal_claim',
      entityKey: String(id),
      before: null,
      after: {
        customerCode: customer.code,
        judgmentDate,
        publicationDate,
        deadline,
        totalMinor: amounts.totalMinor,
      },
    });
    const money = (minor: number) => ({ minor, currency: amounts.currency });
    await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
      customerCode: customer.code,
      kind: 'insolvency',
      eventDate: judgmentDate,
      documentRef: null,
      ...storyLine('legal.event.claimToDeclare', {
        deadline: { date: deadline },
        total: money(amounts.totalMinor),
        principal: money(amounts.principalMinor),
        interest: money(amounts.interestMinor),
        indemnity: money(amounts.indemnityMinor),
        secured: secured ? 'yes' : 'no',
      }),
    });
    return id as number;
  });
  return claimOf(ctx, input.customerCode, claimId);
}

export interface DeclareClaimInput {
  claimId: number;
  /** The day it was sent to the mandataire; the reference date by default. */
  declaredOn?: IsoDate | undefined;
  mandataire?: string | null | undefined;
  mandataireAddress?: string | null | undefined;
}

/** Records the claim as declared to the mandataire (once: a declared claim stays so). */
export async function declareClaim(ctx: AppContext, input: DeclareClaimInput): Promise<ClaimView> {
  checkClaimRole(ctx, 'declare');
  const asOf = await defaultAsOf(ctx);
  const declaredOn = input.declaredOn ?? asOf;
  const customerCode = await ctx.db.transaction().execute(async (trx) => {
    const claim = await selectClaimStateForUpdate(trx, ctx.companyId, input.claimId);
    if (!claim)
      throw new DomainError('not_found', {
        key: 'errors.legal.unknownClaimTask',
        params: { claimId: input.claimId },
      });
    if (claim.status !== 'to_declare')
      throw new DomainError('conflict', {
        key: 'errors.legal.claimNotToDeclare',
        params: {
          claimId: input.claimId,
          status: claim.status,
          date: claim.declaredOn ? wordedDate(claim.declaredOn) : '',
        },
      });
    if (declaredOn < claim.judgmentDate)
      throw new DomainError('invalid_input', {
        key: 'errors.legal.claimDeclaredBefore',
        params: { date: wordedDate(declaredOn), judgment: wordedDate(claim.judgmentDate) },
      });
    const mandataire = text(input.mandataire) ?? claim.mandataire;
    const mandataireAddress = text(input.mandataireAddress) ?? claim.mandataireAddress;
    await updateClaimDeclared(trx, ctx.companyId, input.claimId, {
      declaredOn,
      by: ctx.actor,
      mandataire,
      mandataireAddress,
    });
    await recordAudit(ctx, trx, {
      action: 'legal.claim_declare',
      entity: 'legal_claim',
      entityKey: String(input.claimId),
      before: null,
      after: { customerCode: claim.customerCode, declaredOn, mandataire },
    });
    await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
      customerCode: claim.customerCode,
      kind: 'note',
      eventDate: declaredOn,
      documentRef: null,
      ...storyLine('legal.event.claimDeclared', {
        claimId: input.claimId,
        mandataire: mandataire ?? { key: 'legal.mandataire.unknown', params: {} },
      }),
    });
    return claim.customerCode;
  });
  return claimOf(ctx, customerCode, input.claimId);
}
