import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { ProblemLog } from './problems.js';

/** Bytes to text: honours a UTF-8/UTF-16 byte-order mark, UTF-16 without one, and an XML encoding declaration. */
export function decodeSbomBytes(bytes: Buffer, log: ProblemLog, maxBytes: number): string {
  if (bytes.length > maxBytes) {
    log.reject(
      null,
      `file is ${formatBytes(bytes.length)}, larger than the limit of ${formatBytes(maxBytes)} (option maxBytes)`,
    );
  }
  try {
    return decode(bytes, log);
  } catch (error) {
    // V8 caps string length (~512 MiB); anything else here is an unsupported encoding.
    return log.reject(null, `cannot decode the file: ${(error as Error).message}`);
  }
}

function decode(bytes: Buffer, log: ProblemLog): string {
  if (bytes.length >= 4 && ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
    (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff))) {
    return log.reject(null, 'UTF-32 encoded files are not supported; convert the file to UTF-8');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3), log);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'be');
  // UTF-16 without a byte-order mark: the first character of any SBOM is ASCII, so one of its bytes is zero.
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) return decodeUtf16(bytes, 'be');
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return decodeUtf16(bytes, 'le');
  const declared = xmlDeclaredEncoding(bytes);
  if (declared && !/^utf-?8$/i.test(declared)) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(declared);
    } catch {
      return log.reject('line 1', `unsupported XML encoding "${declared}"`);
    }
    return decoder.decode(bytes);
  }
  return decodeUtf8(bytes, log);
}

function decodeUtf8(bytes: Buffer, log: ProblemLog): string {
  if (!isUtf8(bytes)) {
    log.warning(null, 'the file is not valid UTF-8; invalid bytes were replaced with U+FFFD');
  }
  return bytes.toString('utf8');
}

function decodeUtf16(bytes: Buffer, order: 'le' | 'be'): string {
  const even = bytes.length - (bytes.length % 2);
  const body = Buffer.from(bytes.subarray(0, even));
  if (order === 'be') body.swap16();
  return body.toString('utf16le');
}

function xmlDeclaredEncoding(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 200).toString('latin1');
  const match = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return match?.[1] ?? null;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** "line L, column C" of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}
