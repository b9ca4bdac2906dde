import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { IgnoreRules } from './ignore-rules.js';

export interface WalkedFile {
  /** Relative to the walked root, always with '/' separators. Non-UTF-8 names are shown with \xNN escapes. */
  relPath: string;
  /** What to pass to fs calls: a Buffer when the name is not valid UTF-8, so the file can still be opened. */
  absPath: string | Buffer;
  size: number;
  mtimeMs: number;
  /** Reached through a symbolic link inside the root. */
  viaSymlink: boolean;
}

export interface WalkWarning {
  relPath: string;
  message: string;
}

export interface WalkOptions {
  /** Called often; return true to stop the walk early (cancellation). */
  shouldStop?: () => boolean;
  onDirectory?: (relPath: string, filesSoFar: number) => void;
  /** Called for each file as it is found, so work on it can start before the walk ends. */
  onFile?: (file: WalkedFile) => void;
}

export interface WalkResult {
  files: WalkedFile[];
  warnings: WalkWarning[];
  stopped: boolean;
}

/** Version-control internals are never content an auditor ships; submodules and vendored trees are. */
const skippedDirectoryNames = new Set(['.git', '.hg', '.svn', '.bzr', '_darcs', 'CVS']);

function decodeName(name: Buffer): { text: string; exact: boolean } {
  const text = name.toString('utf8');
  if (Buffer.from(text, 'utf8').equals(name)) return { text, exact: true };
  let escaped = '';
  for (const byte of name) escaped += byte < 0x80 ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
  return { text: escaped, exact: false };
}

function joinAbs(dir: string | Buffer, name: Buffer, exact: boolean, text: string): string | Buffer {
  if (exact && typeof dir === 'string') return path.join(dir, text);
  const dirBuffer = typeof dir === 'string' ? Buffer.from(dir, 'utf8') : dir;
  return Buffer.concat([dirBuffer, Buffer.from(path.sep), name]);
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Lists every regular file under `root`, depth first, in a stable order. Symbolic links are followed only
 * when they stay inside the root; a link back to a directory already on the path (a loop) or already walked is
 * reported and not entered. Unreadable entries are reported and skipped. `.clearanceignore` files (gitignore
 * syntax) apply to their directory and below.
 */
export function walkTree(root: string, options: WalkOptions = {}): WalkResult {
  const steps = walkSteps(root, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * walkTree that lets the event loop run every few milliseconds, so that files handed out through `onFile` are
 * worked on (by worker threads whose replies arrive on this loop) while the walk goes on.
 */
export async function walkTreeAsync(root: string, options: WalkOptions = {}): Promise<WalkResult> {
  const steps = walkSteps(root, options);
  let last = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (performance.now() - last > 5) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      last = performance.now();
    }
  }
}

/** The walk, one directory per step. */
function* walkSteps(root: string, options: WalkOptions): Generator<void, WalkResult, void> {
  const files: WalkedFile[] = [];
  const warnings: WalkWarning[] = [];
  const rootReal = realpathSync(root);
  const visitedReal = new Set<string>([rootReal]);
  let stopped = false;

  interface Frame {
    abs: string | Buffer;
    rel: string;
    real: string;
    ignore: IgnoreRules;
    viaSymlink: boolean;
  }
  const stack: Frame[] = [{ abs: root, rel: '', real: rootReal, ignore: IgnoreRules.empty(), viaSymlink: false }];

  while (stack.length > 0) {
    if (options.shouldStop?.()) {
      stopped = true;
      break;
    }
    const frame = stack.pop()!;
    options.onDirectory?.(frame.rel, files.length);
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(frame.abs, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      warnings.push({ relPath: frame.rel || '.', message: `cannot read directory: ${(error as Error).message}` });
      continue;
    }
    let ignore = frame.ignore;
    const ignoreEntry = entries.find((e) => e.name.toString('utf8') === '.clearanceignore');
    if (ignoreEntry) {
      try {
        const rules = readFileSync(path.join(frame.abs.toString(), '.clearanceignore'), 'utf8');
        ignore = frame.ignore.extend(frame.rel, rules);
      } catch (error) {
        warnings.push({ relPath: joinRel(frame.rel, '.clearanceignore'), message: `cannot read: ${(error as Error).message}` });
      }
    }
    entries.sort((a, b) => Buffer.compare(b.name, a.name));
    const subdirectories: Frame[] = [];
    for (const entry of entries) {
      const { text, exact } = decodeName(entry.name);
      const rel = joinRel(frame.rel, text);
      const abs = joinAbs(frame.abs, entry.name, exact, text);
      if (!exact) warnings.push({ relPath: rel, message: 'file name is not valid UTF-8; shown with \\x escapes' });

      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      let viaSymlink = frame.viaSymlink;
      let real = '';
      if (entry.isSymbolicLink()) {
        try {
          real = realpathSync(abs);
        } catch (error) {
          warnings.push({ relPath: rel, message: `broken or looping symbolic link: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
          continue;
        }
        if (!isInside(rootReal, real)) {
          warnings.push({ relPath: rel, message: `symbolic link points outside the scanned folder (${real}); not followed` });
          continue;
        }
        const target = statSync(real);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
        viaSymlink = true;
      }
      if (isDirectory) {
        if (skippedDirectoryNames.has(text)) continue;
        if (ignore.ignores(rel, true)) continue;
        // A directory reached without a link has the real path of its parent plus its name: no system call.
        if (!real) real = path.join(frame.real, text);
        if (visitedReal.has(real)) {
          warnings.push({ relPath: rel, message: `symbolic link loop or second link to ${path.relative(rootReal, real) || '.'}; not entered again` });
          continue;
        }
        visitedReal.add(real);
        subdirectories.push({ abs, rel, real, ignore, viaSymlink });
      } else if (isFile) {
        if (text === '.git' || ignore.ignores(rel, false)) continue;
        try {
          const stat = entry.isSymbolicLink() ? statSync(abs) : lstatSync(abs);
          const file: WalkedFile = { relPath: rel, absPath: abs, size: stat.size, mtimeMs: stat.mtimeMs, viaSymlink };
          files.push(file);
          options.onFile?.(file);
        } catch (error) {
          warnings.push({ relPath: rel, message: `cannot stat: ${(error as Error).message}` });
        }
      }
      // sockets, FIFOs and devices are not content: silently skipped
    }
    for (let i = subdirectories.length - 1; i >= 0; i--) stack.push(subdirectories[i]!);
    yield;
  }
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { files, warnings, stopped };
}

function joinRel(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}
