// One benchmark task in a fresh process (bundled by run.mjs, so start-up is what a bundled CLI pays):
//   read <file>            parse + validate + read one SBOM
//   export <count> <fmt>   write <count> synthetic components as cyclonedx-json | cyclonedx-xml | spdx-json
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSbom } from '../../electron/main/engine/2-detect/sbom/index.js';
import type { ExportComponent, ExportModel } from '../../electron/main/engine/6-report/export-model.js';
import { writeCycloneDx, writeSpdx } from '../../electron/main/engine/6-report/formats/index.js';

const [task, argument, format] = process.argv.slice(2);
let summary: string;
if (task === 'read') {
  const document = readSbom(readFileSync(argument!), path.basename(argument!), { lenient: true });
  summary = `${document.components.length} components, ${document.dependencies.length} dependency entries, ${document.problems.length} problems`;
} else {
  const model = syntheticModel(Number(argument));
  const text = format === 'spdx-json' ? writeSpdx(model, { format: 'json' }) : writeCycloneDx(model, { spec: '1.6', format: format === 'cyclonedx-xml' ? 'xml' : 'json' });
  summary = `${(text.length / 1024 / 1024).toFixed(1)} MiB written`;
}
console.log(JSON.stringify({ summary, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));

function syntheticModel(count: number): ExportModel {
  const component = (index: number): ExportComponent => ({
    key: `pkg:npm/package-${index}@1.0.${index % 10}`, type: 'library', name: `package-${index}`, group: null, version: `1.0.${index % 10}`,
    purl: `pkg:npm/package-${index}@1.0.${index % 10}`, cpe: null, ecosystem: 'npm', description: 'A package of the benchmark.',
    supplier: null, author: null, scope: 'runtime', hashes: [{ alg: 'SHA-256', content: index.toString(16).padStart(64, '0') }],
    externalReferences: [{ type: 'distribution', url: `https://registry.npmjs.org/package-${index}/-/package-${index}-1.0.0.tgz` }],
    declared: { verbatim: 'MIT', expression: 'MIT', normalised: false }, concluded: index % 3 === 0 ? 'MIT' : null, licenseTexts: [],
    detected: [{ license: 'MIT', path: `node_modules/package-${index}/LICENSE`, startLine: 1, endLine: 21, score: 1, kind: 'license-text' }],
    copyrights: [`Copyright (c) ${2000 + (index % 24)} Author ${index}`], occurrences: [`node_modules/package-${index}`],
    decisions: [], properties: [], extra: null, extraFormat: null,
  });
  const components = Array.from({ length: count }, (_, index) => component(index));
  const root = { ...component(-1), key: 'root', name: 'root', type: 'application' as const };
  return {
    name: 'benchmark', toolName: 'Clearance', toolVersion: 'bench', generatedAt: '2024-06-01T00:00:00Z', roots: [root], components,
    dependencies: [{ from: 'root', to: components.slice(0, 20).map((c) => c.key) }, ...components.map((c, index) => ({ from: c.key, to: components.slice(index + 1, index + 3).map((d) => d.key) }))],
    vulnerabilities: [],
  };
}
