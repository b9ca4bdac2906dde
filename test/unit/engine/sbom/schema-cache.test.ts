import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as JsonSchema from '../../../../electron/main/engine/2-detect/sbom/json-schema.js';
import { makeTempDir } from '../../../helpers/temp-dir.js';
import { read, rejection } from './helpers.js';

const schemaModule = '../../../../electron/main/engine/2-detect/sbom/json-schema.js';

describe('compiled schema validators', () => {
  afterEach(() => {
    delete process.env.CLEARANCE_SCHEMA_CACHE;
    vi.resetModules();
  });

  it('a validator loaded from the cache gives the same verdicts as the freshly compiled one', async () => {
    process.env.CLEARANCE_SCHEMA_CACHE = makeTempDir();
    const valid = { bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: [{ type: 'library', name: 'a', hashes: [{ alg: 'SHA-1', content: 'a'.repeat(40) }] }] };
    const invalid = { ...valid, components: [{ type: 'library', name: 'a', hashes: [{ alg: 'SHA-1', content: 'not-hex' }] }, { type: 'gizmo' }] };
    vi.resetModules();
    const compiled = (await import(schemaModule)) as typeof JsonSchema;
    const fresh = compiled.cycloneDxJsonCheck('1.6')!;
    const expected = [fresh(valid), fresh(invalid)];
    expect(readdirSync(process.env.CLEARANCE_SCHEMA_CACHE)).toEqual([expect.stringMatching(/^cdx-1\.6-[0-9a-f]{24}\.cjs$/)]);
    vi.resetModules();
    const reloaded = (await import(schemaModule)) as typeof compiled;
    const cachedCheck = reloaded.cycloneDxJsonCheck('1.6')!;
    expect([cachedCheck(valid), cachedCheck(invalid)]).toEqual(expected);
    expect(expected[0]).toEqual([]);
    expect(expected[1]!.map((issue) => issue.pointer)).toEqual(['/components/0/hashes/0/content', '/components/1', '/components/1/type']);
  });

  it('checks uniqueItems in linear time and still reports identical items', () => {
    const components = Array.from({ length: 20_000 }, (_, index) => ({ type: 'library', name: `p${index}` }));
    const text = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components });
    expect(read(text, 'many.json').components).toHaveLength(20_000);
    const duplicated = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: [{ type: 'library', name: 'x' }, { name: 'x', type: 'library' }] });
    expect(rejection(duplicated, 'dup.json').problems[0]).toMatchObject({ location: '/components', message: 'schema: must NOT have duplicate items' });
  });
});
