import parseSpdx from 'spdx-expression-parse';
import correctSpdx from 'spdx-correct';
import type { DeclaredLicense } from '../../../../../../shared/model/component.js';
import { canonicalExceptionId, recogniseSingle, upgradeId } from './recognise.js';
import { MAX_LICENSE } from '../common/text.js';

type Node = parseSpdx.Info;

/**
 * A manifest's license string to a DeclaredLicense. `verbatim` is kept as given; `expression` is a valid
 * SPDX expression (Clearance LicenseRefs allowed) or null; `normalised` is false only when the string already
 * was that expression up to spacing, operator case and redundant parentheses. Conventions: docs/manifests.md.
 */
export function normaliseDeclaredLicense(verbatim: string | null): DeclaredLicense {
  if (verbatim === null || verbatim.trim() === '') return { verbatim, expression: null, normalised: false };
  const s = verbatim.length > MAX_LICENSE ? verbatim.slice(0, MAX_LICENSE) : verbatim;
  const text = s.trim().replace(/\s+/g, ' ');

  const asIs = tryParse(text);
  if (asIs) {
    const upgraded = print(asIs, true);
    return { verbatim, expression: upgraded, normalised: upgraded !== print(asIs, false) };
  }
  // Long strings are license texts or prose, not names: only an exact expression (above) is taken from them.
  if (text.length > 300) return { verbatim, expression: null, normalised: false };

  // With upper-case operators the authors meant an expression: its parts are recognised one by one first.
  const operators = /\s(OR|AND)\s/.test(text);
  const single = operators ? (compound(text) ?? recogniseSingle(text)) : recogniseSingle(text);
  if (single === undefined) return { verbatim, expression: null, normalised: false };
  const expression = valid(single) ?? compound(text) ?? guardedCorrect(text);
  return expression ? { verbatim, expression, normalised: true } : { verbatim, expression: null, normalised: false };
}

/** The canonical form of a recognised expression, or null if it is not valid SPDX after all. */
function valid(expression: string | null): string | null {
  const node = expression ? tryParse(expression) : null;
  return node ? print(node, true) : null;
}

function tryParse(s: string): Node | null {
  try {
    return parseSpdx(s);
  } catch {
    return null;
  }
}

/** Canonical text of a parsed expression: upper-case operators, minimal parentheses, optionally ids upgraded. */
function print(node: Node, upgrade: boolean): string {
  if ('license' in node) {
    let lic = upgrade ? upgradeId(node.license, node.plus === true) : node.license + (node.plus ? '+' : '');
    if (node.exception) {
      if (lic.includes(' WITH ')) lic = lic.slice(0, lic.indexOf(' WITH '));
      lic = `${lic} WITH ${node.exception}`;
    } else if (lic.includes(' OR ') || lic.includes(' AND ')) lic = `(${lic})`;
    return lic;
  }
  const side = (child: Node): string => {
    const t = print(child, upgrade);
    return 'conjunction' in child && child.conjunction !== node.conjunction ? `(${t})` : t;
  };
  return `${side(node.left)} ${node.conjunction.toUpperCase()} ${side(node.right)}`;
}

const OPERATOR = /^(and|or|with)$/i;

/**
 * "MIT/Apache-2.0", "Apache 2 or MIT", "(GPLv2+ AND BSD)": split on operators (and "/" or "|" as OR),
 * recognise each part, and keep the result only if every part was recognised and the whole parses.
 */
function compound(text: string): string | null {
  const prepared = text
    .replace(/\bor (any )?later( version)?\b|\bor newer\b/gi, '+')
    .replace(/^(dual|multi)[- ]licen[cs]ed( under)?( the)?:?\s*/i, '')
    .replace(/^dual\s+/i, '')
    .replace(/\band\/or\b/gi, ' OR ');
  const tokens = prepared.split(/(\(|\)|\s+(?:and|or|with)\s+|\s*\/\s*|\s*\|\s*|\s*;\s*)/i).filter((t) => t !== undefined && t.trim() !== '');
  if (tokens.length < 2) return null;
  const out: string[] = [];
  let parts = 0;
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i]!.trim();
    if (raw === '(' || raw === ')') out.push(raw);
    else if (raw === '/' || raw === '|') out.push('OR');
    else if (raw === ';') out.push('AND');
    else if (OPERATOR.test(raw)) {
      const op = raw.toUpperCase();
      if (op === 'WITH') {
        const exc = canonicalExceptionId(tokens[i + 1]?.trim() ?? '');
        if (!exc) return null;
        out.push('WITH', exc);
        i++;
      } else out.push(op);
    } else {
      const id = recogniseSingle(raw);
      if (!id) return null;
      out.push(id.includes(' ') ? `(${id})` : id);
      parts++;
    }
  }
  if (parts < 2) return null;
  const node = tryParse(out.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')'));
  return node ? print(node, true) : null;
}

/**
 * spdx-correct as a last resort, kept only when plausible: its guesses can be far off ("EUPL 1.2" → UPL-1.0,
 * "Eclipse Public License v2.0" → EPL-1.0), so the id's name must appear in the input and versions must agree.
 */
function guardedCorrect(text: string): string | null {
  let corrected: string | null;
  try {
    corrected = correctSpdx(text, { upgrade: true });
  } catch {
    return null;
  }
  if (!corrected) return null;
  const lower = text.toLowerCase();
  const family = corrected.split('-')[0]!.toLowerCase();
  if (!new RegExp(`(^|[^a-z])${family.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(lower)) return null;
  const inputVersions = lower.match(/\d+(\.\d+)?/g) ?? [];
  const idVersions = corrected.match(/\d+(\.\d+)?/g) ?? [];
  const norm = (v: string) => v.replace(/(\.0)+$/, '');
  for (const v of inputVersions) if (!idVersions.some((iv) => norm(iv) === norm(v))) return null;
  const node = tryParse(corrected);
  return node ? print(node, true) : null;
}
