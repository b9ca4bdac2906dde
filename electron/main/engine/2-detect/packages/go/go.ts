import type { FoundPackage, ManifestResult } from '../types.js';
import { makePackage, ManifestBuilder } from '../common/builder.js';
import { stripBom } from '../common/text.js';

/** Go module path → purl namespace (all but the last element) and name (the last element). */
export function goPackage(path: string, version: string | null, init: Partial<Pick<FoundPackage, 'scope' | 'direct' | 'isRoot' | 'installPath'>> = {}): FoundPackage {
  const slash = path.lastIndexOf('/');
  return makePackage({
    ecosystem: 'golang',
    purlType: 'golang',
    namespace: slash === -1 ? null : path.slice(0, slash),
    name: slash === -1 ? path : path.slice(slash + 1),
    version,
    scope: init.scope ?? 'runtime',
    direct: init.direct ?? null,
    isRoot: init.isRoot ?? false,
    installPath: init.installPath ?? null,
  });
}

function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s.startsWith('`') && s.endsWith('`') ? s.slice(1, -1) : s;
}

interface Replacement {
  path: string;
  version: string | null;
}

/**
 * go.mod. Go's own parser (golang.org/x/mod/modfile) has no JS counterpart; the syntax is line-based
 * directives with optional ( … ) blocks, so by hand.
 */
export function readGoMod(content: string): ManifestResult {
  const b = new ManifestBuilder('go.mod');
  let modulePath: string | null = null;
  const requires: { path: string; version: string; indirect: boolean }[] = [];
  const replaces = new Map<string, Replacement>();
  let block: string | null = null;
  const lines = stripBom(content).split(/\r?\n/);
  lines.forEach((raw, i) => {
    const comment = raw.indexOf('//');
    const indirect = comment !== -1 && /\/\/\s*indirect\b/.test(raw.slice(comment));
    const line = (comment === -1 ? raw : raw.slice(0, comment)).trim();
    if (line === '') return;
    if (block !== null) {
      if (line === ')') {
        block = null;
        return;
      }
      directive(block, line.split(/\s+/).map(unquote), indirect, i + 1);
      return;
    }
    const words = line.split(/\s+/).map(unquote);
    if (words[1] === '(') {
      block = words[0]!;
      return;
    }
    directive(words[0]!, words.slice(1), indirect, i + 1);
  });

  function directive(verb: string, args: string[], indirect: boolean, lineNo: number): void {
    if (verb === 'module') modulePath = args[0] ?? null;
    else if (verb === 'require') {
      if (args.length >= 2) requires.push({ path: args[0]!, version: args[1]!, indirect });
      else b.problem(`line ${lineNo}`, 'require without a version');
    } else if (verb === 'replace') {
      const arrow = args.indexOf('=>');
      if (arrow < 1) {
        b.problem(`line ${lineNo}`, 'replace without "=>"');
        return;
      }
      const to = args.slice(arrow + 1);
      // A replacement by a local directory keeps the module's identity; by a module, takes that module's.
      if (to.length >= 2) replaces.set(args[0]!, { path: to[0]!, version: to[1]! });
      else if (to.length === 1) replaces.set(args[0]!, { path: args[0]!, version: null });
    }
  }

  const rootRef = modulePath ? b.add(goPackage(modulePath, null, { isRoot: true })).ref : null;
  if (!modulePath) b.problem(null, 'go.mod has no module directive');
  for (const r of requires) {
    const rep = replaces.get(r.path);
    const pkg = b.add(goPackage(rep?.path ?? r.path, rep ? rep.version : r.version, { direct: !r.indirect }));
    if (rootRef) b.edge(rootRef, pkg.ref, 'runtime');
  }
  return b.result();
}

/** go.sum: "path version[/go.mod] h1:hash"; modules with a content hash (not only a go.mod hash) were downloaded. */
export function readGoSum(content: string): ManifestResult {
  const b = new ManifestBuilder('go.sum');
  stripBom(content).split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const parts = line.split(/\s+/);
    if (parts.length !== 3 || !parts[2]!.startsWith('h1:')) {
      b.problem(`line ${i + 1}`, `not a go.sum line: ${line.slice(0, 120)}`);
      return;
    }
    if (parts[1]!.endsWith('/go.mod')) return;
    b.add(goPackage(parts[0]!, parts[1]!, { scope: 'unknown' }));
  });
  return b.result();
}

/** vendor/modules.txt: "# path version [=> replacement]" headers, "## explicit" marking direct requirements. By hand (Go's own format). */
export function readModulesTxt(content: string): ManifestResult {
  const b = new ManifestBuilder('vendor/modules.txt');
  let current: FoundPackage | null = null;
  stripBom(content).split(/\r?\n/).forEach((raw) => {
    const line = raw.trim();
    if (line.startsWith('## ')) {
      if (current && /^## explicit\b/.test(line)) current.direct = true;
      return;
    }
    if (!line.startsWith('# ')) return;
    const words = line.slice(2).trim().split(/\s+/);
    const arrow = words.indexOf('=>');
    const path = words[0]!;
    let name = path;
    let version: string | null = words[1] && words[1] !== '=>' ? words[1] : null;
    if (arrow !== -1) {
      const to = words.slice(arrow + 1);
      if (to.length >= 2) {
        name = to[0]!;
        version = to[1]!;
      }
    }
    // Vendored code lies under the original module path, even when replaced.
    current = b.add(goPackage(name, version, { direct: false, installPath: path }));
  });
  return b.result();
}
