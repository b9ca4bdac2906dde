import { isAscii, isUtf8 } from 'node:buffer';

/** Turns file bytes into text, or says why they are binary. Never throws. */
export type DecodedContent =
  | { kind: 'text'; text: string; encoding: TextEncodingName }
  | { kind: 'binary'; reason: string };

/** 'utf-8+windows-1252': UTF-8 with a few invalid bytes, each read as windows-1252 (a Latin-1 edit of a UTF-8 file). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'utf-8+windows-1252' | 'ascii';

/** Magic numbers of common binary formats that may still contain few NUL bytes in their first block. */
const MAGIC: Array<[string, number[]]> = [
  ['elf', [0x7f, 0x45, 0x4c, 0x46]],
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip', [0x1f, 0x8b]],
  ['java-class', [0xca, 0xfe, 0xba, 0xbe]],
  ['pe', [0x4d, 0x5a, 0x90, 0x00]],
  ['wasm', [0x00, 0x61, 0x73, 0x6d]],
  ['bzip2', [0x42, 0x5a, 0x68]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['sqlite', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
  // Its text sits in compressed streams; read as Latin-1 the raw bytes yield made-up "(c)" statements.
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
];

const SAMPLE_BYTES = 8192;

function startsWith(buf: Buffer, bytes: number[]): boolean {
  if (buf.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[i] !== bytes[i]) return false;
  return true;
}

/** UTF-16 without a BOM: text in Latin script has a NUL in every other byte. */
function guessUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Share of bytes that are control characters no text file uses (tab, CR, LF, FF, VT, ESC excepted). */
function controlShare(buf: Buffer): { nul: number; control: number; sampled: number } {
  const n = Math.min(buf.length, SAMPLE_BYTES);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) control++;
  }
  return { nul, control, sampled: n };
}

function decodeUtf16(buf: Buffer, encoding: 'utf-16le' | 'utf-16be', skip: number): string {
  return new TextDecoder(encoding).decode(buf.subarray(skip, skip + ((buf.length - skip) & ~1)));
}

/**
 * windows-1252 for 0x80–0x9F (WHATWG Encoding table; 0x81, 0x8D, 0x8F, 0x90, 0x9D stay C1 controls); 0xA0–0xFF
 * equal Latin-1. Written out because Node's TextDecoder reads "windows-1252" as plain Latin-1 on some builds.
 */
const WINDOWS_1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252Char(byte: number): string {
  return byte < 0xa0 ? WINDOWS_1252_C1[byte - 0x80]! : String.fromCharCode(byte);
}

/** Length of the valid UTF-8 sequence starting at i (2–4), or 0 (RFC 3629: no overlongs, surrogates, > U+10FFFF). */
function utf8SequenceAt(buf: Buffer, i: number): number {
  const b = buf[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < buf.length && buf[i + k]! >= lo && buf[i + k]! <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/**
 * Not valid UTF-8 as a whole: valid UTF-8 sequences are read as UTF-8 and each other byte as windows-1252, so a
 * UTF-8 file with a few Latin-1 bytes keeps its accented letters, and a plain Latin-1 file reads as windows-1252.
 */
function decodeMixed(buf: Buffer): DecodedContent {
  const parts: string[] = [];
  let runStart = 0;
  let multiByte = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceAt(buf, i);
    if (length > 0) {
      multiByte++;
      i += length;
      continue;
    }
    if (i > runStart) parts.push(buf.toString('utf8', runStart, i));
    parts.push(windows1252Char(b));
    i++;
    runStart = i;
  }
  if (runStart < buf.length) parts.push(buf.toString('utf8', runStart));
  return { kind: 'text', text: parts.join(''), encoding: multiByte > 0 ? 'utf-8+windows-1252' : 'windows-1252' };
}

export function decodeContent(buf: Buffer): DecodedContent {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { kind: 'text', text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8' };
  }
  if (buf.length >= 4 && ((buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) || (buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff))) {
    return { kind: 'binary', reason: 'UTF-32 text is not supported' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { kind: 'text', text: decodeUtf16(buf, 'utf-16le', 2), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { kind: 'text', text: decodeUtf16(buf, 'utf-16be', 2), encoding: 'utf-16be' };

  for (const [name, bytes] of MAGIC) if (startsWith(buf, bytes)) return { kind: 'binary', reason: `${name} file signature` };

  const utf16 = guessUtf16(buf);
  if (utf16) return { kind: 'text', text: decodeUtf16(buf, utf16, 0), encoding: utf16 };

  const { nul, control, sampled } = controlShare(buf);
  if (nul > 0) return { kind: 'binary', reason: `NUL bytes (${nul} in the first ${sampled} bytes)` };
  if (sampled > 0 && control / sampled > 0.1) return { kind: 'binary', reason: `control bytes (${control} in the first ${sampled} bytes)` };

  if (isAscii(buf)) return { kind: 'text', text: buf.toString('latin1'), encoding: 'ascii' };
  if (isUtf8(buf)) return { kind: 'text', text: buf.toString('utf8'), encoding: 'utf-8' };
  return decodeMixed(buf);
}
