/**
 * Liquid templates of the reminders. A template is text in sections (`## subject`, `## body`,
 * `## intro`…); the company's edited version (database, latest version) wins over the file shipped
 * in ./templates for the step kind. Templates cannot run code: Liquid has no code evaluation, the
 * engine reads no file (includes are refused), sees only the variables' own properties, and
 * render limits bound loops.
 */
import { readFileSync } from 'node:fs';
import { Liquid, type Template } from 'liquidjs';
import type { DunningChannel, StepKind } from '#core/dunning/policy';
import type { TemplateRow } from '#db/dunning/config-queries';
import type { Lang } from '#text/catalogue';
import { DomainError } from '../errors.ts';
import { liquidErrorWording } from './template-errors.ts';

export type TemplateChannel = 'email' | 'letter' | 'sms';

export function templateChannelOf(channel: DunningChannel): TemplateChannel | null {
  if (channel === 'email') return 'email';
  if (channel === 'letter' || channel === 'registered_letter') return 'letter';
  if (channel === 'sms') return 'sms';
  return null;
}

const refuse = (): never => {
  throw new Error('templates cannot read files');
};

const ENGINE_OPTIONS = {
  ownPropertyOnly: true,
  strictFilters: true,
  relativeReference: false,
  parseLimit: 100_000,
  renderLimit: 2_000,
  memoryLimit: 10_000_000,
  fs: {
    exists: async () => false,
    existsSync: () => false,
    readFile: async () => refuse(),
    readFileSync: () => refuse(),
    resolve: (_dir: string, file: string) => file,
  },
};

const engine = new Liquid(ENGINE_OPTIONS);

/**
 * The same engine, which parses a template whose filters it does not know: the check of a
 * template (`template-check.ts`) then names every unknown filter, not the first one only.
 */
const checkingEngine = new Liquid({ ...ENGINE_OPTIONS, strictFilters: false });

/** A template's parse for its check; a syntax error throws the engine's error. */
export function parseForCheck(source: string): Template[] {
  return checkingEngine.parse(source);
}

/** The filters a template may use: the engine's own. */
export const FILTER_NAMES: readonly string[] = Object.keys(engine.filters);

const shipped = new Map<string, string | null>();

function shippedFile(kind: string, channel: TemplateChannel, lang: Lang): string | null {
  const name = `${kind}.${channel}.${lang}.liquid`;
  if (!shipped.has(name)) {
    let text: string | null = null;
    try {
      text = readFileSync(new URL(`./templates/${name}`, import.meta.url), 'utf8');
    } catch {
      text = null;
    }
    shipped.set(name, text);
  }
  return shipped.get(name) ?? null;
}

/** Kinds whose shipped wording stands in when a kind has none of its own for a channel. */
const FALLBACK: Record<StepKind, StepKind[]> = {
  courtesy: ['courtesy', 'reminder'],
  reminder: ['reminder'],
  formal_notice: ['formal_notice', 'reminder'],
  handover: ['handover', 'formal_notice', 'reminder'],
};

export function shippedTemplate(stepKind: StepKind, channel: TemplateChannel, lang: Lang): string {
  for (const kind of FALLBACK[stepKind]) {
    const text = shippedFile(kind, channel, lang);
    if (text !== null) return text;
  }
  throw new Error(`no shipped ${channel} template for ${stepKind} (${lang})`);
}

/** The source of a template: the company's latest version, else the shipped file. */
export function templateSource(
  edited: readonly TemplateRow[],
  templateCode: string,
  stepKind: StepKind,
  channel: TemplateChannel,
  lang: Lang,
): string {
  const row = edited.find((t) => t.templateCode === templateCode && t.channel === channel && t.lang === lang);
  if (row) return row.subject.trim() ? `## subject\n${row.subject}\n${row.body}` : row.body;
  return shippedTemplate(stepKind, channel, lang);
}

/** Lines before any `## name` header belong to `body`. */
export function splitSections(text: string): Record<string, string> {
  const sections: Record<string, string> = {};
  let current = 'body';
  for (const line of text.split(/\r?\n/)) {
    const header = /^##\s+([a-z_]+)\s*$/.exec(line);
    if (header?.[1]) {
      current = header[1];
      sections[current] = '';
      continue;
    }
    sections[current] = `${sections[current] ?? ''}${line}\n`;
  }
  return sections;
}

/** Paragraphs of a section: separated by blank lines, lines of a paragraph joined. */
export function paragraphsOf(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .join(' ')
        .trim(),
    )
    .filter((p) => p !== '');
}

/** Parsed templates by source: a run renders the same few templates for thousands of customers. */
const parsedCache = new Map<string, ReturnType<typeof engine.parse>>();

function parsed(source: string): ReturnType<typeof engine.parse> {
  let templates = parsedCache.get(source);
  if (!templates) {
    templates = engine.parse(source);
    // Edited sources come and go (the editor's live preview): the cache stays small.
    if (parsedCache.size >= 64) parsedCache.clear();
    parsedCache.set(source, templates);
  }
  return templates;
}

/**
 * Renders every section of a template with the variables; a template error is an invalid input,
 * worded for the template's author (`template-errors.ts`).
 */
export async function renderTemplate(
  source: string,
  variables: Record<string, unknown>,
): Promise<Record<string, string>> {
  try {
    // Synchronous: the render limit is a deadline in wall time from the render's start, and an
    // asynchronous render yields to whatever else the process does meanwhile (a run stores the
    // slice before while it composes this one): under load a long letter failed the whole run.
    const rendered = engine.renderSync(parsed(source), variables) as string;
    return splitSections(rendered);
  } catch (error) {
    throw new DomainError('invalid_input', liquidErrorWording(error), { reason: 'template_error' });
  }
}
