/**
 * LiquidJS's errors in a template's author's words. The engine says what is wrong in English
 * («  invalid value expression: "", line:4, col:31 »), and only in its message: each kind it
 * raises is recognised by that message and worded from the catalogue with its line and column;
 * any other is « a syntax error at line L, column C ». The problems a check finds
 * (`template-check.ts`) are refused as one error, worded the same wherever a template is refused.
 */
import { LiquidError } from 'liquidjs';
import type { Lang } from '#text/catalogue';
import { DomainError, type Wording, wordingText } from '../errors.ts';
import type { TemplateProblem } from './template-check.ts';

interface LiquidFailure {
  message: string;
  originalError?: { message?: unknown } | undefined;
  token?: { getPosition?: () => [number, number]; name?: unknown } | undefined;
}

/** Where the engine says it stopped: its token's position, else the « line:L, col:C » it prints. */
function positionOf(error: LiquidFailure): { line: number; col: number } {
  const position = error.token?.getPosition?.();
  if (position) return { line: position[0], col: position[1] };
  const printed = /line:(\d+), col:(\d+)/.exec(error.message);
  return { line: Number(printed?.[1] ?? 1), col: Number(printed?.[2] ?? 1) };
}

/** The engine's own sentence, without the position it appends. */
function causeOf(error: LiquidFailure): string {
  const original = error.originalError?.message;
  const text = typeof original === 'string' ? original : error.message;
  return text.replace(/, line:\d+, col:\d+$/, '').trim();
}

/** The tag name of `{%- if x -%}`, `{% if x %}` or `"if"`. */
const tagNameOf = (text: string) => /^(?:\{%-?\s*)?"?([A-Za-z_]\w*)/.exec(text)?.[1] ?? text;

/** The wording of a failure of the template engine, parsing or rendering. */
export function liquidErrorWording(error: unknown): Wording {
  const message = error instanceof Error ? error.message : String(error);
  // The parse length limit is raised as a bare assertion, without a position.
  if (/limit exceeded/.test(message)) return { key: 'errors.dunning.template.tooLarge' };
  if (!(error instanceof LiquidError)) return { key: 'errors.dunning.template.failed' };
  const failure = error as unknown as LiquidFailure;
  const at = positionOf(failure);
  const cause = causeOf(failure);
  const key = (name: string, params: Record<string, string> = {}): Wording => ({
    key: `errors.dunning.template.${name}`,
    params: { ...at, ...params },
  });
  let match = /^tag (.+) not closed$/.exec(cause);
  if (match?.[1]) {
    const tag = tagNameOf(match[1]);
    return key('tagNotClosed', { tag, closer: `{% end${tag} %}` });
  }
  if (/^output .* not closed$/s.test(cause)) return key('outputNotClosed', { open: '{{', close: '}}' });
  match = /^tag "(.+)" not found$/.exec(cause);
  if (match?.[1])
    return match[1].startsWith('end')
      ? key('strayEnd', { tag: match[1] })
      : key('unknownTag', { tag: match[1] });
  match = /^undefined filter: (.+)$/.exec(cause);
  if (match?.[1]) return key('unknownFilter', { name: match[1], suggestion: 'none' });
  if (/^invalid value expression/.test(cause)) return key('badExpression');
  match = /^illegal tag: (.+)$/.exec(cause);
  if (match?.[1]) return key('badTag', { tag: tagNameOf(match[1]) });
  if (/cannot read files|Failed to lookup/.test(cause)) return key('include', { tag: 'include' });
  return key('syntax');
}

/** The refusal of a template that cannot be rendered (a syntax error, an unknown filter, an include). */
export const UNRENDERABLE = 'errors.dunning.template.unrenderable';

/**
 * The problems of a template as one error, each on its own line in the reader's language; a single
 * problem that stops a preview is said alone.
 */
export function templateProblemsError(key: string, problems: readonly TemplateProblem[]): DomainError {
  const details = {
    reason: 'template_problems',
    problems: problems.map((p) => ({ ...p.wording, line: p.line, col: p.col })),
  };
  const [first] = problems;
  if (first && problems.length === 1 && key === UNRENDERABLE)
    return new DomainError('invalid_input', first.wording, details);
  const listed = (lang: Lang) => problems.map((p) => wordingText(p.wording, lang)).join('\n');
  return new DomainError('invalid_input', { key, params: { problems: listed } }, details);
}
