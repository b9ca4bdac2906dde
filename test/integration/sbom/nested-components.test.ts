import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSbom } from '../../../electron/main/services/exports-service.js';
import { validateExport } from '../../../electron/main/engine/6-report/formats/index.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { makeTestContext, scanAndWait } from '../../helpers/test-context.js';

interface Cdx {
  name?: string;
  components?: Cdx[];
}

describe('nested CycloneDX components', () => {
  it('are imported with their parent and exported nested under it again, in JSON and XML', async () => {
    const file = path.join(makeTempDir(), 'product.cdx.json');
    writeFileSync(
      file,
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        version: 1,
        metadata: { component: { type: 'application', name: 'product', version: '1.0', 'bom-ref': 'product' } },
        components: [
          {
            type: 'library',
            name: 'framework',
            version: '2.0',
            'bom-ref': 'framework',
            purl: 'pkg:maven/org.example/framework@2.0',
            components: [{ type: 'library', name: 'shaded-util', version: '0.3', 'bom-ref': 'shaded', purl: 'pkg:maven/org.example/shaded-util@0.3' }],
          },
        ],
        dependencies: [{ ref: 'product', dependsOn: ['framework'] }],
      }),
    );
    const ctx = makeTestContext();
    const { job, projectId } = await scanAndWait(ctx, [file]);
    expect(job.state, job.error ?? '').toBe('finished');

    const json = exportSbom(ctx, projectId, 'cyclonedx-json');
    expect(validateExport(json.content, 'cyclonedx-json', '1.6')).toEqual([]);
    const bom = JSON.parse(json.content) as { components: Cdx[] };
    const framework = bom.components.find((c) => c.name === 'framework')!;
    expect(framework.components?.map((c) => c.name)).toEqual(['shaded-util']);
    expect(bom.components.map((c) => c.name)).not.toContain('shaded-util');

    const xml = exportSbom(ctx, projectId, 'cyclonedx-xml');
    expect(validateExport(xml.content, 'cyclonedx-xml', '1.6')).toEqual([]);
    expect(xml.content).toMatch(/<name>framework<\/name>[\s\S]*<components>\s*<component[^>]*>\s*<name>shaded-util<\/name>/);
  });
});
