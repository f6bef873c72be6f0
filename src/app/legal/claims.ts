/**
 * The claims to declare to the mandataire judiciaire (C. com. L622-24), one per customer in a
 * collective procedure, nearest deadline first. A procedure is known as the provision and the
 * payment forecast know it (`selectCustomersInProceedings`): a BODACC opening read by the watch,
 * else the customer's status dated by its story. The claims the watch recorded, or a person
 * prepared, are listed as recorded; a customer in proceedings without one gets the claim derived
 * from the same source — the invoices open on the judgment's date, and the deadline two months
 * from the BODACC publication (R622-24), estimated from the judgment's date when the publication is
 * not known (it can only follow the judgment), or unknown when only the status says so.
 */
import { addMonths } from '#core/calendar';
import { claimDeadlineFrom } from '#core/legal/claims';
import type { IsoDate } from '#core/types';
import { selectCustomersInProceedings } from '#db/forecast/forecast-insolvency';
import {
  type InsolvencyLineRow,
  type OpeningRow,
  selectLatestInsolvencyLines,
  selectProcedureAnnouncements,
  selectProceedingsCustomers,
} from '#db/legal/claim-queries';
import { type StoredClaimRow, selectClaims } from '#db/legal/legal-queries';
import type { Lang } from '#text/catalogue';
import { eventText } from '#text/story';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { INSOLVENCY_STATUSES } from '../dunning/plan-data.ts';
import { claimAmountsAt, creditorOutsideMetropole } from './claim-amounts.ts';

/**
 * Where the claim's dates come from: a BODACC announcement, a person who prepared it (the dates
 * they gave), or — not recorded yet — the customer's story or its status alone.
 */
export type ClaimSource = 'bodacc' | 'prepared' | 'story' | 'status';

export interface ClaimView {
  /** Null until the claim is recorded (prepared from the page or the API, or by the watch). */
  claimId: number | null;
  customerCode: string;
  customerName: string;
  procedure: string;
  source: ClaimSource;
  /** The customer is in the procedure at the reference date. */
  inProceedings: boolean;
  announcementId: string | null;
  /** The judgment's date; for a claim derived from the story, the date the story gives the procedure. */
  judgmentDate: IsoDate | null;
  publicationDate: IsoDate | null;
  deadline: IsoDate | null;
  /** The deadline is counted from `judgmentDate`, the publication not being known. */
  deadlineEstimated: boolean;
  /** 'to_declare', 'declared' or 'cancelled'. */
  status: string;
  court: string | null;
  mandataire: string | null;
  mandataireAddress: string | null;
  declaredOn: IsoDate | null;
  declaredBy: string | null;
  currency: string;
  principalMinor: number;
  interestMinor: number;
  totalMinor: number;
  secured: boolean;
  interestStatus: string;
  items: { documentRef: string; openMinor: number; interestMinor: number }[];
  /** The latest line of the customer's story about the procedure (court, mandataire…), worded. */
  storyLine: { date: IsoDate; text: string } | null;
}

type Proceedings = Awaited<ReturnType<typeof selectCustomersInProceedings>>[number];

/**
 * Whether a recorded claim is the one of the procedure: its judgment on or after the opening
 * BODACC gives, or at most a month before the date the story gives (a line written once the
 * judgment was published, or heard of); any claim of the customer when only the status speaks.
 */
function covers(claim: StoredClaimRow, proceedings: Proceedings): boolean {
  if (claim.customerCode !== proceedings.customerCode) return false;
  return proceedings.since === null || claim.judgmentDate >= addMonths(proceedings.since, -1);
}

function lineOf(lang: Lang, line: InsolvencyLineRow | undefined): ClaimView['storyLine'] {
  return line ? { date: line.eventDate, text: eventText(lang, line) } : null;
}

function storedView(row: StoredClaimRow, inProceedings: boolean, line: ClaimView['storyLine']): ClaimView {
  const { items, ...claim } = row;
  return {
    ...claim,
    source: claim.announcementId === null ? 'prepared' : 'bodacc',
    inProceedings,
    deadlineEstimated: claim.publicationDate === null,
    totalMinor: claim.principalMinor + claim.interestMinor,
    items: items as ClaimView['items'],
    storyLine: line,
  };
}

/** The customers in proceedings at the reference date, by code (the dunning planner's statuses). */
export async function proceedingsAtReference(
  ctx: AppContext,
  asOf: IsoDate,
): Promise<Map<string, Proceedings>> {
  const rows = await selectCustomersInProceedings(ctx.db, ctx.companyId, asOf, [...INSOLVENCY_STATUSES]);
  return new Map(rows.map((row) => [row.customerCode, row]));
}

/**
 * The dates of a claim not recorded yet: BODACC's opening (judgment, publication: the deadline is
 * exact) when the watch read it; else the date BODACC or the story gives the procedure, from which
 * the deadline is estimated; none when only the status says so.
 */
function datesOf(
  proceedings: Proceedings,
  announcements: readonly (OpeningRow & { judgmentKind: string })[],
  outside: boolean,
) {
  const since = proceedings.since;
  const own = announcements.filter((a) => a.customerCode === proceedings.customerCode);
  const opening = own.find((a) => a.judgmentKind === 'opening' && a.judgedOn === since);
  const publicationDate = opening?.publicationDate ?? null;
  const deadline =
    since === null ? null : claimDeadlineFrom({ judgmentDate: since, publicationDate }, outside);
  return {
    source: (own.length > 0 ? 'bodacc' : since === null ? 'status' : 'story') as ClaimSource,
    announcementId: opening?.announcementId ?? null,
    court: opening?.court ?? null,
    publicationDate,
    deadline: deadline?.deadline ?? null,
    deadlineEstimated: deadline?.estimated ?? false,
  };
}

/** The dates of each claim not recorded yet, by customer: what its deadline needs and nothing more. */
async function derivedDates(
  ctx: AppContext,
  uncovered: readonly Proceedings[],
): Promise<Map<string, ReturnType<typeof datesOf>>> {
  if (uncovered.length === 0) return new Map();
  const codes = uncovered.map((p) => p.customerCode);
  const announcements = await selectProcedureAnnouncements(ctx.db, ctx.companyId, codes);
  const outside = await creditorOutsideMetropole(ctx.db, ctx.companyId);
  return new Map(uncovered.map((p) => [p.customerCode, datesOf(p, announcements, outside)]));
}

async function derivedViews(
  ctx: AppContext,
  asOf: IsoDate,
  uncovered: readonly Proceedings[],
  lines: Map<string, ClaimView['storyLine']>,
): Promise<ClaimView[]> {
  if (uncovered.length === 0) return [];
  const codes = uncovered.map((p) => p.customerCode);
  const customers = await selectProceedingsCustomers(ctx.db, ctx.companyId, codes);
  const byCode = new Map(customers.map((customer) => [customer.code, customer]));
  const dates = await derivedDates(ctx, uncovered);
  const views: ClaimView[] = [];
  for (const proceedings of uncovered) {
    const customer = byCode.get(proceedings.customerCode);
    const claimDates = dates.get(proceedings.customerCode);
    if (!customer || !claimDates) continue;
    // Without a date, every invoice issued by the reference date is before the judgment (as the forecast reads it).
    const judgedOn = proceedings.since ?? asOf;
    const amounts = await claimAmountsAt(ctx.db, ctx.companyId, customer, judgedOn, false);
    views.push({
      claimId: null,
      customerCode: customer.code,
      customerName: customer.name,
      procedure: proceedings.procedure,
      inProceedings: true,
      judgmentDate: proceedings.since,
      ...claimDates,
      status: 'to_declare',
      mandataire: null,
      mandataireAddress: null,
      declaredOn: null,
      declaredBy: null,
      currency: amounts.currency,
      principalMinor: amounts.principalMinor,
      interestMinor: amounts.interestMinor,
      totalMinor: amounts.totalMinor,
      secured: false,
      interestStatus: amounts.interestStatus,
      items: amounts.items,
      storyLine: lines.get(customer.code) ?? null,
    });
  }
  return views;
}

/** A deadline not known first (only the status says so: to find out at once), then the nearest. */
function byDeadline(a: ClaimDeadline, b: ClaimDeadline): number {
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return -1;
    if (b.deadline === null) return 1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return a.customerCode.localeCompare(b.customerCode) || (a.claimId ?? 0) - (b.claimId ?? 0);
}

/** The recorded claims and the procedures at `asOf`, and those of the procedures no claim covers. */
async function claimsAt(ctx: AppContext, asOf: IsoDate, customerCode: string | undefined) {
  // A claim whose judgment came after the date did not exist yet.
  const stored = (await selectClaims(ctx.db, ctx.companyId, customerCode)).filter(
    (claim) => claim.judgmentDate <= asOf,
  );
  const proceedings = await proceedingsAtReference(ctx, asOf);
  if (customerCode !== undefined)
    for (const code of [...proceedings.keys()]) if (code !== customerCode) proceedings.delete(code);
  const uncovered = [...proceedings.values()].filter((p) => !stored.some((claim) => covers(claim, p)));
  return { stored, proceedings, uncovered };
}

/** The claims as of `asOf` (the company's reference date by default), nearest deadline first. */
export async function listClaims(
  ctx: AppContext,
  customerCode?: string | undefined,
  lang: Lang = 'fr',
  asOfDate?: IsoDate | undefined,
): Promise<ClaimView[]> {
  const asOf = asOfDate ?? (await defaultAsOf(ctx));
  const { stored, proceedings, uncovered } = await claimsAt(ctx, asOf, customerCode);
  const codes = [...new Set([...proceedings.keys(), ...stored.map((claim) => claim.customerCode)])];
  const rows = await selectLatestInsolvencyLines(ctx.db, ctx.companyId, codes, asOf);
  const lines = new Map(codes.map((code) => [code, lineOf(lang, rows.get(code))]));
  const views = [
    ...stored.map((row) =>
      storedView(row, proceedings.has(row.customerCode), lines.get(row.customerCode) ?? null),
    ),
    ...(await derivedViews(ctx, asOf, uncovered, lines)),
  ];
  return views.sort(byDeadline);
}

/** What a claim's declaration task needs of it: whose, which judgment, its state and its deadline. */
export type ClaimDeadline = Pick<
  ClaimView,
  'claimId' | 'customerCode' | 'judgmentDate' | 'status' | 'deadline'
>;

/**
 * The company's claims as `listClaims` lists them, in the same order and with the same deadlines,
 * without their amounts or story lines: a claim not recorded yet costs no read of its invoices.
 */
export async function listClaimDeadlines(ctx: AppContext, asOf: IsoDate): Promise<ClaimDeadline[]> {
  const { stored, uncovered } = await claimsAt(ctx, asOf, undefined);
  const dates = await derivedDates(ctx, uncovered);
  const deadlines: ClaimDeadline[] = stored.map((claim) => ({
    claimId: claim.claimId,
    customerCode: claim.customerCode,
    judgmentDate: claim.judgmentDate,
    status: claim.status,
    deadline: claim.deadline,
  }));
  for (const proceedings of uncovered) {
    const claimDates = dates.get(proceedings.customerCode);
    if (!claimDates) continue;
    deadlines.push({
      claimId: null,
      customerCode: proceedings.customerCode,
      judgmentDate: proceedings.since,
      status: 'to_declare',
      deadline: claimDates.deadline,
    });
  }
  return deadlines.sort(byDeadline);
}
