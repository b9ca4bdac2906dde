// Prepares the SBOM benchmark inputs in bench/.data (gitignored): a real `npm sbom` of an npm project (~860
// components) and a generated 50,000-component CycloneDX 1.6 document. Needs the npm registry once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const data = path.resolve(fileURLToPath(new URL('../.data', import.meta.url)));
const project = path.join(data, 'npm-project');
mkdirSync(project, { recursive: true });

if (!existsSync(path.join(data, 'npm-project.cdx.json'))) {
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'sbom-bench-project', version: '1.0.0', private: true }));
  const packages = ['jest', 'webpack', 'webpack-cli', 'eslint', '@babel/core', 'typescript', 'express', '@angular/cli', '@nestjs/cli', 'gatsby-cli'];
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', ...packages], { cwd: project, stdio: 'inherit' });
  const sbom = execFileSync('npm', ['sbom', '--sbom-format', 'cyclonedx'], { cwd: project, maxBuffer: 256 * 1024 * 1024 });
  writeFileSync(path.join(data, 'npm-project.cdx.json'), sbom);
}

const large = path.join(data, 'generated-50k.cdx.json');
if (!existsSync(large)) writeFileSync(large, JSON.stringify(generate(50_000)));
console.log(`inputs ready in ${data}`);

/** A CycloneDX 1.6 BOM shaped like a real npm one: purls, hashes, declared licenses, a few edges per component. */
function generate(count) {
  const licenses = ['MIT', 'ISC', 'Apache-2.0', 'BSD-3-Clause', '(MIT OR Apache-2.0)'];
  const components = [];
  const dependencies = [{ ref: 'root', dependsOn: ['c0', 'c1', 'c2'] }];
  for (let index = 0; index < count; index++) {
    const license = licenses[index % licenses.length];
    const name = `package-${index}`;
    components.push({
      type: 'library', 'bom-ref': `c${index}`, name, version: `1.${index % 50}.${index % 7}`,
      purl: `pkg:npm/${name}@1.${index % 50}.${index % 7}`,
      hashes: [{ alg: 'SHA-512', content: (index.toString(16).padStart(8, '0')).repeat(16) }],
      licenses: license.includes(' ') ? [{ expression: license, acknowledgement: 'declared' }] : [{ license: { id: license, acknowledgement: 'declared' } }],
      externalReferences: [{ type: 'distribution', url: `https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz` }],
      properties: [{ name: 'cdx:npm:package:path', value: `node_modules/${name}` }],
    });
    const dependsOn = [1, 2, 3].map((step) => index + step * 97).filter((target) => target < count).map((target) => `c${target}`);
    dependencies.push({ ref: `c${index}`, dependsOn });
  }
  return {
    bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, serialNumber: 'urn:uuid:1b4e28ba-2fa1-41d2-883f-0016d3cca427',
    metadata: { timestamp: '2024-06-01T00:00:00Z', component: { type: 'application', 'bom-ref': 'root', name: 'generated', version: '1.0.0' } },
    components, dependencies,
  };
}
