import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSbom, type SbomDocument } from '../../../electron/main/engine/2-detect/sbom/index.js';
import type { ExportModel } from '../../../electron/main/engine/6-report/export-model.js';
import { validateExport, writeCycloneDx, writeSpdx } from '../../../electron/main/engine/6-report/formats/index.js';
import { sbomToExportModel } from '../../../electron/main/engine/6-report/sbom-to-export-model.js';
import { hasSharedData, sharedDataSkipReason } from '../../helpers/shared-data.js';
import { conformanceFiles } from './files.js';

/** Every document the suites say must import: valid CycloneDX, the SPDX examples, the real-world SBOMs. */
function inputs(): string[] {
  if (!hasSharedData) return [];
  const cyclonedx = ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'].flatMap((version) =>
    conformanceFiles('cyclonedx', version).filter((file) => path.basename(file).startsWith('valid-')),
  );
  const spdx = [
    ...conformanceFiles('spdx', '2.2'), ...conformanceFiles('spdx', '2.3'), ...conformanceFiles('spdx', '3.0'),
    ...conformanceFiles('spdx', 'spdx-examples'),
  ].filter((file) => !file.endsWith('.rdf.xml'));
  const realWorld = conformanceFiles('real-world').filter((file) => !file.endsWith('.md'));
  return [...cyclonedx, ...spdx, ...realWorld];
}

const GENERATED_AT = '2024-06-01T00:00:00Z';

/** What must survive: per component name/version/purl, hashes, declared and concluded licenses; and the edges. */
function essence(model: ExportModel, options: { spdx: boolean }) {
  const all = [...model.roots, ...model.components];
  const label = new Map(all.map((c) => [c.key, `${c.name}|${c.version ?? ''}|${c.purl ?? ''}`]));
  const hashAlgs = options.spdx ? /^(SHA-1|SHA-224|SHA-256|SHA-384|SHA-512|SHA3-256|SHA3-384|SHA3-512|MD5|MD2|MD4|MD6|BLAKE2b-256|BLAKE2b-384|BLAKE2b-512|BLAKE3|ADLER32)$/ : /./;
  const components = all
    .map((c) => ({
      label: label.get(c.key),
      hashes: c.hashes.filter((h) => hashAlgs.test(h.alg)).map((h) => `${h.alg}:${h.content.toLowerCase()}`).sort(),
      declared: options.spdx ? spdxDeclared(c.declared) : (c.declared.expression ?? c.declared.verbatim),
      concluded: c.concluded,
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const edges = model.dependencies
    .flatMap((edge) => edge.to.filter((to) => to !== edge.from).map((to) => `${label.get(edge.from)} -> ${label.get(to)}`))
    .sort();
  return { components, edges: [...new Set(edges)] };
}

/** SPDX has no place for a license known only by name: it is written as a LicenseRef, so compare "has one". */
function spdxDeclared(declared: { verbatim: string | null; expression: string | null }): string | null {
  if (declared.expression && !/^LicenseRef-[A-Za-z0-9.-]+$/.test(declared.expression)) return declared.expression;
  return declared.expression || declared.verbatim ? 'named' : null;
}

function reread(text: string, name: string): SbomDocument {
  return readSbom(Buffer.from(text), name, { lenient: false });
}

describe.skipIf(!hasSharedData)(`round trip: read → ExportModel → write → read (${hasSharedData ? 'shared data' : sharedDataSkipReason})`, () => {
  const files = inputs();

  it('covers the conformance and real-world documents', () => {
    expect(files.length).toBeGreaterThan(500);
  });

  for (const [label, write, kind, isSpdx] of [
    ['CycloneDX 1.6 JSON', (m: ExportModel) => writeCycloneDx(m, { spec: '1.6', format: 'json' }), 'cyclonedx-json', false],
    ['SPDX 2.3 JSON', (m: ExportModel) => writeSpdx(m, { format: 'json' }), 'spdx-json', true],
  ] as const) {
    it(`${label}: output passes the official schema and keeps components, purls, versions, hashes, licenses and dependencies`, () => {
      const failures: string[] = [];
      for (const file of files) {
        const original = readSbom(readFileSync(file), path.basename(file), { lenient: true });
        const model = sbomToExportModel(original, { toolName: 'Clearance', toolVersion: 'test', generatedAt: GENERATED_AT });
        const text = write(model);
        const problems = validateExport(text, kind);
        if (problems.length > 0) {
          failures.push(`${file}: ${problems[0]!.location} ${problems[0]!.message}`);
          continue;
        }
        const again = sbomToExportModel(reread(text, `${path.basename(file)}.out`), { toolName: 'Clearance', toolVersion: 'test', generatedAt: GENERATED_AT });
        const before = essence(model, { spdx: isSpdx });
        const after = essence(again, { spdx: isSpdx });
        if (JSON.stringify(before) !== JSON.stringify(after)) {
          expect.soft(after, file).toEqual(before);
          failures.push(file);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
