import type { FoundPackage } from '../types.js';
import { addHash, addReference } from '../common/builder.js';
import { arr, base64ToHex, isRecord, MAX_LICENSE, str } from '../common/text.js';

/** "@scope/name" → ["@scope", "name"]; "name" → [null, "name"]. */
export function splitNpmName(full: string): [string | null, string] {
  if (full.startsWith('@')) {
    const slash = full.indexOf('/');
    if (slash > 1) return [full.slice(0, slash), full.slice(slash + 1)];
  }
  return [null, full];
}

/**
 * The license a package.json (or a lockfile entry copied from one) declares: `license` as string, the legacy
 * `license: {type}` object, or the legacy `licenses: [{type}]` array, whose entries npm's own normaliser
 * (normalize-package-data) reads as alternatives: joined with " OR ".
 */
export function npmLicense(manifest: Record<string, unknown>): string | null {
  const fromValue = (v: unknown): string | null => {
    if (typeof v === 'string') return str(v, MAX_LICENSE);
    if (isRecord(v)) return str(v['type'], MAX_LICENSE) ?? str(v['name'], MAX_LICENSE);
    return null;
  };
  const joinAll = (v: unknown[]): string | null => {
    const parts = v.map(fromValue).filter((x): x is string => x !== null);
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0]! : parts.map((p) => (/\s(OR|AND)\s/i.test(p) ? `(${p})` : p)).join(' OR ');
  };
  const license = manifest['license'] ?? manifest['licence'];
  if (Array.isArray(license)) return joinAll(license);
  const single = fromValue(license);
  if (single) return single;
  const licenses = manifest['licenses'] ?? manifest['licences'];
  return Array.isArray(licenses) ? joinAll(licenses) : fromValue(licenses);
}

/** Subresource-integrity strings ("sha512-<base64> sha1-<base64>") as hex hashes. */
export function addIntegrity(pkg: FoundPackage, integrity: unknown): void {
  const s = str(integrity, 1024);
  if (!s) return;
  for (const part of s.split(/\s+/)) {
    const m = /^(sha1|sha256|sha384|sha512)-(.+)$/.exec(part);
    if (!m) continue;
    const alg = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' }[m[1] as 'sha1'];
    addHash(pkg, alg, base64ToHex(m[2]!));
  }
}

export function personName(v: unknown): string | null {
  if (typeof v === 'string') return str(v, 512);
  if (isRecord(v)) return str(v['name'], 512);
  return null;
}

export function repositoryUrl(v: unknown): string | null {
  if (typeof v === 'string') return str(v, 2048);
  if (isRecord(v)) return str(v['url'], 2048);
  return null;
}

/** Registry tarball URLs are distribution references; git/file specs say where the code came from. */
export function addResolved(pkg: FoundPackage, resolved: unknown): void {
  const r = str(resolved, 2048);
  if (!r) return;
  if (/^https?:/.test(r)) addReference(pkg, 'distribution', r);
  else if (/^git\+|^git:|^github:/.test(r)) addReference(pkg, 'vcs', r);
}

export function authorsOf(v: unknown): string | null {
  const names = arr(v).map(personName).filter((x): x is string => x !== null);
  return names.length > 0 ? names.join(', ') : null;
}
