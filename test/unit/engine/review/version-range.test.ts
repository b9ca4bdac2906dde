import { describe, expect, it } from 'vitest';
import { compareGeneric, rangeProblem, versionInRange } from '../../../../electron/main/engine/5-review/version-range.js';

describe('version ranges of decisions', () => {
  it('use semver for semver versions (a leading v is ignored)', () => {
    expect(versionInRange('4.17.21', '^4.0.0', 'npm')).toBe(true);
    expect(versionInRange('5.0.0', '^4.0.0', 'npm')).toBe(false);
    expect(versionInRange('v1.9.2', '>=1.2 <2', 'golang')).toBe(true);
    expect(versionInRange('2.0.0-rc.1', '^2.0.0', 'npm')).toBe(false);
  });

  it('use PEP 440 for PyPI versions that are not semver', () => {
    expect(versionInRange('2.0.post1', '>=2.0,<3', 'pypi')).toBe(true);
    // PEP 440: "<3" excludes the pre-releases of 3 (semver would not know that rc1 sorts before 3.0).
    expect(versionInRange('3.0rc1', '>=2.0,<3', 'pypi')).toBe(false);
    expect(versionInRange('2.5rc1', '>=2.0,<3', 'pypi')).toBe(false);
    expect(versionInRange('3.0', '>=2.0,<3', 'pypi')).toBe(false);
  });

  it('fall back to piecewise comparison for other ecosystems (Maven, four-part versions)', () => {
    expect(versionInRange('5.3.27.RELEASE', '>=5.0 <6', 'maven')).toBe(true);
    expect(versionInRange('6.0.0.M1', '<6.0.0', 'maven')).toBe(true);
    expect(versionInRange('1.2.3.4', '1.2.x', 'nuget')).toBe(true);
    expect(versionInRange('1.3.0.0', '1.2.x', 'nuget')).toBe(false);
    expect(compareGeneric('1.0', '1.0.0')).toBe(0);
    expect(compareGeneric('1.0-beta2', '1.0')).toBeLessThan(0);
    expect(compareGeneric('1.10', '1.9')).toBeGreaterThan(0);
  });

  it('explain a range that is not one', () => {
    expect(rangeProblem('^4.0.0')).toBeNull();
    expect(rangeProblem('')).toMatch(/empty/);
    expect(rangeProblem('any old version')).toMatch(/is not a version range/);
  });
});
