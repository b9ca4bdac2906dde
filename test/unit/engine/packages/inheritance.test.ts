import { describe, expect, it } from 'vitest';
import { buildInventory, type ParsedManifest } from '../../../../electron/main/engine/2-detect/inventory/package-inventory.js';
import { parseManifest } from '../../../../electron/main/engine/2-detect/packages/index.js';

function inventoryOf(files: Record<string, string>): ReturnType<typeof buildInventory> {
  const manifests: ParsedManifest[] = Object.entries(files).map(([path, content]) => ({ path, result: parseManifest(path, content) }));
  return buildInventory('/src/tree', 'tree', manifests);
}

const byName = (inv: ReturnType<typeof buildInventory>, name: string) => inv.components.find((c) => c.name === name || /[/:]/.test(c.name.slice(-name.length - 1, -name.length)) && c.name.endsWith(name));

describe('Cargo workspace inheritance', () => {
  const workspaceRoot = `[workspace]
members = ["crates/*"]
resolver = "2"

[workspace.package]
version = "0.9.3"
license = "MIT OR Apache-2.0"
edition = "2021"
`;
  const member = (name: string) => `[package]
name = "${name}"
version.workspace = true
license.workspace = true
edition.workspace = true

[dependencies]
serde = "1"
`;

  it('members take license and version from the nearest [workspace.package] above them', () => {
    const inv = inventoryOf({ 'Cargo.toml': workspaceRoot, 'crates/core/Cargo.toml': member('demo-core'), 'crates/cli/Cargo.toml': member('demo-cli') });
    for (const name of ['demo-core', 'demo-cli']) {
      const c = byName(inv, name)!;
      expect(c.purl).toBe(`pkg:cargo/${name}@0.9.3`);
      expect(c.declared.verbatim).toBe('MIT OR Apache-2.0');
      expect(c.declared.expression).toBe('MIT OR Apache-2.0');
    }
    expect(inv.warnings).toEqual([]);
  });

  it('a member whose workspace root is not in the scanned folder gets a problem, not a guess', () => {
    const inv = inventoryOf({ 'crates/core/Cargo.toml': member('demo-core') });
    expect(byName(inv, 'demo-core')!.declared.verbatim).toBeNull();
    expect(inv.warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'crates/core/Cargo.toml: license is inherited (from the Cargo workspace) but no Cargo.toml with [workspace] was found above it in the scanned folder',
      'crates/core/Cargo.toml: version is inherited (from the Cargo workspace) but no Cargo.toml with [workspace] was found above it in the scanned folder',
    ]);
  });
});

describe('Maven parent pom inheritance', () => {
  const pom = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
${body}
</project>
`;
  const grandparent = pom(`  <groupId>org.example</groupId>
  <artifactId>example-build</artifactId>
  <version>7</version>
  <packaging>pom</packaging>
  <licenses>
    <license><name>Eclipse Public License - v 2.0</name><url>https://www.eclipse.org/legal/epl-2.0/</url></license>
  </licenses>`);
  const parent = pom(`  <parent>
    <groupId>org.example</groupId>
    <artifactId>example-build</artifactId>
    <version>7</version>
    <relativePath>../build/pom.xml</relativePath>
  </parent>
  <artifactId>example-parent</artifactId>
  <version>3.1.0</version>
  <packaging>pom</packaging>
  <modules><module>core</module></modules>`);
  const child = pom(`  <parent>
    <groupId>org.example</groupId>
    <artifactId>example-parent</artifactId>
    <version>3.1.0</version>
  </parent>
  <artifactId>example-core</artifactId>`);

  it('a module without <licenses> takes its parent chain\'s, following <relativePath> and the default ../pom.xml', () => {
    const inv = inventoryOf({ 'build/pom.xml': grandparent, 'parent/pom.xml': parent, 'parent/core/pom.xml': child });
    const core = byName(inv, 'example-core')!;
    expect(core.purl).toBe('pkg:maven/org.example/example-core@3.1.0');
    expect(core.declared.verbatim).toBe('Eclipse Public License - v 2.0');
    expect(core.declared.expression).toBe('EPL-2.0');
    expect(byName(inv, 'example-parent')!.declared.expression).toBe('EPL-2.0');
    expect(inv.warnings).toEqual([]);
  });

  it('a pom at the parent path that is another artifact is not taken for the parent', () => {
    const inv = inventoryOf({ 'pom.xml': grandparent, 'core/pom.xml': child });
    expect(byName(inv, 'example-core')!.declared.verbatim).toBeNull();
    expect(inv.warnings.map((w) => w.message)).toEqual([
      'license is inherited (from the parent pom org.example:example-parent) but the pom at ../pom.xml is org.example:example-build, not the parent org.example:example-parent',
    ]);
  });

  it('a module that states its own licenses keeps them; an empty <relativePath/> looks for no local parent', () => {
    const own = child.replace('<artifactId>example-core</artifactId>', '<artifactId>example-core</artifactId>\n  <licenses><license><name>MIT</name></license></licenses>');
    const detached = child.replace('</parent>', '  <relativePath/>\n  </parent>');
    const inv = inventoryOf({ 'parent/pom.xml': parent, 'parent/core/pom.xml': own, 'parent/other/pom.xml': detached.replace('example-core', 'example-other') });
    expect(byName(inv, 'example-core')!.declared.verbatim).toBe('MIT');
    expect(byName(inv, 'example-other')!.declared.verbatim).toBeNull();
  });
});
