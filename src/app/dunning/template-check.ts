/**
 * What is wrong with a reminder template before it is saved: a syntax error (worded by
 * `template-errors.ts`), an unknown filter, an include, an e-mail without a subject, and every
 * variable the template reads that it is not given — Liquid prints an unknown one as nothing, so
 * « Relance {{ customer.nmae }} » went out as « Relance ». The variables known are those the
 * reminders are given (`templateVariables`, the one source), read off the sample reminder with
 * an invoice assigned to a factor so that every list has an element whose fields are known; a
 * loop's variable (`{% for f in factors %}`) has the fields of its list's elements, and a name
 * bound by assign, capture or increment is taken as it is.
 */
import {
  analyzeSync,
  ForTag,
  IncludeTag,
  LayoutTag,
  RenderTag,
  TablerowTag,
  type Template,
  type Token,
  TypeGuards,
  toValueSync,
  Value,
  type Variable,
} from 'liquidjs';
import { senderNamed } from '#render/letters';
import type { Wording } from '../errors.ts';
import { letterItems, templateVariables } from './action-variables.ts';
import { liquidErrorWording } from './template-errors.ts';
import { sampleActionContext } from './template-sample.ts';
import { FILTER_NAMES, parseForCheck, splitSections, type TemplateChannel } from './templates.ts';

export interface TemplateProblem {
  wording: Wording;
  line: number;
  col: number;
  /** The template cannot be rendered at all (a syntax error, an unknown filter, an include). */
  blocking: boolean;
}

/** What a template may read: an object's fields, a list's elements, a plain value, or anything. */
type Shape =
  | { kind: 'object'; fields: ReadonlyMap<string, Shape> }
  | { kind: 'list'; item: Shape }
  | { kind: 'value' }
  | { kind: 'any' };

const VALUE: Shape = { kind: 'value' };
const ANY: Shape = { kind: 'any' };

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return { kind: 'list', item: value.length > 0 ? shapeOf(value[0]) : ANY };
  if (value !== null && typeof value === 'object')
    return { kind: 'object', fields: new Map(Object.entries(value).map(([k, v]) => [k, shapeOf(v)])) };
  return VALUE;
}

const SAMPLE_SENDER = senderNamed('Exemple');

let knownVariables: ReadonlyMap<string, Shape> | null = null;

/** The variables every reminder template is given, made once from the sample reminder. */
function variablesGiven(channel: TemplateChannel): ReadonlyMap<string, Shape> {
  if (!knownVariables) {
    const context = sampleActionContext({
      stepKind: 'formal_notice',
      channel: 'letter',
      lang: 'fr',
      templateCode: 'check',
      asOf: '2026-01-15',
      rates: [],
      sender: SAMPLE_SENDER,
      factors: new Map([['1', { contractCode: 'F', factorName: 'F', factorIban: null, factorBic: null }]]),
    });
    const given = shapeOf(templateVariables(context, letterItems(context)));
    knownVariables = given.kind === 'object' ? given.fields : new Map();
  }
  // An e-mail's body says where its statement table goes (`renderEmail`).
  return channel === 'email' ? new Map([...knownVariables, ['statement', VALUE]]) : knownVariables;
}

/** The variables one tag or output reads, with their positions (LiquidJS's own static analysis). */
function variablesOf(template: Template): Variable[] {
  const read = template.arguments?.bind(template);
  if (!read) return [];
  const alone = { token: template.token, render: () => '', arguments: read } as Template;
  return Object.values(analyzeSync([alone], { partials: false }).variables).flat();
}

const childrenOf = (template: Template): Template[] =>
  template.children ? toValueSync(template.children(false, true)) : [];

/** Names bound by assign, capture, increment…: Liquid keeps them for the rest of the template. */
function boundNames(templates: readonly Template[], into: Set<string>): Set<string> {
  for (const template of templates) {
    for (const name of template.localScope?.() ?? []) into.add(name.content);
    boundNames(childrenOf(template), into);
  }
  return into;
}

/** The damerau-levenshtein distance (adjacent swaps count one): « nmae » is one step from « name ». */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] ?? 0, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
    }
  return (d[a.length] as number[])[b.length] ?? 0;
}

/** The known name closest to a mistyped one, when it is close enough to be the one meant. */
export function closestName(typed: string, known: Iterable<string>): string | null {
  const allowed = typed.length <= 4 ? 1 : 2;
  let best: { name: string; distance: number } | null = null;
  for (const name of [...known].sort()) {
    const d = distance(typed.toLowerCase(), name.toLowerCase());
    if (d <= allowed && (!best || d < best.distance)) best = { name, distance: d };
  }
  return best?.name ?? null;
}

const LIST_PROPERTIES = ['size', 'first', 'last'];

/** The shape a path leads to, or where it leaves what is known and the names known there. */
function follow(
  shape: Shape,
  segments: readonly (string | number | Variable)[],
): { shape: Shape } | { at: number; known: string[] } {
  let current = shape;
  for (const [index, segment] of segments.entries()) {
    if (current.kind === 'any') return { shape: ANY };
    const name = typeof segment === 'object' ? null : segment;
    if (current.kind === 'object') {
      const field = typeof name === 'string' ? current.fields.get(name) : undefined;
      if (name === null) return { shape: ANY };
      if (!field) return { at: index, known: [...current.fields.keys()] };
      current = field;
    } else if (current.kind === 'list') {
      if (name === 'size') current = VALUE;
      else if (name === null || typeof name === 'number' || name === 'first' || name === 'last')
        current = current.item;
      else return { at: index, known: LIST_PROPERTIES };
    } else if (name !== 'size') return { at: index, known: ['size'] };
  }
  return { shape: current };
}

const pathText = (segments: readonly (string | number | Variable)[]) =>
  segments
    .map((s, i) =>
      typeof s === 'number' ? `[${s}]` : typeof s === 'string' ? (i === 0 ? s : `.${s}`) : `[${s}]`,
    )
    .join('');

interface Scope {
  names: ReadonlyMap<string, Shape>;
  bound: ReadonlySet<string>;
}

function unknownVariable(variable: Variable, scope: Scope): TemplateProblem | null {
  const [root, ...rest] = variable.segments;
  if (typeof root !== 'string' || scope.bound.has(root)) return null;
  const line = variable.location.row;
  const col = variable.location.col;
  const given = scope.names.get(root);
  const found = given ? follow(given, rest) : { at: -1, known: [...scope.names.keys(), ...scope.bound] };
  if ('shape' in found) return null;
  const at = found.at + 1;
  const typed = variable.segments[at];
  const close = typeof typed === 'string' ? closestName(typed, found.known) : null;
  const suggestion = close
    ? pathText([...variable.segments.slice(0, at), close, ...variable.segments.slice(at + 1)])
    : 'none';
  return {
    wording: {
      key: 'errors.dunning.template.unknownVariable',
      params: { name: pathText(variable.segments), line, suggestion },
    },
    line,
    col,
    blocking: false,
  };
}

/** Where a token starts: line and column, from 1. */
function positionOf(token: { getPosition(): number[] } | undefined, fallback: Template) {
  const [line = 1, col = 1] = (token ?? fallback.token).getPosition();
  return { line, col };
}

function unknownFilters(template: Template): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const argument of template.arguments?.() ?? [])
    if (argument instanceof Value)
      for (const filter of argument.filters) {
        if (FILTER_NAMES.includes(filter.name)) continue;
        // The filter's own token, where it is typed (not part of LiquidJS's declared types).
        const { line, col } = positionOf((filter as unknown as { token?: Token }).token, template);
        const suggestion = closestName(filter.name, FILTER_NAMES) ?? 'none';
        const params = { name: filter.name, line, suggestion };
        problems.push({
          wording: { key: 'errors.dunning.template.unknownFilter', params },
          line,
          col,
          blocking: true,
        });
      }
  return problems;
}

/** The scope inside a loop: its variable has the fields of its list's elements. */
function loopScope(template: Template, scope: Scope): Scope {
  const names = new Map(scope.names);
  for (const name of template.blockScope?.() ?? []) names.set(name, ANY);
  if (template instanceof ForTag || template instanceof TablerowTag) {
    const collection = TypeGuards.isPropertyAccessToken(template.collection)
      ? variablesOf({ token: template.token, render: () => '', arguments: () => [template.collection] })[0]
      : undefined;
    const root = collection?.segments[0];
    const listShape = typeof root === 'string' ? scope.names.get(root) : undefined;
    const reached = listShape && collection ? follow(listShape, collection.segments.slice(1)) : null;
    const list = reached && 'shape' in reached ? reached.shape : ANY;
    names.set(template.variable, list.kind === 'list' ? list.item : ANY);
  }
  return { names, bound: scope.bound };
}

function visit(templates: readonly Template[], scope: Scope, problems: TemplateProblem[]): void {
  for (const template of templates) {
    if (template instanceof IncludeTag || template instanceof RenderTag || template instanceof LayoutTag) {
      const { line, col } = positionOf(undefined, template);
      const tag = (template.token as { name?: string }).name ?? 'include';
      problems.push({
        wording: { key: 'errors.dunning.template.include', params: { tag, line, col } },
        line,
        col,
        blocking: true,
      });
      continue;
    }
    problems.push(...unknownFilters(template));
    for (const variable of variablesOf(template)) {
      const problem = unknownVariable(variable, scope);
      if (problem) problems.push(problem);
    }
    const children = childrenOf(template);
    if (children.length > 0)
      visit(children, template.blockScope ? loopScope(template, scope) : scope, problems);
  }
}

/** Every problem of a template, in the order of its lines; a syntax error is the only one said. */
export function checkTemplateSource(source: string, channel: TemplateChannel): TemplateProblem[] {
  let templates: Template[];
  try {
    templates = parseForCheck(source);
  } catch (error) {
    const wording = liquidErrorWording(error);
    const line = Number(wording.params?.['line'] ?? 1);
    const col = Number(wording.params?.['col'] ?? 1);
    return [{ wording, line, col, blocking: true }];
  }
  const problems: TemplateProblem[] = [];
  if (channel === 'email' && !splitSections(source)['subject']?.trim())
    problems.push({
      wording: { key: 'errors.dunning.template.noSubject' },
      line: 1,
      col: 1,
      blocking: false,
    });
  visit(templates, { names: variablesGiven(channel), bound: boundNames(templates, new Set()) }, problems);
  // A name misspelt twice on a line is said once.
  const once = new Map(problems.map((p) => [`${p.wording.key}|${JSON.stringify(p.wording.params)}`, p]));
  return [...once.values()].sort((a, b) => a.line - b.line || a.col - b.col);
}
