/**
 * Where each open invoice of a customer stands in the dunning at a date, for the customer file: the
 * last step it reached and whether it went to a lawyer or an agency. The level is the planner's
 * own: Encours's sent actions (the dunning state), raised by the reminders of the story imported
 * from the company's previous system (`core/dunning/imported-reminders.ts`), so the file shows the
 * step the next run will continue from.
 */
import { importedCap, raiseInvoice } from '#core/dunning/imported-reminders';
import { selectPolicy } from '#core/dunning/policy';
import type { CustomerType, IsoDate } from '#core/types';
import {
  type DunningInvoiceRow,
  selectDunningCustomers,
  selectDunningInvoices,
} from '#db/dunning/dunning-state';
import { selectImportedReminders } from '#db/dunning/imported-reminders';
import { type SentStepRow, selectLastSentSteps } from '#db/dunning/invoice-follow-up';
import type { AppContext } from '../context.ts';
import { invoiceOf, loadPolicies } from '../dunning/plan-data.ts';

export interface LastDunningStep {
  /** The day the step was sent (by Encours, or by the previous system for an imported reminder). */
  sentOn: IsoDate;
  /** Its rank in the policy (1 = the first step). */
  level: number;
  stepCode: string;
  stepKind: string;
  /** How Encours sent it; null for an imported reminder (the history does not say). */
  channel: string | null;
  /** The policy step's channel (an imported reminder's too): a call task reads « Appel ». */
  stepChannel: string;
  /** 'encours': an action Encours recorded; 'imported': a reminder of the imported story. */
  source: 'encours' | 'imported';
  /**
   * An imported reminder whose date had reached the policy's formal notice (or hand-over): the
   * step kind the level stops below, since the line does not say a notice was sent and Encours sends
   * it itself; null otherwise (an imported formal notice by registered letter is the notice itself,
   * `stepKind` 'formal_notice'; and for Encours's own steps).
   */
  cappedBefore: string | null;
}

export interface OpenItemFollowUp {
  lastDunningStep: LastDunningStep | null;
  /** In a legal file handed over on or before the date and not withdrawn by then. */
  handedOver: boolean;
}

const NOTHING: OpenItemFollowUp = { lastDunningStep: null, handedOver: false };

/** The step an invoice's imported reminders raised it to, under the customer's policy at the date. */
type RaiseLevel = (row: DunningInvoiceRow) => LastDunningStep | null;

/**
 * How the imported reminders raise the customer's invoices, as the planner does (nothing when the
 * story has none, or no policy applies to the customer).
 */
async function importedRaise(ctx: AppContext, code: string, asOf: IsoDate): Promise<RaiseLevel> {
  const reminders = await selectImportedReminders(ctx.db, ctx.companyId, asOf, [code]);
  if (reminders.length === 0) return () => null;
  const [policies, [customer]] = [
    await loadPolicies(ctx.db, ctx.companyId),
    await selectDunningCustomers(ctx.db, ctx.companyId, asOf, [code]),
  ];
  if (!customer) return () => null;
  const policy = selectPolicy(
    policies,
    {
      customerCode: code,
      customerType: customer.customerType as CustomerType,
      riskClass: customer.riskClass,
    },
    asOf,
  );
  if (!policy) return () => null;
  const datesNewestFirst = reminders.map((r) => r.date).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  const noticeDates = new Set(reminders.filter((r) => r.formalNotice).map((r) => r.date));
  return (row) => {
    const invoice = invoiceOf(row);
    const raised = raiseInvoice(invoice, policy, datesNewestFirst, asOf, noticeDates);
    // Unchanged: Encours's own last step stands (or there is none).
    if (raised.level === row.level && raised.lastStepDate === row.lastStepDate) return null;
    const step = policy.steps[raised.level - 1];
    if (!step || raised.lastStepDate === null) return null;
    return {
      // An imported notice is dated by its own line, not by a later reminder's.
      sentOn:
        step.kind === 'formal_notice'
          ? (raised.formalNoticeDate ?? raised.lastStepDate)
          : raised.lastStepDate,
      level: raised.level,
      stepCode: step.code,
      stepKind: step.kind,
      channel: null,
      stepChannel: step.channel,
      source: 'imported',
      // An imported formal notice reached the notice itself: nothing stops below it.
      cappedBefore: step.kind === 'formal_notice' ? null : importedCap(invoice, policy, raised.lastStepDate),
    };
  };
}

function sentStep(row: SentStepRow): LastDunningStep {
  const { sentOn, level, stepCode, stepKind, channel } = row;
  return {
    sentOn,
    level,
    stepCode,
    stepKind,
    channel,
    stepChannel: channel,
    source: 'encours',
    cappedBefore: null,
  };
}

/** The follow-up of each open invoice of the customer at `asOf`, by document id (others: nothing). */
export async function openItemFollowUps(
  ctx: AppContext,
  code: string,
  asOf: IsoDate,
): Promise<(documentId: number) => OpenItemFollowUp> {
  const rows = await selectDunningInvoices(ctx.db, ctx.companyId, asOf, [code]);
  if (rows.length === 0) return () => NOTHING;
  const sent = await selectLastSentSteps(
    ctx.db,
    ctx.companyId,
    asOf,
    rows.filter((row) => row.level > 0).map((row) => row.documentId),
  );
  const sentById = new Map(sent.map((row) => [row.documentId, sentStep(row)]));
  const raise = await importedRaise(ctx, code, asOf);
  const byId = new Map(
    rows.map((row) => [
      row.documentId,
      {
        lastDunningStep: raise(row) ?? sentById.get(row.documentId) ?? null,
        handedOver: row.handedOver,
      },
    ]),
  );
  return (documentId) => byId.get(documentId) ?? NOTHING;
}
