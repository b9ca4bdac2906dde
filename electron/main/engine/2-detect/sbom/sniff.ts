import type { SbomFormat, SbomSerialisation } from './types.js';

export interface SniffResult {
  format: SbomFormat;
  /** As the document states it ("1.6", "2.3", "3.0.1"); 'unknown' when the marker was found but not the version. */
  specVersion: string;
  serialisation: SbomSerialisation;
}

/** Bytes looked at by sniffSbom: the head holds the markers in every generator's output; the tail catches late keys. */
const HEAD_BYTES = 256 * 1024;
const TAIL_BYTES = 64 * 1024;

/** Recognises an SBOM by its content (the file name is not trusted). Returns null for anything else. */
export function sniffSbom(bytes: Buffer, _fileName?: string): SniffResult | null {
  const head = decodeWindow(bytes, 0, Math.min(bytes.length, HEAD_BYTES));
  const found = sniffText(head);
  if ((found && found.specVersion !== 'unknown') || bytes.length <= HEAD_BYTES) return found;
  // Generators that sort keys (Trivy) put spdxVersion after megabytes of packages: look at the tail too.
  if (!found && !/^\s*[[{]/.test(head.slice(0, 4096))) return null;
  const tailStart = Math.max(HEAD_BYTES, bytes.length - TAIL_BYTES);
  return sniffText(head + '\n' + decodeWindow(bytes, tailStart - (tailStart % 2), bytes.length)) ?? found;
}

/** The same recognition on already decoded text. */
export function sniffText(text: string): SniffResult | null {
  const start = firstSignificantChar(text);
  if (start === '{' || start === '[') return sniffJson(text);
  if (start === '<') return sniffXml(text);
  return sniffLines(text);
}

function sniffJson(text: string): SniffResult | null {
  if (/"bomFormat"\s*:\s*"CycloneDX"/.test(text)) {
    return { format: 'cyclonedx', specVersion: capture(text, /"specVersion"\s*:\s*"([^"]{1,20})"/), serialisation: 'json' };
  }
  const context = /"@context"\s*:\s*[[{"][^\]}]{0,400}?spdx\.org\/rdf\/(3[0-9.]*)\/spdx-context\.jsonld/.exec(text);
  if (context) {
    const stated = /"specVersion"\s*:\s*"(3\.[0-9.]+)"/.exec(text)?.[1];
    return { format: 'spdx', specVersion: stated ?? context[1]!, serialisation: 'json-ld' };
  }
  const spdx = /"spdxVersion"\s*:\s*"SPDX-([^"]{1,20})"/.exec(text);
  if (spdx) return { format: 'spdx', specVersion: spdx[1]!, serialisation: 'json' };
  return null;
}

function sniffXml(text: string): SniffResult | null {
  const root = rootElement(text);
  if (!root) return null;
  const localName = root.name.includes(':') ? root.name.slice(root.name.indexOf(':') + 1) : root.name;
  if (localName === 'bom') {
    const ns = /xmlns(?::[\w.-]+)?\s*=\s*["']http:\/\/cyclonedx\.org\/schema\/bom\/([^"']{1,20})["']/.exec(root.attributes);
    if (ns) return { format: 'cyclonedx', specVersion: ns[1]!, serialisation: 'xml' };
    return null;
  }
  if (root.name === 'rdf:RDF' && text.includes('spdx.org/rdf/terms')) {
    return { format: 'spdx', specVersion: capture(text, /specVersion>\s*SPDX-([\w.]{1,20})\s*</), serialisation: 'rdf-xml' };
  }
  if (localName === 'Document' || localName === 'SpdxDocument') {
    const version = /<spdxVersion>\s*SPDX-([\w.]{1,20})\s*</.exec(text);
    if (version) return { format: 'spdx', specVersion: version[1]!, serialisation: 'xml' };
  }
  return null;
}

function sniffLines(text: string): SniffResult | null {
  const tagValue = /^[ \t]*SPDXVersion[ \t]*:[ \t]*SPDX-([\w.]{1,20})/m.exec(text);
  if (tagValue) return { format: 'spdx', specVersion: tagValue[1]!, serialisation: 'tag-value' };
  const yaml = /^[ \t]*["']?spdxVersion["']?[ \t]*:[ \t]*["']?SPDX-([\w.]{1,20})/m.exec(text);
  if (yaml) return { format: 'spdx', specVersion: yaml[1]!, serialisation: 'yaml' };
  return null;
}

/**
 * A processing instruction or comment before the root element. Written so that no "?>" or "-->" can be skipped over:
 * with "[\s\S]*?" a lazy item could swallow the next one, and a prolog of many items split exponentially many ways.
 */
export const XML_PROLOG_ITEM = String.raw`<\?(?:[^?]|\?(?!>))*\?>|<!--(?:[^-]|-(?!->))*-->`;

/** The declaration, comments, processing instructions and a DOCTYPE (its internal subset may hold '>'). */
const PROLOG = new RegExp(String.raw`\s*(?:(?:${XML_PROLOG_ITEM})\s*|<!DOCTYPE[^[>]*(?:\[[^\]]*\])?\s*>\s*)*`, 'y');

function rootElement(text: string): { name: string; attributes: string } | null {
  PROLOG.lastIndex = 0;
  PROLOG.exec(text);
  const element = /<([A-Za-z_][\w.:-]*)([^>]*)>/y;
  element.lastIndex = PROLOG.lastIndex;
  const match = element.exec(text);
  return match ? { name: match[1]!, attributes: match[2]! } : null;
}

function firstSignificantChar(text: string): string | null {
  const match = /\S/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return match ? match[0] : null;
}

function capture(text: string, pattern: RegExp): string {
  return pattern.exec(text)?.[1] ?? 'unknown';
}

function decodeWindow(bytes: Buffer, start: number, end: number): string {
  const window = bytes.subarray(start, end);
  const whole = bytes;
  if (whole[0] === 0xef && whole[1] === 0xbb && whole[2] === 0xbf) return window.subarray(start === 0 ? 3 : 0).toString('utf8');
  const utf16 = utf16Order(whole);
  if (utf16) {
    const from = start === 0 && (whole[0] === 0xff || whole[0] === 0xfe) ? 2 : 0;
    const body = Buffer.from(window.subarray(from, from + ((window.length - from) & ~1)));
    if (utf16 === 'be') body.swap16();
    return body.toString('utf16le');
  }
  return window.toString('utf8');
}

function utf16Order(bytes: Buffer): 'le' | 'be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'be';
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) return 'be';
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return 'le';
  return null;
}
