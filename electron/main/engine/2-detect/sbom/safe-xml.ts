import { createRequire } from 'node:module';
import type * as FastXmlParser from 'fast-xml-parser';
import { lineOfOffset } from './decode.js';
import type { ProblemLog } from './problems.js';

/**
 * One parsed element: attributes under '@name', text under '#text', child elements by name (always arrays, in
 * document order per name).
 */
/** Loaded on first use: a JSON-only import should not pay for the XML parser. */
const requireLazily = createRequire(import.meta.url);
const fastXmlParser = (): typeof FastXmlParser => requireLazily('fast-xml-parser') as typeof FastXmlParser;

export interface XmlNode {
  '#text'?: string;
  [key: string]: XmlNode[] | string | undefined;
}

/**
 * Refuses any DOCTYPE or ENTITY declaration before parsing: an SBOM needs none, and they are how XXE (external
 * entities that read files or URLs) and entity-expansion bombs work. Nothing is fetched or expanded, ever.
 */
export function refuseDoctype(text: string, log: ProblemLog): void {
  const match = /<!(DOCTYPE|ENTITY)\b/i.exec(text);
  if (match) {
    log.reject(
      `line ${lineOfOffset(text, match.index)}`,
      `<!${match[1]!.toUpperCase()}> declarations are refused: an SBOM needs none, and they enable XML external ` +
        'entity (XXE) and entity-expansion ("billion laughs") attacks; nothing was fetched or expanded',
    );
  }
}

/** Well-formedness check with a line number, for XML that no schema validator parses first. */
export function checkWellFormed(text: string, log: ProblemLog): void {
  const result = fastXmlParser().XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (result !== true) log.reject(`line ${result.err.line}`, `not well-formed XML: ${result.err.msg}`);
}

/** Parses XML (after refuseDoctype) into XmlNode trees, decoding only the five predefined entities and char refs. */
export function parseXml(text: string, log: ProblemLog, maxDepth: number, stripPrefix: string | null = null): XmlNode {
  const prefix = stripPrefix ? `${stripPrefix}:` : null;
  const parser = new (fastXmlParser().XMLParser)({
    // A document that binds its main namespace to a prefix (<bom:bom>) reads like one that uses the default namespace.
    ...(prefix ? { transformTagName: (name: string) => (name.startsWith(prefix) ? name.slice(prefix.length) : name) } : {}),
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    textNodeName: '#text',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    alwaysCreateTextNode: true,
    isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
    tagValueProcessor: (_name: string, value: string) => decodeXmlText(value),
    attributeValueProcessor: (_name: string, value: string) => decodeXmlText(value),
  });
  let root: XmlNode;
  try {
    root = parser.parse(text) as XmlNode;
  } catch (error) {
    return log.reject(null, `not well-formed XML: ${(error as Error).message}`);
  }
  checkXmlDepth(root, log, maxDepth);
  return root;
}

function checkXmlDepth(root: XmlNode, log: ProblemLog, maxDepth: number): void {
  const stack: [XmlNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > maxDepth) log.reject(null, `XML nested deeper than ${maxDepth} elements (option maxDepth)`);
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@') || key === '#text' || !Array.isArray(value)) continue;
      for (const child of value) stack.push([child, depth + 1]);
    }
  }
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9A-Fa-f]{1,6}));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlText(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(ENTITY, (whole, name: string | undefined, decimal: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Child elements by name ([] when absent). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** Text of a node or of its first child of that name; null when absent or empty. */
export function text(node: XmlNode | undefined, name?: string): string | null {
  const target = name === undefined ? node : child(node, name);
  const value = target?.['#text'];
  return typeof value === 'string' && value !== '' ? value : null;
}

export function attr(node: XmlNode | undefined, name: string): string | null {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : null;
}

/** Element names of a node (no attributes, no text). */
export function elementNames(node: XmlNode): string[] {
  return Object.keys(node).filter((key) => key !== '#text' && !key.startsWith('@'));
}
