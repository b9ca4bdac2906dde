import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIndexData, setIndexDataLoader, type IndexData } from './reference-index.js';
import { DETECTOR_VERSION } from './version.js';

/**
 * The reference index precomputed at build time (scripts/build-spdx-index.mjs → resources/spdx/), so a cold
 * start does not normalise five megabytes of license texts. A missing or stale file falls back to building.
 */
export const PRECOMPUTED_FILE = 'reference-index.bin';

/**
 * Layout: uint32 length of a JSON header, the header (stamp, vocabulary, per-reference counts), zero padding to a
 * multiple of 4, then all tokens (int32), all n-gram hashes (uint32), all optional flags and all variable flags
 * (uint8). The arrays are used in place as views of the file's buffer: no parsing, no copies.
 */
interface Header {
  stamp: string;
  vocab: string[];
  references: Array<{ id: string; kind: 'license' | 'exception'; sameTextAs: string[]; requiredCount: number; distinctNgrams: number; tokens: number; hashes: number }>;
}

const requireFromHere = createRequire(import.meta.url);

/** What the precomputed data depends on: the engine's normalisation and the SPDX package versions. */
export function indexStamp(): string {
  const list = requireFromHere('spdx-license-list/package.json') as { version: string };
  const ids = requireFromHere('spdx-license-ids/package.json') as { version: string };
  return `${DETECTOR_VERSION}|spdx-license-list@${list.version}|spdx-license-ids@${ids.version}`;
}

export function writePrecomputedIndex(dir: string): string {
  const data = buildIndexData();
  const header: Header = {
    stamp: indexStamp(),
    vocab: data.vocab.map((w) => w ?? ''),
    references: data.references.map((r) => ({ id: r.id, kind: r.kind, sameTextAs: r.sameTextAs, requiredCount: r.requiredCount, distinctNgrams: r.distinctNgrams, tokens: r.tokens.length, hashes: r.ngramHashes.length })),
  };
  const json = Buffer.from(JSON.stringify(header));
  const headerBytes = (4 + json.length + 3) & ~3;
  const tokenCount = data.references.reduce((n, r) => n + r.tokens.length, 0);
  const hashCount = data.references.reduce((n, r) => n + r.ngramHashes.length, 0);
  const out = Buffer.alloc(headerBytes + tokenCount * 4 + hashCount * 4 + tokenCount * 2);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  const tokens = new Int32Array(out.buffer, out.byteOffset + headerBytes, tokenCount);
  const hashes = new Uint32Array(out.buffer, out.byteOffset + headerBytes + tokenCount * 4, hashCount);
  const flagsAt = headerBytes + tokenCount * 4 + hashCount * 4;
  let t = 0;
  let h = 0;
  for (const r of data.references) {
    tokens.set(r.tokens, t);
    out.set(r.optional, flagsAt + t);
    out.set(r.variable, flagsAt + tokenCount + t);
    hashes.set(r.ngramHashes, h);
    t += r.tokens.length;
    h += r.ngramHashes.length;
  }
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, PRECOMPUTED_FILE);
  writeFileSync(file, out);
  return file;
}

function readIndexFile(file: string, stamp: string): IndexData | null {
  const raw = readFileSync(file);
  // A private, aligned copy of the bytes: typed-array views need 4-byte alignment.
  const buffer = new ArrayBuffer(raw.length);
  new Uint8Array(buffer).set(raw);
  const view = new DataView(buffer);
  const jsonLength = view.getUint32(0, true);
  const header = JSON.parse(Buffer.from(buffer, 4, jsonLength).toString('utf8')) as Header;
  if (header.stamp !== stamp) return null;
  const headerBytes = (4 + jsonLength + 3) & ~3;
  const tokenCount = header.references.reduce((n, r) => n + r.tokens, 0);
  const hashCount = header.references.reduce((n, r) => n + r.hashes, 0);
  const flagsAt = headerBytes + tokenCount * 4 + hashCount * 4;
  let t = 0;
  let h = 0;
  const references = header.references.map((r) => {
    const ref = {
      id: r.id,
      kind: r.kind,
      sameTextAs: r.sameTextAs,
      requiredCount: r.requiredCount,
      distinctNgrams: r.distinctNgrams,
      tokens: new Int32Array(buffer, headerBytes + t * 4, r.tokens),
      ngramHashes: new Uint32Array(buffer, headerBytes + tokenCount * 4 + h * 4, r.hashes),
      optional: new Uint8Array(buffer, flagsAt + t, r.tokens),
      variable: new Uint8Array(buffer, flagsAt + tokenCount + t, r.tokens),
    };
    t += r.tokens;
    h += r.hashes;
    return ref;
  });
  return { vocab: header.vocab, references };
}

/** Where the file may be: beside the sources, beside the bundle, or in Electron's resources folder. */
function candidateFiles(): string[] {
  const out: string[] = [];
  if (process.env.CLEARANCE_SPDX_INDEX) out.push(process.env.CLEARANCE_SPDX_INDEX);
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) out.push(path.join(resourcesPath, 'spdx', PRECOMPUTED_FILE));
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 7; i++) {
    out.push(path.join(dir, 'resources', 'spdx', PRECOMPUTED_FILE));
    dir = path.dirname(dir);
  }
  return out;
}

export function loadPrecomputedIndex(): IndexData | null {
  const stamp = indexStamp();
  for (const file of candidateFiles()) {
    if (!existsSync(file)) continue;
    try {
      const data = readIndexFile(file, stamp);
      if (data) return data;
    } catch {
      // A damaged file is ignored: the index is rebuilt from the npm packages.
    }
  }
  return null;
}

setIndexDataLoader(loadPrecomputedIndex);
