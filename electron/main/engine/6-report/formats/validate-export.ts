import { cycloneDxXsdCheck } from '../../2-detect/sbom/cyclonedx/xsd.js';
import { cycloneDxJsonCheck, spdx2JsonCheck, spdx3JsonCheck } from '../../2-detect/sbom/json-schema.js';
import { ProblemLog } from '../../2-detect/sbom/problems.js';
import { parseSpdxTagValue } from '../../2-detect/sbom/spdx/spdx2-tag-value.js';
import type { SbomProblem } from '../../2-detect/sbom/types.js';

export type ExportKind = 'cyclonedx-json' | 'cyclonedx-xml' | 'spdx-json' | 'spdx-tag-value' | 'spdx-jsonld';

const FILE = '<export>';

/**
 * Checks a written SBOM against the official schema of its version: CycloneDX JSON with the strict JSON schema
 * (the `-strict` one where it exists), CycloneDX XML with the XSD, SPDX 2.x with its JSON schema (tag-value after
 * conversion), SPDX 3 with the 3.0.1 schema. Returns no problems when it is valid.
 */
export function validateExport(text: string, kind: ExportKind, spec?: string): SbomProblem[] {
  const log = new ProblemLog(FILE);
  if (kind === 'cyclonedx-xml') {
    const version = spec ?? /xmlns="http:\/\/cyclonedx\.org\/schema\/bom\/([\d.]+)"/.exec(text)?.[1] ?? '';
    const check = cycloneDxXsdCheck(version);
    if (!check) return [problem(null, `no CycloneDX XML schema for version "${version}"`)];
    return check(text).map((issue) => problem(issue.line ? `line ${issue.line}` : null, issue.message));
  }
  let document: Record<string, unknown>;
  if (kind === 'spdx-tag-value') {
    document = parseSpdxTagValue(text, log).document;
  } else {
    try {
      document = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      return [problem(null, `invalid JSON: ${(error as Error).message}`)];
    }
  }
  const version = spec ?? versionOf(document, kind);
  const check =
    kind === 'cyclonedx-json'
      ? cycloneDxJsonCheck(version, true)
      : kind === 'spdx-jsonld' || version.startsWith('3')
        ? spdx3JsonCheck(version)
        : spdx2JsonCheck(version);
  if (!check) return [...log.problems, problem(null, `no schema for ${kind} version "${version}"`)];
  return [...log.problems, ...check(document).map((issue) => problem(issue.pointer || '/', issue.message))];
}

function versionOf(document: Record<string, unknown>, kind: ExportKind): string {
  if (kind === 'cyclonedx-json') return String(document.specVersion ?? '');
  if (kind === 'spdx-jsonld') return '3.0.1';
  return String(document.spdxVersion ?? '').replace(/^SPDX-/, '');
}

function problem(location: string | null, message: string): SbomProblem {
  return { file: FILE, location, message, severity: 'error' };
}
