/** Reading imported CycloneDX objects (JSON shape) defensively: wrong types read as absent. */
type Json = Record<string, unknown>;

export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function object(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

export function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(object).filter((item): item is Json => item !== null) : [];
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
}
