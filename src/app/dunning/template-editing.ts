/**
 * Editing the reminder templates: the list a company's policies use (each step's template in both
 * languages, edited or shipped), and a preview on a sample reminder — the same rendering a run
 * does, so a template that parses but fails on real variables is refused before it is saved, and
 * so is one that reads a variable reminders are not given (`template-check.ts`).
 */
import type { StepKind } from '#core/dunning/policy';
import { STEP_KINDS } from '#core/dunning/policy';
import { gsm7Length, SMS_MAX_SEPTETS } from '#core/dunning/sms';
import { selectLatestTemplates } from '#db/dunning/config-queries';
import { renderLetter } from '#render/letters';
import type { Lang } from '#text/catalogue';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError, type Wording } from '../errors.ts';
import { buildLetterModel, renderEmail, renderSms } from './action-documents.ts';
import type { ActionContext } from './action-variables.ts';
import { notOneOf } from './error-params.ts';
import { loadPolicies, loadRates } from './plan-data.ts';
import { saveTemplate, type TemplateView } from './policies.ts';
import { loadSender } from './settings.ts';
import { checkTemplateSource } from './template-check.ts';
import { templateProblemsError, UNRENDERABLE } from './template-errors.ts';
import { sampleActionContext } from './template-sample.ts';
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

/** The sample reminder (`template-sample.ts`) with the company's date, rate table and sender. */
async function sampleContext(
  ctx: AppContext,
  input: { stepKind: StepKind; channel: TemplateChannel; lang: Lang; templateCode: string },
): Promise<ActionContext> {
  return sampleActionContext({
    ...input,
    asOf: await defaultAsOf(ctx),
    rates: await loadRates(ctx.db),
    sender: await loadSender(ctx.db, ctx.companyId),
  });
}

export interface TemplateInput {
  templateCode: string;
  channel: TemplateChannel;
  lang: Lang;
  stepKind?: StepKind | undefined;
  /** The text to preview; default: the template in force. */
  source?: string | undefined;
}

/**
 * A preview, with what is wrong with the template but does not stop it from rendering (an unknown
 * variable, printed as nothing; an e-mail without a subject): a template saved before such
 * mistakes were refused still shows, with its warnings.
 */
export type TemplatePreview = { warnings: Wording[] } & (
  | { channel: 'email'; subject: string; html: string; text: string }
  | { channel: 'sms'; text: string; length: number }
  | { channel: 'letter'; pdf: Buffer }
);

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

/**
 * Renders a template (the one in force, or a draft) on the sample reminder. A template that cannot
 * render (a syntax error, an unknown filter) is refused with its problems in words.
 */
export async function previewTemplate(ctx: AppContext, input: TemplateInput): Promise<TemplatePreview> {
  const stepKind = checkInput(input);
  const source =
    input.source ??
    templateSource(
      await selectLatestTemplates(ctx.db, ctx.companyId),
      input.templateCode,
      stepKind,
      input.channel,
      input.lang,
    );
  const problems = checkTemplateSource(source, input.channel);
  const blocking = problems.filter((p) => p.blocking);
  if (blocking.length > 0) throw templateProblemsError(UNRENDERABLE, blocking);
  const warnings = problems.map((p) => p.wording);
  const context = await sampleContext(ctx, { ...input, stepKind });
  if (input.channel === 'email')
    return { channel: 'email', ...(await renderEmail(context, source)), warnings };
  if (input.channel === 'sms') {
    const text = await renderSms(context, source);
    return { channel: 'sms', text, length: gsm7Length(text), warnings };
  }
  return { channel: 'letter', pdf: await renderLetter(await buildLetterModel(context, source)), warnings };
}

/**
 * Saves a new version once it has no problem (every variable known, an e-mail's subject) and
 * renders on the sample; the previous versions are kept.
 */
export async function saveCheckedTemplate(
  ctx: AppContext,
  input: TemplateInput & { source: string },
): Promise<TemplateView> {
  checkInput(input);
  const problems = checkTemplateSource(input.source, input.channel);
  if (problems.length > 0) throw templateProblemsError('errors.dunning.template.refused', problems);
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
