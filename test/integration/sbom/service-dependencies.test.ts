import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSbom, type SbomDocument } from '../../../electron/main/engine/2-detect/sbom/index.js';
import { validateExport } from '../../../electron/main/engine/6-report/formats/index.js';
import { exportSbom } from '../../../electron/main/services/exports-service.js';
import { conformanceDir, hasSharedData, sharedDataSkipReason } from '../../helpers/shared-data.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { makeTestContext, scanAndWait } from '../../helpers/test-context.js';

type Json = Record<string, unknown>;

/** The conformance examples whose dependency graph names services (a component → service, services → services). */
const EXAMPLES = ['service', 'saasbom'] as const;
const VERSIONS = ['1.4', '1.5', '1.6', '1.7'] as const;

function read(bytes: Buffer | string, name: string): SbomDocument {
  return readSbom(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, name, { lenient: true });
}

function serviceRefsOf(services: unknown[], into = new Set<string>()): Set<string> {
  for (const service of services as Json[]) {
    if (typeof service['bom-ref'] === 'string') into.add(service['bom-ref']);
    if (Array.isArray(service.services)) serviceRefsOf(service.services, into);
  }
  return into;
}

/** "from → to" for every edge that starts or ends at a service, sorted. */
function serviceEdges(document: SbomDocument, rename: (ref: string) => string = (ref) => ref): string[] {
  const services = serviceRefsOf(document.services);
  return document.dependencies
    .flatMap(({ ref, dependsOn }) => dependsOn.filter((to) => services.has(ref) || services.has(to)).map((to) => `${rename(ref)} → ${rename(to)}`))
    .sort();
}

/** Original ref → exported ref: components by purl (else group/name@version), services by their place in the tree. */
function refMap(original: SbomDocument, exported: SbomDocument): Map<string, string> {
  const identity = (component: SbomDocument['components'][number]): string => component.purl ?? `${component.group}/${component.name}@${component.version}`;
  const exportedRef = new Map(exported.components.map((component) => [identity(component), component.ref]));
  const refs = new Map(original.components.map((component) => [component.ref, exportedRef.get(identity(component)) ?? `missing:${component.ref}`]));
  const pair = (from: unknown[], to: unknown[]): void => {
    from.forEach((service, index) => {
      const [a, b] = [service as Json, (to[index] ?? {}) as Json];
      if (typeof a['bom-ref'] === 'string') refs.set(a['bom-ref'], typeof b['bom-ref'] === 'string' ? b['bom-ref'] : `missing:${a['bom-ref']}`);
      pair(Array.isArray(a.services) ? a.services : [], Array.isArray(b.services) ? b.services : []);
    });
  };
  pair(original.services, exported.services);
  return refs;
}

describe.skipIf(!hasSharedData)(
  `dependency edges that touch a service survive the workspace and the export (${hasSharedData ? 'conformance files' : sharedDataSkipReason})`,
  () => {
    for (const version of VERSIONS) {
      it(`CycloneDX ${version} service examples, JSON and XML → workspace → CycloneDX 1.5/1.6/1.7 JSON and XML`, async () => {
        const ctx = makeTestContext();
        let compared = 0;
        for (const example of EXAMPLES) {
          for (const extension of ['json', 'xml'] as const) {
            const file = path.join(conformanceDir, 'cyclonedx', version, `valid-${example}-${version}.${extension}`);
            if (!existsSync(file)) continue;
            const original = read(readFileSync(file), path.basename(file));
            expect(serviceEdges(original).length, file).toBeGreaterThan(0);
            const { job, projectId } = await scanAndWait(ctx, [file]);
            expect(job.state, job.error ?? '').toBe('finished');
            for (const spec of ['1.5', '1.6', '1.7'] as const) {
              for (const format of ['json', 'xml'] as const) {
                const label = `${path.basename(file)} → ${spec} ${format}`;
                const kind = format === 'json' ? 'cyclonedx-json' : 'cyclonedx-xml';
                const text = exportSbom(ctx, projectId, kind, spec).content;
                expect(validateExport(text, kind, spec), label).toEqual([]);
                const exported = read(text, `export.${format}`);
                const refs = refMap(original, exported);
                expect(serviceEdges(exported), label).toEqual(serviceEdges(original, (ref) => refs.get(ref) ?? `missing:${ref}`));
                compared++;
              }
            }
          }
        }
        expect(compared).toBeGreaterThan(0);
      }, 120_000);
    }
  },
);

describe('service edges follow the refs the export gives services and components', () => {
  /** Two documents whose service shares its bom-ref ("api") but not its content, and one whose service ref is a component's export key. */
  function document(serviceName: string, serviceRef: string): Json {
    return {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      metadata: { component: { type: 'application', name: `app-${serviceName}`, version: '1.0.0', 'bom-ref': 'app' } },
      components: [{ type: 'library', name: 'left-pad', version: '1.3.0', purl: 'pkg:npm/left-pad@1.3.0', 'bom-ref': 'lib' }],
      services: [{ 'bom-ref': serviceRef, name: serviceName, endpoints: [`https://${serviceName}.example.com/v1`] }],
      dependencies: [
        { ref: 'app', dependsOn: ['lib', serviceRef] },
        { ref: serviceRef, dependsOn: ['lib'] },
      ],
    };
  }

  it('a service ref already taken gets a #n suffix in the export, and its edges point at that suffix', async () => {
    const dir = makeTempDir();
    const first = path.join(dir, 'first.cdx.json');
    const second = path.join(dir, 'second.cdx.json');
    writeFileSync(first, JSON.stringify(document('billing', 'api')));
    // The component's export key is its purl: a service that uses it as bom-ref must be renamed.
    writeFileSync(second, JSON.stringify(document('search', 'pkg:npm/left-pad@1.3.0')));
    const ctx = makeTestContext();
    for (const [file, projectName] of [[first, 'first'], [second, 'second']] as const) {
      const { job } = await scanAndWait(ctx, [file], { projectName });
      expect(job.state, job.error ?? '').toBe('finished');
    }
    const text = exportSbom(ctx, undefined, 'cyclonedx-json', '1.6').content;
    expect(validateExport(text, 'cyclonedx-json', '1.6')).toEqual([]);
    const bom = JSON.parse(text) as { services: Json[]; components: Json[]; dependencies: { ref: string; dependsOn?: string[] }[] };
    const serviceRef = (name: string): unknown => bom.services.find((service) => service.name === name)?.['bom-ref'];
    const componentRef = (name: string): unknown => bom.components.find((component) => component.name === name)?.['bom-ref'];
    expect(serviceRef('billing')).toBe('api');
    expect(serviceRef('search')).toBe('pkg:npm/left-pad@1.3.0#2');
    expect(componentRef('left-pad')).toBe('pkg:npm/left-pad@1.3.0');
    const dependsOn = (ref: unknown): string[] => [...(bom.dependencies.find((entry) => entry.ref === ref)?.dependsOn ?? [])].sort();
    expect(dependsOn('api')).toEqual(['pkg:npm/left-pad@1.3.0']);
    expect(dependsOn('pkg:npm/left-pad@1.3.0#2')).toEqual(['pkg:npm/left-pad@1.3.0']);
    expect(dependsOn(componentRef('app-billing'))).toEqual(expect.arrayContaining(['api', 'pkg:npm/left-pad@1.3.0']));
    expect(dependsOn(componentRef('app-search'))).toEqual(expect.arrayContaining(['pkg:npm/left-pad@1.3.0#2', 'pkg:npm/left-pad@1.3.0']));
    expect(dependsOn(componentRef('app-search'))).not.toContain('api');
  }, 60_000);
});
