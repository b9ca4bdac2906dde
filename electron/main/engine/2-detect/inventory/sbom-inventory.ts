import path from 'node:path';
import { PackageURL } from 'packageurl-js';
import type { DeclaredLicense, DependencyScope, Ecosystem } from '../../../../../shared/model/component.js';
import type { ComponentFindingRecord, ComponentRecord, EdgeRecord, WarningRecord } from '../../3-store/records.js';
import { normaliseDeclaredLicense } from '../packages/index.js';
import type { SbomComponent, SbomDocument, SbomLicense } from '../sbom/types.js';
import { componentKey } from './component-key.js';

export interface SbomInventory {
  components: ComponentRecord[];
  edges: EdgeRecord[];
  findings: ComponentFindingRecord[];
  warnings: WarningRecord[];
}

const ecosystemByPurlType: Record<string, Ecosystem> = {
  npm: 'npm', pypi: 'pypi', maven: 'maven', golang: 'golang', cargo: 'cargo', gem: 'gem', composer: 'composer',
  nuget: 'nuget', swift: 'swift', cocoapods: 'cocoapods', pub: 'pub', conan: 'conan', generic: 'generic',
};

function ecosystemOf(purl: string | null): Ecosystem {
  if (!purl) return 'generic';
  try {
    return ecosystemByPurlType[PackageURL.fromString(purl).type] ?? 'generic';
  } catch {
    return 'generic';
  }
}

function scopeOf(scope: string | null): DependencyScope {
  if (scope === 'required') return 'runtime';
  if (scope === 'optional') return 'optional';
  if (scope === 'excluded') return 'dev';
  return 'unknown';
}

/** The declared statement of a component: its declared licenses, else whatever it states without acknowledgement. */
function declaredOf(licenses: SbomLicense[]): { declared: DeclaredLicense; concluded: string | null } {
  const declaredOnes = licenses.filter((l) => l.acknowledgement !== 'concluded');
  const parts = declaredOnes.map((l) => l.expression ?? l.name ?? l.url).filter((p): p is string => !!p);
  const verbatim = parts.length === 0 ? null : parts.length === 1 ? parts[0]! : parts.map((p) => (/\s/.test(p) ? `(${p})` : p)).join(' AND ');
  const concluded = licenses.find((l) => l.acknowledgement === 'concluded' && l.expression)?.expression ?? null;
  return { declared: normaliseDeclaredLicense(verbatim), concluded };
}

/**
 * Turns an imported SBOM into components of the project, each keyed like a scanned one (purl first) so that
 * the same package from a folder scan and from an SBOM becomes one component with both origins.
 */
export function sbomInventory(filePath: string, doc: SbomDocument): SbomInventory {
  const origin = `sbom:${path.basename(filePath)}`;
  const components: ComponentRecord[] = [];
  const keyByRef = new Map<string, string>();
  const findings: ComponentFindingRecord[] = [];
  const warnings: WarningRecord[] = doc.problems.map((p) => ({ path: p.file, location: p.location, message: p.message }));

  const add = (c: SbomComponent, isProjectRoot: boolean): void => {
    const { declared, concluded } = declaredOf(c.licenses);
    const ecosystem = ecosystemOf(c.purl);
    const key = componentKey({ purl: c.purl, ecosystem, name: c.group ? `${c.group}/${c.name}` : c.name, version: c.version, rootPath: `${origin}#${c.ref}` });
    keyByRef.set(c.ref, key);
    if (components.some((existing) => existing.key === key)) return;
    const licenseTexts = c.licenses.filter((l) => l.text).map((l) => ({ id: l.expression ?? l.name ?? 'LicenseRef-unnamed', text: l.text }));
    components.push({
      key,
      purl: c.purl,
      namespace: c.group,
      name: c.group ? (ecosystem === 'maven' ? `${c.group}:${c.name}` : `${c.group}/${c.name}`) : c.name,
      version: c.version,
      ecosystem,
      scope: scopeOf(c.scope),
      sourcePath: filePath,
      rootPath: null,
      isProjectRoot,
      declared,
      description: c.description,
      supplier: c.supplier,
      author: c.author ?? c.publisher,
      cpe: c.cpe,
      hashes: c.hashes,
      externalReferences: c.externalReferences,
      origins: [origin],
      extra: { ref: c.ref, parentRef: c.parentRef, type: c.type, swid: c.swid, copyright: c.copyright, concluded, licenseTexts, sbom: c.extra },
      extraFormat: doc.format,
    });
    if (declared.verbatim) {
      findings.push({
        componentKey: key, path: path.basename(filePath), kind: 'declared', license: declared.expression, score: 1,
        startLine: null, endLine: null, text: declared.verbatim, matchedBy: `${origin}:declared`,
      });
    }
    if (c.copyright) {
      findings.push({
        componentKey: key, path: path.basename(filePath), kind: 'copyright', license: null, score: 1,
        startLine: null, endLine: null, text: c.copyright, matchedBy: `${origin}:copyright`,
      });
    }
  };

  const primary = doc.components.find((c) => c.ref === doc.primaryRef);
  if (primary) add(primary, true);
  for (const c of doc.components) if (c !== primary) add(c, false);
  if (!primary) {
    const name = doc.name ?? path.basename(filePath);
    const key = componentKey({ purl: null, ecosystem: 'generic', name, version: null, rootPath: origin });
    components.unshift({
      key, purl: null, namespace: null, name, version: null, ecosystem: 'generic', scope: 'runtime', sourcePath: filePath,
      rootPath: null, isProjectRoot: true, declared: { verbatim: null, expression: null, normalised: false },
      description: null, supplier: null, author: null, cpe: null, hashes: [], externalReferences: [], origins: [origin],
      extra: null, extraFormat: doc.format,
    });
    keyByRef.set('', key);
  }

  const edges: EdgeRecord[] = [];
  for (const dep of doc.dependencies) {
    const fromKey = keyByRef.get(dep.ref);
    if (!fromKey) continue;
    for (const to of dep.dependsOn) {
      const toKey = keyByRef.get(to);
      if (toKey) edges.push({ fromKey, toKey, scope: 'unknown' });
    }
  }
  const rootKey = components.find((c) => c.isProjectRoot)!.key;
  const parentOf = new Map(doc.components.filter((c) => c.parentRef).map((c) => [c.ref, c.parentRef!]));
  const hasParent = new Set(edges.map((e) => e.toKey));
  for (const c of components) {
    if (c.key === rootKey || hasParent.has(c.key)) continue;
    const ref = (c.extra?.['ref'] as string | undefined) ?? '';
    const parentKey = keyByRef.get(parentOf.get(ref) ?? '') ?? rootKey;
    edges.push({ fromKey: parentKey, toKey: c.key, scope: c.scope });
  }
  return { components, edges, findings, warnings };
}
