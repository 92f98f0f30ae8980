import { XMLParser } from 'fast-xml-parser';
import { Dec } from '@it-samverkan/domain';

/**
 * Reading a parsed UBL document without caring about namespace prefixes: elements are keyed by
 * local name, attributes by '@name', text by '#text'; values stay strings, never numbers.
 */

export type XmlNode = Record<string, unknown>;

const REPEATED = new Set([
  'InvoiceLine',
  'CreditNoteLine',
  'TaxTotal',
  'TaxSubtotal',
  'PartyTaxScheme',
  'PaymentMeans',
  'PaymentTerms',
  'Note',
  'BillingReference',
  'AllowanceCharge',
  'PartyIdentification',
]);

/** Parses UBL XML into nodes keyed by local name. */
export function parseUbl(xml: string): XmlNode {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    isArray: (name) => REPEATED.has(name),
  });
  return parser.parse(xml) as XmlNode;
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The children called `name` (an element may repeat). */
export function all(node: unknown, name: string): unknown[] {
  if (!isNode(node)) return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first element at a '/'-separated path of local names. */
export function at(node: unknown, path: string): unknown {
  let current: unknown = node;
  for (const name of path.split('/')) {
    current = all(current, name)[0];
    if (current === undefined) return undefined;
  }
  return current;
}

/** The trimmed text of an element ('' for an empty one), or undefined if it is absent. */
export function text(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return node.trim();
  if (isNode(node)) return typeof node['#text'] === 'string' ? (node['#text'] as string).trim() : '';
  return String(node);
}

/** The text at a path, or undefined. */
export function textAt(node: unknown, path: string): string | undefined {
  return text(at(node, path));
}

/** An attribute of an element. */
export function attr(node: unknown, name: string): string | undefined {
  return isNode(node) && typeof node[`@${name}`] === 'string' ? (node[`@${name}`] as string) : undefined;
}

/** The text as a decimal, or null when it is absent or not a plain decimal number. */
export function decimal(value: string | undefined): Dec | null {
  if (value === undefined || !/^[+-]?\d+(\.\d+)?$/.test(value)) return null;
  return new Dec(value);
}

/** Calls `visit` with the path of every element that has neither text nor child elements. */
export function forEachEmptyElement(node: unknown, path: string, visit: (path: string) => void): void {
  if (typeof node === 'string') {
    if (node.trim() === '') visit(path);
    return;
  }
  if (!isNode(node)) return;
  const children = Object.keys(node).filter((k) => !k.startsWith('@') && k !== '#text');
  if (children.length === 0 && text(node) === '') visit(path);
  for (const name of children) {
    all(node, name).forEach((child, i, list) =>
      forEachEmptyElement(child, `${path}/${name}${list.length > 1 ? `[${i + 1}]` : ''}`, visit),
    );
  }
}

/** Every element with a `currencyID`, with its path. */
export function forEachAmount(
  node: unknown,
  path: string,
  visit: (path: string, currency: string) => void,
): void {
  if (!isNode(node)) return;
  const currency = attr(node, 'currencyID');
  if (currency !== undefined) visit(path, currency);
  for (const name of Object.keys(node).filter((k) => !k.startsWith('@') && k !== '#text')) {
    all(node, name).forEach((child, i, list) =>
      forEachAmount(child, `${path}/${name}${list.length > 1 ? `[${i + 1}]` : ''}`, visit),
    );
  }
}
