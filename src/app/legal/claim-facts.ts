/**
 * What Encours knows of a procedure for its claim, before anyone records it: a BODACC opening read
 * by the watch (judgment, publication, court), and what the customer's imported story says of it
 * in words (`core/legal/procedure-story.ts`: the judgment's date apart from the day the line was
 * written or published, the court, the mandataire and its address). The claims list shows them,
 * the preparation form starts from them, the deadline is counted from them and the letter names
 * the court from them. Also the indemnities of recorded claims, from their invoices' due dates:
 * the same 40 € per late invoice on the list, in the API and in the letter.
 */
import type { Kysely } from 'kysely';
import {
  type ClaimItemAmounts,
  claimDeadlineFrom,
  claimIndemnityMinor,
  claimTotals,
} from '#core/legal/claims';
import {
  claimCourt,
  NO_PROCEDURE_FACTS,
  type ProcedureStoryFacts,
  procedureFactsOf,
} from '#core/legal/procedure-story';
import type { IsoDate } from '#core/types';
import type { ProceedingsRow } from '#db/forecast/forecast-insolvency';
import type { Database } from '#db/infra/schema';
import {
  type InsolvencyLineRow,
  type OpeningRow,
  selectClaimInvoiceDueDates,
  selectInsolvencyStoryLines,
  selectProcedureAnnouncements,
} from '#db/legal/claim-queries';
import type { AppContext } from '../context.ts';
import { creditorOutsideMetropole } from './claim-amounts.ts';

/**
 * Where the claim's dates come from: a BODACC announcement, a person who prepared it (the dates
 * they gave), or — not recorded yet — the customer's story or its status alone.
 */
export type ClaimSource = 'bodacc' | 'prepared' | 'story' | 'status';

export interface DerivedClaimFacts {
  source: ClaimSource;
  announcementId: string | null;
  judgmentDate: IsoDate | null;
  /** `judgmentDate` is the judgment's own (BODACC's, or the story's words), not the day a line was written. */
  judgmentDateStated: boolean;
  publicationDate: IsoDate | null;
  court: string | null;
  mandataire: string | null;
  mandataireAddress: string | null;
  deadline: IsoDate | null;
  deadlineEstimated: boolean;
}

type Announcement = OpeningRow & { judgmentKind: string };

/** What a customer's story says of its procedure: its latest line, and the facts its own words give. */
export interface ProcedureStory {
  /** The latest line of kind 'insolvency', whoever wrote it (what the claims list shows). */
  latest: InsolvencyLineRow | undefined;
  facts: ProcedureStoryFacts;
}

/** The customers' stories of their procedure, by customer: one read of their lines, whatever their number. */
export async function procedureStoriesOf(
  db: Kysely<Database>,
  companyId: string,
  codes: readonly string[],
  asOf: IsoDate,
): Promise<Map<string, ProcedureStory>> {
  const rows = await selectInsolvencyStoryLines(db, companyId, codes, asOf);
  const byCode = Map.groupBy(rows, (row) => row.customerCode);
  return new Map(
    codes.map((code) => {
      const own = byCode.get(code) ?? [];
      // The lines Encours wrote itself carry a message and repeat what is recorded: not read for facts.
      const told = own
        .filter((row) => row.message === null)
        .map((row) => ({ date: row.eventDate, text: row.detail }));
      return [code, { latest: own[0], facts: procedureFactsOf(told) }];
    }),
  );
}

/** What the customers' imported story says of their procedure, by customer. */
export async function storyFactsOf(
  db: Kysely<Database>,
  companyId: string,
  codes: readonly string[],
  asOf: IsoDate,
): Promise<Map<string, ProcedureStoryFacts>> {
  const stories = await procedureStoriesOf(db, companyId, codes, asOf);
  return new Map([...stories].map(([code, story]) => [code, story.facts]));
}

/**
 * The facts of a claim not recorded yet: BODACC's opening (judgment, publication: the deadline is
 * exact) when the watch read it; else the judgment and its publication as the story words them, or
 * the date of its first line about the procedure (the deadline then estimated from it); nothing
 * when only the status says so. The court is BODACC's, else the story's; the mandataire the story's.
 */
export function derivedFacts(
  proceedings: ProceedingsRow,
  announcements: readonly Announcement[],
  story: ProcedureStoryFacts,
  outside: boolean,
): DerivedClaimFacts {
  const since = proceedings.since;
  const own = announcements.filter((a) => a.customerCode === proceedings.customerCode);
  const opening = own.find((a) => a.judgmentKind === 'opening' && a.judgedOn === since);
  const told = own.length === 0 && story.judgmentDate !== null;
  const judgmentDate = told ? story.judgmentDate : since;
  const storyPublication =
    own.length === 0 &&
    judgmentDate !== null &&
    story.publicationDate !== null &&
    story.publicationDate >= judgmentDate
      ? story.publicationDate
      : null;
  const publicationDate = opening?.publicationDate ?? storyPublication;
  const deadline =
    judgmentDate === null ? null : claimDeadlineFrom({ judgmentDate, publicationDate }, outside);
  return {
    source: own.length > 0 ? 'bodacc' : since === null && !told ? 'status' : 'story',
    announcementId: opening?.announcementId ?? null,
    judgmentDate,
    judgmentDateStated: opening !== undefined || told,
    publicationDate,
    court: claimCourt(opening?.court, story),
    mandataire: story.mandataire,
    mandataireAddress: story.mandataireAddress,
    deadline: deadline?.deadline ?? null,
    deadlineEstimated: deadline?.estimated ?? false,
  };
}

/**
 * The facts of each claim not recorded yet, by customer; `stories`, the facts of their stories
 * when the caller read them already (the claims list reads every customer's once).
 */
export async function derivedClaimFacts(
  ctx: AppContext,
  uncovered: readonly ProceedingsRow[],
  asOf: IsoDate,
  stories?: ReadonlyMap<string, ProcedureStoryFacts>,
): Promise<Map<string, DerivedClaimFacts>> {
  if (uncovered.length === 0) return new Map();
  const codes = uncovered.map((p) => p.customerCode);
  const announcements = await selectProcedureAnnouncements(ctx.db, ctx.companyId, codes);
  const story = stories ?? (await storyFactsOf(ctx.db, ctx.companyId, codes, asOf));
  const outside = await creditorOutsideMetropole(ctx.db, ctx.companyId);
  return new Map(
    uncovered.map((p) => [
      p.customerCode,
      derivedFacts(p, announcements, story.get(p.customerCode) ?? NO_PROCEDURE_FACTS, outside),
    ]),
  );
}

export interface RecordedClaimAmounts {
  customerCode: string;
  judgmentDate: IsoDate;
  currency: string;
  principalMinor: number;
  interestMinor: number;
  interestStatus: string;
  items: unknown;
}

export interface ClaimFigures {
  /** The interest declared: none when a half-year's rate was missing (the letter says so). */
  interestMinor: number;
  indemnityMinor: number;
  totalMinor: number;
  items: ClaimItemAmounts[];
}

/**
 * The indemnities of recorded claims, each item's from its invoice's due date (a claim recorded
 * before they were stored names its invoices only), and the total they add to.
 */
export async function recordedClaimFigures<T extends RecordedClaimAmounts>(
  db: Kysely<Database>,
  companyId: string,
  claims: readonly T[],
): Promise<(claim: T) => ClaimFigures> {
  const itemsOf = (claim: T) =>
    (claim.items ?? []) as {
      documentRef: string;
      openMinor: number;
      interestMinor: number;
      dueDate?: IsoDate;
    }[];
  const dues = await selectClaimInvoiceDueDates(
    db,
    companyId,
    claims.map((claim) => ({
      customerCode: claim.customerCode,
      refs: itemsOf(claim).map((i) => i.documentRef),
    })),
  );
  const dueOf = new Map(dues.map((row) => [`${row.customerCode}\u0000${row.ref}`, row.dueDate]));
  return (claim) => {
    const declared = claim.interestStatus === 'computed';
    const items = itemsOf(claim).map((item) => {
      const dueDate =
        item.dueDate ?? dueOf.get(`${claim.customerCode}\u0000${item.documentRef}`) ?? claim.judgmentDate;
      return {
        documentRef: item.documentRef,
        dueDate,
        openMinor: item.openMinor,
        interestMinor: declared ? item.interestMinor : 0,
        indemnityMinor: claimIndemnityMinor(dueDate, claim.judgmentDate, claim.currency),
      };
    });
    const interestMinor = declared ? claim.interestMinor : 0;
    return { interestMinor, ...claimTotals(claim.principalMinor, interestMinor, items), items };
  };
}
