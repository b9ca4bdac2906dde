import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifest } from '../../../../electron/main/engine/2-detect/packages/index.js';
import type { FoundPackage, ManifestResult } from '../../../../electron/main/engine/2-detect/packages/index.js';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/manifests');

/** Parses a fixture; the relative path given to the parser is the one under the ecosystem folder. */
export function parseFixture(ecosystem: string, rel: string): ManifestResult {
  return parseManifest(rel, readFileSync(path.join(fixturesDir, ecosystem, rel), 'utf8'));
}

export function byPurl(result: ManifestResult, purl: string): FoundPackage {
  const found = result.packages.find((p) => p.purl === purl);
  if (!found) throw new Error(`no package ${purl} among ${result.packages.map((p) => p.purl).join(', ')}`);
  return found;
}

export function purls(result: ManifestResult): string[] {
  return result.packages.map((p) => p.purl ?? `(null) ${p.name}`).sort();
}

/** Edges as "from -> to (scope)" with refs, sorted. */
export function edgeList(result: ManifestResult): string[] {
  return result.edges.map((e) => `${e.from} -> ${e.to} (${e.scope})`).sort();
}
