/**
 * Editing the reminder templates: the list a company's policies use (each step's template in both
 * languages, edited or shipped), and a preview on a sample reminder — the same rendering a run
 * does, so a template that parses but fails on real variables is refused before it is saved.
 */
import { addDays } from '#core/calendar';
import { planDunning } from '#core/dunning/planner';
import type { DunningPolicy, StepKind } from '#core/dunning/policy';
import { STEP_KINDS } from '#core/dunning/policy';
import { gsm7Length, SMS_MAX_SEPTETS } from '#core/dunning/sms';
import { selectLatestTemplates } from '#db/dunning/config-queries';
import type { DunningCustomerRow, DunningInvoiceRow } from '#db/dunning/dunning-state';
import { renderLetter } from '#render/letters';
import type { Lang } from '#text/catalogue';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { buildLetterModel, renderEmail, renderSms } from './action-documents.ts';
import type { ActionContext } from './action-variables.ts';
import { notOneOf } from './error-params.ts';
import { loadPolicies, loadRates } from './plan-data.ts';
import { saveTemplate, type TemplateView } from './policies.ts';
import { loadSender } from './settings.ts';
import { type TemplateChannel, templateChannelOf, templateSource } from './templates.ts';

export interface TemplateListEntry {
  templateCode: string;
  stepKind: StepKind;
  /** Days from the due date of the first step using the template (negative: before it). */
  offsetDays: number;
  channel: TemplateChannel;
  lang: Lang;
  /** The company's latest version, null while the shipped text applies. */
  version: number | null;
  subject: string;
}

/** Every template the policies' steps use, per channel (an e-mail's statement is a letter) and language. */
export async function listTemplates(ctx: AppContext): Promise<TemplateListEntry[]> {
  const policies = await loadPolicies(ctx.db, ctx.companyId);
  const edited = await selectLatestTemplates(ctx.db, ctx.companyId);
  const seen = new Map<string, TemplateListEntry>();
  for (const step of policies.flatMap((p) => p.steps)) {
    const channel = templateChannelOf(step.channel);
    if (channel === null) continue;
    const channels: TemplateChannel[] = channel === 'email' ? ['email', 'letter'] : [channel];
    for (const c of channels)
      for (const lang of ['fr', 'en'] as const) {
        const key = `${step.templateCode}/${c}/${lang}`;
        if (seen.has(key)) continue;
        const row = edited.find(
          (t) => t.templateCode === step.templateCode && t.channel === c && t.lang === lang,
        );
        seen.set(key, {
          templateCode: step.templateCode,
          stepKind: step.kind,
          offsetDays: step.offsetDays,
          channel: c,
          lang,
          version: row?.version ?? null,
          subject: row?.subject ?? '',
        });
      }
  }
  return [...seen.values()];
}

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

/**
 * A reminder to a sample customer for one invoice of 1 200,00 € due 40 days before the date; a
 * disputed one of 350,00 €, due 20 days before, is left out of it.
 */
async function sampleContext(
  ctx: AppContext,
  input: { stepKind: StepKind; channel: TemplateChannel; lang: Lang; templateCode: string },
): Promise<ActionContext> {
  const asOf = await defaultAsOf(ctx);
  const rates = await loadRates(ctx.db);
  const claim = input.stepKind !== 'courtesy';
  const dueDate = addDays(asOf, claim ? -40 : 5);
  const policy: DunningPolicy = {
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
    policies: [policy],
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
    sender: await loadSender(ctx.db, ctx.companyId),
    terms,
    reference: `REL-${asOf.replaceAll('-', '')}-${SAMPLE_CUSTOMER.code}`,
  };
}

export interface TemplateInput {
  templateCode: string;
  channel: TemplateChannel;
  lang: Lang;
  stepKind?: StepKind | undefined;
  /** The text to preview; default: the template in force. */
  source?: string | undefined;
}

export type TemplatePreview =
  | { channel: 'email'; subject: string; html: string; text: string }
  | { channel: 'sms'; text: string; length: number }
  | { channel: 'letter'; pdf: Buffer };

function checkInput(input: TemplateInput): StepKind {
  if (!['email', 'letter', 'sms'].includes(input.channel))
    throw notOneOf('channel', input.channel, ['email', 'letter', 'sms'], 'dunningChannel');
  if (input.lang !== 'fr' && input.lang !== 'en')
    throw notOneOf('lang', input.lang, ['fr', 'en'], 'language');
  const stepKind = input.stepKind ?? 'reminder';
  if (!(STEP_KINDS as readonly string[]).includes(stepKind))
    throw notOneOf('stepKind', stepKind, STEP_KINDS, 'dunningStepKind');
  return stepKind;
}

/** Renders a template (the one in force, or a draft) on the sample reminder. */
export async function previewTemplate(ctx: AppContext, input: TemplateInput): Promise<TemplatePreview> {
  const stepKind = checkInput(input);
  const context = await sampleContext(ctx, { ...input, stepKind });
  const source =
    input.source ??
    templateSource(
      await selectLatestTemplates(ctx.db, ctx.companyId),
      input.templateCode,
      stepKind,
      input.channel,
      input.lang,
    );
  if (input.channel === 'email') return { channel: 'email', ...(await renderEmail(context, source)) };
  if (input.channel === 'sms') {
    const text = await renderSms(context, source);
    return { channel: 'sms', text, length: gsm7Length(text) };
  }
  return { channel: 'letter', pdf: await renderLetter(await buildLetterModel(context, source)) };
}

/** Saves a new version once it parses and renders on the sample; the previous versions are kept. */
export async function saveCheckedTemplate(
  ctx: AppContext,
  input: TemplateInput & { source: string },
): Promise<TemplateView> {
  const preview = await previewTemplate(ctx, input);
  // One SMS: a longer text would be split or cut by the network.
  if (preview.channel === 'sms' && preview.length > SMS_MAX_SEPTETS)
    throw new DomainError(
      'invalid_input',
      { key: 'errors.dunning.smsTooLong', params: { length: preview.length, max: SMS_MAX_SEPTETS } },
      { reason: 'sms_too_long' },
    );
  return saveTemplate(ctx, input);
}
