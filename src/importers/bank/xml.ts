/**
 * XML for bank files, with fast-xml-parser. A bank statement never needs a document type
 * declaration, so any DTD is refused before parsing: no entity of the file is ever declared,
 * let alone expanded (billion laughs) or fetched (XXE) — the parser resolves no external entity
 * anyway, and the five predefined entities (&amp; …) are still decoded.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BankFileError, bankProblem } from './bank-types.ts';

/**
 * An element as the parser gives it in document order: `{ Tag: children, ':@'?: attributes }`, a
 * text being `{ '#text': value }`. The order-preserving output is the parser's own tree, so it
 * skips the pass that folds each element into an object of arrays — a third of the parse — and
 * the helpers below read the few fields a bank file needs straight from it.
 */
export type XmlNode = { readonly [name: string]: unknown };

const ATTRIBUTES = ':@';
const TEXT = '#text';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Values stay text: "000000001" is a reference, "8.850" an exact amount.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  // Nothing here reads an element's path: without this the parser writes each one out as a string.
  jPath: false,
});

export function hasDoctype(text: string): boolean {
  return /<!DOCTYPE|<!ENTITY/i.test(text);
}

/**
 * The document (its children: the root element, a declaration), or a BankFileError for a DTD or
 * malformed XML. `firstLine`: the file's line where the text starts, when it is a piece of one.
 */
export function parseXml(text: string, firstLine = 1): XmlNode {
  if (hasDoctype(text)) throw new BankFileError([bankProblem('xml_doctype_refused')]);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const line = Number(valid.err.line) || 0;
    throw new BankFileError([
      bankProblem('xml_malformed', { message: valid.err.msg }, line === 0 ? 0 : line + firstLine - 1),
    ]);
  }
  return { '': parser.parse(text) as XmlNode[] };
}

/** An element's name (its one key besides the attributes). */
function nameOf(node: XmlNode): string | undefined {
  for (const key in node) if (key !== ATTRIBUTES) return key;
  return undefined;
}

function childrenOf(node: XmlNode | undefined): readonly XmlNode[] {
  if (!node) return [];
  const name = nameOf(node);
  const children = name === undefined ? undefined : node[name];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

/** Every child element `name` of a node, in document order. */
export function kids(node: XmlNode | undefined, name: string): XmlNode[] {
  return childrenOf(node).filter((child) => Object.hasOwn(child, name));
}

/** The first element down a path of names. */
export function kid(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let current = node;
  for (const name of path) {
    current = childrenOf(current).find((child) => Object.hasOwn(child, name));
    if (current === undefined) return undefined;
  }
  return current;
}

/** Text of the first element down a path (its text parts run together), trimmed; null when absent or empty. */
export function txt(node: XmlNode | undefined, ...path: string[]): string | null {
  const target = path.length === 0 ? node : kid(node, ...path);
  let value: string | undefined;
  for (const child of childrenOf(target)) {
    const part = child[TEXT];
    if (part !== undefined) value = value === undefined ? String(part) : `${value}${String(part)}`;
  }
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function attr(node: XmlNode | undefined, name: string): string | null {
  const attributes = node?.[ATTRIBUTES] as XmlNode | undefined;
  const value = attributes?.[`@${name}`];
  return typeof value === 'string' ? value : null;
}

/** The name of the single root element (namespace prefix removed) and its namespace URI. */
export function rootOf(document: XmlNode): { name: string; node: XmlNode; namespace: string | null } | null {
  const elements = childrenOf(document).filter((child) => !/^[?#]/.test(nameOf(child) ?? '#'));
  const names = new Set(elements.map(nameOf));
  const node = elements[0];
  const name = node && nameOf(node);
  if (names.size !== 1 || !node || name === undefined) return null;
  return { name, node, namespace: attr(node, 'xmlns') };
}
