import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { checkCycloneDxRules } from './cyclonedx/semantic-checks.js';
import { cycloneDxXmlToJson } from './cyclonedx/cyclonedx-xml.js';
import { readCycloneDx } from './cyclonedx/read-cyclonedx.js';
import { cycloneDxXsdCheck } from './cyclonedx/xsd.js';
import { decodeSbomBytes, lineOfOffset } from './decode.js';
import { SbomRejectedError } from './errors.js';
import { cycloneDxJsonCheck, spdx2JsonCheck, spdx2Schema, spdx3JsonCheck, type SchemaIssue } from './json-schema.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, type ReadSbomOptions } from './options.js';
import { ProblemLog } from './problems.js';
import { checkWellFormed, parseXml, refuseDoctype } from './safe-xml.js';
import { sniffText, XML_PROLOG_ITEM, type SniffResult } from './sniff.js';
import { coerceBySchema } from './spdx/coerce.js';
import { readSpdx2 } from './spdx/read-spdx2.js';
import { readSpdx3 } from './spdx/read-spdx3.js';
import { parseSpdxTagValue } from './spdx/spdx2-tag-value.js';
import { spdxXmlToJson } from './spdx/spdx2-xml.js';
import type { SbomDocument } from './types.js';
import { isObject, maxNesting, type JsonObject } from './values.js';

/** Loaded on first use: only YAML documents need it. */
const requireLazily = createRequire(import.meta.url);

const CYCLONEDX_SUPPORTED = ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'];
const SPDX2_SUPPORTED = ['2.2', '2.3'];
/** The namespace prefix of a CycloneDX XML root ("<cdx:bom"), after the prolog. */
const ROOT_PREFIX = new RegExp(String.raw`^\s*(?:(?:${XML_PROLOG_ITEM})\s*)*<([\w.-]+):bom\b`);

/**
 * Reads a CycloneDX or SPDX document. Throws SbomRejectedError when it cannot be read, or (strict) when it breaks
 * its schema; a lenient read imports what it can and returns every problem in `problems`. Never throws anything else.
 */
export function readSbom(bytes: Buffer, fileName: string, options: ReadSbomOptions): SbomDocument {
  const log = new ProblemLog(fileName);
  let document: SbomDocument;
  try {
    document = readDocument(bytes, log, options);
  } catch (error) {
    if (error instanceof SbomRejectedError) throw error;
    const reason = error instanceof RangeError ? `the document is too deeply nested or too large (${error.message})` : (error as Error).message;
    log.error(null, `cannot read the document: ${reason}`);
    throw new SbomRejectedError(fileName, log.problems);
  }
  if (!options.lenient && log.hasErrors) throw new SbomRejectedError(fileName, log.problems);
  return document;
}

function readDocument(bytes: Buffer, log: ProblemLog, options: ReadSbomOptions): SbomDocument {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const text = decodeSbomBytes(bytes, log, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const sniffed = sniffText(text);
  if (!sniffed) {
    const bomFormat = /^\s*\{[\s\S]*?"bomFormat"\s*:\s*("(?:[^"\\]|\\.)*"|[^,}\s]+)/.exec(text.slice(0, 65536));
    if (bomFormat) return log.reject('/bomFormat', `bomFormat is ${bomFormat[1]}; a CycloneDX document must say "CycloneDX"`);
    return log.reject(null, 'not a CycloneDX or SPDX document: no bomFormat "CycloneDX", spdxVersion, SPDX 3 @context or CycloneDX XML namespace found');
  }
  const version = supportedVersion(sniffed, log, options.lenient);
  const context: ReadContext = { text, log, version, maxDepth, sniffed };
  if (sniffed.format === 'cyclonedx') {
    return sniffed.serialisation === 'xml' ? readCycloneDxXml(context) : readCycloneDxJson(context);
  }
  switch (sniffed.serialisation) {
    case 'json-ld':
      return readSpdx3Json(context);
    case 'rdf-xml':
      return log.reject(null, 'SPDX RDF/XML is not supported: export the document as SPDX JSON, YAML or tag-value');
    default:
      return readSpdx2Any(context);
  }
}

interface ReadContext {
  text: string;
  log: ProblemLog;
  /** The version whose schema and reader apply (the stated one, or the nearest for a lenient read). */
  version: string;
  maxDepth: number;
  sniffed: SniffResult;
}

function supportedVersion(sniffed: SniffResult, log: ProblemLog, lenient: boolean): string {
  const stated = sniffed.specVersion;
  const [supported, label, fallback] =
    sniffed.format === 'cyclonedx'
      ? [CYCLONEDX_SUPPORTED, 'CycloneDX 1.2–1.7', '1.7']
      : stated.startsWith('3')
        ? [['3.0', '3.0.0', '3.0.1'], 'SPDX 3.0', '3.0.1']
        : [SPDX2_SUPPORTED, 'SPDX 2.2 and 2.3', '2.3'];
  if (supported.includes(stated)) return stated;
  const message = `unsupported ${sniffed.format === 'cyclonedx' ? 'CycloneDX' : 'SPDX'} spec version "${stated}" (supported: ${label})`;
  if (!lenient) return log.reject(null, message);
  log.error(null, `${message}; read as ${fallback} without schema validation`);
  return `unvalidated:${fallback}`;
}

function schemaVersion(version: string): string | null {
  return version.startsWith('unvalidated:') ? null : version;
}

function readerVersion(version: string): string {
  return version.replace(/^unvalidated:/, '');
}

function parseJson(context: ReadContext): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(context.text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    return context.log.reject(position ? `line ${lineOfOffset(context.text, Number(position[1]))}` : null, `invalid JSON: ${message}`);
  }
  checkDepth(value, context);
  if (!isObject(value)) return context.log.reject(null, 'the document must be a JSON object');
  return value;
}

function checkDepth(value: unknown, context: ReadContext): void {
  if (maxNesting(value, context.maxDepth) > context.maxDepth) {
    context.log.reject(null, `the document is nested deeper than ${context.maxDepth} levels (option maxDepth)`);
  }
}

function reportSchemaIssues(issues: SchemaIssue[], context: ReadContext, locate: (pointer: string) => string = (p) => p || '/'): void {
  for (const issue of issues) context.log.error(locate(issue.pointer), `schema: ${issue.message}`);
}

function readCycloneDxJson(context: ReadContext): SbomDocument {
  const bom = parseJson(context);
  const version = schemaVersion(context.version);
  const check = version ? cycloneDxJsonCheck(version) : null;
  if (check) reportSchemaIssues(check(bom), context);
  checkCycloneDxRules(bom, context.log);
  return readCycloneDx(bom, context.sniffed.specVersion, 'json', context.log);
}

function readCycloneDxXml(context: ReadContext): SbomDocument {
  refuseDoctype(context.text, context.log);
  const version = schemaVersion(context.version);
  const check = version ? cycloneDxXsdCheck(version) : null;
  if (check) {
    for (const issue of check(context.text)) {
      context.log.error(issue.line ? `line ${issue.line}` : null, `schema: ${issue.message}`);
    }
  } else {
    checkWellFormed(context.text, context.log);
  }
  const prefix = ROOT_PREFIX.exec(context.text)?.[1] ?? null;
  const root = parseXml(context.text, context.log, context.maxDepth, prefix);
  const bom = cycloneDxXmlToJson(root, readerVersion(context.version));
  checkCycloneDxRules(bom, context.log);
  return readCycloneDx(bom, context.sniffed.specVersion, 'xml', context.log);
}

function readSpdx2Any(context: ReadContext): SbomDocument {
  const { log, sniffed } = context;
  const version = readerVersion(context.version);
  let document: JsonObject;
  let locate: ((pointer: string) => string) | undefined;
  switch (sniffed.serialisation) {
    case 'tag-value': {
      const parsed = parseSpdxTagValue(context.text, log);
      document = parsed.document;
      locate = (pointer) => nearestLine(parsed.lines, pointer);
      break;
    }
    case 'yaml': {
      const parsed = parseYaml(context);
      document = coerceBySchema(parsed.value, spdx2Schema(version) as JsonObject) as JsonObject;
      locate = parsed.locate;
      break;
    }
    case 'xml':
      refuseDoctype(context.text, log);
      checkWellFormed(context.text, log);
      document = spdxXmlToJson(parseXml(context.text, log, context.maxDepth), spdx2Schema(version));
      break;
    default:
      document = parseJson(context);
  }
  const schema = schemaVersion(context.version);
  const check = schema ? spdx2JsonCheck(schema) : null;
  if (check) reportSchemaIssues(check(document), context, locate);
  return readSpdx2(document, sniffed.specVersion, sniffed.serialisation, log);
}

function readSpdx3Json(context: ReadContext): SbomDocument {
  const document = parseJson(context);
  const schema = schemaVersion(context.version);
  const check = schema ? spdx3JsonCheck(schema) : null;
  if (check) reportSchemaIssues(check(document), context);
  return readSpdx3(document, context.sniffed.specVersion, context.log);
}

function parseYaml(context: ReadContext): { value: JsonObject; locate: (pointer: string) => string } {
  const { LineCounter, parseDocument } = requireLazily('yaml') as typeof Yaml;
  const lineCounter = new LineCounter();
  let parsed: Yaml.Document;
  try {
    // failsafe: every scalar stays a string (coerced by the schema later); aliases are capped against alias bombs.
    parsed = parseDocument(context.text, { schema: 'failsafe', lineCounter, uniqueKeys: false });
  } catch (error) {
    return context.log.reject(null, `invalid YAML: ${(error as Error).message}`);
  }
  const error = parsed.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    return context.log.reject(line ? `line ${line}` : null, `invalid YAML: ${error.message.split('\n')[0]}`);
  }
  let value: unknown;
  try {
    value = parsed.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return context.log.reject(null, `invalid YAML: ${(error as Error).message}`);
  }
  checkDepth(value, context);
  if (!isObject(value)) return context.log.reject(null, 'the document must be a YAML mapping');
  const locate = (pointer: string): string => {
    const path = pointer.split('/').slice(1).map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
    for (let length = path.length; length >= 0; length--) {
      const node = parsed.getIn(path.slice(0, length).map((part) => (/^\d+$/.test(part) ? Number(part) : part)), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return `line ${lineCounter.linePos(node.range[0]).line} (${pointer || '/'})`;
    }
    return pointer || '/';
  };
  return { value, locate };
}

/** The line of the pointer, or of its nearest ancestor that the tag-value parser recorded. */
function nearestLine(lines: Map<string, number>, pointer: string): string {
  for (let current = pointer; ; current = current.slice(0, current.lastIndexOf('/'))) {
    const line = lines.get(current);
    if (line !== undefined) return `line ${line}`;
    if (current === '') return pointer || '/';
  }
}
