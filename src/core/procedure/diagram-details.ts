/**
 * The figures the diagram prints beside its tasks: every order-check rule that is switched on
 * with its threshold and decision, the dunning policy's pacing, each step's conditions. A rule
 * switched off prints nothing, so a change of configuration shows as a line added or removed.
 */
import { DEFAULT_ORDER_CHECK_RULES, publicBodyNoLimitDecision } from '../credit/order-check.ts';
import type { DunningPolicy, DunningStep } from '../dunning/policy.ts';
import type { DiagramFigure, DiagramText, ProcedureConfig } from './diagram.ts';

function text(key: string, figures: Record<string, DiagramFigure> = {}): DiagramText {
  return { key, figures };
}

function decision(code: 'approve' | 'hold' | 'refuse'): DiagramFigure {
  return { domain: 'procedureDiagram.decision', codes: [code] };
}

export function orderCheckDetails(config: ProcedureConfig): DiagramText[] {
  const rules = config.orderRules;
  const currency = config.delegation.currency;
  // The version as a person reads it: « Règles par défaut du 01/01/2026 », not its id.
  const builtIn = config.builtInRules ?? rules.version === DEFAULT_ORDER_CHECK_RULES.version;
  const lines: DiagramText[] = [
    text('detail.rules_in_force', {
      builtIn: builtIn ? 'yes' : 'no',
      name: rules.version,
      date: { date: rules.effectiveFrom },
    }),
  ];
  if (rules.exemptPayments.length > 0)
    lines.push(text('detail.exempt', { payments: { domain: 'paymentMode', codes: rules.exemptPayments } }));
  lines.push(text('detail.proceedings', { decision: decision('refuse') }));
  lines.push(text('detail.blocked', { decision: decision(rules.blockedAccount) }));
  lines.push(text('detail.no_limit', { decision: decision(rules.noLimit) }));
  lines.push(text('detail.no_limit_public_body', { decision: decision(publicBodyNoLimitDecision(rules)) }));
  const tolerance = { bps: rules.overLimitToleranceBps };
  lines.push(
    rules.overLimitToleranceMinor === 0
      ? text('detail.over_limit', { tolerance, decision: decision('hold') })
      : text('detail.over_limit_amount', {
          tolerance,
          toleranceAmount: { amountMinor: rules.overLimitToleranceMinor, currency },
          decision: decision('hold'),
        }),
  );
  if (rules.overdueMaxDays !== null)
    lines.push(
      text('detail.overdue_days', { days: { days: rules.overdueMaxDays }, decision: decision('hold') }),
    );
  if (rules.overdueMaxMinor !== null)
    lines.push(
      text('detail.overdue_amount', {
        amount: { amountMinor: rules.overdueMaxMinor, currency },
        decision: decision('hold'),
      }),
    );
  for (const [riskClass, outcome] of Object.entries(rules.classDecisions)) {
    if (outcome) lines.push(text('detail.risk_class', { riskClass, decision: decision(outcome) }));
  }
  if (rules.coverLapsed !== null)
    lines.push(text('detail.cover_lapsed', { decision: decision(rules.coverLapsed) }));
  if (rules.requiredElements.length > 0)
    lines.push(
      text('detail.kit', {
        elements: { domain: 'orderElement', codes: rules.requiredElements },
        decision: decision('hold'),
      }),
    );
  return lines;
}

export function policyDetails(policy: DunningPolicy): DiagramText[] {
  return [
    text('detail.policy', { code: policy.code, version: policy.version, steps: policy.steps.length }),
    ...(policy.minimumDaysBetweenSteps > 0
      ? [text('detail.min_days_between', { days: { days: policy.minimumDaysBetweenSteps } })]
      : []),
    text('detail.promise_grace', { days: { days: policy.promiseGraceDays } }),
  ];
}

export function stepDetails(policy: DunningPolicy, step: DunningStep): DiagramText[] {
  const lines: DiagramText[] = [];
  if (step.minimumAmountMinor > 0)
    lines.push(
      text('detail.step_minimum', {
        amount: { amountMinor: step.minimumAmountMinor, currency: policy.currency },
      }),
    );
  if (step.claimInterest && step.claimIndemnity) lines.push(text('detail.claim_both'));
  else if (step.claimInterest) lines.push(text('detail.claim_interest'));
  else if (step.claimIndemnity) lines.push(text('detail.claim_indemnity'));
  if (step.kind === 'handover')
    lines.push(text('detail.formal_notice_lead', { days: { days: policy.formalNoticeLeadDays } }));
  return lines;
}
