/**
 * XML for bank files, with fast-xml-parser. A bank statement never needs a document type
 * declaration, so any DTD is refused before parsing: no entity of the file is ever declared,
 * let alone expanded (billion laughs) or fetched (XXE) — the parser resolves no external entity
 * anyway, and the five predefined entities (&amp; …) are still decoded.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BankFileError, bankProblem } from './bank-types.ts';

export type XmlNode = { readonly [name: string]: unknown };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Values stay text: "000000001" is a reference, "8.850" an exact amount.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  alwaysCreateTextNode: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  processEntities: true,
  htmlEntities: false,
});

export function hasDoctype(text: string): boolean {
  return /<!DOCTYPE|<!ENTITY/i.test(text);
}

/** The document element's children, or a BankFileError for a DTD or malformed XML. */
export function parseXml(text: string): XmlNode {
  if (hasDoctype(text)) throw new BankFileError([bankProblem('xml_doctype_refused')]);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new BankFileError([
      bankProblem('xml_malformed', { message: valid.err.msg }, Number(valid.err.line) || 0),
    ]);
  }
  return parser.parse(text) as XmlNode;
}

/** Every child element `name` of a node (elements are always arrays with this parser). */
export function kids(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** The first element down a path of names. */
export function kid(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let current = node;
  for (const name of path) {
    current = kids(current, name)[0];
    if (current === undefined) return undefined;
  }
  return current;
}

/** Text of the first element down a path, trimmed; null when absent or empty. */
export function txt(node: XmlNode | undefined, ...path: string[]): string | null {
  const target = path.length === 0 ? node : kid(node, ...path);
  const value = target?.['#text'];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function attr(node: XmlNode | undefined, name: string): string | null {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : null;
}

/** The name of the single root element (namespace prefix removed) and its namespace URI. */
export function rootOf(document: XmlNode): { name: string; node: XmlNode; namespace: string | null } | null {
  const names = Object.keys(document).filter((key) => !/^[?#@]/.test(key));
  const name = names[0];
  if (names.length !== 1 || name === undefined) return null;
  const node = kids(document, name)[0];
  if (!node) return null;
  const namespace = attr(node, 'xmlns');
  return { name, node, namespace };
}
