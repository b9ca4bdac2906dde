/** Length caps for stored fields: hostile manifests can hold megabyte strings; nothing useful is that long. */
export const MAX_NAME = 512;
export const MAX_VERSION = 256;
export const MAX_LICENSE = 4096;
export const MAX_TEXT = 4096;
export const MAX_URL = 2048;
/** At most this many problems are reported per file; a broken file should not produce a million. */
export const MAX_PROBLEMS = 100;

/** Trimmed string (numbers accepted: versions are sometimes written as numbers), capped, or null when empty. */
export function str(value: unknown, max: number = MAX_TEXT): string | null {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' && Number.isFinite(value)) s = String(value);
  else return null;
  if (s.length > max) s = s.slice(0, max) + '…';
  s = s.trim();
  return s === '' ? null : s;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an object to read fields from; {} when it is anything else. */
export function rec(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** Own entries only; tolerates null and non-objects. */
export function entries(value: unknown): [string, unknown][] {
  return isRecord(value) ? Object.entries(value) : [];
}

export function stripBom(content: string): string {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

/** 1-based line of a character offset. */
export function lineOfOffset(content: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, content.length);
  for (let i = content.indexOf('\n'); i !== -1 && i < end; i = content.indexOf('\n', i + 1)) line++;
  return line;
}

export function dirOf(relPath: string): string {
  const i = Math.max(relPath.lastIndexOf('/'), relPath.lastIndexOf('\\'));
  return i === -1 ? '' : relPath.slice(0, i);
}

export function baseName(relPath: string): string {
  const i = Math.max(relPath.lastIndexOf('/'), relPath.lastIndexOf('\\'));
  return i === -1 ? relPath : relPath.slice(i + 1);
}

/** Base64 digest (SRI, NuGet contentHash) to lowercase hex; null when it is not base64 of the expected size. */
export function base64ToHex(b64: string, expectedBytes?: number): string | null {
  if (!/^[A-Za-z0-9+/]+=*$/.test(b64)) return null;
  const buf = Buffer.from(b64, 'base64');
  if (expectedBytes !== undefined && buf.length !== expectedBytes) return null;
  return buf.toString('hex');
}

export function isHex(s: string): boolean {
  return /^[0-9a-fA-F]+$/.test(s);
}
