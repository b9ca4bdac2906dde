// Downloads Debian source packages (bookworm, main) from deb.debian.org into bench/.data/debian-src/ once: the
// upstream tree (the .orig tarball, or the native tarball) and the package's debian/copyright. Uses the system's tar
// and xz, as every Debian machine has them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../shared.js';

export const MIRROR = process.env.CLEARANCE_DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';
/** Debian's stable release first; a package whose files the mirror no longer has is taken from the next suite. */
export const SUITES = ['trixie', 'bookworm'];
export const cacheDir = path.join(repoRoot, 'bench/.data/debian-src');

export interface SourcePackage {
  name: string;
  version: string;
  /** The upstream tree, extracted. */
  tree: string;
  /** debian/copyright as shipped by the package. */
  copyright: string;
}

interface SourceEntry {
  version: string;
  directory: string;
  files: string[];
}

async function download(url: string, to: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  writeFileSync(`${to}.part`, Buffer.from(await response.arrayBuffer()));
  renameSync(`${to}.part`, to);
}

/** The Sources index of the suite: package name → version, pool directory and file names. */
async function sourcesIndex(suite: string): Promise<Map<string, SourceEntry>> {
  const file = path.join(cacheDir, `Sources-${suite}`);
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    await download(`${MIRROR}/dists/${suite}/main/source/Sources.xz`, `${file}.xz`);
    writeFileSync(file, execFileSync('xz', ['-dc', `${file}.xz`], { maxBuffer: 1 << 30 }));
    rmSync(`${file}.xz`);
  }
  const index = new Map<string, SourceEntry>();
  for (const stanza of readFileSync(file, 'utf8').split('\n\n')) {
    const name = /^Package: (.+)$/m.exec(stanza)?.[1];
    const version = /^Version: (.+)$/m.exec(stanza)?.[1];
    const directory = /^Directory: (.+)$/m.exec(stanza)?.[1];
    const filesField = /^Files:\n((?: .+\n?)+)/m.exec(stanza)?.[1];
    if (!name || !version || !directory || !filesField) continue;
    const files = filesField.trim().split('\n').map((l) => l.trim().split(/\s+/)[2]!);
    index.set(name, { version, directory, files });
  }
  return index;
}

/** A tarball extracted into `into`; a single top-level folder is the tree itself. */
function extract(tarball: string, into: string): string {
  const tmp = `${into}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  execFileSync('tar', ['-xf', tarball, '-C', tmp, '--no-same-owner', '--no-same-permissions'], { stdio: 'ignore' });
  const top = readdirSync(tmp, { withFileTypes: true });
  const root = top.length === 1 && top[0]!.isDirectory() ? path.join(tmp, top[0]!.name) : tmp;
  renameSync(root, into);
  rmSync(tmp, { recursive: true, force: true });
  return into;
}

/** Downloads the upstream and Debian tarballs of one package into `dir`; the reason, as a string, when it cannot. */
async function fetchInto(entry: SourceEntry, dir: string): Promise<{ upstream: string; debianTar?: string } | string> {
  const tarballs = entry.files.filter((f) => /\.tar\.(?:gz|bz2|xz|lzma)$/.test(f));
  const debianTar = tarballs.find((f) => /\.debian\.tar\./.test(f));
  // The main upstream tarball; component tarballs (orig-foo.tar.gz) are left out.
  const upstream = tarballs.find((f) => /\.orig\.tar\./.test(f)) ?? tarballs.find((f) => f !== debianTar);
  if (!upstream) return 'no upstream tarball';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    for (const f of [upstream, debianTar].filter((x): x is string => !!x)) await download(`${MIRROR}/${entry.directory}/${f}`, path.join(dir, f));
  } catch (error) {
    return (error as Error).message;
  }
  return debianTar ? { upstream, debianTar } : { upstream };
}

/** Fetches (once) and extracts each package; a package missing from the suites or the mirror is skipped. */
export async function ensureSources(names: string[], log: (line: string) => void = () => {}): Promise<SourcePackage[]> {
  const indexes = new Map<string, Map<string, SourceEntry>>();
  const out: SourcePackage[] = [];
  for (const name of names) {
    const dir = path.join(cacheDir, name);
    const done = path.join(dir, '.complete');
    if (!existsSync(done)) {
      let fetched: { upstream: string; debianTar?: string; version: string } | null = null;
      const problems: string[] = [];
      for (const suite of SUITES) {
        if (!indexes.has(suite)) {
          try {
            indexes.set(suite, await sourcesIndex(suite));
          } catch (error) {
            // Offline or the mirror unreachable: the packages already fetched are still measured.
            log(`${suite}: no Sources index (${(error as Error).message})`);
            indexes.set(suite, new Map());
          }
        }
        const entry = indexes.get(suite)!.get(name);
        if (!entry) {
          problems.push(`not in ${suite}`);
          continue;
        }
        const got = await fetchInto(entry, dir);
        if (typeof got === 'string') problems.push(`${suite}: ${got}`);
        else {
          fetched = { ...got, version: entry.version };
          break;
        }
      }
      if (!fetched) {
        rmSync(dir, { recursive: true, force: true });
        log(`${name}: skipped (${problems.join('; ')})`);
        continue;
      }
      const tree = extract(path.join(dir, fetched.upstream), path.join(dir, 'tree'));
      // debian.tar.* holds one folder, debian/, which extract() makes the root; a native package has it in its tree.
      const debianDir = fetched.debianTar ? extract(path.join(dir, fetched.debianTar), path.join(dir, 'debian-dir')) : path.join(tree, 'debian');
      const copyright = path.join(debianDir, 'copyright');
      writeFileSync(path.join(dir, 'copyright'), existsSync(copyright) ? readFileSync(copyright) : '');
      for (const f of [fetched.upstream, fetched.debianTar].filter((x): x is string => !!x)) rmSync(path.join(dir, f));
      rmSync(path.join(dir, 'debian-dir'), { recursive: true, force: true });
      writeFileSync(done, `${fetched.version}\n`);
      log(`${name} ${fetched.version}: fetched`);
    }
    out.push({ name, version: readFileSync(done, 'utf8').trim(), tree: path.join(dir, 'tree'), copyright: readFileSync(path.join(dir, 'copyright'), 'utf8') });
  }
  return out;
}
