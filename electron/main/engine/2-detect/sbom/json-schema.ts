import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { cycloneDxSchemaDir, spdxSchemaDir } from './schema-files.js';
import { compileSchema } from './schema-compile.js';

export interface SchemaIssue {
  /** JSON pointer of the offending value ('' for the document). */
  pointer: string;
  message: string;
}

/** Validates a parsed document; returns no issues when it is valid. */
export type SchemaCheck = (document: unknown) => SchemaIssue[];

export const CYCLONEDX_VERSIONS = ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'] as const;
export const SPDX2_VERSIONS = ['2.2', '2.3'] as const;

/** The most issues kept per document: a broken generator repeats one mistake thousands of times. */
const MAX_ISSUES = 500;

const cache = new Map<string, SchemaCheck>();
/** The first-error compilers behind the checks, for compiling them all ahead of time (at build). */
const quickCompilers = new Map<string, () => ValidateFunction>();

/** CycloneDX JSON schema check (strict = the `-strict` schema where one exists: 1.2, 1.3). */
export function cycloneDxJsonCheck(version: string, strict = false): SchemaCheck | null {
  if (!(CYCLONEDX_VERSIONS as readonly string[]).includes(version)) return null;
  const strictName = strict && (version === '1.2' || version === '1.3') ? '-strict' : '';
  return cached(`cdx-${version}${strictName}`, (allErrors) => {
    const dir = cycloneDxSchemaDir();
    const read = (name: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown>;
    return compileSchema({
      key: `cdx-${version}${strictName}`,
      draft: 'draft-07',
      allErrors,
      schema: read(`bom-${version}${strictName}.SNAPSHOT.schema.json`),
      refs: {
        'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': read('spdx.SNAPSHOT.schema.json'),
        'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json': read('cryptography-defs.SNAPSHOT.schema.json'),
        'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': read('jsf-0.82.SNAPSHOT.schema.json'),
      },
    });
  });
}

export function spdx2JsonCheck(version: string): SchemaCheck | null {
  if (!(SPDX2_VERSIONS as readonly string[]).includes(version)) return null;
  return cached(`spdx-${version}`, (allErrors) =>
    compileSchema({ key: `spdx-${version}`, draft: '2019-09', allErrors, schema: readSpdxSchema(`spdx-schema-v${version}.json`) }),
  );
}

export function spdx3JsonCheck(version: string): SchemaCheck | null {
  if (!/^3\.0(\.\d+)?$/.test(version)) return null;
  return cached('spdx-3.0.1', (allErrors) =>
    compileSchema({ key: 'spdx-3.0.1', draft: '2020-12', allErrors, schema: readSpdxSchema('spdx-schema-v3.0.1.json') }),
  );
}

const spdx2Schemas = new Map<string, object>();

/** The SPDX 2.x JSON schema itself (the XML reader uses it to know which elements are lists). */
export function spdx2Schema(version: string): object {
  const name = `spdx-schema-v${version === '2.2' ? '2.2' : '2.3'}.json`;
  let schema = spdx2Schemas.get(name);
  if (!schema) {
    schema = readSpdxSchema(name);
    spdx2Schemas.set(name, schema);
  }
  return schema;
}

function readSpdxSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(spdxSchemaDir(), name), 'utf8')) as Record<string, unknown>;
}

/**
 * A fast first-error validator answers the common case (valid); only an invalid document pays for compiling the
 * all-errors variant that lists every issue.
 */
function cached(key: string, compile: (allErrors: boolean) => ValidateFunction): SchemaCheck {
  const existing = cache.get(key);
  if (existing) return existing;
  let quick: ValidateFunction | null = null;
  let thorough: ValidateFunction | null = null;
  const check: SchemaCheck = (document) => {
    quick ??= compile(false);
    if (quick(document)) return [];
    thorough ??= compile(true);
    thorough(document);
    return describeErrors(thorough.errors ?? quick.errors ?? []);
  };
  cache.set(key, check);
  quickCompilers.set(key, () => (quick ??= compile(false)));
  return check;
}

/** Compiles the first-error validator of every schema import uses (with CLEARANCE_SCHEMA_CACHE set: into it). */
export function compileEverySchemaCheck(): string[] {
  for (const version of CYCLONEDX_VERSIONS) {
    cycloneDxJsonCheck(version);
    cycloneDxJsonCheck(version, true);
  }
  for (const version of SPDX2_VERSIONS) spdx2JsonCheck(version);
  spdx3JsonCheck('3.0.1');
  for (const compile of quickCompilers.values()) compile();
  return [...quickCompilers.keys()];
}

/** ajv's errors, one per location, the most specific first; anyOf/oneOf branch noise folded. */
function describeErrors(errors: ErrorObject[]): SchemaIssue[] {
  const byPointer = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const list = byPointer.get(error.instancePath) ?? [];
    list.push(error);
    byPointer.set(error.instancePath, list);
  }
  const issues: SchemaIssue[] = [];
  for (const [pointer, list] of byPointer) {
    const specific = list.filter((error) => !['anyOf', 'oneOf', 'if', 'not', 'allOf'].includes(error.keyword));
    const chosen = specific.length > 0 ? specific : list;
    const messages = [...new Set(chosen.map(describeError))];
    issues.push({ pointer, message: messages.slice(0, 3).join('; ') });
    if (issues.length >= MAX_ISSUES) break;
  }
  return issues;
}

function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(params.additionalProperty)}"`;
    case 'required':
      return `missing required property "${String(params.missingProperty)}"`;
    case 'enum':
      return `${error.message ?? 'must be one of the allowed values'}: ${(params.allowedValues as unknown[]).slice(0, 12).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'unevaluatedProperties':
      return `unknown property "${String(params.unevaluatedProperty)}"`;
    default:
      return `${error.message ?? error.keyword}`;
  }
}
