import { licenseIdsOf, parseExpression } from '../../../../shared/spdx/expression.js';

export interface LicenseEvidence {
  declared: { expression: string | null; verbatim: string | null };
  /** SPDX ids (or expressions) detected in the component's files. */
  detected: string[];
}

export interface EffectiveLicense {
  expression: string | null;
  source: 'concluded' | 'declared-and-detected' | 'none';
}

function wrap(expression: string): string {
  return / OR /i.test(expression) ? `(${expression})` : expression;
}

/**
 * The license the policy is evaluated on: the concluded one when a decision concluded one; otherwise the declared
 * expression AND every detected license it does not already name (a dual-licensed package ships the text of each
 * choice, which must not turn its OR into an AND). Without a valid declared expression the detected licenses
 * stand alone; a declared string that is not SPDX and nothing detected is evaluated as written (and so is
 * 'unknown').
 */
export function effectiveLicense(evidence: LicenseEvidence, concluded: string | null): EffectiveLicense {
  if (concluded) return { expression: concluded, source: 'concluded' };
  const declared = evidence.declared.expression && parseExpression(evidence.declared.expression).ok ? evidence.declared.expression : null;
  const named = new Set(declared ? licenseIdsOf(declared) : []);
  const parts: string[] = declared ? [wrap(declared)] : [];
  for (const detected of [...evidence.detected].sort()) {
    const parsed = parseExpression(detected);
    if (!parsed.ok) continue;
    const ids = licenseIdsOf(parsed.normalized);
    if (ids.every((id) => named.has(id))) continue;
    ids.forEach((id) => named.add(id));
    parts.push(wrap(parsed.normalized));
  }
  if (parts.length > 0) return { expression: parts.join(' AND '), source: 'declared-and-detected' };
  if (evidence.declared.verbatim?.trim()) return { expression: evidence.declared.verbatim.trim(), source: 'declared-and-detected' };
  return { expression: null, source: 'none' };
}
