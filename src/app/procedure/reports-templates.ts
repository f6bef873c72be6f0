/**
 * The editable section templates of the two reports: the shipped defaults, the company's edited
 * versions (stored in report_templates, the latest wins), checking and saving an edit, and
 * rendering a section into paragraphs and bullets. The engine is sandboxed like the dunning
 * templates': no file access, own properties only, bounded rendering.
 */
import { Liquid } from 'liquidjs';
import { insertReportTemplate, latestReportTemplates } from '#db/procedure/report-queries';
import type { ReportBlock } from '#render/reports/report-document';
import type { Lang } from '#text/catalogue';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { DEFAULT_REPORT_TEMPLATES, REPORT_SECTIONS, type ReportKind } from './reports-template-defaults.ts';

export { REPORT_SECTIONS, type ReportKind } from './reports-template-defaults.ts';

const refuse = (): never => {
  throw new Error('templates cannot include files');
};

const engine = new Liquid({
  ownPropertyOnly: true,
  strictFilters: true,
  relativeReference: false,
  parseLimit: 50_000,
  renderLimit: 1_000,
  memoryLimit: 5_000_000,
  fs: {
    exists: async () => false,
    existsSync: () => false,
    readFile: async () => refuse(),
    readFileSync: () => refuse(),
    resolve: (_dir: string, file: string) => file,
  },
});

/** Formatted figures by name, and the raw counts under `n` for agreements. */
export type TemplateVariables = Record<string, string | boolean | Record<string, number>>;

export interface SectionTemplate {
  report: ReportKind;
  section: string;
  lang: Lang;
  body: string;
  /** 0 = the shipped default. */
  version: number;
  edited: boolean;
}

export function isReportKind(value: string): value is ReportKind {
  return value === 'dysfunctions' || value === 'measures';
}

/** Every section template of a report in a language: the company's latest edit, else the default. */
export async function reportTemplates(
  ctx: AppContext,
  report: ReportKind,
  lang: Lang,
): Promise<Record<string, SectionTemplate>> {
  const rows = await latestReportTemplates(ctx.db, ctx.companyId);
  const templates: Record<string, SectionTemplate> = {};
  for (const section of REPORT_SECTIONS[report]) {
    const row = rows.find((r) => r.report === report && r.section === section && r.lang === lang);
    templates[section] = row
      ? { report, section, lang, body: row.body, version: row.version, edited: true }
      : {
          report,
          section,
          lang,
          body: DEFAULT_REPORT_TEMPLATES[lang][report][section] ?? '',
          version: 0,
          edited: false,
        };
  }
  return templates;
}

/** The problems of a template's text (none when it parses). */
export function checkReportTemplate(body: string): string[] {
  try {
    engine.parse(body);
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}

export async function saveReportTemplate(
  ctx: AppContext,
  input: { report: string; section: string; lang: string; body: string },
): Promise<SectionTemplate> {
  if (!isReportKind(input.report))
    throw new DomainError('invalid_input', {
      key: 'errors.procedure.unknownReport',
      params: { report: input.report },
    });
  if (!REPORT_SECTIONS[input.report].includes(input.section))
    throw new DomainError('invalid_input', {
      key: 'errors.procedure.unknownSection',
      params: { report: input.report, section: input.section },
    });
  if (input.lang !== 'fr' && input.lang !== 'en')
    throw new DomainError('invalid_input', {
      key: 'errors.procedure.unknownLanguage',
      params: { lang: input.lang },
    });
  if (input.body.length > 20_000)
    throw new DomainError('invalid_input', {
      key: 'errors.procedure.templateTooLong',
      params: { max: 20_000 },
    });
  const problems = checkReportTemplate(input.body);
  if (problems.length > 0)
    throw new DomainError(
      'invalid_input',
      { key: 'errors.procedure.templateParse', params: { problems: problems.join('; ') } },
      { problems },
    );
  const version = await ctx.db.transaction().execute(async (trx) => {
    const saved = await insertReportTemplate(trx, ctx.companyId, ctx.actor, {
      report: input.report,
      section: input.section,
      lang: input.lang,
      body: input.body,
    });
    await recordAudit(ctx, trx, {
      action: 'report.template',
      entity: 'report_template',
      entityKey: `${input.report}:${input.section}:${input.lang}`,
      before: null,
      after: { version: saved },
    });
    return saved;
  });
  return { ...input, report: input.report, lang: input.lang, version, edited: true };
}

/** Paragraphs split on blank lines; lines starting with « - » make a bullet list. */
export function textBlocks(text: string): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((line) => line.startsWith('- ')))
      blocks.push({ type: 'bullets', items: lines.map((line) => line.slice(2).trim()) });
    else blocks.push({ type: 'paragraph', text: lines.join(' ') });
  }
  return blocks;
}

/** Renders a section's template with the report's variables into blocks. */
export async function renderSection(
  template: SectionTemplate,
  variables: TemplateVariables,
): Promise<ReportBlock[]> {
  try {
    return textBlocks(await engine.parseAndRender(template.body, variables));
  } catch (error) {
    throw new DomainError('invalid_input', {
      key: 'errors.procedure.templateFailed',
      params: {
        report: template.report,
        section: template.section,
        lang: template.lang,
        problem: (error as Error).message,
      },
    });
  }
}
