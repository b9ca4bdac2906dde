import type { DeclaredDependency, FoundPackage, ManifestResult } from '../types.js';
import { addHash, addReference, makeDeclared, makePackage, ManifestBuilder } from '../common/builder.js';
import { markDirect } from '../common/graph.js';
import { baseName, dirOf, MAX_LICENSE, str, stripBom } from '../common/text.js';

/** "1.13.10-x86_64-linux" → version 1.13.10 with the platform as a purl qualifier. */
export function gemPackage(name: string, fullVersion: string | null, extra: Partial<FoundPackage> = {}): FoundPackage {
  const dash = fullVersion ? fullVersion.indexOf('-') : -1;
  const version = fullVersion && dash > 0 ? fullVersion.slice(0, dash) : fullVersion;
  const platform = fullVersion && dash > 0 ? fullVersion.slice(dash + 1) : null;
  const pkg = makePackage({ ecosystem: 'gem', purlType: 'gem', name, version, qualifiers: platform ? { platform } : null });
  return Object.assign(pkg, extra);
}

// Ruby string literals as gemspecs write them: "x", 'x', %q{x} %q<x> %q(x) %q[x], each maybe followed by .freeze.
const STRING = String.raw`(?:"((?:[^"\\\n]|\\.){0,4096})"|'((?:[^'\\\n]|\\.){0,4096})'|%q\{([^}\n]{0,4096})\}|%q<([^>\n]{0,4096})>|%q\(([^)\n]{0,4096})\)|%q\[([^\]\n]{0,4096})\])(?:\.freeze)?`;

function literal(m: RegExpExecArray, from: number): string | null {
  for (let i = from; i < from + 6; i++) if (m[i] !== undefined) return m[i]!;
  return null;
}

function allStrings(s: string): string[] {
  const out: string[] = [];
  const re = new RegExp(STRING, 'g');
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const v = literal(m, 1);
    if (v !== null) out.push(v);
  }
  return out;
}

/**
 * *.gemspec is Ruby code; evaluating it is out of the question, so the common literal assignments are read
 * by pattern: `s.name = "x"`, `spec.licenses = ['MIT', 'Ruby']`, `%w[MIT Ruby]`, `add_dependency "x", "~> 1"`.
 */
export function readGemspec(content: string, relPath: string): ManifestResult {
  const b = new ManifestBuilder('*.gemspec');
  const text = stripBom(content);
  const assigned = (field: string): string | null => {
    const m = new RegExp(String.raw`\.\s*${field}\s*=\s*${STRING}`).exec(text);
    return m ? literal(m, 1) : null;
  };
  const assignedList = (field: string): string[] | null => {
    const m = new RegExp(String.raw`\.\s*${field}\s*=\s*(\[[^\]]{0,4096}\]|%w[\[({<][^\])}>]{0,4096}[\])}>])`).exec(text);
    if (!m) return null;
    const body = m[1]!;
    return body.startsWith('%w') ? body.slice(3, -1).trim().split(/\s+/).filter(Boolean) : allStrings(body);
  };
  const name = str(assigned('name'), 512);
  if (!name) {
    b.problem(null, 'no literal `name = "…"` assignment found in the gemspec');
    return b.result();
  }
  const licenses = assignedList('licenses') ?? (assigned('licenses') !== null ? [assigned('licenses')!] : null) ?? (assigned('license') !== null ? [assigned('license')!] : []);
  const authors = assignedList('authors') ?? (assigned('authors') !== null ? [assigned('authors')!] : null) ?? (assigned('author') !== null ? [assigned('author')!] : []);
  const declared: DeclaredDependency[] = [];
  const depRe = new RegExp(String.raw`\.\s*add_(runtime_|development_)?dependency\s*\(?\s*${STRING}((?:\s*,\s*(?:${STRING}|\[[^\]]{0,1024}\]))*)`, 'g');
  for (let m = depRe.exec(text); m; m = depRe.exec(text)) {
    const dep = literal(m, 2);
    if (!dep) continue;
    const constraints = allStrings(m[8] ?? '');
    declared.push(makeDeclared('gem', null, dep, constraints.length > 0 ? constraints.join(', ') : null, m[1] === 'development_' ? 'dev' : 'runtime'));
  }
  // An installed gem's spec lies in specifications/; its files in ../gems/<name>-<version>/.
  const inSpecifications = baseName(dirOf(relPath)) === 'specifications';
  const homepage = str(assigned('homepage'), 2048);
  const platform = str(assigned('platform'), 128);
  const version = str(assigned('version'), 256);
  const pkg = gemPackage(name, version && platform && platform !== 'ruby' ? `${version}-${platform}` : version, {
    // RubyGems lists several licenses for dual-licensed gems ("MIT", "Ruby"): alternatives.
    declaredLicense: licenses.length > 0 ? str(licenses.join(' OR '), MAX_LICENSE) : null,
    scope: 'runtime',
    isRoot: !inSpecifications,
    installPath: inSpecifications ? `../gems/${baseName(relPath).replace(/\.gemspec$/, '')}` : null,
    description: str(assigned('summary')) ?? str(assigned('description')),
    author: authors.length > 0 ? str(authors.join(', '), 512) : null,
    homepage,
  });
  addReference(pkg, 'website', homepage);
  if (declared.length > 0) pkg.declaredDependencies = declared;
  b.add(pkg);
  return b.result();
}

interface LockSpec {
  pkg: FoundPackage;
  deps: string[];
  /** As written, with the platform ("1.13.10-x86_64-linux"). */
  fullVersion: string;
}

/** Gemfile.lock: Bundler's indentation-based sections (GEM/GIT/PATH specs, DEPENDENCIES, CHECKSUMS); by hand. */
export function readGemfileLock(content: string): ManifestResult {
  const b = new ManifestBuilder('Gemfile.lock');
  const specs: LockSpec[] = [];
  const directNames: string[] = [];
  const checksums = new Map<string, string>();
  let section = '';
  let remote: string | null = null;
  let current: LockSpec | null = null;
  stripBom(content).split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (indent === 0) {
      section = line;
      remote = null;
      current = null;
      return;
    }
    if (section === 'DEPENDENCIES' && indent === 2) {
      const m = /^([^\s(!]+)/.exec(line);
      if (m) directNames.push(m[1]!);
      return;
    }
    if (section === 'CHECKSUMS' && indent === 2) {
      const m = /^(\S+) \(([^)]+)\)\s+sha256=([0-9a-f]{64})/.exec(line);
      if (m) checksums.set(`${m[1]}@${m[2]}`, m[3]!);
      return;
    }
    if (!['GEM', 'GIT', 'PATH'].includes(section)) return;
    if (indent === 2 && line.startsWith('remote:')) remote = line.slice(7).trim();
    if (indent === 4) {
      const m = /^(\S+) \(([^)]+)\)$/.exec(line);
      if (!m) {
        b.problem(`line ${i + 1}`, `not a gem spec line: ${line.slice(0, 120)}`);
        current = null;
        return;
      }
      const isProject = section === 'PATH' && remote === '.';
      const pkg = gemPackage(m[1]!, m[2]!, {
        scope: isProject ? 'runtime' : 'unknown',
        isRoot: isProject,
      });
      if (section === 'GIT' && remote) addReference(pkg, 'vcs', remote);
      current = { pkg: b.add(pkg), deps: [], fullVersion: m[2]! };
      specs.push(current);
    } else if (indent === 6 && current) {
      const m = /^(\S+)/.exec(line);
      if (m) (current as LockSpec).deps.push(m[1]!);
    }
  });
  // CHECKSUMS come after the specs: attach them now.
  for (const s of specs) addHash(s.pkg, 'SHA-256', checksums.get(`${s.pkg.name}@${s.fullVersion}`) ?? null);
  const byName = new Map<string, string>();
  for (const s of specs) if (!byName.has(s.pkg.name)) byName.set(s.pkg.name, s.pkg.ref);
  for (const s of specs) for (const d of s.deps) {
    const to = byName.get(d);
    if (to !== undefined) b.edge(s.pkg.ref, to, 'runtime');
  }
  const root = specs.find((s) => s.pkg.isRoot);
  const direct: string[] = [];
  for (const n of directNames) {
    const to = byName.get(n);
    if (to === undefined) continue;
    if (root && to !== root.pkg.ref) b.edge(root.pkg.ref, to, 'runtime');
    if (to !== root?.pkg.ref) direct.push(to);
  }
  markDirect(b, direct);
  return b.result();
}
