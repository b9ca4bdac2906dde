import path from 'node:path';

/**
 * An entry name as a safe relative path inside the destination, or an error message. Refused: absolute paths
 * (also drive letters and UNC), any ".." segment, NUL bytes. Backslashes are read as separators.
 */
export function safeEntryPath(name: string): { path: string } | { error: string } {
  if (name.includes('\0')) return { error: 'NUL byte in entry name' };
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[a-zA-Z]:/.test(slashed)) return { error: `absolute path "${cut(name)}"` };
  const parts = slashed.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return { error: `path "${cut(name)}" climbs out with ".."` };
  return { path: parts.join('/') };
}

/** Whether a link target, resolved from the entry's directory, stays inside the archive root. */
export function linkStaysInside(entryPath: string, target: string): boolean {
  const t = target.replace(/\\/g, '/');
  if (t.startsWith('/') || /^[a-zA-Z]:/.test(t) || t.includes('\0')) return false;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(entryPath), t));
  return resolved !== '..' && !resolved.startsWith('../') && !path.posix.isAbsolute(resolved);
}

/** The absolute target inside destDir, checked once more after resolution. */
export function targetInside(destDir: string, relPath: string): string | null {
  const root = path.resolve(destDir);
  const target = path.resolve(root, relPath);
  return target.startsWith(root + path.sep) ? target : null;
}

function cut(s: string): string {
  return s.length > 200 ? s.slice(0, 200) + '…' : s;
}
