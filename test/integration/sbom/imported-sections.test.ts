import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSbom, type SbomDocument } from '../../../electron/main/engine/2-detect/sbom/index.js';
import { validateExport } from '../../../electron/main/engine/6-report/formats/index.js';
import { exportSbom } from '../../../electron/main/services/exports-service.js';
import { conformanceDir, hasSharedData, sharedDataSkipReason } from '../../helpers/shared-data.js';
import { makeTestContext, scanAndWait } from '../../helpers/test-context.js';

type Json = Record<string, unknown>;

/** The CycloneDX conformance documents that carry services, compositions, vulnerabilities (VEX) and annotations. */
const KINDS = ['service', 'compositions', 'vulnerability', 'annotation'] as const;
const VERSIONS = ['1.4', '1.5', '1.6', '1.7'] as const;

function conformanceFile(version: string, kind: string, extension: 'json' | 'xml'): string | null {
  const file = path.join(conformanceDir, 'cyclonedx', version, `valid-${kind}-${version}.${extension}`);
  return existsSync(file) ? file : null;
}

function read(bytes: Buffer | string, name: string, lenient: boolean): SbomDocument {
  return readSbom(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, name, { lenient });
}

/** The same component in both documents (by purl, else name and version), to follow a ref from the import to the export. */
function componentRefMap(original: SbomDocument, exported: SbomDocument): Map<string, string> {
  const identity = (component: SbomDocument['components'][number]): string => component.purl ?? `${component.group}/${component.name}@${component.version}`;
  const exportedRef = new Map(exported.components.map((component) => [identity(component), component.ref]));
  return new Map(original.components.map((component) => [component.ref, exportedRef.get(identity(component)) ?? `missing:${component.ref}`]));
}

/** Rewrites component refs wherever a section names one (affects, assemblies, subjects …). */
function mapRefs(value: unknown, refs: Map<string, string>, key = ''): unknown {
  if (typeof value === 'string') return ['ref', 'assemblies', 'dependencies', 'vulnerabilities', 'subjects'].includes(key) ? (refs.get(value) ?? value) : value;
  if (Array.isArray(value)) return value.map((item) => mapRefs(item, refs, key));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, mapRefs(item, refs, name)]));
  }
  return value;
}

/** XML cannot tell an empty text from an absent one: empty strings are left out before comparing. */
function withoutEmptyStrings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== '').map(([name, item]) => [name, withoutEmptyStrings(item)]));
  }
  return value;
}

/** JSON requires an `email` to be an address; CycloneDX XML does not, and the 1.4/1.5 XML examples hold "support@partner". */
function withoutNonAddressEmails(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNonAddressEmails);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([name, item]) => name !== 'email' || (typeof item === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(item)))
        .map(([name, item]) => [name, withoutNonAddressEmails(item)]),
    );
  }
  return value;
}

function sections(document: SbomDocument): Json {
  return {
    services: document.services,
    compositions: document.compositions,
    vulnerabilities: document.vulnerabilities.map((vulnerability) => vulnerability.raw),
    annotations: document.annotations,
  };
}

describe.skipIf(!hasSharedData)(
  `services, compositions, vulnerabilities and annotations of an imported CycloneDX survive the workspace and the export (${hasSharedData ? 'conformance files' : sharedDataSkipReason})`,
  () => {
    for (const version of VERSIONS) {
      it(`CycloneDX ${version} JSON and XML examples → import → CycloneDX 1.5/1.6/1.7 JSON and XML`, async () => {
        const ctx = makeTestContext();
        let compared = 0;
        for (const kind of KINDS) {
          for (const extension of ['json', 'xml'] as const) {
            const file = conformanceFile(version, kind, extension);
            if (!file) continue;
            const original = read(readFileSync(file), path.basename(file), true);
            const { job, projectId } = await scanAndWait(ctx, [file]);
            expect(job.state, job.error ?? '').toBe('finished');
            for (const spec of ['1.5', '1.6', '1.7'] as const) {
              for (const format of ['json', 'xml'] as const) {
                const label = `${path.basename(file)} → ${spec} ${format}`;
                const text = exportSbom(ctx, projectId, format === 'json' ? 'cyclonedx-json' : 'cyclonedx-xml', spec).content;
                expect(validateExport(text, format === 'json' ? 'cyclonedx-json' : 'cyclonedx-xml', spec), label).toEqual([]);
                const exported = read(text, `export.${format}`, false);
                let expected = withoutEmptyStrings(mapRefs(sections(original), componentRefMap(original, exported)));
                let actual = withoutEmptyStrings(sections(exported));
                if (format === 'json') [expected, actual] = [withoutNonAddressEmails(expected), withoutNonAddressEmails(actual)];
                expect(actual, label).toEqual(expected);
                compared++;
              }
            }
          }
        }
        expect(compared).toBeGreaterThan(0);
      }, 120_000);
    }

    it('the 1.6 examples carry what the test is about (so the comparison above is not of empty lists)', () => {
      const counts = KINDS.map((kind) => {
        const document = read(readFileSync(conformanceFile('1.6', kind, 'json')!), `${kind}.json`, false);
        return [kind, document.services.length + document.compositions.length + document.vulnerabilities.length + document.annotations.length];
      });
      expect(Object.fromEntries(counts)).toEqual({ service: 1, compositions: 4, vulnerability: 1, annotation: 4 });
    });
  },
);
