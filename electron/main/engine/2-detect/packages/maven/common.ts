import type { FoundPackage } from '../types.js';
import { makePackage, type PackageInit } from '../common/builder.js';

export function mavenPackage(init: Omit<PackageInit, 'ecosystem' | 'purlType'>): FoundPackage {
  return makePackage({ ...init, ecosystem: 'maven', purlType: 'maven' });
}

/** A Maven version that names one version: not a range ("[1.0,2.0)"), not a property left unresolved. */
export function isExactMavenVersion(v: string | null): v is string {
  return v !== null && !/[[\](),]|\$\{/.test(v);
}

/** Java .properties (pom.properties): key=value / key: value lines; by hand, as it is a few lines of key=value. */
export function parseProperties(content: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!.trim());
  }
  return out;
}
