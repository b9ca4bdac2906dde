import { describe, expect, it } from 'vitest';
import { normaliseDeclaredLicense, parseManifest } from '../../../../electron/main/engine/2-detect/packages/index.js';
import { generatePackageLock } from './generate-lock.js';

describe('recall against a large lockfile', () => {
  it('every installed package of a ~5 MB package-lock appears with name, version, purl, license and install path', () => {
    const { json, installed } = generatePackageLock(9000);
    expect(json.length).toBeGreaterThan(4_000_000);
    const r = parseManifest('package-lock.json', json);
    expect(r.problems).toEqual([]);
    const byPath = new Map<string, (typeof r.packages)[number]>();
    for (const p of r.packages) for (const ip of p.installPaths ?? (p.installPath ? [p.installPath] : [])) byPath.set(ip, p);
    let seen = 0;
    for (const [path, want] of installed) {
      const p = byPath.get(path);
      expect(p, path).toBeDefined();
      expect(`${p!.namespace ? p!.namespace + '/' : ''}${p!.name}`).toBe(want.name);
      expect(p!.version).toBe(want.version);
      expect(p!.purl).toBe(`pkg:npm/${want.name.replace('@', '%40')}@${want.version}`);
      expect(p!.declaredLicense).toBe(want.license);
      expect(normaliseDeclaredLicense(p!.declaredLicense).expression).not.toBeNull();
      seen++;
    }
    expect(seen).toBe(installed.size);
    // The root and nothing else besides the installed packages (duplicates merge by purl).
    const distinct = new Set([...installed.values()].map((v) => `${v.name}@${v.version}`));
    expect(r.packages.length).toBe(distinct.size + 1);
    expect(r.edges.length).toBeGreaterThan(9000 * 2);
  });
});
