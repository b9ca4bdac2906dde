import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { DeclaredDependency, FoundPackage, ManifestResult } from '../types.js';
import { addHash, addReference, makeDeclared, makePackage, ManifestBuilder } from '../common/builder.js';
import { markDirect } from '../common/graph.js';
import { parseJson, parseXml, xmlText } from '../common/syntax.js';
import { arr, base64ToHex, baseName, entries, isRecord, MAX_LICENSE, rec, str } from '../common/text.js';

function nugetPackage(name: string, version: string | null, extra: Partial<FoundPackage> = {}): FoundPackage {
  return Object.assign(makePackage({ ecosystem: 'nuget', purlType: 'nuget', name, version }), extra);
}

/** "1.2.3" pins (NuGet resolves the lowest match); "[1.0,2.0)", "1.*" and property references do not. */
function isExactNugetVersion(v: string | null): v is string {
  return v !== null && /^\d+(\.\d+){0,3}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(v);
}

function exactFromBrackets(v: string | null): string | null {
  const m = v ? /^\[([^,\]]+)\]$/.exec(v.trim()) : null;
  return m ? m[1]!.trim() : v;
}

/** SDK-style and classic project files (*.csproj, *.fsproj, *.vbproj): PackageReference items and package metadata. */
export function readProjectFile(content: string, relPath: string): ManifestResult {
  const b = new ManifestBuilder('*.csproj');
  const xml = parseXml(content, b);
  if (!xml) return b.result();
  const project = rec(xml['Project']);
  const props = new Map<string, string>();
  for (const group of arr(project['PropertyGroup'])) {
    for (const [k, v] of entries(group)) {
      const t = str(xmlText(v), MAX_LICENSE);
      if (t !== null && !k.startsWith('@_')) props.set(k, t);
    }
  }
  const declared: DeclaredDependency[] = [];
  const deps: FoundPackage[] = [];
  for (const group of arr(project['ItemGroup'])) {
    for (const ref of arr(rec(group)['PackageReference'])) {
      const r = rec(ref);
      const name = str(r['@_Include'], 512);
      if (!name) continue;
      const version = exactFromBrackets(str(r['@_Version'], 256) ?? str(xmlText(r['Version']), 256));
      const privateAssets = str(r['@_PrivateAssets'], 64) ?? str(xmlText(r['PrivateAssets']), 64);
      const scope: DependencyScope = privateAssets?.toLowerCase() === 'all' ? 'build' : 'runtime';
      if (isExactNugetVersion(version)) deps.push(nugetPackage(name, version, { scope, direct: true }));
      else declared.push(makeDeclared('nuget', null, name, version, scope));
    }
  }
  const fileStem = baseName(relPath).replace(/\.(cs|fs|vb)proj$/, '');
  const name = props.get('PackageId') ?? props.get('AssemblyName') ?? fileStem;
  const version = props.get('PackageVersion') ?? props.get('Version') ?? null;
  const root = nugetPackage(name, version && !version.includes('$(') ? version : null, {
    declaredLicense: props.get('PackageLicenseExpression') ?? null,
    scope: 'runtime',
    isRoot: true,
    description: str(props.get('Description')),
    author: str(props.get('Authors') ?? props.get('Company'), 512),
    homepage: str(props.get('PackageProjectUrl'), 2048),
  });
  addReference(root, 'website', props.get('PackageProjectUrl'));
  addReference(root, 'vcs', props.get('RepositoryUrl'));
  if (declared.length > 0) root.declaredDependencies = declared;
  const rootRef = b.add(root).ref;
  for (const d of deps) b.edge(rootRef, b.add(d).ref, d.scope);
  return b.result();
}

/** packages.config (NuGet before PackageReference): <package id version developmentDependency/>. */
export function readPackagesConfig(content: string): ManifestResult {
  const b = new ManifestBuilder('packages.config');
  const xml = parseXml(content, b);
  if (!xml) return b.result();
  for (const p of arr(rec(xml['packages'])['package'])) {
    const e = rec(p);
    const id = str(e['@_id'], 512);
    if (!id) continue;
    b.add(nugetPackage(id, str(e['@_version'], 256), { scope: e['@_developmentDependency'] === 'true' ? 'dev' : 'runtime', direct: true }));
  }
  return b.result();
}

/** packages.lock.json: per target framework, Direct/Transitive/Project entries with resolved versions and graph. */
export function readNugetLock(content: string): ManifestResult {
  const b = new ManifestBuilder('packages.lock.json');
  const json = parseJson(content, b);
  if (!isRecord(json)) {
    if (json !== undefined) b.problem(null, 'packages.lock.json is not a JSON object');
    return b.result();
  }
  const direct: string[] = [];
  for (const [, framework] of entries(json['dependencies'])) {
    const refByName = new Map<string, string>();
    const list = entries(framework);
    for (const [name, value] of list) {
      const e = rec(value);
      const type = str(e['type'], 64) ?? '';
      // NuGet restores no dev-only packages (PrivateAssets only stops flowing to consumers): all runtime.
      const pkg = nugetPackage(name, str(e['resolved'], 256), { scope: 'runtime' });
      addHash(pkg, 'SHA-512', base64ToHex(str(e['contentHash'], 200) ?? '', 64));
      const ref = b.add(pkg).ref;
      refByName.set(name.toLowerCase(), ref);
      if (type === 'Direct') direct.push(ref);
    }
    for (const [name, value] of list) {
      const from = refByName.get(name.toLowerCase());
      for (const [dep] of entries(rec(value)['dependencies'])) {
        const to = refByName.get(dep.toLowerCase());
        if (from !== undefined && to !== undefined) b.edge(from, to, 'runtime');
      }
    }
  }
  markDirect(b, direct);
  return b.result();
}

/** *.nuspec (in an unpacked .nupkg or the NuGet cache): id, version, license expression, dependency groups. */
export function readNuspec(content: string): ManifestResult {
  const b = new ManifestBuilder('*.nuspec');
  const xml = parseXml(content, b);
  if (!xml) return b.result();
  const meta = rec(rec(xml['package'])['metadata']);
  const id = str(xmlText(meta['id']), 512);
  if (!id) {
    b.problem(null, 'nuspec has no <id>');
    return b.result();
  }
  const license = rec(meta['license']);
  const licenseType = str(license['@_type'], 32);
  const licenseText = str(xmlText(meta['license']), MAX_LICENSE);
  const licenseUrl = str(xmlText(meta['licenseUrl']), 2048);
  // NuGet writes this placeholder licenseUrl next to a <license> element; it names no license.
  const usefulUrl = licenseUrl && !/aka\.ms\/deprecateLicenseUrl/i.test(licenseUrl) ? licenseUrl : null;
  const declaredLicense = licenseType === 'expression' ? licenseText : licenseType === 'file' ? null : usefulUrl;
  const declared: DeclaredDependency[] = [];
  const depsEl = rec(meta['dependencies']);
  const depList = [...arr(depsEl['dependency']), ...arr(depsEl['group']).flatMap((g) => arr(rec(g)['dependency']))];
  const seen = new Set<string>();
  for (const d of depList) {
    const e = rec(d);
    const dep = str(e['@_id'], 512);
    if (!dep || seen.has(dep.toLowerCase())) continue;
    seen.add(dep.toLowerCase());
    declared.push(makeDeclared('nuget', null, dep, str(e['@_version'], 256), 'runtime'));
  }
  const projectUrl = str(xmlText(meta['projectUrl']), 2048);
  const pkg = nugetPackage(id, str(xmlText(meta['version']), 256), {
    declaredLicense,
    scope: 'runtime',
    isRoot: true,
    description: str(xmlText(meta['description'])),
    author: str(xmlText(meta['authors']), 512),
    homepage: projectUrl,
  });
  addReference(pkg, 'website', projectUrl);
  addReference(pkg, 'vcs', rec(meta['repository'])['@_url']);
  if (licenseType === 'file' && licenseText) pkg.externalReferences.push({ type: 'license', url: licenseText, comment: 'license file inside the package' });
  if (declared.length > 0) pkg.declaredDependencies = declared;
  b.add(pkg);
  return b.result();
}
