/**
 * Editable e-mail templates of the credit decisions (LiquidJS), stored as a versioned
 * `message_templates` configuration; the defaults come from the text catalogue. Templates receive
 * only formatted values (amounts through #text/format, reasons rendered by the catalogue), so a
 * rewritten template cannot show minor units or a raw code.
 */
import { Liquid } from 'liquidjs';
import type { Problem } from '#core/credit/reason';
import type { Lang } from '#text/catalogue';
import { CREDIT_MAIL_TEMPLATES, type MailTemplate } from '#text/messages/credit-mail';

export const TEMPLATE_NAMES = ['order_hold', 'order_refusal', 'staff_notification', 'risk_alert'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface MessageTemplates {
  version?: string;
  effectiveFrom?: string;
  templates: Record<TemplateName, Record<Lang, MailTemplate>>;
}

export const DEFAULT_TEMPLATES: MessageTemplates = {
  version: 'default',
  effectiveFrom: '1900-01-01',
  templates: CREDIT_MAIL_TEMPLATES as MessageTemplates['templates'],
};

// Plain-text mail: no HTML escaping; unknown variables render empty rather than failing a decision.
const engine = new Liquid({ strictVariables: false, strictFilters: true, cache: 200 });

export function validateTemplates(body: MessageTemplates): Problem[] {
  const problems: Problem[] = [];
  for (const name of TEMPLATE_NAMES) {
    for (const lang of ['fr', 'en'] as const) {
      const template = body.templates?.[name]?.[lang];
      if (!template || typeof template.subject !== 'string' || typeof template.text !== 'string') {
        problems.push({ code: 'template_missing', params: { name, lang } });
        continue;
      }
      for (const part of ['subject', 'text'] as const) {
        try {
          engine.parse(template[part]);
        } catch (error) {
          problems.push({
            code: 'template_invalid',
            params: { name, lang, part, error: (error as Error).message },
          });
        }
      }
    }
  }
  return problems;
}

export type TemplateValues = Record<string, string | number | null | readonly string[]>;

export function renderTemplate(
  templates: MessageTemplates,
  name: TemplateName,
  lang: Lang,
  values: TemplateValues,
): { subject: string; text: string } {
  const template = templates.templates[name]?.[lang] ?? DEFAULT_TEMPLATES.templates[name][lang];
  return {
    // One line, its runs of white space made one space, but French no-break spaces kept as they are.
    subject: engine
      .parseAndRenderSync(template.subject, values)
      .replace(/[^\S\u00a0\u202f]+/g, ' ')
      .trim(),
    text: engine.parseAndRenderSync(template.text, values),
  };
}
