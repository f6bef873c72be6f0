/**
 * The codes an audit entry's fields hold, and the catalogue words each reads with: a label domain
 * (`customerType`), or an area's select message and its argument (`legalFile.partnerKind`, kind).
 * One field name means something else on each entity — a legal partner's `kind` is no job's, a held
 * order's `held` no held e-mail's — so the entity's own table is read first, then the general one.
 * A field of a nested record is looked up as `parent.field` first (`steps.kind`: a policy step's).
 */
import { hasLabel, type Lang, label } from './catalogue.ts';
import { formatMessage } from './icu.ts';

export type CodeWording =
  | { readonly domains: readonly string[] }
  | { readonly select: string; readonly arg: string };

const domains = (...names: string[]): CodeWording => ({ domains: names });
const select = (key: string, arg: string): CodeWording => ({ select: key, arg });

/** Fields whose codes read alike on every entity (first domain with a label wins). */
const ANY_ENTITY: Readonly<Record<string, CodeWording>> = {
  paymentTerms: domains('paymentTerms'),
  customerType: domains('customerType'),
  eligibleCustomerTypes: domains('customerType'),
  paymentMethods: domains('paymentMode'),
  status: domains('customerStatus', 'orderStatus', 'mailStatus', 'jobStatus', 'limitRequestStatus'),
  role: domains('role'),
  requiredRole: domains('role'),
  approverRole: domains('role'),
  kind: domains('eventKind', 'jobKind', 'limitKind'),
  language: domains('language'),
  decision: domains('creditDecision'),
  reasons: domains('procedure.reason'),
  department: domains('dunningDepartment'),
  channel: domains('dunningChannel'),
  registeredOutcome: select('dunning.registered.outcome', 'outcome'),
  legalForm: domains('legalForm'),
  sectorRisk: domains('sectorRisk'),
};

/** What a field's codes mean on one entity. */
export const ENTITY_CODES: Readonly<Record<string, Readonly<Record<string, CodeWording>>>> = {
  customer: {
    status: domains('customerStatus'),
    kind: domains('eventKind'),
    mark: select('audit.code.agendaMark', 'mark'),
  },
  company: { source: select('forecastCost.rateSource', 'source') },
  order: { status: domains('orderStatus') },
  order_decision: { status: domains('orderDecisionStatus') },
  mail: { status: domains('mailStatus') },
  job: { status: domains('jobStatus'), kind: domains('jobKind') },
  job_schedule: { kind: domains('jobKind') },
  limit_request: { status: domains('limitRequestStatus'), kind: domains('limitKind') },
  credit_limit: { kind: domains('limitKind') },
  insurer_cover: { status: domains('coverStatus') },
  invoice: { channel: domains('invoiceChannel') },
  document: { reason: domains('cashReturnReason') },
  bank_transaction: { decision: select('audit.code.cashDecision', 'decision') },
  dunning_dispute: {
    status: domains('dunningDisputeStatus'),
    reason: domains('dunningDisputeReason'),
    resolution: domains('dunningDisputeResolution'),
    source: domains('disputes.source'),
    kind: domains('disputes.attachmentKind'),
  },
  dunning_promise: { status: domains('dunningPromiseStatus') },
  dunning_task: {
    status: domains('dunningTaskStatus'),
    kind: domains('dunningTaskKind'),
    outcome: domains('dunningTaskOutcome'),
  },
  dunning_action: { status: domains('dunningActionStatus') },
  dunning_run_proposal: {
    status: select('dunningProposals.status', 'status'),
    'bySteps.stepKind': domains('dunningStepKind'),
  },
  dunning_policy: { 'steps.kind': domains('dunningStepKind'), stepDates: domains('dunningStepDates') },
  dunning_settings: { rateMode: select('audit.code.rateMode', 'rateMode') },
  promotion: {
    status: select('promotions.status', 'status'),
    guarantees: select('promotions.guarantee', 'guarantee'),
  },
  write_off: { status: select('writeoff.status', 'status'), reasonCode: select('writeoff.reason', 'reason') },
  insurance_claim: { status: select('insurance.status', 'status') },
  legal_partner: { kind: select('legalFile.partnerKind', 'kind') },
  legal_file: {
    source: select('audit.code.reportSource', 'source'),
    piecesProvided: select('legalFile.piece', 'piece'),
  },
};

/**
 * Records keyed by codes (a provision rate per case): the words of their keys, and the field their
 * values read as (the key says nothing of the unit: `collective_procedure` holds basis points).
 */
export const RECORD_KEY_CODES: Readonly<Record<string, { keys: CodeWording; values: string }>> = {
  byCase: { keys: select('provision.basis', 'basis'), values: 'rateBps' },
};

/** How `field` (inside the record `parent`, if any) of an `entity` entry reads its codes. */
export function codeWording(field: string, entity?: string, parent?: string): CodeWording | undefined {
  const own = entity === undefined ? undefined : ENTITY_CODES[entity];
  const nested = parent === undefined ? undefined : own?.[`${parent}.${field}`];
  return nested ?? own?.[field] ?? ANY_ENTITY[field];
}

/** The code in words; undefined when the catalogue has none (a person's own words stay as typed). */
export function wordCode(lang: Lang, wording: CodeWording, code: string): string | undefined {
  if ('select' in wording) {
    const worded = formatMessage(lang, wording.select, { [wording.arg]: code });
    return worded === undefined ? undefined : capitalised(worded);
  }
  const domain = wording.domains.find((candidate) => hasLabel(lang, candidate, code));
  return domain === undefined ? undefined : label(lang, domain, code);
}

/** « approuvé » as a value of its own reads « Approuvé », as the label domains write their codes. */
export function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
