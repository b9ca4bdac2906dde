import { createRequire } from 'node:module';
import parse from 'spdx-expression-parse';
import type { LineIndex } from '../text/lines.js';
import type { DetectedFinding } from './types.js';
import { makeFinding } from './finding.js';
import { scanSlices, type TextSlice } from './focus.js';

/**
 * Comment closers and quotes that end a tag line in the many comment styles. A triple quote is three quotes: as an
 * alternative of its own it let a run of quotes split exponentially many ways.
 */
const TRAILER = /\s*(?:\*\/|-->|\*\)|-\}|#\}|%\}|\]\]>?|[;,"'`]|\\n)+\s*$/;

type Node = { license: string; plus?: boolean; exception?: string } | { conjunction: 'and' | 'or'; left: Node; right: Node };

/** SPDX's deprecated GNU ids name what the -only / -or-later ids name: "GPL-2.0" is GPL-2.0-only, "GPL-2.0+" or-later. */
function currentGnuId(license: string, plus: boolean): string | null {
  const m = /^((?:A|L)?GPL|GFDL)-(\d\.\d)(\+)?$/.exec(license);
  if (!m) return null;
  return `${m[1]}-${m[2]}-${plus || m[3] ? 'or-later' : 'only'}`;
}

/** SPDX's deprecated "license with exception" ids, as the expressions SPDX replaced them with. */
const DEPRECATED_WITH: Record<string, string> = {
  'eCos-2.0': 'GPL-2.0-or-later WITH eCos-exception-2.0',
  'GPL-2.0-with-autoconf-exception': 'GPL-2.0-only WITH Autoconf-exception-2.0',
  'GPL-2.0-with-bison-exception': 'GPL-2.0-or-later WITH Bison-exception-2.2',
  'GPL-2.0-with-classpath-exception': 'GPL-2.0-only WITH Classpath-exception-2.0',
  'GPL-2.0-with-font-exception': 'GPL-2.0-only WITH Font-exception-2.0',
  'GPL-2.0-with-GCC-exception': 'GPL-2.0-only WITH GCC-exception-2.0',
  'GPL-3.0-with-autoconf-exception': 'GPL-3.0-only WITH Autoconf-exception-3.0',
  'GPL-3.0-with-GCC-exception': 'GPL-3.0-only WITH GCC-exception-3.1',
  'wxWindows': 'LGPL-2.0-or-later WITH WxWindows-exception-3.1',
};

/** Re-serialises the parsed expression so "mit or apache-2.0" is reported in canonical form. */
function serialize(node: Node, parent?: 'and' | 'or'): string {
  if ('license' in node) {
    const replaced = !node.exception ? DEPRECATED_WITH[node.license] : undefined;
    if (replaced) return parent ? `(${replaced})` : replaced;
    const gnu = currentGnuId(node.license, Boolean(node.plus));
    return `${gnu ?? `${node.license}${node.plus ? '+' : ''}`}${node.exception ? ` WITH ${node.exception}` : ''}`;
  }
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

let correctId: ((id: string) => string | null) | null = null;

/**
 * A tag with a misspelt id ("BSD-2", "Apache2"): spdx-correct's reading, kept only when it extends what was written
 * (same leading letters) and is not a GNU id, whose "only"/"or later" spdx-correct guesses.
 */
function correctedTag(expression: string): string | null {
  correctId ??= requireFromHere('spdx-correct') as (id: string) => string | null;
  const tokens = expression.split(/\s+(AND|OR|WITH|and|or|with)\s+/);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i % 2 === 1) {
      out.push(token.toUpperCase());
      continue;
    }
    if (!/^\(?[A-Za-z0-9.+-]+\)?$/.test(token) || /^\(?(?:A|L)?GPL|^\(?GFDL/i.test(token)) return null;
    const fixed = correctId(token.replace(/^\(|\)$/g, ''));
    const lead = /^[A-Za-z]+/.exec(token.replace(/^\(/, ''))?.[0]?.toLowerCase();
    if (!fixed || !lead || !fixed.toLowerCase().startsWith(lead)) return null;
    out.push(token.startsWith('(') ? `(${fixed}` : token.endsWith(')') ? `${fixed})` : fixed);
  }
  return spdxExpressionOf(out.join(' '));
}

/** Score of a tag read through a spelling correction. */
const CORRECTED_SCORE = 0.8;

/** The canonical form of an SPDX expression, or null when it is none (used for license fields of package metadata). */
export function spdxExpressionOf(text: string): string | null {
  try {
    return serialize(parseTag(text));
  } catch {
    return null;
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
      const corrected = expression ? correctedTag(expression) : null;
      if (corrected) {
        out.push(makeFinding(lines, 'spdx-tag', corrected, line, line, 'spdx-tag:corrected', CORRECTED_SCORE, { modified: false, error: `invalid SPDX expression "${expression}", read as ${corrected}` }));
        return;
      }
      out.push(makeFinding(lines, 'spdx-tag', null, line, line, 'spdx-tag', 0, { modified: false, error: `invalid SPDX expression "${expression}": ${message}` }));
    }
  });
  return out;
}
