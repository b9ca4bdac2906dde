import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { describe, expect, it } from 'vitest';
import { cycloneDxJsonCheck } from '../../../electron/main/engine/2-detect/sbom/index.js';
import { hasSharedData, sharedDataSkipReason } from '../../helpers/shared-data.js';
import { conformanceFiles } from './files.js';

// Our validators are synchronous (readSbom is), so they compile the library's schemas themselves with the library's
// ajv settings. This checks that they agree with the library's own (asynchronous) JsonValidator on every file.
describe.skipIf(!hasSharedData)(`CycloneDX JSON validation agrees with @cyclonedx/cyclonedx-library (${hasSharedData ? 'shared data' : sharedDataSkipReason})`, () => {
  for (const version of ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'] as const) {
    it(`${version}: same verdict as the library's JsonValidator on every conformance JSON file`, async () => {
      const library = new Validation.JsonValidator(Spec.SpecVersionDict[version]!.version);
      const ours = cycloneDxJsonCheck(version)!;
      const files = conformanceFiles('cyclonedx', version).filter((file) => file.endsWith('.json') && !path.basename(file).startsWith('informal-'));
      expect(files.length).toBeGreaterThan(40);
      const disagreements: string[] = [];
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const libraryValid = (await library.validate(text)) === null;
        const ourValid = ours(JSON.parse(text)).length === 0;
        if (libraryValid !== ourValid) disagreements.push(`${path.basename(file)}: library ${libraryValid}, ours ${ourValid}`);
      }
      expect(disagreements).toEqual([]);
    });
  }
});
