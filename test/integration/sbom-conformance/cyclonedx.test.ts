import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSbom, SbomRejectedError } from '../../../electron/main/engine/2-detect/sbom/index.js';
import { hasSharedData, sharedDataSkipReason } from '../../helpers/shared-data.js';
import { conformanceFiles } from './files.js';

const versions = ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'];

describe.skipIf(!hasSharedData)(`CycloneDX conformance suite (${hasSharedData ? 'shared data' : sharedDataSkipReason})`, () => {
  for (const version of versions) {
    const files = hasSharedData ? conformanceFiles('cyclonedx', version) : [];

    it(`${version}: every valid-* file imports strictly (JSON schema / XSD)`, () => {
      const valid = files.filter((file) => path.basename(file).startsWith('valid-'));
      expect(valid.length).toBeGreaterThan(40);
      const failures: string[] = [];
      for (const file of valid) {
        try {
          const document = readSbom(readFileSync(file), path.basename(file), { lenient: false });
          if (document.specVersion !== version) failures.push(`${file}: read as ${document.specVersion}`);
        } catch (error) {
          failures.push(`${file}: ${(error as Error).message}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it(`${version}: every invalid-* file is refused with a message naming the problem`, () => {
      const invalid = files.filter((file) => /^(informal-)?invalid-/.test(path.basename(file)));
      expect(invalid.length).toBeGreaterThan(40);
      const accepted: string[] = [];
      for (const file of invalid) {
        try {
          readSbom(readFileSync(file), path.basename(file), { lenient: false });
          accepted.push(file);
        } catch (error) {
          expect(error).toBeInstanceOf(SbomRejectedError);
          const rejected = error as SbomRejectedError;
          expect(rejected.file).toBe(path.basename(file));
          expect(rejected.problems.length).toBeGreaterThan(0);
          expect(rejected.message).toContain(path.basename(file));
          expect(rejected.problems[0]!.message.length).toBeGreaterThan(10);
        }
      }
      expect(accepted).toEqual([]);
    });
  }

  it('1.7 informal-invalid files (XSD 1.1 asserts) are refused by the semantic check, naming versionRange', () => {
    const informal = conformanceFiles('cyclonedx', '1.7').filter((file) => path.basename(file).startsWith('informal-invalid-'));
    expect(informal).toHaveLength(2);
    for (const file of informal) {
      const error = (() => {
        try {
          readSbom(readFileSync(file), path.basename(file), { lenient: false });
        } catch (caught) {
          return caught as SbomRejectedError;
        }
        return null;
      })();
      expect(error?.problems.map((problem) => problem.message)).toEqual([
        'versionRange may only be present on a component with isExternal = true (CycloneDX 1.7)',
      ]);
    }
  });

  it('names the failing field of a schema-invalid file (JSON pointer) and of an invalid XML file (line)', () => {
    const json = conformanceFiles('cyclonedx', '1.6').find((file) => path.basename(file) === 'invalid-hash-alg-1.6.json')!;
    const xml = conformanceFiles('cyclonedx', '1.6').find((file) => path.basename(file) === 'invalid-hash-alg-1.6.xml')!;
    const problem = (file: string): SbomRejectedError => {
      try {
        readSbom(readFileSync(file), path.basename(file), { lenient: false });
      } catch (error) {
        return error as SbomRejectedError;
      }
      throw new Error(`${file} was accepted`);
    };
    expect(problem(json).problems[0]!.location).toMatch(/^\/components\/0\/hashes\/0\/alg$/);
    expect(problem(xml).problems[0]!.location).toMatch(/^line \d+$/);
    expect(problem(xml).problems[0]!.message).toMatch(/alg/);
  });
});
