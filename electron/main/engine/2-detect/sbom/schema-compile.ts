import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { appDataDir } from '../../../db/workspace-location.js';
import { spdxSchemaDir } from './schema-files.js';
import type * as AjvModule from 'ajv';
import type { Ajv as AjvClass, AnySchemaObject, KeywordCxt, Options, ValidateFunction } from 'ajv';

/**
 * ajv, loaded on first use (a CycloneDX JSON read should not pay for the SPDX or XML machinery), and a cache of
 * compiled validators: compiling the CycloneDX schema costs ~250 ms per process, loading its compiled code ~20 ms.
 * The cache holds ajv's standalone code for our own schemas in a per-user directory (mode 0700).
 */
const requireFromHere = createRequire(import.meta.url);

export type Draft = 'draft-07' | '2019-09' | '2020-12';

export interface CompileRequest {
  /** Cache key: names the schema and its variant. */
  key: string;
  draft: Draft;
  schema: AnySchemaObject;
  /** Schemas the main one $refs, by id. */
  refs?: Record<string, AnySchemaObject>;
  allErrors: boolean;
}

const RUNTIME_ID = '@clearance/ajv-runtime';
const CACHE_FORMAT = 1;

/** Formats and helpers the compiled code reaches through require(RUNTIME_ID). */
function runtime(): Record<string, unknown> {
  const { fullFormats } = requireFromHere('ajv-formats/dist/formats') as { fullFormats: Record<string, unknown> };
  return {
    formats: { ...fullFormats, 'idn-email': requireFromHere('ajv-formats-draft2019/formats/idn-email.js') as unknown },
    firstDuplicate,
  };
}

let runtimeModule: Record<string, unknown> | null = null;

export function compileSchema(request: CompileRequest): ValidateFunction {
  const cacheDir = schemaCacheDir();
  if (!cacheDir || request.allErrors) return makeAjv(request, false).compile(request.schema);
  const digest = createHash('sha256')
    .update(JSON.stringify([CACHE_FORMAT, request.key, request.draft, ajvVersion(), request.schema, request.refs ?? {}]))
    .digest('hex')
    .slice(0, 24);
  const name = `${request.key}-${digest}.cjs`;
  const file = path.join(cacheDir, name);
  let code: string | null = null;
  // Compiled at build time and shipped with the app (scripts/build-schema-validators.mjs), else compiled once
  // into the user's cache. The digest names the schema, the variant and the ajv version: a stale file never matches.
  const shipped = shippedValidatorsDir();
  for (const candidate of [shipped && path.join(shipped, name), file]) {
    if (!candidate) continue;
    try {
      code = readFileSync(candidate, 'utf8');
      break;
    } catch {
      // Not there.
    }
  }
  if (code === null) {
    const ajv = makeAjv(request, true);
    const validate = ajv.compile(request.schema);
    const standaloneCode = requireFromHere('ajv/dist/standalone') as (ajv: AjvClass, validate: ValidateFunction) => string;
    code = standaloneCode(ajv, validate);
    try {
      mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, code, { mode: 0o600 });
      renameSync(temporary, file);
    } catch {
      // A read-only or full disk only costs the next process a compile.
    }
    return validate;
  }
  return loadStandalone(code);
}

function loadStandalone(code: string): ValidateFunction {
  runtimeModule ??= runtime();
  const module = { exports: {} as unknown };
  const scopedRequire = (id: string): unknown => (id === RUNTIME_ID ? runtimeModule : requireFromHere(id));
  // The code is what ajv generated from our own schemas, read back from the user's own cache directory.
  new Function('require', 'module', 'exports', code)(scopedRequire, module, module.exports);
  return module.exports as ValidateFunction;
}

function makeAjv(request: CompileRequest, forStandalone: boolean): AjvClass {
  const options: Options = {
    strict: false,
    useDefaults: false,
    addUsedSchema: false,
    logger: false,
    allErrors: request.allErrors,
    inlineRefs: false,
    schemas: request.refs ?? {},
    loadSchema: (uri: string) => Promise.reject(new Error(`remote schemas are disabled: ${uri}`)),
    ...(forStandalone ? { code: { source: true, formats: standaloneFormats() } } : {}),
  };
  const AjvClass = (
    request.draft === '2019-09'
      ? requireFromHere('ajv/dist/2019')
      : request.draft === '2020-12'
        ? requireFromHere('ajv/dist/2020')
        : requireFromHere('ajv')
  ) as new (options: Options) => AjvClass;
  const ajv = new AjvClass(options);
  if (request.draft === '2019-09') ajv.addMetaSchema(requireFromHere('ajv/dist/refs/json-schema-draft-07.json') as AnySchemaObject);
  runtimeModule ??= runtime();
  for (const [name, format] of Object.entries(runtimeModule.formats as Record<string, never>)) ajv.addFormat(name, format);
  // As upstream's test tools do: CycloneDX 1.2 names a format "string", and ajv has no "iri-reference".
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('string', true);
  useLinearUniqueItems(ajv);
  return ajv;
}

/** In standalone code, formats are reached through the runtime module instead of closures. */
function standaloneFormats(): Options['code'] extends infer C ? (C extends { formats?: infer F } ? F : never) : never {
  const { _ } = requireFromHere('ajv') as typeof AjvModule;
  return _`require(${RUNTIME_ID}).formats` as never;
}

/**
 * ajv checks `uniqueItems` by comparing every pair of items (quadratic: a 50,000-component BOM never finishes).
 * The same rule, checked by hashing a canonical form of each item, is linear.
 */
function useLinearUniqueItems(ajv: AjvClass): void {
  const { _ } = requireFromHere('ajv') as typeof AjvModule;
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword({
    keyword: 'uniqueItems',
    type: 'array',
    schemaType: 'boolean',
    error: { message: 'must NOT have duplicate items' },
    code(context: KeywordCxt) {
      if (context.schema !== true) return;
      const helper = context.gen.scopeValue('func', { ref: firstDuplicate, code: _`require(${RUNTIME_ID}).firstDuplicate` });
      context.fail(_`${helper}(${context.data}) >= 0`);
    },
  });
}

/** Index of the first item equal to an earlier one, or -1. */
export function firstDuplicate(items: unknown[]): number {
  const seen = new Set<string>();
  for (let index = 0; index < items.length; index++) {
    const key = canonical(items[index]);
    if (seen.has(key)) return index;
    seen.add(key);
  }
  return -1;
}

/** JSON with object keys sorted, so equal values give equal strings whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Beside the shipped SPDX schemas: resources/schemas/compiled (not committed; written by the build).
 * CLEARANCE_SHIPPED_VALIDATORS names another directory, or "off".
 */
export function shippedValidatorsDir(): string | null {
  const configured = process.env.CLEARANCE_SHIPPED_VALIDATORS;
  if (configured === 'off') return null;
  if (configured) return configured;
  try {
    return path.join(path.dirname(spdxSchemaDir()), 'compiled');
  } catch {
    return null;
  }
}

function ajvVersion(): string {
  return (requireFromHere('ajv/package.json') as { version: string }).version;
}

/**
 * Where compiled validators are kept: CLEARANCE_SCHEMA_CACHE (a directory, or "off"), else a cache folder in
 * Clearance's application data folder (shared by the app and the CLI).
 */
function schemaCacheDir(): string | null {
  const configured = process.env.CLEARANCE_SCHEMA_CACHE;
  if (configured === 'off') return null;
  if (configured) return configured;
  return path.join(appDataDir(), 'cache', 'schema-validators');
}
