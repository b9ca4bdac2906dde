import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../../electron/main/engine/2-detect/packages/index.js';
import { fixturesDir } from './helpers.js';

// YAML lockfiles are read by js-yaml when they hold no anchor, alias or tag (fast), else by `yaml` (alias cap,
// every error with its line). A comment that looks like an anchor sends the same file down the second path.
const lockfiles = [
  'npm/pnpm-v5/pnpm-lock.yaml', 'npm/pnpm-v6/pnpm-lock.yaml', 'npm/pnpm-v9/pnpm-lock.yaml', 'npm/yarn-berry/yarn.lock',
  'cocoapods/app/Podfile.lock', 'dart/app/pubspec.lock',
];

describe('the two YAML paths', () => {
  it.each(lockfiles)('%s reads the same either way', (rel) => {
    const content = readFileSync(path.join(fixturesDir, rel), 'utf8');
    const name = path.basename(rel);
    const fast = parseManifest(name, content);
    const careful = parseManifest(name, `${content}\n# &anchor-like comment\n`);
    expect(fast.packages.length).toBeGreaterThan(0);
    expect(fast).toEqual(careful);
  });

  it('an empty lockfile and a broken one are reported the same way as before', () => {
    expect(parseManifest('pnpm-lock.yaml', '').problems.map((p) => p.message)).toEqual(['pnpm-lock.yaml is not a mapping']);
    const broken = parseManifest('pnpm-lock.yaml', "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {resolution: {integrity: sha512-x}\n  b: [\n");
    expect(broken.problems[0]!.location).toMatch(/^line \d+ column \d+$/);
    expect(broken.problems[0]!.message).toMatch(/^invalid YAML: /);
  });
});
