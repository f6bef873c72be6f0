/**
 * The sample reminder a template is previewed on, and checked against: a sample customer owing one
 * invoice of 1 200,00 € due 40 days before the date (5 days after it for a courtesy reminder), and
 * a disputed one of 350,00 €, due 20 days before, which the reminder leaves out. No I/O: the date,
 * the rate table and the sender are given, so the check of a template's variables
 * (`template-check.ts`) builds the same context without a database.
 */
import { addDays } from '#core/calendar';
import { planDunning } from '#core/dunning/planner';
import type { DunningPolicy, StepKind } from '#core/dunning/policy';
import type { SemesterRateRow } from '#core/dunning/semesters';
import type { DunningCustomerRow, DunningInvoiceRow } from '#db/dunning/dunning-state';
import type { LetterSender } from '#render/letters';
import type { Lang } from '#text/catalogue';
import type { ActionContext, FactorOfInvoice } from './action-variables.ts';
import type { TemplateChannel } from './templates.ts';

const SAMPLE_CUSTOMER: DunningCustomerRow = {
  code: 'CLI001',
  name: 'Exemple Distribution SARL',
  customerType: 'sme',
  status: 'active',
  language: 'fr',
  salesperson: null,
  billingEmail: 'comptabilite@exemple.fr',
  contacts: [],
  addressLine1: '5 avenue des Tilleuls',
  addressLine2: null,
  postalCode: '31000',
  city: 'Toulouse',
  country: 'FR',
  pausedUntil: null,
  interestClause: 'legal',
  interestRateBps: null,
  riskClass: null,
};

export interface SampleInput {
  stepKind: StepKind;
  channel: TemplateChannel;
  lang: Lang;
  templateCode: string;
  asOf: string;
  rates: SemesterRateRow[];
  sender: LetterSender;
  /** Invoices assigned to a factor (by invoice id '1' or '2'): none in a preview. */
  factors?: ReadonlyMap<string, FactorOfInvoice> | undefined;
}

function samplePolicy(input: SampleInput): DunningPolicy {
  const claim = input.stepKind !== 'courtesy';
  return {
    code: 'sample',
    version: 1,
    effectiveFrom: '1900-01-01',
    scope: { kind: 'default' },
    currency: 'EUR',
    steps: [
      {
        code: 'sample',
        kind: input.stepKind,
        offsetDays: claim ? 30 : -5,
        // A formal notice goes by registered letter: its preview says so.
        channel:
          input.channel === 'letter' && input.stepKind === 'formal_notice'
            ? 'registered_letter'
            : input.channel,
        templateCode: input.templateCode,
        minimumAmountMinor: 0,
        claimInterest: claim,
        claimIndemnity: claim,
      },
    ],
    formalNoticeLeadDays: 8,
    minimumDaysBetweenSteps: 0,
    promiseGraceDays: 0,
  };
}

/** The sample reminder's context, planned as a run plans it. */
export function sampleActionContext(input: SampleInput): ActionContext {
  const { asOf, rates } = input;
  const dueDate = addDays(asOf, input.stepKind !== 'courtesy' ? -40 : 5);
  const invoice = {
    id: '1',
    customerCode: SAMPLE_CUSTOMER.code,
    dueDate,
    openMinor: 120_000,
    currency: 'EUR' as const,
    level: 0,
    lastStepDate: null,
    formalNoticeDate: null,
    disputed: false,
    promise: null,
    pausedUntil: null,
  };
  const customer = {
    customerCode: SAMPLE_CUSTOMER.code,
    customerType: 'sme' as const,
    riskClass: null,
    inInsolvency: false,
    pausedUntil: null,
    interestClause: { kind: 'legal' as const },
    openCredits: [],
  };
  const terms = { rates, clause: { kind: 'legal' as const }, mode: 'split_by_semester' as const };
  const [action] = planDunning([customer], [invoice], {
    asOf,
    policies: [samplePolicy(input)],
    rates,
    rateMode: terms.mode,
  }).actions;
  if (!action) throw new Error('the sample reminder was not planned');
  const row: DunningInvoiceRow = {
    documentId: 1,
    documentRef: 'FA-2025-0042',
    customerCode: SAMPLE_CUSTOMER.code,
    issueDate: addDays(dueDate, -30),
    dueDate,
    amountMinor: 120_000,
    openMinor: 120_000,
    currency: 'EUR',
    level: 0,
    lastStepDate: null,
    formalNoticeDate: null,
    disputed: false,
    promiseDate: null,
    promiseAmountMinor: null,
    pausedUntil: null,
    pauseReason: null,
    pauseId: null,
    handedOver: false,
    settlements: [],
  };
  // A second overdue invoice, disputed, which the reminder leaves out: the preview shows what a
  // template says of the customer's other overdue invoices (`separate_items`).
  const disputed: DunningInvoiceRow = {
    ...row,
    documentId: 2,
    documentRef: 'FA-2025-0057',
    issueDate: addDays(asOf, -50),
    dueDate: addDays(asOf, -20),
    amountMinor: 35_000,
    openMinor: 35_000,
    disputed: true,
  };
  return {
    lang: input.lang,
    asOf,
    action,
    customer: { ...SAMPLE_CUSTOMER, language: input.lang },
    invoices: new Map([
      ['1', row],
      ['2', disputed],
    ]),
    sender: input.sender,
    terms,
    reference: `REL-${asOf.replaceAll('-', '')}-${SAMPLE_CUSTOMER.code}`,
    factors: input.factors,
  };
}
