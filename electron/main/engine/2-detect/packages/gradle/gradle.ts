import type { DependencyScope } from '../../../../../../shared/model/component.js';
import type { ManifestResult } from '../types.js';
import { addHash, ManifestBuilder } from '../common/builder.js';
import { parseXml } from '../common/syntax.js';
import { arr, rec, str, stripBom } from '../common/text.js';
import { mavenPackage } from '../maven/common.js';

/** Scope from the configurations that resolved the artifact: any production classpath makes it runtime. */
function scopeOfConfigurations(configs: string[]): DependencyScope {
  const prod = configs.filter((c) => !/^test|Test[A-Z]|^androidTest|UnitTest/.test(c));
  if (prod.some((c) => /RuntimeClasspath$|^runtimeClasspath$|CompileClasspath$|^compileClasspath$/.test(c))) return 'runtime';
  if (prod.some((c) => /annotationProcessor|kapt|ksp|^detekt|^ktlint|buildscript|Plugin/i.test(c))) return 'build';
  if (configs.length > 0 && prod.length === 0) return 'test';
  return configs.length === 0 ? 'unknown' : 'build';
}

/** gradle.lockfile ("group:artifact:version=conf1,conf2"): Gradle's own line format, by hand. */
export function readGradleLockfile(content: string): ManifestResult {
  const b = new ManifestBuilder('gradle.lockfile');
  const lines = stripBom(content).split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('empty=')) return;
    const m = /^([^:=\s]+):([^:=\s]+):([^:=\s]+)(?:=(.*))?$/.exec(line);
    if (!m) {
      b.problem(`line ${i + 1}`, `not a gradle lock entry: ${line.slice(0, 120)}`);
      return;
    }
    const configs = (m[4] ?? '').split(',').map((c) => c.trim()).filter(Boolean);
    b.add(mavenPackage({ namespace: m[1]!, name: m[2]!, version: m[3]!, scope: scopeOfConfigurations(configs) }));
  });
  return b.result();
}

const HASH_ELEMENTS: [string, string][] = [['sha512', 'SHA-512'], ['sha256', 'SHA-256'], ['sha1', 'SHA-1'], ['md5', 'MD5']];

/** gradle/verification-metadata.xml: every verified component with its jar's checksums. */
export function readVerificationMetadata(content: string): ManifestResult {
  const b = new ManifestBuilder('verification-metadata.xml');
  const xml = parseXml(content, b);
  if (!xml) return b.result();
  const components = arr(rec(rec(xml['verification-metadata'])['components'])['component']);
  for (const c of components) {
    const comp = rec(c);
    const group = str(comp['@_group'], 512);
    const name = str(comp['@_name'], 512);
    if (!name) continue;
    const pkg = mavenPackage({ namespace: group, name, version: str(comp['@_version'], 256), scope: 'unknown' });
    const artifacts = arr(comp['artifact']).map(rec);
    const jar = artifacts.find((a) => String(a['@_name'] ?? '').endsWith('.jar')) ?? artifacts[0];
    if (jar) {
      for (const [element, alg] of HASH_ELEMENTS) addHash(pkg, alg, str(rec(arr(jar[element])[0])['@_value'], 256));
    }
    b.add(pkg);
  }
  return b.result();
}
