/**
 * Proposals for a batch of receipts: the customers each may be from (identify-batch.ts), then
 * the invoices core/cash proposes from the open items of the candidate customers, read in the
 * run's copy of the ledger or the database (ledger-view.ts). When a candidate belongs to a group
 * and no single customer's items explain the receipt, the whole group's open items are searched
 * (a group receipt, core/cash/group.ts). A receipt that is a payment the ledger already records
 * is proposed as that payment only (recorded-match.ts). An invoice the text writes as a number and
 * a year, of a customer nothing else points at, names it when the open items or a recorded payment
 * bear it out (year-number-hits.ts).
 */
import { type CustomerGroup, explainsReceipt, proposeForGroup } from '#core/cash/group';
import type { CustomerCandidate } from '#core/cash/identify';
import {
  DEFAULT_PROPOSAL_SETTINGS,
  type OpenItem,
  type Proposal,
  type ProposalSettings,
  proposeForCustomer,
  rankProposals,
} from '#core/cash/proposal';
import type { ReceiptRow } from '#db/cash/matching-queries';
import type { AppContext } from '../context.ts';
import { turns } from '../turns.ts';
import { type CustomerIndex, groupOf } from './customer-index.ts';
import {
  candidatesRead,
  type Identified,
  identifyAhead,
  identifyBatch,
  MAX_CANDIDATES,
} from './identify-batch.ts';
import { databaseLedger, type MatchingLedger } from './ledger-view.ts';
import { receiptLeads } from './receipt-leads.ts';
import { type RecordedOutcome, recordedForBatch, recordedPaymentsFor } from './recorded-match.ts';
import { withCorroborated } from './year-number-hits.ts';

/** The groups worth searching for a receipt: its candidates' groups that no single proposal explains. */
function groupsToSearch(
  index: CustomerIndex,
  candidates: readonly CustomerCandidate[],
  proposals: readonly Proposal[],
): CustomerGroup[] {
  if (index.groups.size === 0) return [];
  const groups = new Map<string, CustomerGroup>();
  for (const candidate of candidates) {
    const group = groupOf(index, candidate.customerCode);
    if (group) groups.set(group.parentCode, group);
  }
  return [...groups.values()].filter((group) =>
    proposals.every(
      (proposal) => !group.memberCodes.includes(proposal.customerCode) || !explainsReceipt(proposal),
    ),
  );
}

export interface ReceiptProposals {
  receipt: ReceiptRow;
  proposals: Proposal[];
}

/** A receipt's proposals and what they were made from, to tell whether a later state would change them. */
export interface ProposedReceipt extends ReceiptProposals {
  /** The customers whose open items its proposals read. */
  customersRead: readonly string[];
  /** Its candidates came from who owes its amount (any open item of the ledger may change them). */
  byAmount: boolean;
  /** A payment the ledger records fitted it (a match written since may have taken that payment). */
  recordedRead: boolean;
}

/**
 * The ranked proposals of each receipt of a batch. `ahead` is its receipts identified before the
 * previous batch was written (`identifyAhead`); otherwise they are identified here. `ledger`
 * answers the reads: the run's copy (ledger-view.ts), or the database as it is now. The proposals
 * of a receipt depend on the ledger only through the open items of `customersRead` and, when
 * `byAmount`, through who owes its amount: proposing a part of a batch gives its receipts the
 * same proposals as the whole batch does.
 */
export async function proposeForBatch(
  ctx: AppContext,
  index: CustomerIndex,
  receipts: readonly ReceiptRow[],
  settings: ProposalSettings = DEFAULT_PROPOSAL_SETTINGS,
  ahead?: readonly Identified[],
  ledger: MatchingLedger = databaseLedger(ctx),
): Promise<ProposedReceipt[]> {
  const before = ahead ?? (await identifyAhead(ctx, index, await receiptLeads(index, receipts), ledger));
  const byAmount = await identifyBatch(ledger, before);
  const payments = await recordedPaymentsFor(
    ledger,
    before.map((item) => item.receipt),
  );
  const pendingCodes = before.map((item) => [...new Set(item.pending?.hits.map((hit) => hit.customerCode))]);
  const candidateCodes = new Set([
    ...byAmount.flatMap((item) => item.candidates.slice(0, MAX_CANDIDATES).map((c) => c.customerCode)),
    ...pendingCodes.flat(),
  ]);
  const itemsByCustomer = groupByCustomer(await ledger.openItemsOf([...candidateCodes]));
  // Invoices written as a number and a year that the figures bear out name their customer too.
  const corroborated = byAmount.map((item) =>
    item.pending
      ? withCorroborated(
          item.receipt,
          item.pending,
          itemsByCustomer,
          payments,
          settings.writeOffToleranceMinor,
        )
      : null,
  );
  const identified = byAmount.map((item, at) => {
    const found = corroborated[at];
    return found
      ? { ...item, refHits: found.refHits, candidates: candidatesRead(index, found.candidates) }
      : item;
  });
  const singles = [];
  const turn = turns();
  for (const item of identified) {
    // The event loop is handed back now and then: a batch written meanwhile gets its answers.
    await turn();
    const named = new Set(item.refHits.map((hit) => hit.documentId));
    const candidates = item.candidates.slice(0, MAX_CANDIDATES);
    const proposals = candidates.map((candidate) =>
      proposeForCustomer(
        item.receipt,
        candidate,
        itemsByCustomer.get(candidate.customerCode) ?? [],
        named,
        settings,
      ),
    );
    singles.push({ ...item, named, proposals, groups: groupsToSearch(index, candidates, proposals) });
  }
  // The members of the groups to search that were not candidates themselves: one more read.
  const members = new Set(singles.flatMap((item) => item.groups.flatMap((group) => group.memberCodes)));
  const missing = [...members].filter((code) => !itemsByCustomer.has(code) && !candidateCodes.has(code));
  for (const [code, items] of groupByCustomer(await ledger.openItemsOf(missing)))
    itemsByCustomer.set(code, items);
  // A receipt the ledger already records is that payment, never a new one against open items.
  const recorded = recordedForBatch(
    payments,
    singles.map((item, at) => ({
      ...item,
      candidates: (corroborated[at] ? identified[at]?.candidates : before[at]?.candidates) ?? [],
    })),
  );
  return singles.map((item, at) => {
    const byGroup = item.groups.flatMap((group) => {
      const items = group.memberCodes.flatMap((code) => itemsByCustomer.get(code) ?? []);
      const proposal = proposeForGroup(item.receipt, group, item.candidates, items, item.named, settings);
      return proposal ? [proposal] : [];
    });
    const asRecorded = recorded[at] as RecordedOutcome;
    return {
      receipt: item.receipt,
      proposals: asRecorded.proposals[0]
        ? asRecorded.proposals
        : rankProposals([...item.proposals, ...byGroup]),
      customersRead: [
        ...item.candidates.slice(0, MAX_CANDIDATES).map((candidate) => candidate.customerCode),
        ...item.groups.flatMap((group) => group.memberCodes),
        ...(pendingCodes[at] ?? []),
      ],
      byAmount: before[at]?.candidates.length === 0,
      recordedRead: asRecorded.read,
    };
  });
}

function groupByCustomer(items: readonly OpenItem[]): Map<string, OpenItem[]> {
  const byCustomer = new Map<string, OpenItem[]>();
  for (const item of items) {
    const list = byCustomer.get(item.customerCode);
    if (list) list.push(item);
    else byCustomer.set(item.customerCode, [item]);
  }
  return byCustomer;
}
