import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as JsonSchema from '../../../../electron/main/engine/2-detect/sbom/json-schema.js';
import { makeTempDir } from '../../../helpers/temp-dir.js';
import { read, rejection } from './helpers.js';

const schemaModule = '../../../../electron/main/engine/2-detect/sbom/json-schema.js';

describe('compiled schema validators', () => {
  afterEach(() => {
    delete process.env.CLEARANCE_SCHEMA_CACHE;
    delete process.env.CLEARANCE_SHIPPED_VALIDATORS;
    vi.resetModules();
  });

  it('a validator loaded from the cache gives the same verdicts as the freshly compiled one', async () => {
    process.env.CLEARANCE_SCHEMA_CACHE = makeTempDir();
    process.env.CLEARANCE_SHIPPED_VALIDATORS = 'off';
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

  it('validators compiled at build time are used as they are: the user cache stays empty, the verdicts the same', async () => {
    const shipped = makeTempDir();
    process.env.CLEARANCE_SCHEMA_CACHE = shipped;
    process.env.CLEARANCE_SHIPPED_VALIDATORS = 'off';
    vi.resetModules();
    const building = (await import(schemaModule)) as typeof JsonSchema;
    expect(building.compileEverySchemaCheck().sort()).toEqual([
      'cdx-1.2', 'cdx-1.2-strict', 'cdx-1.3', 'cdx-1.3-strict', 'cdx-1.4', 'cdx-1.5', 'cdx-1.6', 'cdx-1.7', 'spdx-2.2', 'spdx-2.3', 'spdx-3.0.1',
    ]);
    expect(readdirSync(shipped)).toHaveLength(11);
    const invalid = { bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, components: [{ type: 'gizmo', name: 'a' }] };
    const expected = building.cycloneDxJsonCheck('1.5')!(invalid);

    process.env.CLEARANCE_SHIPPED_VALIDATORS = shipped;
    process.env.CLEARANCE_SCHEMA_CACHE = makeTempDir();
    vi.resetModules();
    const installed = (await import(schemaModule)) as typeof JsonSchema;
    expect(installed.cycloneDxJsonCheck('1.5')!(invalid)).toEqual(expected);
    expect(expected.map((issue) => issue.pointer)).toEqual(['/components/0/type']);
    expect(readdirSync(process.env.CLEARANCE_SCHEMA_CACHE)).toEqual([]);
  });

  it('checks uniqueItems in linear time and still reports identical items', () => {
    const components = Array.from({ length: 20_000 }, (_, index) => ({ type: 'library', name: `p${index}` }));
    const text = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components });
    expect(read(text, 'many.json').components).toHaveLength(20_000);
    const duplicated = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: [{ type: 'library', name: 'x' }, { name: 'x', type: 'library' }] });
    expect(rejection(duplicated, 'dup.json').problems[0]).toMatchObject({ location: '/components', message: 'schema: must NOT have duplicate items' });
  });
});
