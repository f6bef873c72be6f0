/**
 * Makes the spaces of the product's French text no-break where French typography wants them
 * (before « : ; ? ! », inside « »; rule and reasons in src/text/french-spacing.ts): a plain space
 * there lets a line start with a colon on screen or in a PDF letter. It rewrites only French
 * text, in place:
 * - the `fr` strings of src/text/messages/*.ts (ICU; the Liquid mail templates of
 *   credit-mail.ts as Liquid), and the module constants those strings pull in. Keys, code and
 *   the `en` strings are not touched: the files are parsed with TypeScript, not searched;
 * - the French default Liquid templates: src/app/dunning/templates/*.fr.liquid and the `FR`
 *   sections of src/app/procedure/reports-template-defaults.ts, outside `{{ }}` and `{% %}`.
 * It is idempotent: run it again after adding French text (`node scripts/french-spacing.ts`);
 * `--check` only lists what it would change and exits 1 if anything. src/text/french-spacing.test.ts
 * fails while anything is left.
 * A file already writing the no-break space as the escape `\u00a0` more often than as the
 * character gets the escape, any other file the character itself.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { FRENCH_SPACE, type TextSyntax, wrongFrenchSpaces } from '#text/french-spacing';

const root = join(import.meta.dirname, '..');
const MESSAGES_DIR = join(root, 'src/text/messages');
const DUNNING_TEMPLATES_DIR = join(root, 'src/app/dunning/templates');
const REPORT_TEMPLATES = join(root, 'src/app/procedure/reports-template-defaults.ts');
/** Message files whose French strings are Liquid templates, not ICU messages. */
const LIQUID_MESSAGE_FILES = new Set(['credit-mail.ts']);

/** One character of a string literal's value and where its source (maybe an escape) lies. */
interface Unit {
  char: string;
  start: number;
  end: number;
}

/** What a substitution or a constant stands for inside a message: an argument, never rewritten. */
const PLACEHOLDER: Unit[] = ['{', 'x', '}'].map((char) => ({ char, start: -1, end: -1 }));

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  v: '\v',
  0: '\0',
};

/** Reads a literal's source `raw` (quotes included) into characters tied to their source. */
function unitsOf(raw: string, offset: number): Unit[] {
  const units: Unit[] = [];
  let at = 1;
  const end = raw.length - 1;
  const template = raw.startsWith('`');
  while (at < end) {
    const from = at;
    if (template && raw.startsWith('${', at)) {
      // A substitution stands in the ICU text as an argument would: syntax, never rewritten here.
      let depth = 0;
      do {
        if (raw[at] === '{') depth += 1;
        if (raw[at] === '}') depth -= 1;
        at += 1;
      } while (depth > 0 && at < end);
      units.push(...PLACEHOLDER);
      continue;
    }
    if (raw[at] !== '\\') {
      const char = String.fromCodePoint(raw.codePointAt(at) ?? 0);
      at += char.length;
      for (const part of char.split('')) units.push({ char: part, start: offset + from, end: offset + at });
      continue;
    }
    const next = raw[at + 1] ?? '';
    let char: string;
    if (next === 'u' && raw[at + 2] === '{') {
      const close = raw.indexOf('}', at);
      char = String.fromCodePoint(Number.parseInt(raw.slice(at + 3, close), 16));
      at = close + 1;
    } else if (next === 'u' || next === 'x') {
      const digits = next === 'u' ? 4 : 2;
      char = String.fromCharCode(Number.parseInt(raw.slice(at + 2, at + 2 + digits), 16));
      at += 2 + digits;
    } else if (next === '\n' || next === '\r') {
      char = ''; // a line continuation adds nothing to the value
      at += next === '\r' && raw[at + 2] === '\n' ? 3 : 2;
    } else {
      char = SIMPLE_ESCAPES[next] ?? next;
      at += 2;
    }
    for (const part of char.split('')) units.push({ char: part, start: offset + from, end: offset + at });
  }
  return units;
}

interface Edit {
  start: number;
  end: number;
}

const isText = (node: ts.Node): boolean =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);

const isConcatenation = (node: ts.Node): node is ts.BinaryExpression =>
  ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;

/** The pieces of `'a ' + B + ' c'` in order: one message written over several lines. */
function piecesOf(node: ts.Node): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return piecesOf(node.expression);
  return isConcatenation(node) ? [...piecesOf(node.left), ...piecesOf(node.right)] : [node];
}

/** The spaces to make no-break in one string (a literal or a concatenation) of a TypeScript file. */
function literalEdits(node: ts.Node, source: ts.SourceFile, syntax: TextSyntax): Edit[] {
  const units = piecesOf(node).flatMap((piece) => {
    if (!isText(piece)) return PLACEHOLDER; // a constant's text is an ICU argument's worth here
    const start = piece.getStart(source);
    return unitsOf(source.text.slice(start, piece.end), start);
  });
  const value = units.map((unit) => unit.char).join('');
  return wrongFrenchSpaces(value, syntax).map((at) => {
    const unit = units[at];
    if (!unit || unit.start < 0) throw new Error(`${source.fileName}: lost a space at ${at} of ${value}`);
    return { start: unit.start, end: unit.end };
  });
}

/** Names used in an `en` object of the file being read: a constant of both is not French only. */
const sharedWithEnglish = new Set<string>();

function namesUnder(node: ts.Node, into: Set<string>): void {
  if (ts.isIdentifier(node)) into.add(node.text);
  ts.forEachChild(node, (child) => namesUnder(child, into));
}

/** Every string literal under `node`, and those of the file's constants it names. */
function textsUnder(node: ts.Node, constants: ReadonlyMap<string, ts.Expression>, into: Set<ts.Node>): void {
  if (isConcatenation(node) && piecesOf(node).some(isText)) {
    into.add(node);
    for (const piece of piecesOf(node)) if (!isText(piece)) textsUnder(piece, constants, into);
    return;
  }
  if (isText(node)) {
    into.add(node);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return;
  }
  if (ts.isIdentifier(node)) {
    const value = constants.get(node.text);
    if (value && !into.has(value)) {
      if (sharedWithEnglish.has(node.text))
        throw new Error(`${node.getSourceFile().fileName}: ${node.text} is French and English text`);
      textsUnder(value, constants, into);
    }
    return;
  }
  if (ts.isPropertyAssignment(node)) {
    textsUnder(node.initializer, constants, into); // the key is not text
    return;
  }
  ts.forEachChild(node, (child) => textsUnder(child, constants, into));
}

/** The French strings of a TypeScript source: values of `fr` properties, or of the constant `FR`. */
function frenchTexts(source: ts.SourceFile, root: 'fr property' | 'FR constant'): Set<ts.Node> {
  const constants = new Map<string, ts.Expression>();
  for (const statement of source.statements)
    if (ts.isVariableStatement(statement))
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name) && declaration.initializer)
          constants.set(declaration.name.text, declaration.initializer);
  const texts = new Set<ts.Node>();
  sharedWithEnglish.clear();
  const propertyNamed = (node: ts.Node, name: string): node is ts.PropertyAssignment =>
    ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === name;
  const english = (node: ts.Node): void =>
    propertyNamed(node, 'en')
      ? namesUnder(node.initializer, sharedWithEnglish)
      : ts.forEachChild(node, english);
  english(source);
  const englishConstant = constants.get('EN');
  if (root === 'FR constant' && englishConstant) namesUnder(englishConstant, sharedWithEnglish);
  const visit = (node: ts.Node): void => {
    if (root === 'fr property' && propertyNamed(node, 'fr')) textsUnder(node.initializer, constants, texts);
    else ts.forEachChild(node, visit);
  };
  if (root === 'fr property') visit(source);
  else {
    const french = constants.get('FR');
    if (!french) throw new Error(`${source.fileName}: no FR constant`);
    textsUnder(french, constants, texts);
  }
  return texts;
}

function spaceWrittenIn(text: string): string {
  const escapes = text.match(/\\u00a0/gi)?.length ?? 0;
  const characters = text.split(FRENCH_SPACE).length - 1;
  return escapes > characters ? '\\u00a0' : FRENCH_SPACE;
}

/** Rewrites one TypeScript file; returns the number of spaces changed. */
function fixTypeScript(path: string, root: 'fr property' | 'FR constant', syntax: TextSyntax): number {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const edits = [...frenchTexts(source, root)].flatMap((node) => literalEdits(node, source, syntax));
  edits.sort((a, b) => b.start - a.start);
  const space = spaceWrittenIn(text);
  let fixed = text;
  for (const edit of edits) fixed = fixed.slice(0, edit.start) + space + fixed.slice(edit.end);
  write(path, text, fixed, edits.length);
  return edits.length;
}

function fixLiquid(path: string): number {
  const text = readFileSync(path, 'utf8');
  const offsets = wrongFrenchSpaces(text, 'liquid');
  const chars = text.split('');
  for (const at of offsets) chars[at] = FRENCH_SPACE;
  write(path, text, chars.join(''), offsets.length);
  return offsets.length;
}

const checkOnly = process.argv.includes('--check');
const written: string[] = [];

function write(path: string, before: string, after: string, count: number): void {
  if (after === before) return;
  console.log(`${count}\t${path.slice(root.length + 1)}`);
  if (checkOnly) return;
  writeFileSync(path, after);
  written.push(path);
}

const tsFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => join(dir, name));

let catalogue = 0;
for (const path of tsFiles(MESSAGES_DIR))
  catalogue += fixTypeScript(
    path,
    'fr property',
    LIQUID_MESSAGE_FILES.has(basename(path)) ? 'liquid' : 'icu',
  );
let templates = fixTypeScript(REPORT_TEMPLATES, 'FR constant', 'liquid');
for (const name of readdirSync(DUNNING_TEMPLATES_DIR).filter((file) => file.endsWith('.fr.liquid')))
  templates += fixLiquid(join(DUNNING_TEMPLATES_DIR, name));
console.log(
  `${checkOnly ? 'to change' : 'changed'}: ${catalogue} in the catalogue, ${templates} in templates`,
);
// An escape is five characters longer than the space: a line may now need Biome's wrapping.
const rewrittenCode = written.filter((path) => path.endsWith('.ts'));
if (rewrittenCode.length > 0)
  execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', ...rewrittenCode], {
    stdio: 'inherit',
  });
if (checkOnly && catalogue + templates > 0) process.exitCode = 1;
