/**
 * The debtor's story as a legal file reads it: its contests of the claim (core/legal/handover-contest.ts)
 * — which the cover letter tells and the injunction checklist warns of — and the lines annex 3 shows:
 * the exchanges with the debtor only (core/legal/handover-annex.ts: no risk alert, credit decision or
 * internal note reaches the lawyer), the latest ones, and every contest however old, so that a
 * contest the letter names is there to read.
 */

import { minDate } from '#core/calendar';
import { isDebtorExchange } from '#core/legal/handover-annex';
import { type ContestReading, readContests, type StoryLineFact } from '#core/legal/handover-contest';
import type { IsoDate } from '#core/types';
import { type StoryRow, selectDebtorStory } from '#db/legal/handover-package-queries';
import type { AppContext } from '../context.ts';
import type { LegalFileView } from './handover-view.ts';

/** Story lines Encours writes on a dispute already told (resolved, edited, taken over): no new contest. */
const FOLLOW_UPS: ReadonlySet<string> = new Set([
  'dunning.event.disputeResolved',
  'disputes.event.edited',
  'disputes.event.takenOver',
]);

/** Dispute lines Encours writes for its own bookkeeping of a dispute already shown: not exchanges. */
const INTERNAL_FOLLOW_UPS: ReadonlySet<string> = new Set([
  'disputes.event.edited',
  'disputes.event.takenOver',
]);

/** Enough of a customer's story to reach a contest years before the hand-over. */
const STORY_READ = 2_000;

/** The latest lines annex 3 shows, beside the contests. */
const ANNEX_LINES = 80;

export interface FileStory {
  /** Annex 3, oldest first. */
  annex: StoryRow[];
  contest: ContestReading['file'];
  elsewhere: ContestReading['elsewhere'];
}

const factOf = (row: StoryRow): StoryLineFact => ({
  date: row.date,
  kind: row.kind,
  documentRef: row.documentRef,
  detail: row.detail,
  followUp: row.messageKey !== null && FOLLOW_UPS.has(row.messageKey),
});

export async function fileStory(ctx: AppContext, file: LegalFileView, date: IsoDate): Promise<FileStory> {
  const rows = await selectDebtorStory(ctx.db, ctx.companyId, file.customerCode, date, STORY_READ);
  const reading = readContests(rows.map(factOf), {
    refs: file.invoices.map((invoice) => invoice.documentRef),
    firstIssue: file.invoices.reduce((first, invoice) => minDate(invoice.issueDate, first), date),
  });
  const exchanges = rows.flatMap((row, index) => {
    const contest = reading.contests[index] ?? false;
    const internalFollowUp = row.messageKey !== null && INTERNAL_FOLLOW_UPS.has(row.messageKey);
    return isDebtorExchange({ kind: row.kind, internalFollowUp, contest }) ? [{ row, contest }] : [];
  });
  return {
    annex: exchanges
      .filter(({ contest }, index) => index >= exchanges.length - ANNEX_LINES || contest)
      .map(({ row }) => row),
    contest: reading.file,
    elsewhere: reading.elsewhere,
  };
}
