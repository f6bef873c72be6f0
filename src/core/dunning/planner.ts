/**
 * Plans a day of dunning: which step each open invoice has reached, what keeps it from being
 * reminded, and per customer and currency one written reminder (e-mail, letter or registered
 * letter, at the highest step among its invoices, each invoice keeping its own step), a courtesy
 * e-mail for what is not yet due, and a call task or text per such channel. Unless the policy
 * turns it off, the account escalates too (`escalation.ts`): its formal notice takes in the other
 * invoices due for an amicable step, and an invoice never reminded catches up with its lateness.
 * The plan depends only on its inputs: planning twice gives the same plan, and once what was sent is
 * recorded (`recordSent`), planning the same day again gives no action.
 */
import { addDays, daysBetween } from '../calendar.ts';
import type { CurrencyCode, IsoDate } from '../types.ts';
import { caughtUp, withAccountFloor } from './escalation.ts';
import { claimForInvoice, type InterestPeriod } from './late-interest.ts';
import { actionTotals, compare, courtesyHold, documentKey } from './plan-documents.ts';
import type {
  DunningCustomer,
  DunningInvoice,
  DunningPlan,
  PlannedAction,
  PlannedItem,
  PlanSettings,
  SkippedInvoice,
  SkipReason,
} from './plan-types.ts';
import { type DueStep, dueStepFor, resendOf, type Candidate as StepCandidate } from './planner-steps.ts';
import { type DunningChannel, type DunningPolicy, selectPolicy } from './policy.ts';
import { likelyOnTime, preDueProbability } from './pre-due.ts';

export { actionTotals, documentKey } from './plan-documents.ts';
export type * from './plan-types.ts';
export { SKIP_REASONS } from './plan-types.ts';

export type Candidate = StepCandidate<DunningInvoice>;

export function exclusionOf(
  customer: DunningCustomer,
  invoice: DunningInvoice,
  policy: DunningPolicy,
  asOf: IsoDate,
): SkipReason | null {
  // Assigned to a factor that collects itself: the customer owes the factor, which reminds it.
  if (invoice.factorCollects) return 'factor_collects';
  if (customer.inInsolvency) return 'insolvency_proceedings';
  if (invoice.handedOver) return 'handed_over';
  if (customer.pausedUntil !== null && asOf <= customer.pausedUntil) return 'customer_paused';
  if (invoice.disputed) return 'disputed';
  if (invoice.promise && asOf <= addDays(invoice.promise.date, policy.promiseGraceDays))
    return 'promise_pending';
  if (invoice.pausedUntil !== null && asOf <= invoice.pausedUntil) return 'paused';
  return null;
}

export function creditsOf(customer: DunningCustomer, currency: CurrencyCode): number {
  return customer.openCredits.reduce((sum, c) => (c.currency === currency ? sum + c.amountMinor : sum), 0);
}

/**
 * The periods behind each claimed item's interest, kept beside the item rather than in it (the
 * plan's items are what a preview shows and a run stores): a letter prints them, and computing
 * them again for every line of every letter was about a fifth of composing a run's letters.
 */
const interestPeriods = new WeakMap<PlannedItem, readonly InterestPeriod[]>();

/** The periods of an item's claimed interest, when `claimItem` made the item. */
export function interestPeriodsOf(item: PlannedItem): readonly InterestPeriod[] | undefined {
  return interestPeriods.get(item);
}

/** One invoice's line at its step: days late, interest and indemnity as of `settings.asOf`. */
export function claimItem(
  candidate: Candidate,
  customer: DunningCustomer,
  settings: PlanSettings,
): PlannedItem {
  const { invoice, step, level } = candidate;
  const basis = invoice.interestBasis ?? { amountMinor: invoice.openMinor, settlements: [] };
  const claim = claimForInvoice(
    {
      ...basis,
      dueDate: invoice.dueDate,
      asOf: settings.asOf,
      currency: invoice.currency,
      // The planner excludes these customers before any claim; a reminder made by hand may not.
      debtorInInsolvency: customer.inInsolvency,
    },
    { rates: settings.rates, clause: customer.interestClause, mode: settings.rateMode },
    step,
  );
  const interest =
    claim.interest.status === 'computed'
      ? { status: 'claimed' as const, interestMinor: claim.interest.interestMinor }
      : { status: claim.interest.status };
  const item: PlannedItem = {
    invoiceId: invoice.id,
    dueDate: invoice.dueDate,
    openMinor: invoice.openMinor,
    daysLate: daysBetween(invoice.dueDate, settings.asOf),
    fromLevel: invoice.level,
    level,
    stepCode: step.code,
    stepKind: step.kind,
    interest,
    indemnityMinor: claim.indemnity.status === 'due' ? claim.indemnity.amountMinor : 0,
    ...(candidate.raisedBy ? { raisedBy: candidate.raisedBy } : {}),
  };
  if (claim.interest.status === 'computed') interestPeriods.set(item, claim.interest.periods);
  return item;
}

interface CustomerContext {
  customer: DunningCustomer;
  policy: DunningPolicy;
  invoices: DunningInvoice[];
  settings: PlanSettings;
  skip: (invoice: DunningInvoice, reason: SkipReason, level: number | null, detail?: SkipDetail) => void;
}

type SkipDetail = Pick<SkippedInvoice, 'lateProbabilityBp' | 'minimumLateProbabilityBp'>;

/** The customer's invoices due for a step today and free of exclusions. */
function candidatesOf(context: CustomerContext): Candidate[] {
  const { customer, policy, settings } = context;
  const candidates: Candidate[] = [];
  for (const invoice of context.invoices) {
    const due: DueStep | null = dueStepFor(invoice, policy, settings.asOf);
    if (!due) continue;
    const excluded = exclusionOf(customer, invoice, policy, settings.asOf);
    if (excluded) context.skip(invoice, excluded, due.level);
    else if ('hold' in due) context.skip(invoice, due.hold, due.level);
    else {
      // A pre-due step with a minimum probability of lateness leaves the likely on time alone.
      const onTime = likelyOnTime(due.step, invoice.lateProbabilityBp);
      if (onTime) context.skip(invoice, 'likely_on_time', due.level, onTime);
      else {
        const next = { invoice, step: due.step, level: due.level };
        // A step whose e-mail failed is sent again as it was, never caught up past it.
        const resent = resendOf(invoice, due.step, due.level, customer.postalAddress === true);
        candidates.push(
          resent ? { ...next, raisedBy: resent } : (caughtUp(policy, next, settings.asOf) ?? next),
        );
      }
    }
  }
  return candidates;
}

/** Drops, per currency, what a non-positive balance or a step's minimum amount rules out. */
function filterByAmounts(context: CustomerContext, candidates: Candidate[]): Candidate[] {
  const { customer, policy } = context;
  const kept: Candidate[] = [];
  for (const currency of new Set(candidates.map((c) => c.invoice.currency))) {
    const inCurrency = candidates.filter((c) => c.invoice.currency === currency);
    const balanceMinor = context.invoices
      .filter((invoice) => invoice.currency === currency)
      .reduce((sum, invoice) => sum + invoice.openMinor, -creditsOf(customer, currency));
    if (balanceMinor <= 0) {
      for (const c of inCurrency) context.skip(c.invoice, 'net_balance_not_positive', c.level);
      continue;
    }
    for (const step of policy.steps) {
      const atStep = inCurrency.filter((c) => c.step === step);
      const subtotalMinor = atStep.reduce((sum, c) => sum + c.invoice.openMinor, 0);
      // Minimums are in the policy's currency; another currency's items are not compared to them.
      const belowMinimum = currency === policy.currency && subtotalMinor < step.minimumAmountMinor;
      for (const c of atStep) {
        if (belowMinimum) context.skip(c.invoice, 'below_minimum_amount', c.level);
        else kept.push(c);
      }
    }
  }
  return kept;
}

/**
 * The document's channel: its top step's, but an e-mail becomes a letter when one of its items
 * goes again by letter, since the customer's address refused that item's e-mail for good and one
 * document carries them all.
 */
function channelOf(channel: DunningChannel, group: readonly Candidate[]): DunningChannel {
  const byLetter = group.some((c) => c.raisedBy?.kind === 'resend' && c.raisedBy.channel === 'letter');
  return channel === 'email' && byLetter ? 'letter' : channel;
}

function buildAction(context: CustomerContext, group: Candidate[]): PlannedAction | null {
  const { customer, policy, settings } = context;
  const first = group[0];
  if (!first) return null;
  const currency = first.invoice.currency;
  const top = group.reduce((best, c) => (c.level > best.level ? c : best), first);
  const items = group.map((c) => claimItem(c, customer, settings));
  const openTotalMinor = items.reduce((sum, i) => sum + i.openMinor, 0);
  const creditsMinor = creditsOf(customer, currency);
  // Never a letter for nothing: what the customer owes on these items must exceed its credits.
  if (openTotalMinor - creditsMinor <= 0) {
    for (const c of group) context.skip(c.invoice, 'credits_cover_amount_due', c.level);
    return null;
  }
  const lateProbabilityBp = preDueProbability(group);
  return {
    ...(lateProbabilityBp === undefined ? {} : { lateProbabilityBp }),
    customerCode: customer.customerCode,
    channel: channelOf(top.step.channel, group),
    currency,
    policyCode: policy.code,
    policyVersion: policy.version,
    level: top.level,
    stepCode: top.step.code,
    stepKind: top.step.kind,
    templateCode: top.step.templateCode,
    ...actionTotals(items, creditsMinor),
  };
}

function planCustomer(context: CustomerContext): PlannedAction[] {
  const { policy, invoices, settings } = context;
  const escalated = withAccountFloor(policy, invoices, candidatesOf(context), settings.asOf);
  const candidates = filterByAmounts(context, escalated);
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = documentKey(c.step, c.invoice.currency);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const actions: PlannedAction[] = [];
  const courtesies: Candidate[][] = [];
  for (const [key, group] of groups) {
    if (key.startsWith('courtesy\u0000')) courtesies.push(group);
    else {
      const action = buildAction(context, group);
      if (action) actions.push(action);
    }
  }
  // Left out today, the courtesy is planned again on a later day of its window.
  const held = courtesyHold(policy.steps, invoices, actions, settings.asOf);
  for (const group of courtesies) {
    if (held) for (const c of group) context.skip(c.invoice, held, c.level);
    else {
      const action = buildAction(context, group);
      if (action) actions.push(action);
    }
  }
  return actions;
}

export function planDunning(
  customers: readonly DunningCustomer[],
  invoices: readonly DunningInvoice[],
  settings: PlanSettings,
): DunningPlan {
  const skipped: SkippedInvoice[] = [];
  const skip = (invoice: DunningInvoice, reason: SkipReason, level: number | null, detail?: SkipDetail) =>
    skipped.push({ invoiceId: invoice.id, customerCode: invoice.customerCode, reason, level, ...detail });
  const byCustomer = new Map<string, DunningInvoice[]>();
  for (const invoice of invoices) {
    const own = byCustomer.get(invoice.customerCode);
    if (own) own.push(invoice);
    else byCustomer.set(invoice.customerCode, [invoice]);
  }
  const customerByCode = new Map(customers.map((c) => [c.customerCode, c]));
  const actions: PlannedAction[] = [];
  for (const [code, own] of byCustomer) {
    const customer = customerByCode.get(code);
    const policy = customer ? selectPolicy(settings.policies, customer, settings.asOf) : null;
    if (!customer || !policy) {
      for (const invoice of own)
        if (invoice.openMinor > 0) skip(invoice, customer ? 'no_policy' : 'unknown_customer', null);
      continue;
    }
    actions.push(...planCustomer({ customer, policy, invoices: own, settings, skip }));
  }
  actions.sort(
    (a, b) =>
      compare(a.customerCode, b.customerCode) ||
      compare(a.channel, b.channel) ||
      compare(a.currency, b.currency) ||
      a.level - b.level,
  );
  skipped.sort((a, b) => compare(a.customerCode, b.customerCode) || compare(a.invoiceId, b.invoiceId));
  return { asOf: settings.asOf, actions, skipped };
}

/**
 * The invoices after the plan's actions were sent (or done by hand: a manual send counts as the
 * step): each item's invoice is at its new level, stepped today, with the notice date when it was one.
 */
export function recordSent(
  invoices: readonly DunningInvoice[],
  actions: readonly PlannedAction[],
  sentOn: IsoDate,
): DunningInvoice[] {
  const sent = new Map(
    actions.flatMap((action) => action.items.map((item) => [item.invoiceId, item] as const)),
  );
  return invoices.map((invoice) => {
    const item = sent.get(invoice.id);
    if (!item) return invoice;
    const formalNoticeDate = item.stepKind === 'formal_notice' ? sentOn : invoice.formalNoticeDate;
    return { ...invoice, level: item.level, lastStepDate: sentOn, formalNoticeDate };
  });
}
