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
import type { ClaimItemAmounts } from '#core/legal/claims';
import { claimCourt, type ProcedureStoryFacts } from '#core/legal/procedure-story';
import type { IsoDate } from '#core/types';
import { selectCustomersInProceedings } from '#db/forecast/forecast-insolvency';
import { type InsolvencyLineRow, selectProceedingsCustomers } from '#db/legal/claim-queries';
import { type StoredClaimRow, selectClaims } from '#db/legal/legal-queries';
import type { Lang } from '#text/catalogue';
import { eventText } from '#text/story';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { INSOLVENCY_STATUSES } from '../dunning/plan-data.ts';
import { claimAmountsAt } from './claim-amounts.ts';
import {
  type ClaimFigures,
  type ClaimSource,
  type DerivedClaimFacts,
  derivedClaimFacts,
  procedureStoriesOf,
  recordedClaimFigures,
} from './claim-facts.ts';
import { checkClaimRole } from './claim-rights.ts';

export type { ClaimSource };

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
  /**
   * The judgment's date; for a claim derived from a story that does not word it, the date of its
   * first line about the procedure (`judgmentDateStated` false).
   */
  judgmentDate: IsoDate | null;
  judgmentDateStated: boolean;
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
  /** The 40 € recovery indemnities of the invoices late on the judgment's day (L441-10). */
  indemnityMinor: number;
  /** Principal + interest + indemnities: the sum the letter declares. */
  totalMinor: number;
  secured: boolean;
  interestStatus: string;
  items: ClaimItemAmounts[];
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

function storedView(
  row: StoredClaimRow,
  inProceedings: boolean,
  line: ClaimView['storyLine'],
  figures: ClaimFigures,
  story: ProcedureStoryFacts | undefined,
): ClaimView {
  const { items: _items, ...claim } = row;
  return {
    ...claim,
    source: claim.announcementId === null ? 'prepared' : 'bodacc',
    judgmentDateStated: true,
    // The announcement's court as the letter names it, else (a prepared claim has none) the story's.
    court: claimCourt(claim.court, story),
    inProceedings,
    deadlineEstimated: claim.publicationDate === null,
    ...figures,
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

async function derivedViews(
  ctx: AppContext,
  asOf: IsoDate,
  uncovered: readonly Proceedings[],
  lines: Map<string, ClaimView['storyLine']>,
  stories: ReadonlyMap<string, ProcedureStoryFacts>,
): Promise<ClaimView[]> {
  if (uncovered.length === 0) return [];
  const codes = uncovered.map((p) => p.customerCode);
  const customers = await selectProceedingsCustomers(ctx.db, ctx.companyId, codes);
  const byCode = new Map(customers.map((customer) => [customer.code, customer]));
  const facts = await derivedClaimFacts(ctx, uncovered, asOf, stories);
  const views: ClaimView[] = [];
  for (const proceedings of uncovered) {
    const customer = byCode.get(proceedings.customerCode);
    const known: DerivedClaimFacts | undefined = facts.get(proceedings.customerCode);
    if (!customer || !known) continue;
    // Without a date, every invoice issued by the reference date is before the judgment (as the forecast reads it).
    const judgedOn = known.judgmentDate ?? asOf;
    const amounts = await claimAmountsAt(ctx.db, ctx.companyId, customer, judgedOn, false);
    views.push({
      claimId: null,
      customerCode: customer.code,
      customerName: customer.name,
      procedure: proceedings.procedure,
      inProceedings: true,
      ...known,
      status: 'to_declare',
      declaredOn: null,
      declaredBy: null,
      currency: amounts.currency,
      principalMinor: amounts.principalMinor,
      interestMinor: amounts.interestMinor,
      indemnityMinor: amounts.indemnityMinor,
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
  checkClaimRole(ctx, 'read');
  const asOf = asOfDate ?? (await defaultAsOf(ctx));
  const { stored, proceedings, uncovered } = await claimsAt(ctx, asOf, customerCode);
  const codes = [...new Set([...proceedings.keys(), ...stored.map((claim) => claim.customerCode)])];
  // Every customer's story read once: its latest line for the list, its words for the facts.
  const stories = await procedureStoriesOf(ctx.db, ctx.companyId, codes, asOf);
  const lines = new Map(codes.map((code) => [code, lineOf(lang, stories.get(code)?.latest)]));
  const facts = new Map([...stories].map(([code, story]) => [code, story.facts]));
  const figures = await recordedClaimFigures(ctx.db, ctx.companyId, stored);
  const views = [
    ...stored.map((row) =>
      storedView(
        row,
        proceedings.has(row.customerCode),
        lines.get(row.customerCode) ?? null,
        figures(row),
        facts.get(row.customerCode),
      ),
    ),
    ...(await derivedViews(ctx, asOf, uncovered, lines, facts)),
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
  const dates = await derivedClaimFacts(ctx, uncovered, asOf);
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
      judgmentDate: claimDates.judgmentDate,
      status: 'to_declare',
      deadline: claimDates.deadline,
    });
  }
  return deadlines.sort(byDeadline);
}
