import { createRequire } from 'node:module';
import parse from 'spdx-expression-parse';
import type { LineIndex } from '../text/lines.js';
import type { DetectedFinding } from './types.js';
import { makeFinding } from './finding.js';
import { scanSlices, type TextSlice } from './focus.js';

/** Comment closers and quotes that end a tag line in the many comment styles. */
const TRAILER = /\s*(?:\*\/|-->|\*\)|-\}|#\}|%\}|"""|'''|\]\]>?|[;,"'`]|\\n)+\s*$/;

type Node = { license: string; plus?: boolean; exception?: string } | { conjunction: 'and' | 'or'; left: Node; right: Node };

/** Re-serialises the parsed expression so "mit or apache-2.0" is reported in canonical form. */
function serialize(node: Node, parent?: 'and' | 'or'): string {
  if ('license' in node) return `${node.license}${node.plus ? '+' : ''}${node.exception ? ` WITH ${node.exception}` : ''}`;
  const s = `${serialize(node.left, node.conjunction)} ${node.conjunction.toUpperCase()} ${serialize(node.right, node.conjunction)}`;
  return parent && parent !== node.conjunction ? `(${s})` : s;
}

const requireFromHere = createRequire(import.meta.url);
let canonicalIds: Map<string, string> | null = null;

/** SPDX ids are case-insensitive: "mit" in a tag means MIT. */
function withCanonicalCase(expression: string): string {
  if (!canonicalIds) {
    canonicalIds = new Map();
    const lists = [requireFromHere('spdx-license-ids/index.json'), requireFromHere('spdx-license-ids/deprecated.json'), requireFromHere('spdx-exceptions/index.json')] as string[][];
    for (const list of lists) for (const id of list) canonicalIds.set(id.toLowerCase(), id);
  }
  return expression.replace(/[A-Za-z0-9.+-]+/g, (word) => {
    const lower = word.toLowerCase();
    if (lower === 'and' || lower === 'or' || lower === 'with') return lower.toUpperCase();
    return canonicalIds!.get(lower) ?? (lower.endsWith('+') ? `${canonicalIds!.get(lower.slice(0, -1)) ?? word.slice(0, -1)}+` : word);
  });
}

function parseTag(expression: string): Node {
  try {
    return parse(expression) as Node;
  } catch (error) {
    const corrected = withCanonicalCase(expression);
    if (corrected === expression) throw error;
    return parse(corrected) as Node;
  }
}

/** SPDX-License-Identifier tags in any comment style; invalid expressions are reported with the parser's message. */
export function findSpdxTags(slices: TextSlice[], lines: LineIndex): DetectedFinding[] {
  const out: DetectedFinding[] = [];
  const re = /SPDX-License-Identifier[ \t]*:[ \t]*([^\r\n]{0,400})/gi;
  scanSlices(slices, re, (m, at) => {
    const line = lines.lineAt(at);
    const expression = m[1]!.replace(TRAILER, '').trim();
    try {
      if (!expression) throw new Error('empty expression');
      const license = serialize(parseTag(expression));
      out.push(makeFinding(lines, 'spdx-tag', license, line, line, 'spdx-tag', 1));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      out.push(makeFinding(lines, 'spdx-tag', null, line, line, 'spdx-tag', 0, { modified: false, error: `invalid SPDX expression "${expression}": ${message}` }));
    }
  });
  return out;
}
