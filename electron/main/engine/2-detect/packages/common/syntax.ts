import JSON5 from 'json5';
import { parse as parseTomlText, TomlError } from 'smol-toml';
import { CORE_SCHEMA, load as loadYamlFast } from 'js-yaml';
import { parseDocument } from 'yaml';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ManifestBuilder } from './builder.js';
import { stripBom } from './text.js';

/**
 * JSON.parse, and on failure JSON5 (only on the error path) for the line and column that Node 20's JSON.parse
 * does not give. A file JSON5 accepts (comments, trailing commas) is read, with a problem saying it is not JSON.
 */
export function parseJson(content: string, b: ManifestBuilder): unknown {
  const text = stripBom(content);
  try {
    return JSON.parse(text);
  } catch (jsonError) {
    try {
      const value: unknown = JSON5.parse(text);
      b.problem(null, `not valid JSON (${messageOf(jsonError)}); read leniently as JSON5`);
      return value;
    } catch (json5Error) {
      const m = /at (\d+):(\d+)$/.exec(messageOf(json5Error));
      b.problem(m ? `line ${m[1]} column ${m[2]}` : null, `invalid JSON: ${messageOf(jsonError)}`);
      return undefined;
    }
  }
}

export function parseToml(content: string, b: ManifestBuilder): Record<string, unknown> | undefined {
  try {
    return parseTomlText(stripBom(content)) as Record<string, unknown>;
  } catch (e) {
    const loc = e instanceof TomlError ? `line ${e.line} column ${e.column}` : null;
    b.problem(loc, `invalid TOML: ${firstLine(messageOf(e))}`);
    return undefined;
  }
}

/** An anchor (&a), alias (*a) or tag (!t) where a node may start; quoted text and plain words cannot match. */
const ANCHOR_OR_ALIAS_OR_TAG = /(?:^|[\s[{,])[&*!][^\s\]},]/m;

/**
 * YAML with aliases capped (a "billion laughs" of anchors is refused by the library's maxAliasCount).
 * Errors are reported; whatever the document still yields is returned.
 */
export function parseYaml(content: string, b: ManifestBuilder): unknown {
  const text = stripBom(content);
  // js-yaml reads a big lockfile ~5–9× faster than `yaml` (a 2 MB pnpm-lock.yaml: 0.15–0.4 s against 1.2 s). It
  // is used only where it is safe and exact: no anchors or aliases (it has no alias cap), no tags, no errors;
  // anything else goes to `yaml`, which caps aliases and reports every error with its line.
  if (!ANCHOR_OR_ALIAS_OR_TAG.test(text)) {
    try {
      // An empty document is null, as `yaml` has it.
      return loadYamlFast(text, { schema: CORE_SCHEMA, json: true }) ?? null;
    } catch {
      // Reported precisely below.
    }
  }
  try {
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: true });
    for (const err of doc.errors.slice(0, 5)) {
      const pos = err.linePos?.[0];
      b.problem(pos ? `line ${pos.line} column ${pos.col}` : null, `invalid YAML: ${firstLine(err.message)}`);
    }
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    b.problem(null, `invalid YAML: ${firstLine(messageOf(e))}`);
    return undefined;
  }
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Entities stay as written: no DTD entity can expand. The five predefined ones are decoded by xmlText().
  processEntities: false,
  htmlEntities: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  maxNestedTags: 200,
});

/**
 * XML with entity and DOCTYPE processing off. A file with a DOCTYPE or ENTITY declaration is not read at all:
 * manifests never need one, and it is how entity-expansion and external-entity attacks arrive.
 */
export function parseXml(content: string, b: ManifestBuilder): Record<string, unknown> | undefined {
  const text = stripBom(content);
  const decl = /<!(DOCTYPE|ENTITY)\b/i.exec(text);
  if (decl) {
    b.problem(lineLoc(text, decl.index), `XML with a ${decl[1]!.toUpperCase()} declaration is not read (entity expansion is refused)`);
    return undefined;
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    b.problem(`line ${valid.err.line} column ${valid.err.col}`, `invalid XML: ${valid.err.msg}`);
    return undefined;
  }
  try {
    return xmlParser.parse(text) as Record<string, unknown>;
  } catch (e) {
    b.problem(null, `invalid XML: ${firstLine(messageOf(e))}`);
    return undefined;
  }
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text of an XML element or attribute with the predefined and numeric entities decoded (nothing else). */
export function xmlText(value: unknown): string | null {
  let v = value;
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) v = (v as Record<string, unknown>)['#text'];
  if (Array.isArray(v)) v = v[0];
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') return null;
  if (!v.includes('&')) return v;
  return v.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, ent: string) => {
    if (ent[0] !== '#') return PREDEFINED[ent] ?? whole;
    const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function lineLoc(text: string, offset: number): string {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return `line ${line}`;
}

export function messageOf(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 300 ? m.slice(0, 300) + '…' : m;
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i === -1 ? s : s.slice(0, i);
}
